"""Taking a page down (gỡ tin) once the head approves, and the corrections appended to live pages.

Every outcome keeps the page's revisions, stores an archived snapshot on
the request, records who, when and why in the audit log, cancels any
workflow that would publish the page again, and sends
``wagtail_bhxh.signals.page_taken_down`` so search drops or demotes the page
at once.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from ..models.takedown import PageNotice, TakedownRequest
from ..signals import page_taken_down
from . import notifications
from .roles import HEAD, user_has_role


def purge_from_frontend_cache(page):
    """A page whose content changed without a publish (banner, correction) leaves any front-end cache."""
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

        purge_page_from_cache(page)


def _json(value):
    return DjangoJSONEncoder().default(value) if value is not None else None


def archive_snapshot(page, request=None):
    """(data, html) of the page as published: its live revision's content, and the page as citizens saw it."""
    revision = page.live_revision
    data = {
        "page_id": page.pk,
        "title": page.title,
        "url": page.get_url(request) or "",
        "url_path": page.url_path,
        "page_type": page._meta.label,
        "live_revision_id": revision.pk if revision else None,
        "first_published_at": _json(page.first_published_at),
        "last_published_at": _json(page.last_published_at),
        "content": revision.content if revision else {},
    }
    html = ""
    if request is not None and page.live:
        response = page.make_preview_request(request, page.default_preview_mode)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200:
            html = response.content.decode(response.charset or "utf-8")
    return data, html


def _log(takedown, action, user, page=None, **extra):
    page = page or (takedown.page.specific if takedown.page_id else None)
    if page is None:
        return
    log(
        instance=page,
        action=action,
        user=user,
        data={
            "takedown": {
                "id": takedown.pk,
                "reason": takedown.reason,
                "reason_label": str(takedown.get_reason_display()),
                "urgency": takedown.urgency,
                "details": takedown.reason_text,
            },
            **extra,
        },
    )


def record_request(takedown):
    """A new request is in the audit log and in the heads' inbox."""
    _log(takedown, "wagtail_bhxh.takedown.requested", takedown.requested_by)
    notifications.notify_takedown_requested(takedown)


def approve(takedown, *, user, outcome, comment, replacement=None, public_note="", request=None):
    """The head approves: carry the outcome out now. Raises PermissionDenied for anyone else."""
    if not user_has_role(user, HEAD) or not takedown.is_pending or takedown.page_id is None:
        raise PermissionDenied(_("Only the head of the editorial board decides takedown requests."))
    page = takedown.page.specific
    Outcome = TakedownRequest.Outcome
    with transaction.atomic():
        takedown.snapshot, takedown.snapshot_html = archive_snapshot(page, request)
        takedown.revision = page.live_revision
        workflow_state = page.current_workflow_state
        if workflow_state is not None:
            # An edit in moderation would otherwise publish the page again.
            workflow_state.cancel(user=user)
        if outcome in (Outcome.REMOVED, Outcome.CONSOLIDATED) and page.live:
            UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
        now = timezone.now()
        takedown.status = TakedownRequest.Status.APPROVED
        takedown.outcome = outcome
        takedown.decided_by = user
        takedown.decided_at = now
        takedown.decision_comment = comment
        takedown.replacement_page = replacement if outcome == Outcome.CONSOLIDATED else None
        takedown.public_note = public_note
        takedown.save()
        if outcome == Outcome.WITHDRAWN:
            PageNotice.objects.create(
                page=page,
                kind=PageNotice.Kind.WITHDRAWAL,
                text=public_note,
                published_at=now,
                created_by=user,
                takedown=takedown,
            )
        _log(
            takedown,
            f"wagtail_bhxh.takedown.{outcome}",
            user,
            page,
            comment=comment,
            replacement={"id": replacement.pk, "title": replacement.title} if replacement else None,
        )
    purge_from_frontend_cache(page)
    page_taken_down.send(sender=type(page), page=page, outcome=outcome, request=request, takedown_request=takedown)
    notifications.notify_takedown_decided(takedown)
    return takedown


def reject(takedown, *, user, comment):
    if not user_has_role(user, HEAD) or not takedown.is_pending:
        raise PermissionDenied(_("Only the head of the editorial board decides takedown requests."))
    takedown.status = TakedownRequest.Status.REJECTED
    takedown.decided_by = user
    takedown.decided_at = timezone.now()
    takedown.decision_comment = comment
    takedown.save(update_fields=["status", "decided_by", "decided_at", "decision_comment"])
    _log(takedown, "wagtail_bhxh.takedown.rejected", user, comment=comment)
    notifications.notify_takedown_decided(takedown)
    return takedown


def cancel(takedown, *, user):
    """The requester withdraws a request still pending."""
    if not takedown.is_pending or takedown.requested_by_id != user.pk:
        raise PermissionDenied(_("Only the requester can withdraw a pending request."))
    takedown.status = TakedownRequest.Status.CANCELLED
    takedown.save(update_fields=["status"])
    _log(takedown, "wagtail_bhxh.takedown.cancelled", user)
    return takedown


def add_correction(notice, *, user):
    """Save a correction notice on a live page, log it and refresh caches."""
    notice.kind = PageNotice.Kind.CORRECTION
    notice.created_by = user
    notice.save()
    page = notice.page.specific
    log(
        instance=page,
        action="wagtail_bhxh.correction.added",
        user=user,
        data={"notice": {"id": notice.pk, "text": notice.text, "date": notice.published_at.isoformat()}},
    )
    purge_from_frontend_cache(page)
    return notice
