"""Admin hook functions around publishing: urgent publications and standards feedback on submission.

A publication outside the workflow of a page the Decision 2474 workflow
covers (the head's urgent "publish now", or any direct publish or schedule)
creates a :class:`~wagtail_bhxh.models.RetrospectiveApproval` that stays
pending until a deputy head or another head approves it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

from ..models.moderation import RetrospectiveApproval
from . import notifications
from .workflow import is_editorial_workflow


def record_urgent_publication(user, page):
    page = page.specific
    if not is_editorial_workflow(page.get_workflow()):
        return None
    revision = page.scheduled_revision or page.live_revision
    if revision is None:
        return None
    with transaction.atomic():
        approval = RetrospectiveApproval.objects.pending().filter(page=page).first() or RetrospectiveApproval(page=page)
        approval.page_title = page.title
        approval.revision = revision
        approval.published_by = user
        approval.published_at = timezone.now()
        approval.scheduled_for = revision.approved_go_live_at
        approval.save()
        log(
            instance=page,
            action="wagtail_bhxh.publish.urgent",
            user=user,
            revision=revision,
            data={
                "approval": {"id": approval.pk},
                "scheduled_for": revision.approved_go_live_at.isoformat() if revision.approved_go_live_at else None,
            },
        )
    notifications.notify_urgent_publication(approval)
    return approval


def after_publish_page(request, page):
    record_urgent_publication(request.user, page)


def after_bulk_action(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return
    for obj in objects:
        if hasattr(obj, "get_workflow"):
            obj.refresh_from_db()
            record_urgent_publication(request.user, obj)


def approve_retrospectively(approval, user, comment=""):
    approval.approve(user, comment)
    if approval.page_id:
        log(
            instance=approval.page.specific,
            action="wagtail_bhxh.publish.retrospective_approval",
            user=user,
            revision=approval.revision,
            data={"approval": {"id": approval.pk}, "published_by": approval.published_by_id, "comment": comment},
        )
    return approval


def standards_feedback_after_submit(request, page):
    """After "Submit", say at once if the standards check sent the page back, and why."""
    if request.method != "POST" or not request.POST.get("action-submit"):
        return
    state = (
        WorkflowState.objects.for_instance(page).select_related("current_task_state").order_by("-created_at").first()
    )
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state.specific
    if task_state.status != TaskState.STATUS_REJECTED or task_state.finished_by_id is not None:
        return
    messages.error(
        request,
        _("The page does not meet the content standards and was sent back to you. %(findings)s")
        % {"findings": task_state.comment},
    )
