"""Periodic review: the overdue list (organisation pages first), marking reviewed, and the owners' reminder."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.utils import get_admin_base_url

from wagtail_bhxh.models import OrganisationPageMixin

from .models import PageReview

#: Reminders are repeated at most this often for the same page.
REMIND_EVERY = datetime.timedelta(days=7)


def priority(review):
    """Organisation pages come first (Dispatch 3216 asks for current contacts), then the longest overdue."""
    is_organisation = issubclass(review.page.specific_class or object, OrganisationPageMixin)
    return (0 if is_organisation else 1, review.due_on, review.pk)


def overdue(today=None):
    return sorted(PageReview.objects.overdue(today), key=priority)


def mark_reviewed(review, today=None):
    review.last_reviewed = today or timezone.localdate()
    review.reminded_at = None
    review.save(update_fields=["last_reviewed", "reminded_at"])
    return review


def send_review_reminders(today=None, now=None):
    """Email each responsible person the overdue pages not reminded in the last week. Returns emails sent."""
    now = now or timezone.now()
    by_person = {}
    for review in overdue(today):
        person = review.responsible
        if person is None or not person.is_active or not person.email:
            continue
        if review.reminded_at and review.reminded_at > now - REMIND_EVERY:
            continue
        by_person.setdefault(person, []).append(review)
    base = get_admin_base_url() or ""
    sent = 0
    for person, reviews in sorted(by_person.items(), key=lambda item: item[0].pk):
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "reviews": [(r, base + reverse("wagtailadmin_pages:edit", args=(r.page_id,))) for r in reviews],
                "url": base + reverse("wagtail_bhxh_editorial:reviews"),
            }
            subject = render_to_string("wagtail_bhxh_editorial/email/review_reminder_subject.txt", context)
            body = render_to_string("wagtail_bhxh_editorial/email/review_reminder.txt", context)
        sent += send_mail(" ".join(subject.split()), body, None, [person.email])
        PageReview.objects.filter(pk__in=[r.pk for r in reviews]).update(reminded_at=now)
    return sent
