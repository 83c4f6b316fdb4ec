"""The spokesperson item of the Dispatch 3216 compliance page follows who is in office and what is overdue."""

import datetime

from django.test import RequestFactory
from django.utils import timezone

from wagtail_bhxh_spokesperson.compliance import spokesperson_items

from .conftest import make_authorisation, make_spokesperson


def item(today=None):
    (result,) = spokesperson_items(RequestFactory().get("/admin/"), today or timezone.localdate())
    return result


def test_red_while_nobody_is_in_office(home):
    make_spokesperson(live=False, publish=False, signed_at=timezone.now())
    result = item()
    assert result.key == "spokesperson"
    assert result.status == "red"
    assert result.evidence_url.startswith("/admin/")


def test_green_when_the_spokesperson_is_posted(home):
    make_spokesperson(full_name="Nguyễn Thị Lan", term_start=timezone.localdate() - datetime.timedelta(days=30))
    result = item()
    assert result.status == "green"
    assert "Nguyễn Thị Lan" in result.summary


def test_amber_when_a_signed_authorisation_is_not_posted_in_time(home):
    make_spokesperson(term_start=timezone.localdate() - datetime.timedelta(days=30))
    make_authorisation(live=False, signed_at=timezone.now() - datetime.timedelta(days=3))
    result = item()
    assert result.status == "amber"
    assert "1" in result.summary
