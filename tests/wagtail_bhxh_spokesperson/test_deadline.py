"""The deadline alert: details signed but not live after DEADLINE_HOURS, on the dashboard and emailed to the head."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail_bhxh_spokesperson.alerts import overdue_items, send_deadline_alerts
from wagtail_bhxh_spokesperson.models import Spokesperson

from .conftest import make_authorisation, make_spokesperson

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def test_only_unpublished_items_signed_past_the_deadline_are_overdue(home):
    late = make_spokesperson(live=False, signed_at=hours_ago(13))
    make_spokesperson(
        full_name="Chưa quá hạn", live=False, signed_at=hours_ago(11), term_start=datetime.date(2026, 1, 2)
    )
    make_spokesperson(
        full_name="Đã đăng",
        signed_at=hours_ago(48),
        term_start=datetime.date(2024, 1, 1),
        term_end=datetime.date(2024, 12, 31),
    )
    late_authorisation = make_authorisation(live=False, signed_at=hours_ago(30))
    assert overdue_items() == [late_authorisation, late]


def test_the_deadline_follows_the_setting(home, settings):
    person = make_spokesperson(live=False, signed_at=hours_ago(13))
    settings.WAGTAIL_BHXH_SPOKESPERSON = {"DEADLINE_HOURS": 24}
    assert overdue_items() == []
    settings.WAGTAIL_BHXH_SPOKESPERSON = {"DEADLINE_HOURS": 2}
    assert overdue_items() == [person]


def test_the_head_is_emailed_once(editorial):
    person = make_spokesperson(live=False, signed_at=hours_ago(20))
    mail.outbox.clear()
    call_command("bhxh_spokesperson_alerts", stdout=open("/dev/null", "w"))
    assert [message.to for message in mail.outbox] == [[editorial.head.email]]
    body = mail.outbox[0].body
    assert person.full_name in body and "12" in mail.outbox[0].subject
    assert reverse("wagtailsnippets_wagtail_bhxh_spokesperson_spokesperson:edit", args=(person.pk,)) in body
    # Running cron again sends nothing new.
    call_command("bhxh_spokesperson_alerts", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    assert Spokesperson.objects.get(pk=person.pk).deadline_alert_sent_at is not None


def test_a_dry_run_sends_nothing(editorial, capsys):
    make_spokesperson(live=False, signed_at=hours_ago(20))
    mail.outbox.clear()
    call_command("bhxh_spokesperson_alerts", "--dry-run")
    assert mail.outbox == []
    assert "1 overdue item(s)" in capsys.readouterr().out


def test_without_a_head_the_alert_is_kept_for_the_next_run(home):
    make_spokesperson(live=False, signed_at=hours_ago(20))
    items, sent = send_deadline_alerts()
    assert len(items) == 1 and sent == 0
    assert Spokesperson.objects.filter(deadline_alert_sent_at__isnull=True).count() == 1


def test_the_dashboard_flags_overdue_items_to_those_who_handle_them(editorial, client):
    person = make_spokesperson(live=False, signed_at=hours_ago(15))
    client.force_login(editorial.head)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "bhxh-spokesperson-deadline" in html
    assert person.full_name in html
    assert reverse("wagtailsnippets_wagtail_bhxh_spokesperson_spokesperson:edit", args=(person.pk,)) in html
    client.force_login(editorial.contributor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "bhxh-spokesperson-deadline" not in html


def test_publishing_clears_the_alert(editorial, client):
    person = make_spokesperson(live=False, signed_at=hours_ago(15))
    person.get_latest_revision().publish()
    assert overdue_items() == []
    client.force_login(editorial.head)
    assert "bhxh-spokesperson-deadline" not in client.get(reverse("wagtailadmin_home")).content.decode()
