"""The counting rules: what counts once, what never counts."""

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import ArticlePageFactory, UserFactory
from wagtail_bhxh.analytics.models import Visit
from wagtail_bhxh.analytics.stats import page_views

from .conftest import BROWSER, send_beacon

pytestmark = pytest.mark.django_db


def views_of(page):
    return sum(Visit.objects.filter(page_id=page.pk).values_list("views", flat=True))


def test_a_view_counts_and_reloads_within_the_window_count_once(client, article):
    with freeze_time("2025-03-10 09:00:00"):
        assert send_beacon(client, article).status_code == 204
    for minute in (1, 10, 29):
        with freeze_time(f"2025-03-10 09:{minute:02d}:00"):
            send_beacon(client, article)
    assert views_of(article) == 1
    with freeze_time("2025-03-10 09:31:00"):
        send_beacon(client, article)
    assert views_of(article) == 2
    visit = Visit.objects.get()
    assert visit.views == 2


def test_distinct_visitors_each_count(client, article):
    for i in range(5):
        send_beacon(client, article, ip=f"203.113.10.{i + 1}")
    send_beacon(client, article, ip="203.113.10.1", ua=BROWSER.replace("Android 14", "Android 13"))
    assert views_of(article) == 6
    assert Visit.objects.count() == 6


@pytest.mark.parametrize(
    "ua",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 Chrome-Lighthouse",
        "python-requests/2.32.3",
        "curl/8.5.0",
    ],
)
def test_bots_count_zero(client, article, ua):
    response = send_beacon(client, article, ua=ua)
    assert response.status_code == 204
    assert Visit.objects.count() == 0


def test_a_site_can_extend_the_bot_list(client, article, settings):
    ua = "Mozilla/5.0 KiemTraCongTTDT/2.0"
    send_beacon(client, article, ua=ua)
    assert views_of(article) == 1
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_EXTRA_BOT_PATTERNS": ["kiemtracongttdt"]}
    send_beacon(client, article, ua=ua, ip="203.113.10.99")
    assert views_of(article) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_prefetches_and_other_sites_count_zero(client, article, headers):
    assert send_beacon(client, article, **headers).status_code == 204
    assert Visit.objects.count() == 0


def test_head_and_get_count_zero(client, article):
    assert client.head(f"/bhxh/luot-xem/?p={article.pk}").status_code == 405
    assert client.get(f"/bhxh/luot-xem/?p={article.pk}").status_code == 405
    assert Visit.objects.count() == 0


def test_logged_in_editors_count_zero_unless_configured(client, article, settings):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    assert send_beacon(client, article).status_code == 204
    assert Visit.objects.count() == 0
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_EXCLUDE_EDITORS": False}
    send_beacon(client, article)
    assert views_of(article) == 1


def test_logged_in_users_without_admin_access_count(client, article):
    client.force_login(UserFactory())
    send_beacon(client, article)
    assert views_of(article) == 1


def test_drafts_unpublished_and_missing_pages_count_zero_with_a_harmless_answer(client, news, article):
    draft = ArticlePageFactory(parent=news, live=False)
    withdrawn = ArticlePageFactory(parent=news)
    withdrawn.unpublish()
    for target in (draft.pk, withdrawn.pk, 999_999, news.get_parent().get_parent().pk):
        response = send_beacon(client, target, counters=True)
        assert response.status_code == 204, target
        assert response.content == b""
        assert response["Cache-Control"] == "no-store"
    assert Visit.objects.count() == 0


@pytest.mark.parametrize(
    "body,content_type",
    [
        ("p=" + "1" * 80, "application/x-www-form-urlencoded"),
        ("p=12&x=1", "application/x-www-form-urlencoded"),
        ("p=12&p=13", "application/x-www-form-urlencoded"),
        ("p=abc", "application/x-www-form-urlencoded"),
        ("p=-5", "application/x-www-form-urlencoded"),
        ("p=0", "application/x-www-form-urlencoded"),
        ("p=99999999999", "application/x-www-form-urlencoded"),
        ("p=12&c=2", "application/x-www-form-urlencoded"),
        ("c=1", "application/x-www-form-urlencoded"),
        ("", "application/x-www-form-urlencoded"),
        ('{"p": 12}', "application/json"),
        ("p=%FF", "application/x-www-form-urlencoded"),
        ("p=12", "multipart/form-data; boundary=x"),
    ],
)
def test_malformed_beacons_are_refused_with_a_message_and_change_nothing(client, article, body, content_type):
    body = body.replace("12", str(article.pk))
    response = send_beacon(client, article, body=body, content_type=content_type)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "Yêu cầu đếm lượt xem" in response.content.decode()
    assert Visit.objects.count() == 0


def test_a_huge_declared_body_is_refused_unread(client, article):
    response = send_beacon(client, article, CONTENT_LENGTH="10000000")
    assert response.status_code == 400
    assert Visit.objects.count() == 0


def test_the_beacon_sets_no_cookie_and_answers_counters_when_asked(client, article):
    response = send_beacon(client, article, counters=True)
    assert response.status_code == 200
    assert not response.cookies
    data = response.json()
    assert data["views"] == 1
    assert data["site"] == {"online": 1, "today": 1, "month": 1, "total": 1}


def test_counters_are_cached_for_the_configured_time(client, article, settings):
    with freeze_time("2025-03-10 09:00:00"):
        send_beacon(client, article)
        assert page_views(article.pk) == 1
        send_beacon(client, article, ip="203.113.10.2")
        assert page_views(article.pk) == 1
    with freeze_time("2025-03-10 09:01:01"):
        assert page_views(article.pk) == 2


def test_nothing_identifying_is_stored(client, article):
    ip = "203.113.10.77"
    send_beacon(client, article, ip=ip)
    row = Visit.objects.values().get()
    stored = " ".join(str(value) for value in row.values())
    assert ip not in stored
    assert "Android" not in stored and "Mozilla" not in stored


def test_the_pseudonym_changes_every_day(client, article):
    # 23:50 and 00:10 in Hà Nội (UTC+7).
    with freeze_time("2025-03-10 16:50:00"):
        send_beacon(client, article)
    with freeze_time("2025-03-10 17:10:00"):
        send_beacon(client, article)
    first, second = Visit.objects.order_by("day")
    assert first.visitor != second.visitor
    assert (first.day, second.day) == (datetime.date(2025, 3, 10), datetime.date(2025, 3, 11))


def test_forwarded_for_uses_the_address_the_proxy_saw(client, article, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"}
    # A client forging the first entries still counts once: only the proxy's entry is used.
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        send_beacon(client, article, ip="10.0.0.1", HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7")
    assert views_of(article) == 1
    send_beacon(client, article, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert views_of(article) == 2


def test_online_now_counts_visitors_of_the_last_minutes(client, article, settings):
    with freeze_time("2025-03-10 09:00:00"):
        send_beacon(client, article, ip="203.113.10.1")
    with freeze_time("2025-03-10 09:04:00"):
        send_beacon(client, article, ip="203.113.10.2")
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_COUNTER_CACHE_SECONDS": 0}
    from wagtail_bhxh.analytics.stats import site_counters

    with freeze_time("2025-03-10 09:06:00"):
        assert site_counters(article.get_site().pk).online == 1
        assert site_counters(article.get_site().pk).today == 2
    assert timezone.now()


def test_system_checks_name_a_missing_or_per_process_salt_cache(settings):
    from wagtail_bhxh.analytics.checks import check_analytics

    settings.DEBUG = False
    assert [e.id for e in check_analytics()] == ["wagtail_bhxh_analytics.W001"]
    settings.CACHES = {**settings.CACHES, "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_SALT_CACHE": "shared"}
    assert check_analytics() == []
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_SALT_CACHE": "nowhere"}
    assert [e.id for e in check_analytics()] == ["wagtail_bhxh_analytics.E002"]
