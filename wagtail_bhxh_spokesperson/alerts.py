"""The deadline alert of Decree 09/2017/NĐ-CP: details signed but not live within ``DEADLINE_HOURS``.

An appointment (:class:`~.models.Spokesperson`) or a written authorisation
(:class:`~.models.Authorisation`) whose document was signed more than
``WAGTAIL_BHXH_SPOKESPERSON["DEADLINE_HOURS"]`` hours ago and which has never
been published is *overdue*. Overdue items are listed on the admin dashboard
(:class:`~.panels.DeadlinePanel`) and emailed once to the head of the
editorial board by ``manage.py bhxh_spokesperson_alerts`` (run it from cron,
e.g. every hour).
"""

import logging
import smtplib

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from wagtail_bhxh.moderation import roles
from wagtail_bhxh.moderation.notifications import from_email

from .conf import spokesperson_settings
from .models import Authorisation, Spokesperson

logger = logging.getLogger(__name__)

ALERT_MODELS = (Spokesperson, Authorisation)


def overdue_items(now=None):
    """Every overdue appointment and authorisation, oldest signature first."""
    items = []
    for model in ALERT_MODELS:
        items.extend(model.objects.overdue(now).select_related("site"))
    return sorted(items, key=lambda item: (item.signed_at, item._meta.model_name, item.pk))


def edit_url(item, user=None):
    url = AdminURLFinder(user).get_edit_url(item) if user else AdminURLFinder().get_edit_url(item)
    return url or ""


def send_deadline_alerts(now=None):
    """Email the head about overdue items not yet alerted, and mark them. Returns (items, emails sent)."""
    now = now or timezone.now()
    with transaction.atomic():
        pending = [item for item in overdue_items(now) if item.deadline_alert_sent_at is None]
        if not pending:
            return [], 0
        base = get_admin_base_url() or ""
        lines = [(item, base + edit_url(item)) for item in pending]
        sent = 0
        heads = [user for user in roles.users_with_role(roles.HEAD) if user.email]
        for user in sorted(heads, key=lambda u: u.pk):
            with override(UserProfile.get_for_user(user).get_preferred_language()):
                context = {
                    "items": lines,
                    "hours": spokesperson_settings.DEADLINE_HOURS,
                    "user": user,
                }
                subject = render_to_string("wagtail_bhxh_spokesperson/emails/deadline_subject.txt", context)
                body = render_to_string("wagtail_bhxh_spokesperson/emails/deadline.txt", context)
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
                logger.exception("Could not email %s about overdue spokesperson details", user.email)
        if sent:
            for model in ALERT_MODELS:
                ids = [item.pk for item in pending if isinstance(item, model)]
                model.objects.filter(pk__in=ids).update(deadline_alert_sent_at=now)
        return pending, sent
