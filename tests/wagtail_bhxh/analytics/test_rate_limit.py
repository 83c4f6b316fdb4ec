"""The beacon's rate limit: a flood from one address is refused, people are still counted exactly."""

import pytest
from django.core.cache import cache

from tests.factories import ArticlePageFactory
from wagtail_bhxh.analytics.models import Visit

from .conftest import send_beacon

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit(settings):
    def set_limit(value, **extra):
        settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_BEACON_RATE_LIMIT": value, **extra}

    return set_limit


@pytest.fixture
def pages(news):
    return [ArticlePageFactory(parent=news) for _ in range(5)]


def total_views():
    return sum(Visit.objects.values_list("views", flat=True))


def test_over_the_limit_the_beacon_answers_429_in_both_languages_and_counts_nothing(client, pages, limit):
    limit(3)
    for page in pages[:3]:
        assert send_beacon(client, page, ip="203.113.10.7").status_code == 204
    assert total_views() == 3

    response = send_beacon(client, pages[3], ip="203.113.10.7", counters=True)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    error = response.json()["error"]
    assert error["code"] == "rate_limited"
    assert error["message"] == "Bạn đã gửi quá nhiều lượt xem từ địa chỉ này. Vui lòng chờ một phút."
    assert error["message_en"] == "Too many page views from your address. Please wait a minute."
    assert total_views() == 3
    assert not Visit.objects.filter(page_id=pages[3].pk).exists()

    # Another visitor is counted as before.
    assert send_beacon(client, pages[3], ip="203.113.10.8").status_code == 204
    assert total_views() == 4


def test_no_address_is_kept_in_the_limit_counters(client, pages, limit):
    limit(1)
    send_beacon(client, pages[0], ip="203.113.10.7")
    send_beacon(client, pages[1], ip="203.113.10.7")
    keys = [key for key in cache._cache if "bhxh-rl:beacon:" in key]  # local memory cache of the tests
    assert keys
    assert not any("203.113" in key for key in keys)


def test_behind_a_proxy_each_visitor_has_a_limit_of_their_own(client, pages, limit):
    limit(1, ANALYTICS_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR", ANALYTICS_TRUSTED_PROXIES=1)
    proxy = "10.0.0.2"
    for number, page in enumerate(pages, start=1):
        response = send_beacon(client, page, ip=proxy, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
        assert response.status_code == 204
    assert total_views() == 5
    # The same visitor again (a forged hop in front changes nothing): over the limit.
    response = send_beacon(client, pages[1], ip=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1")
    assert response.status_code == 429
    assert total_views() == 5


def test_a_reader_at_the_default_limit_has_every_page_counted(client, news):
    """One person reading 30 pages in a minute is far under the default; each page counts once."""
    articles = [ArticlePageFactory(parent=news) for _ in range(30)]
    for article in articles:
        assert send_beacon(client, article, counters=True).status_code == 200
    assert total_views() == 30
    assert Visit.objects.values("page_id").distinct().count() == 30


def test_zero_turns_the_limit_off(client, pages, limit):
    limit(0)
    for _ in range(5):
        for page in pages:
            assert send_beacon(client, page).status_code == 204
    # Reloads within the window still count once: the limit is not what keeps counts honest.
    assert total_views() == 5


def test_an_invalid_limit_is_reported_by_the_system_checks(settings):
    from django.core import checks

    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_BEACON_RATE_LIMIT": -1}
    messages = [message for message in checks.run_checks() if "ANALYTICS_BEACON_RATE_LIMIT" in message.msg]
    assert messages and messages[0].id.startswith("wagtail_bhxh.E")
