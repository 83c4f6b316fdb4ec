"""Permission policies of the process's records: they are added, decided and read, never edited or deleted."""

from wagtail.permission_policies import ModelPermissionPolicy

from ..models.moderation import RetrospectiveApproval
from ..models.takedown import PageNotice, TakedownRequest


class RecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, minus the actions nobody (superusers included) may take on a record."""

    def __init__(self, model, frozen_actions=("change", "delete")):
        super().__init__(model)
        self.frozen_actions = frozenset(frozen_actions)

    def user_has_permission(self, user, action):
        if action in self.frozen_actions:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.frozen_actions])


takedown_policy = RecordPermissionPolicy(TakedownRequest)
notice_policy = RecordPermissionPolicy(PageNotice)
retrospective_policy = RecordPermissionPolicy(RetrospectiveApproval, frozen_actions=("add", "change", "delete"))

POLICIES = {TakedownRequest: takedown_policy, PageNotice: notice_policy, RetrospectiveApproval: retrospective_policy}
