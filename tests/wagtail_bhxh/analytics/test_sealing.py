"""Closing days: totals sealed in a chain, checked by bhxh_verify_stats, raw data purged."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import ArticlePageFactory
from wagtail_bhxh.analytics.models import PageDailyStats, SiteDailyStats, Visit
from wagtail_bhxh.analytics.recording import LivePage, record_view
from wagtail_bhxh.analytics.sealing import close_days, compute_seal, purge_visits, raw_page_rows, verify
from wagtail_bhxh.analytics.stats import daily_series, page_views

pytestmark = pytest.mark.django_db

TZ = datetime.timezone(datetime.timedelta(hours=7))


def at(day, hour=10, minute=0):
    return datetime.datetime(2025, 3, day, hour, minute, tzinfo=TZ)


@pytest.fixture
def pages(news):
    first = ArticlePageFactory(parent=news)
    second = ArticlePageFactory(parent=news)
    site_id = news.get_site().pk
    return LivePage(first.pk, site_id), LivePage(second.pk, site_id)


@pytest.fixture
def three_days(pages, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_COUNTER_CACHE_SECONDS": 0}
    first, second = pages
    # 1 March: visitors 1-3 on the first page, visitor 1 also on the second, and again after the window.
    for visitor in (1, 2, 3):
        record_view(first, visitor, now=at(1))
    record_view(second, 1, now=at(1))
    record_view(second, 1, now=at(1, 11))
    # 2 March: nothing. 3 March: visitor 9 twice within the window.
    record_view(first, 9, now=at(3))
    record_view(first, 9, now=at(3, 10, 5))
    return first, second


def test_closing_seals_each_finished_day_in_a_chain(three_days):
    first, second = three_days
    before = (page_views(first.pk), page_views(second.pk))
    assert before == (4, 2)
    sealed = close_days(now=at(4, 9))
    assert [(s.day.day, s.views, s.visitors, s.pages) for s in sealed] == [(1, 5, 3, 2), (2, 0, 0, 0), (3, 1, 1, 1)]
    assert sealed[0].previous_seal == ""
    assert sealed[1].previous_seal == sealed[0].seal and sealed[2].previous_seal == sealed[1].seal
    assert PageDailyStats.objects.get(day=datetime.date(2025, 3, 1), page_id=second.pk).views == 2
    # Totals are the same read from sealed days as from raw visits: nothing counted twice.
    assert (page_views(first.pk), page_views(second.pk)) == before
    assert close_days(now=at(4, 9)) == []
    series = daily_series(first.site_id, datetime.date(2025, 3, 1), datetime.date(2025, 3, 4))
    assert [(d.views, d.sealed) for d in series] == [(5, True), (0, True), (1, True), (0, False)]


def test_a_day_closes_only_after_midnight_has_passed(three_days):
    assert [s.day.day for s in close_days(now=at(4, 0, 2))] == [1, 2]
    assert [s.day.day for s in close_days(now=at(4, 0, 6))] == [3]


def test_the_seal_is_reproducible_from_the_documented_text(three_days):
    (day_one, *_rest) = close_days(now=at(4, 9))
    rows = raw_page_rows(day_one.day)[day_one.site_id]
    assert day_one.seal == compute_seal(day_one.site_id, day_one.day, 5, 3, 2, False, "", rows)


def test_verify_passes_on_untouched_statistics(three_days):
    close_days(now=at(4, 9))
    out = StringIO()
    with freeze_time(at(4, 9)):
        call_command("bhxh_verify_stats", stdout=out)
    assert "3 sealed day(s) checked, 3 recounted from raw visits. All seals are intact." in out.getvalue()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda: PageDailyStats.objects.filter(day=datetime.date(2025, 3, 1)).update(views=1000),
        lambda: SiteDailyStats.objects.filter(day=datetime.date(2025, 3, 1)).update(views=1000),
        lambda: PageDailyStats.objects.filter(day=datetime.date(2025, 3, 1)).first().delete(),
        lambda: SiteDailyStats.objects.filter(day=datetime.date(2025, 3, 1)).update(is_demo=True),
    ],
    ids=["page row", "day total", "deleted page row", "demo flag"],
)
def test_verify_detects_a_changed_row(three_days, tamper):
    close_days(now=at(4, 9))
    tamper()
    err = StringIO()
    with pytest.raises(CommandError, match="problem"):
        call_command("bhxh_verify_stats", stderr=err, stdout=StringIO())
    assert "2025-03-01" in err.getvalue()


def test_verify_detects_a_deleted_day(three_days):
    close_days(now=at(4, 9))
    SiteDailyStats.objects.filter(day=datetime.date(2025, 3, 2)).delete()
    problems = verify().problems
    assert any("2025-03-03" in p and "missing" in p for p in problems)


def test_verify_detects_a_rewritten_chain_while_raw_visits_are_kept(three_days):
    """Someone who recomputes every seal after a change is caught by the recount."""
    close_days(now=at(4, 9))
    previous = ""
    for stats in SiteDailyStats.objects.order_by("day"):
        rows = PageDailyStats.objects.filter(day=stats.day)
        if stats.day.day == 1:
            rows.update(views=50)
            stats.views = 100
        page_rows = [
            type(
                "Row",
                (),
                {"page_id": r.page_id, "content_type_id": r.content_type_id, "views": r.views, "visitors": r.visitors},
            )
            for r in rows
        ]
        stats.previous_seal = previous
        stats.seal = compute_seal(
            stats.site_id, stats.day, stats.views, stats.visitors, stats.pages, stats.is_demo, previous, page_rows
        )
        stats.save()
        previous = stats.seal
    with freeze_time(at(4, 9)):
        problems = verify().problems
    assert problems == ["site %d, 2025-03-01: sealed page totals differ from the raw visits still kept" % stats.site_id]


def test_purge_deletes_raw_visits_of_sealed_days_past_retention(three_days, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_RETENTION_DAYS": 2}
    first, _second = three_days
    record_view(first, 5, now=at(5))  # today's, never purged
    close_days(now=at(5, 9))
    assert purge_visits(now=at(5, 9)) == 4  # the four rows of 1 March
    assert sorted(Visit.objects.values_list("day", flat=True)) == [datetime.date(2025, 3, 3), datetime.date(2025, 3, 5)]
    # The sealed totals stand, and still verify.
    assert page_views(first.pk) == 5
    assert verify().ok


def test_purge_never_deletes_unsealed_days(three_days, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_RETENTION_DAYS": 1}
    assert purge_visits(now=at(20)) == 0
    assert Visit.objects.count() == 5


def test_aggregate_command_seals_and_purges(three_days, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_RETENTION_DAYS": 1}
    out = StringIO()
    with freeze_time(at(10, 9)):
        call_command("bhxh_aggregate_stats", stdout=out)
    assert "9 day(s) sealed." in out.getvalue()
    assert "5 raw visit row(s) past retention deleted." in out.getvalue()
    assert SiteDailyStats.objects.count() == 9
    assert timezone.now()
