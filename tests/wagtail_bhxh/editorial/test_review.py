"""Periodic review: overdue pages listed (organisation first), marked reviewed, owners reminded weekly."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationPageFactory, StandardPageFactory
from wagtail_bhxh.editorial import review
from wagtail_bhxh.editorial.models import PageReview


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def test_setup_schedules_organisation_pages_and_lists_them_first(editorial):
    page = StandardPageFactory(parent=editorial.home, title="Thủ tục hành chính", owner=editorial.users.editor)
    PageReview.objects.create(page=page, interval_days=30, last_reviewed=days_ago(400))
    organisation = OrganisationPageFactory(parent=editorial.home, title="Giới thiệu", last_reviewed=days_ago(200))
    call_command("bhxh_setup", verbosity=0)
    schedule = PageReview.objects.get(page=organisation)
    assert schedule.last_reviewed == days_ago(200)
    assert [r.page_id for r in review.overdue()] == [organisation.pk, page.pk]


def test_only_editors_of_the_page_mark_it_reviewed(editorial, as_user):
    page = StandardPageFactory(parent=editorial.home, title="Hỏi đáp", owner=editorial.users.editor)
    schedule = PageReview.objects.create(page=page, interval_days=30, last_reviewed=days_ago(60))
    url = reverse("wagtail_bhxh_editorial:mark_reviewed", args=(schedule.pk,))
    as_user(editorial.users.accountant).post(url)
    schedule.refresh_from_db()
    assert schedule.last_reviewed == days_ago(60)
    listing = as_user(editorial.users.editor).get(reverse("wagtail_bhxh_editorial:reviews")).content.decode()
    assert "Hỏi đáp" in listing
    as_user(editorial.users.editor).post(url)
    schedule.refresh_from_db()
    assert schedule.last_reviewed == timezone.localdate()
    assert (
        "Hỏi đáp" not in as_user(editorial.users.editor).get(reverse("wagtail_bhxh_editorial:reviews")).content.decode()
    )


def test_owners_are_reminded_at_most_weekly(editorial):
    page = StandardPageFactory(parent=editorial.home, title="Liên hệ", owner=editorial.users.editor)
    PageReview.objects.create(page=page, interval_days=30, last_reviewed=days_ago(31), owner=editorial.users.secretary)
    PageReview.objects.create(
        page=StandardPageFactory(parent=editorial.home, title="Mới rà soát"),
        interval_days=30,
        last_reviewed=days_ago(2),
    )
    call_command("bhxh_review_reminders", verbosity=0)
    call_command("bhxh_review_reminders", verbosity=0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [editorial.users.secretary.email]
    assert "Liên hệ" in mail.outbox[0].body and "Mới rà soát" not in mail.outbox[0].body
    review.send_review_reminders(now=timezone.now() + datetime.timedelta(days=8))
    assert len(mail.outbox) == 2
