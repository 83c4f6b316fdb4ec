"""Permission policy of the spokesperson snippets: the Decision 2474 workflow publishes, not the approver.

In Decision 2474 only the head publishes directly; deputy heads approve in the
workflow and hold no publish permission. Wagtail publishes a finished snippet
workflow as its last approver, asking that user's ``publish`` permission, so
the policy allows it while the core's workflow is finishing an approval step
(:func:`wagtail_bhxh.moderation.workflow.workflow_may_publish`), and only then.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from wagtail_bhxh.moderation import workflow as editorial_workflow


def workflow_is_publishing():
    return bool(editorial_workflow._finishing.get())


class PressContactPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "publish" and user.is_active and workflow_is_publishing():
            return True
        return super().user_has_permission(user, action)
