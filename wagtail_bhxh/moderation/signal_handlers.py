"""Signal handlers of the editorial process, connected by the core app's ``ready()``."""

from django.db.models.signals import post_save
from wagtail.models import WorkflowState
from wagtail.signals import task_approved, task_submitted, workflow_rejected

from ..models.moderation import HeadApprovalTaskState, RoleApprovalTaskState
from . import notifications


def assign_workflow_to_new_section(sender, instance, created, raw=False, **kwargs):
    """A news, media or legal-document section created after ``bhxh_setup`` is moderated too."""
    if not created or raw:
        return
    from .workflow import assign_workflow, get_editorial_workflow, section_classes

    if not isinstance(instance, section_classes()):
        return
    workflow = get_editorial_workflow()
    if workflow is not None and workflow.active:
        assign_workflow(instance, workflow)


def register_signal_handlers():
    for state_class in (RoleApprovalTaskState, HeadApprovalTaskState):
        task_submitted.connect(
            notifications.notify_step_waiting,
            sender=state_class,
            dispatch_uid=f"bhxh_step_waiting_{state_class.__name__}",
        )
        task_approved.connect(
            notifications.notify_approved_with_comment,
            sender=state_class,
            dispatch_uid=f"bhxh_approved_with_comment_{state_class.__name__}",
        )
    workflow_rejected.connect(
        notifications.notify_changes_requested, sender=WorkflowState, dispatch_uid="bhxh_changes_requested"
    )
    post_save.connect(assign_workflow_to_new_section, dispatch_uid="bhxh_assign_workflow_to_new_section")
