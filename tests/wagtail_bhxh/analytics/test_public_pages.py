"""The counters on public pages, the beacon script, and the page on the counting method."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ArticlePageFactory, UserFactory
from wagtail_bhxh.analytics.recording import LivePage, record_view
from wagtail_bhxh.analytics.stats import clear_counter_cache

from .conftest import send_beacon

pytestmark = pytest.mark.django_db

METHOD_URL = "/ve-so-lieu-truy-cap/"


def test_article_shows_its_views_and_the_site_counter_without_javascript(client, article):
    for i in range(3):
        send_beacon(client, article, ip=f"203.113.10.{i + 1}")
    html = client.get(article.url).content.decode()
    assert re.search(r'<span data-bhxh-count="views">3</span> lượt xem', html)
    assert 'data-bhxh-count="online">3<' in html
    assert 'data-bhxh-count="total">3<' in html
    assert "Đang truy cập" in html and "Tổng lượt xem" in html
    assert f'href="{METHOD_URL}"' in html


def test_pages_carry_the_beacon_script_but_set_no_cookie(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    assert f'data-page="{article.pk}"' in html
    assert 'data-url="/bhxh/luot-xem/"' in html
    assert "wagtail_bhxh_analytics/js/luot-xem.js" in html
    assert not response.cookies


def test_previews_have_no_beacon_and_count_nothing(client, article):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert response.status_code == 200
    assert "luot-xem.js" not in response.content.decode()


def test_large_numbers_are_grouped_the_vietnamese_way(client, article, settings):
    site_id = article.get_site().pk
    for visitor in range(1234):
        record_view(LivePage(article.pk, site_id), visitor)
    html = client.get(article.url).content.decode()
    assert '<span data-bhxh-count="views">1.234</span> lượt xem' in html


def test_counters_can_be_switched_off(client, article, settings):
    settings.WAGTAIL_BHXH = {
        **settings.WAGTAIL_BHXH,
        "ANALYTICS_SHOW_SITE_COUNTER": False,
        "ANALYTICS_SHOW_VIEW_COUNT": False,
    }
    html = client.get(article.url).content.decode()
    assert "data-bhxh-count" not in html
    assert "luot-xem.js" in html  # still counted


def build_article_with_views(news, n):
    article = ArticlePageFactory(parent=news)
    others = [ArticlePageFactory(parent=news) for _ in range(n // 10)]
    site_id = news.get_site().pk
    for visitor in range(n):
        record_view(LivePage(article.pk, site_id), visitor)
        record_view(LivePage(others[visitor % len(others)].pk, site_id), visitor)
    return article


@pytest.mark.parametrize("cached", [True, False], ids=["counters cached", "counters from the database"])
def test_article_queries_do_not_grow_with_visits_and_pages(client, news, settings, cached):
    if not cached:
        settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_COUNTER_CACHE_SECONDS": 0}
    counts = []
    for n in (10, 200):
        article = build_article_with_views(news, n)
        client.get(article.url)  # warm Wagtail's own caches
        clear_counter_cache()
        client.get(article.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_beacon_queries_are_constant(client, news):
    counts = []
    for n in (10, 200):
        article = build_article_with_views(news, n)
        send_beacon(client, article, ip="203.0.113.250", counters=True)
        with CaptureQueriesContext(connection) as queries:
            send_beacon(client, article, ip=f"203.0.113.{n % 200}", counters=True)
        counts.append(len(queries))
    assert counts[0] == counts[1] == 2, counts  # find the page, count the view; counters come from the cache


def test_the_method_page_describes_the_settings_in_force(client, home, settings):
    html = client.get(METHOD_URL).content.decode()
    assert "Về số liệu truy cập" in html
    assert "30 phút" in html
    assert "5 phút" in html
    assert "biên tập viên" in html
    settings.WAGTAIL_BHXH = {
        **settings.WAGTAIL_BHXH,
        "ANALYTICS_WINDOW_MINUTES": 15,
        "ANALYTICS_ONLINE_MINUTES": 10,
        "ANALYTICS_RETENTION_DAYS": 7,
        "ANALYTICS_EXCLUDE_EDITORS": False,
        "ANALYTICS_EXTRA_BOT_PATTERNS": ["KiemTraCongTTDT"],
    }
    html = client.get(METHOD_URL).content.decode()
    assert "15 phút" in html and "30 phút" not in html
    assert "10 phút" in html
    assert "7 ngày" in html
    assert "biên tập viên" not in html
    assert "KiemTraCongTTDT" in html


def test_the_method_page_publishes_the_latest_seal(client, news):
    import datetime

    from wagtail_bhxh.analytics.sealing import PageRow, seal_day

    article = ArticlePageFactory(parent=news)
    stats = seal_day(news.get_site().pk, datetime.date(2025, 3, 1), [PageRow(article.pk, None, 3, 2)], 2)
    html = client.get(METHOD_URL).content.decode()
    assert stats.seal in html
    assert "01/03/2025" in html
