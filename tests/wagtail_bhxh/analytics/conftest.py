import pytest

from tests.factories import ArticlePageFactory, NewsIndexPageFactory
from wagtail_bhxh.analytics.stats import clear_process_caches

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def fresh_salts(settings):
    """Each test starts with no salt in memory or in the (local memory) cache."""
    from django.core.cache import cache

    clear_process_caches()
    cache.clear()
    yield
    clear_process_caches()


@pytest.fixture
def news(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def article(news):
    return ArticlePageFactory(parent=news, title="Tăng lương hưu từ ngày 1/7")


def send_beacon(client, page_or_id, ip="203.113.10.1", ua=BROWSER, body=None, counters=False, **headers):
    """POST a beacon as the script does."""
    page_id = getattr(page_or_id, "pk", page_or_id)
    if body is None:
        body = f"p={page_id}" + ("&c=1" if counters else "")
    return client.generic(
        "POST",
        "/bhxh/luot-xem/",
        body,
        content_type=headers.pop("content_type", "application/x-www-form-urlencoded"),
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=ua,
        **headers,
    )
