"""The approval step of the annual plan's workflow.

Like the Decision 2474 steps, only members of the chosen groups act
(superusers included only if they are members: the Director's approval is a
role, not an administrator's right), nobody approves a version they
submitted or last edited, and sending back needs a comment.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState

from wagtail_bhxh.models.moderation import RejectionForm


class PlanApprovalTaskState(TaskState):
    class Meta:
        verbose_name = _("plan approval state")
        verbose_name_plural = _("plan approval states")


class PlanApprovalTask(AbstractGroupApprovalTask):
    task_state_class = PlanApprovalTaskState

    class Meta:
        verbose_name = _("plan approval")
        verbose_name_plural = _("plan approvals")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve or send back the plan; nobody approves a version "
            "they submitted or last edited."
        )

    def user_can_access_editor(self, obj, user):
        return self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        return not self._user_in_groups(user)

    def get_actions(self, obj, user):
        from wagtail_bhxh.moderation.workflow import four_eyes_conflict

        if not user.is_active or not self._user_in_groups(user) or four_eyes_conflict(obj, user) is not None:
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_form_for_action(self, action):
        return RejectionForm if action == "reject" else TaskStateCommentForm

    def check_action(self, task_state, user, action_name, data):
        """Refuse whatever the request said if ``user`` may not take this action now."""
        from wagtail_bhxh.moderation.workflow import FOUR_EYES_MESSAGES, four_eyes_conflict

        workflow_state = task_state.workflow_state
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
            or workflow_state.current_task_state_id != task_state.pk
            or task_state.task_id != self.pk
        ):
            raise PermissionDenied(_("This step is no longer awaiting a decision."))
        if action_name not in ("approve", "reject") or not user.is_active or not self._user_in_groups(user):
            raise PermissionDenied(_("You are not an approver of this step."))
        conflict = four_eyes_conflict(workflow_state.content_object, user, fresh=True)
        if conflict is not None:
            raise PermissionDenied(FOUR_EYES_MESSAGES[conflict])
        if action_name == "reject" and not str(data.get("comment", "")).strip():
            raise PermissionDenied(_("Requesting changes needs a comment saying what to change."))

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_action(task_state, user, action_name, kwargs)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from wagtail_bhxh.moderation.workflow import exclude_four_eyes_conflicts

        if not self._user_in_groups(user):
            return TaskState.objects.none()
        return exclude_four_eyes_conflicts(self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS), user)
