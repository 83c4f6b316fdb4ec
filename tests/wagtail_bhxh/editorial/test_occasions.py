"""The occasions calendar: lead times, lunar dates, and what is planned or published for each."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_bhxh.editorial import occasions
from wagtail_bhxh.models import Occasion

from .helpers import item, local


def occasion(slug):
    return Occasion.objects.get(slug=slug)


def test_upcoming_occasions_follow_their_lead_time(editorial):
    # Ngày BHYT Việt Nam (1/7) shows 30 days ahead; Quốc khánh (2/9) 21 days ahead.
    names = [e.occasion.slug for e in occasions.upcoming(datetime.date(2026, 5, 31))]
    assert "ngay-bhyt-viet-nam" not in names
    names = [e.occasion.slug for e in occasions.upcoming(datetime.date(2026, 6, 1))]
    assert "ngay-bhyt-viet-nam" in names
    assert "ngay-quoc-khanh" not in names


def test_tet_is_placed_by_the_lunar_calendar(editorial):
    # Tết Bính Ngọ falls on 17 February 2026; Tết 2027 on 6 February.
    entries = occasions.upcoming(datetime.date(2026, 1, 20))
    tet = next(e for e in entries if e.occasion.slug == "tet-nguyen-dan")
    assert tet.date == datetime.date(2026, 2, 17)
    assert tet.days_left(datetime.date(2026, 1, 20)) == 28
    assert occasion("tet-nguyen-dan").date_in(2027) == datetime.date(2027, 2, 6)


def test_each_upcoming_occasion_lists_its_planned_and_published_articles(editorial):
    bhyt = occasion("ngay-bhyt-viet-nam")
    published = item(editorial.news, local(2026, 6, 10, 9), occasion=bhyt, title="Ngày BHYT: bài đã đăng")
    planned = item(editorial.news, None, live=False, via_workflow=False, occasion=bhyt, title="Ngày BHYT: bản nháp")
    last_year = item(editorial.news, local(2025, 6, 20, 9), occasion=bhyt, title="Ngày BHYT năm trước")

    entry = next(e for e in occasions.upcoming(datetime.date(2026, 6, 15)) if e.occasion == bhyt)
    assert [row["id"] for row in entry.published] == [published.pk]
    assert [row["id"] for row in entry.planned] == [planned.pk]
    assert last_year.pk not in [row["id"] for row in entry.published]


def test_calendar_renders_the_year_in_date_order(editorial, as_user):
    client = as_user(editorial.users.editor)
    response = client.get(reverse("wagtail_bhxh_editorial:occasions"), {"year": 2026})
    html = response.content.decode()
    assert response.status_code == 200
    positions = [html.index(name) for name in ("Tết Nguyên đán", "Ngày Quốc tế Lao động", "Ngày Quốc khánh")]
    assert positions == sorted(positions)
    assert "17/02/2026" in html

    assert as_user(editorial.users.accountant).get(reverse("wagtail_bhxh_editorial:occasions")).status_code in (
        302,
        403,
    )


def test_calendar_queries_do_not_grow_with_content(editorial, as_user):
    client = as_user(editorial.users.editor)
    bhyt = occasion("ngay-bhyt-viet-nam")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("wagtail_bhxh_editorial:occasions"), {"year": 2026}).status_code == 200
        return len(captured)

    item(editorial.news, local(2026, 6, 1, 9), occasion=bhyt)
    queries()  # the first request fills the per-process caches (site, content types, settings)
    few = queries()
    for day in range(2, 12):
        item(editorial.news, local(2026, 6, day, 9), occasion=bhyt)
    queries()  # warm again: new pages start a new generation of the cached chrome
    assert queries() == few
