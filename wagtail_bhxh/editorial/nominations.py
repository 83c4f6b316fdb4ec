"""Quarterly model articles: nominate, decide, and email to the central portal exactly once.

Sending claims the nomination first (``approved``/``failed`` → ``sending`` in
one UPDATE), so a double click, two heads at once or the retry command racing
a person can never send it twice: only the request that changed the row
sends. Every attempt is recorded with its Message-ID and result; a failed
attempt leaves the nomination ``failed``, visible and retryable. A
nomination left ``sending`` (the process died mid-send) is not retried
automatically, as the message may have left: a person checks and decides.
"""

import mimetypes
import os
import re
import smtplib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.images.models import AbstractImage
from wagtail.models import Site

from wagtail_bhxh.conf import bhxh_settings
from wagtail_bhxh.models import ContentPageMixin, PortalSettings
from wagtail_bhxh.models.page_relations import vietnamese_full_name
from wagtail_bhxh.moderation import roles

from .models import Nomination, NominationDelivery
from .models.nominations import quarter_of
from .norms import approved_plan

DEFAULT_PER_QUARTER = 2


def quarter_target(year):
    plan = approved_plan(year)
    return plan.nominations_per_quarter if plan else DEFAULT_PER_QUARTER


def can_nominate(user):
    return bool(user.is_active and user.has_perm("wagtail_bhxh_editorial.add_nomination"))


def can_decide(user):
    """Approving and sending are the head's (by role, not by a permission anyone may be given)."""
    return roles.user_has_role(user, roles.HEAD)


def nominate(page, user, note, today=None):
    if not can_nominate(user):
        raise PermissionDenied
    page = page.specific
    if not isinstance(page, ContentPageMixin) or not page.live:
        raise ValidationError(_("Only a published article, infographic or video can be nominated."))
    if not note.strip():
        raise ValidationError(_("Say why this article is a model example."))
    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            return Nomination.objects.create(
                page=page,
                page_title=page.title,
                note=note.strip(),
                year=today.year,
                quarter=quarter_of(today),
                nominated_by=user,
            )
    except IntegrityError:
        raise ValidationError(_("This article is already nominated this quarter.")) from None


def decide(nomination, user, approve):
    if not can_decide(user):
        raise PermissionDenied
    status = Nomination.Status.APPROVED if approve else Nomination.Status.REJECTED
    changed = Nomination.objects.filter(pk=nomination.pk, status=Nomination.Status.PROPOSED).update(
        status=status, decided_by=user, decided_at=timezone.now()
    )
    if not changed:
        raise ValidationError(_("This nomination has already been decided."))
    nomination.refresh_from_db()
    return nomination


# --- The message ---------------------------------------------------------------------


def _images(page):
    """The page's images: its feature image, then those of its StreamFields, each once."""
    found = []
    if getattr(page, "feature_image", None):
        found.append(page.feature_image)

    def walk(value):
        if isinstance(value, AbstractImage):
            found.append(value)
        elif hasattr(value, "items"):  # StructValue
            for child in value.values():
                walk(child)
        elif hasattr(value, "raw_data"):  # StreamValue, ListValue
            for child in value:
                walk(getattr(child, "value", child))
        elif isinstance(value, list | tuple):
            for child in value:
                walk(getattr(child, "value", child))

    for name in ("body", "images"):
        if hasattr(page, name):
            walk(getattr(page, name))
    unique = {}
    for image in found:
        unique.setdefault(image.pk, image)
    return list(unique.values())


def _absolute(html, base_url):
    return re.sub(r'(href|src)="/(?!/)', lambda m: f'{m.group(1)}="{base_url}/', html)


def province_name(site=None):
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    portal = PortalSettings.for_site(site)
    return portal.short_name or portal.organisation_name or site.site_name


def build_message(nomination, message_id):
    """The email to the central portal: Vietnamese subject, the article as HTML, its images attached."""
    page = nomination.page.specific
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    base_url = (site.root_url if site else get_admin_base_url() or "").rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        province = province_name(site)
        images = _images(page)
        context = {
            "nomination": nomination,
            "page": page,
            "province": province,
            "url": page.get_full_url() or "",
            "byline": getattr(page, "byline", ""),
            "nominated_by": vietnamese_full_name(nomination.nominated_by) if nomination.nominated_by else "",
            "images": images,
        }
        subject = _("[%(province)s] Model article, quarter %(quarter)s/%(year)s: %(title)s") % {
            "province": province,
            "quarter": nomination.quarter,
            "year": nomination.year,
            "title": page.title,
        }
        html = _absolute(render_to_string("wagtail_bhxh_editorial/email/nomination.html", context), base_url)
        text = render_to_string("wagtail_bhxh_editorial/email/nomination.txt", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        text.strip(),
        None,
        [bhxh_settings.EDITORIAL_CENTRAL_EMAIL],
        headers={"Message-ID": message_id},
    )
    message.attach_alternative(html, "text/html")
    for image in images:
        with image.file.open("rb") as handle:
            content = handle.read()
        name = os.path.basename(image.file.name)
        message.attach(name, content, mimetypes.guess_type(name)[0] or "application/octet-stream")
    return message


def _message_domain():
    address = settings.DEFAULT_FROM_EMAIL
    return address.rsplit("@", 1)[-1].strip(" >") if "@" in address else None


# --- Sending -----------------------------------------------------------------------------


class NotSendable(Exception):
    """The nomination is not approved, already sent, or being sent by someone else."""


def send_nomination(nomination, user=None):
    """Email an approved (or failed) nomination once. Returns its NominationDelivery.

    Raises NotSendable when another request already claimed it or it is not
    approved; nothing is sent then.
    """
    claimed = Nomination.objects.filter(
        pk=nomination.pk, status__in=[Nomination.Status.APPROVED, Nomination.Status.FAILED], page__isnull=False
    ).update(status=Nomination.Status.SENDING)
    if not claimed:
        raise NotSendable
    nomination.refresh_from_db()
    message_id = make_msgid("bhxh-nomination", domain=_message_domain())
    recipient = bhxh_settings.EDITORIAL_CENTRAL_EMAIL
    try:
        build_message(nomination, message_id).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        delivery = NominationDelivery.objects.create(
            nomination=nomination,
            attempted_by=user,
            recipient=recipient,
            message_id=message_id,
            result=NominationDelivery.Result.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        Nomination.objects.filter(pk=nomination.pk).update(status=Nomination.Status.FAILED)
    else:
        delivery = NominationDelivery.objects.create(
            nomination=nomination,
            attempted_by=user,
            recipient=recipient,
            message_id=message_id,
            result=NominationDelivery.Result.SENT,
        )
        Nomination.objects.filter(pk=nomination.pk).update(
            status=Nomination.Status.SENT, sent_at=delivery.attempted_at, message_id=message_id
        )
    nomination.refresh_from_db()
    return delivery


def retry_failed(max_attempts):
    """Send every failed nomination again while it has had fewer than ``max_attempts`` attempts."""
    results = []
    for nomination in Nomination.objects.filter(status=Nomination.Status.FAILED).order_by("pk"):
        if nomination.deliveries.count() >= max_attempts:
            continue
        try:
            results.append(send_nomination(nomination))
        except NotSendable:
            continue
    return results
