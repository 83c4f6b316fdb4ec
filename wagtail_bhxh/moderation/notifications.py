"""Emails of the editorial process, through Django's email backend.

Wagtail already emails the submitter when a workflow is rejected or
approved. These notifications cover what it does not:

- each approval step emails its approvers (Wagtail's group notifier only
  handles plain ``TaskState``), leaving out those the four-eyes rule bars;
- a request for changes at any step (a person's, or the standards check's)
  reaches every author of the page (the
  submitter, the page's owner, whoever last edited it and the credited staff),
  with the comment, whatever their notification preferences — except where
  Wagtail's own email already reaches them, so nobody gets it twice;
- "approve with comment" reaches the authors with the comment;
- urgent publications, takedown requests and decisions reach who must act.

Templates: ``wagtail_bhxh/moderation/emails/<name>_subject.txt`` and ``<name>.txt``.
"""

import contextvars
import logging
import smtplib
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from ..models.base import BasePage
from ..models.page_relations import vietnamese_full_name
from . import roles
from .workflow import content_of

logger = logging.getLogger(__name__)


def admin_url(name, *args):
    return (get_admin_base_url() or "") + reverse(name, args=args)


_suppressed = contextvars.ContextVar("bhxh_notifications_suppressed", default=False)


@contextmanager
def suppressed():
    """No email from the editorial process in here (bulk imports, demo content)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def from_email():
    return getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL


def send(recipients, template, context, *, preference=None):
    """Email each active recipient with an address, in their admin language. Returns the number sent."""
    if _suppressed.get():
        return 0
    recipients = {user for user in recipients if user is not None and user.is_active and user.email}
    sent = 0
    for user in sorted(recipients, key=lambda u: u.pk):
        profile = UserProfile.get_for_user(user)
        if preference and not getattr(profile, f"{preference}_notifications", True):
            continue
        with override(profile.get_preferred_language()):
            message_context = {**context, "user": user, "recipient_name": vietnamese_full_name(user)}
            subject = render_to_string(f"wagtail_bhxh/moderation/emails/{template}_subject.txt", message_context)
            body = render_to_string(f"wagtail_bhxh/moderation/emails/{template}.txt", message_context)
        message = EmailMultiAlternatives(
            " ".join(subject.split()),
            body.strip(),
            from_email(),
            [user.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        try:
            sent += message.send()
        except (smtplib.SMTPException, OSError):
            logger.exception("Could not email %s about %s", user.email, template)
    return sent


def page_authors(page, workflow_state=None):
    """Who wrote the page: the workflow's submitter, the owner, the last editor and credited staff."""
    from wagtail_bhxh.models import PageCredit

    authors = set()
    if workflow_state is not None and workflow_state.requested_by_id:
        authors.add(workflow_state.requested_by)
    if getattr(page, "owner_id", None):
        authors.add(page.owner)
    latest = page.get_latest_revision()
    if latest is not None and latest.user_id:
        authors.add(latest.user)
    if isinstance(page, BasePage):  # snippets in the workflow have no credits
        for credit in PageCredit.objects.filter(page_id=page.pk, user__isnull=False).select_related("user"):
            authors.add(credit.user)
    return authors


def _task_context(task_state):
    workflow_state = task_state.workflow_state
    page = content_of(workflow_state)
    if isinstance(page, BasePage):
        edit_url = admin_url("wagtailadmin_pages:edit", page.pk)
        history_url = admin_url("wagtailadmin_pages:workflow_history", page.pk)
    else:  # a snippet moderated by the workflow (e.g. the spokesperson)
        edit_url = history_url = (get_admin_base_url() or "") + (AdminURLFinder().get_edit_url(page) or "")
    return {
        "page": page,
        "task": task_state.task,
        "task_state": task_state,
        "workflow": workflow_state.workflow,
        "workflow_state": workflow_state,
        "comment": task_state.comment,
        "edit_url": edit_url,
        "history_url": history_url,
    }


def notify_step_waiting(instance, user=None, **kwargs):
    """task_submitted: the approvers of the new step, minus the triggering user and four-eyes conflicts."""
    from .workflow import four_eyes_conflict

    task = instance.task.specific
    page = instance.workflow_state.content_object
    members = get_user_model().objects.filter(is_active=True, groups__in=task.groups.all()).distinct()
    recipients = [
        member
        for member in members
        if (user is None or member.pk != user.pk) and four_eyes_conflict(page, member, fresh=False) is None
    ]
    context = _task_context(instance)
    context["reasons"] = getattr(instance, "reasons", [])
    send(recipients, "step_waiting", context, preference="submitted")


def _wagtail_rejection_reaches(user, workflow_state, triggering_user):
    """Whether Wagtail's own rejection email goes to ``user`` (so ours would be a duplicate).

    Wagtail emails the submitter, unless the submitter is the user whose
    action moved the workflow (for an automatic rejection, whoever submitted).
    """
    requester = workflow_state.requested_by
    if requester is None or requester.pk != user.pk:
        return False
    if triggering_user is not None and triggering_user.pk == requester.pk:
        return False
    return bool(user.is_active and user.email and UserProfile.get_for_user(user).rejected_notifications)


def notify_changes_requested(instance, user=None, **kwargs):
    """workflow_rejected: every author gets the comment of the step that sent the page back, once."""
    from ..models.moderation import ContentStandardsTaskState, RoleApprovalTaskState

    task_state = instance.current_task_state.specific
    if not isinstance(task_state, ContentStandardsTaskState | RoleApprovalTaskState):
        return
    rejector = task_state.finished_by
    page = content_of(instance)
    recipients = [
        author
        for author in page_authors(page, instance)
        if (rejector is None or author.pk != rejector.pk) and not _wagtail_rejection_reaches(author, instance, user)
    ]
    send(recipients, "changes_requested", {**_task_context(task_state), "rejected_by": rejector})


def notify_approved_with_comment(instance, user=None, **kwargs):
    """task_approved with a comment: the authors read it."""
    if not (instance.comment or "").strip():
        return
    workflow_state = instance.workflow_state
    page = content_of(workflow_state)
    recipients = [author for author in page_authors(page, workflow_state) if user is None or author.pk != user.pk]
    send(recipients, "approved_with_comment", {**_task_context(instance), "approved_by": user})


def notify_urgent_publication(approval):
    recipients = [
        member
        for code in roles.RETROSPECTIVE_APPROVER_ROLES
        for member in roles.users_with_role(code)
        if member.pk != approval.published_by_id
    ]
    send(
        recipients,
        "urgent_publication",
        {
            "approval": approval,
            "page": approval.page,
            "url": admin_url("wagtail_bhxh_retrospective:approve", approval.pk),
        },
    )


def notify_takedown_requested(takedown):
    recipients = [member for member in roles.users_with_role(roles.HEAD) if member.pk != takedown.requested_by_id]
    send(
        recipients,
        "takedown_requested",
        {"takedown": takedown, "url": admin_url("wagtail_bhxh_takedown:decide", takedown.pk)},
    )


def notify_takedown_decided(takedown):
    if takedown.requested_by_id == takedown.decided_by_id:
        return
    send(
        [takedown.requested_by],
        "takedown_decided",
        {"takedown": takedown, "url": admin_url("wagtail_bhxh_takedown:inspect", takedown.pk)},
    )
