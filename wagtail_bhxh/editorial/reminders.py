"""The reminder to the head when the month's norms lag (sent by ``manage.py bhxh_norms_reminder``)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail_bhxh.conf import bhxh_settings
from wagtail_bhxh.moderation import roles

from . import norms
from .kinds import kind_label
from .models import NormReminder


def send_norms_reminder(today=None):
    """Email the heads once a month when two thirds of it are gone and a kind is under the threshold.

    Returns the NormReminder sent, or None (too early, on track, no head with an
    email address, or already sent this month).
    """
    today = today or timezone.localdate()
    month = norms.month_start(today)
    if NormReminder.objects.filter(month=month).exists():
        return None
    percent = bhxh_settings.EDITORIAL_REMINDER_PERCENT
    lines = norms.reminder_shortfalls(today, percent)
    if not lines:
        return None
    recipients = sorted({user.email for user in roles.users_with_role(roles.HEAD) if user.email})
    if not recipients:
        return None
    shortfalls = {line.kind: {"count": line.count, "target": line.target} for line in lines}
    try:
        with transaction.atomic():
            reminder = NormReminder.objects.create(month=month, recipients=", ".join(recipients), shortfalls=shortfalls)
    except IntegrityError:  # another run got there first
        return None
    with translation.override(settings.LANGUAGE_CODE):
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        context = {
            "month": month,
            "today": today,
            "percent": percent,
            "lines": [(kind_label(line.kind), line) for line in lines],
            "url": base_url + reverse("wagtail_bhxh_editorial:norms"),
        }
        subject = render_to_string("wagtail_bhxh_editorial/email/norms_reminder_subject.txt", context).strip()
        body = render_to_string("wagtail_bhxh_editorial/email/norms_reminder.txt", context)
    send_mail(subject, body, None, recipients)
    return reminder
