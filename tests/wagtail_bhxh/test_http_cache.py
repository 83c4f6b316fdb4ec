"""Public pages are cacheable for visitors, never for editors; front-end caches are purged on change."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from tests.factories import ArticlePageFactory, NewsIndexPageFactory, UserFactory
from wagtail_bhxh.models import TakedownRequest
from wagtail_bhxh.moderation import roles
from wagtail_bhxh.moderation import takedown as takedowns

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A front-end cache that records what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def news(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def article(news):
    return ArticlePageFactory(parent=news, title="Mức lương cơ sở mới từ ngày 1/7")


def test_visitors_get_a_cacheable_page_with_an_etag(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=300" in cache_control
    # Browsers revalidate every time: nothing could purge their copy after a takedown.
    assert "max-age=0" in cache_control
    assert "Cookie" in response["Vary"]
    assert response["ETag"].startswith('"')


def test_an_unchanged_page_answers_304_without_a_body(client, article):
    etag = client.get(article.url)["ETag"]
    response = client.get(article.url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_changed_page_gets_a_new_etag(client, article):
    etag = client.get(article.url)["ETag"]
    article.title = "Mức lương cơ sở mới từ ngày 1/7/2026"
    article.save_revision().publish()
    response = client.get(article.url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "1/7/2026" in response.content.decode()


def test_max_age_is_configurable_and_zero_means_revalidate(client, article, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "PUBLIC_CACHE_MAX_AGE": 60}
    assert "s-maxage=60" in client.get(article.url)["Cache-Control"]
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "PUBLIC_CACHE_MAX_AGE": 0}
    cache_control = client.get(article.url)["Cache-Control"]
    assert "no-cache" in cache_control and "s-maxage" not in cache_control


def test_etags_can_be_turned_off(client, article, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "PUBLIC_ETAGS": False}
    response = client.get(article.url)
    assert not response.has_header("ETag")
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("url_of", [lambda a: a.url, lambda a: a.get_parent().url, lambda a: "/"])
def test_logged_in_editors_never_get_a_shared_cacheable_page(client, article, url_of):
    client.force_login(UserFactory())
    response = client.get(url_of(article))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control and "public" not in cache_control
    assert not response.has_header("ETag")


def test_previews_are_never_cached(client, article, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@demo.vss.gov.vn", "password")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(article.pk,)))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_listings_and_home_are_cacheable_too(client, article, home):
    for url in (article.get_parent().url, home.url):
        response = client.get(url)
        assert "public" in response["Cache-Control"] and response.has_header("ETag")


def test_the_view_count_beacon_stays_uncached_on_cached_pages(client, article):
    from wagtail_bhxh.analytics.models import Visit

    page = client.get(article.url)
    assert "public" in page["Cache-Control"]
    # The cached page still carries the beacon, which POSTs and is never cached.
    assert f'data-page="{article.pk}"' in page.content.decode()
    beacon = client.generic(
        "POST",
        reverse("wagtail_bhxh:analytics:beacon"),
        f"p={article.pk}&c=1",
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR="203.113.10.1",
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    )
    assert beacon.status_code == 200
    assert beacon["Cache-Control"] == "no-store"
    assert sum(Visit.objects.filter(page_id=article.pk).values_list("views", flat=True)) == 1


def test_publishing_purges_the_page_its_section_home_and_feed(purged, news, home):
    article = ArticlePageFactory(parent=news, live=False, first_published_at=None, slug="luong-co-so")
    purged.clear()
    article.save_revision().publish()
    assert "http://localhost/tin-tuc/luong-co-so/" in purged
    assert "http://localhost/tin-tuc/" in purged
    assert "http://localhost/" in purged
    assert "http://localhost/rss/" in purged


def test_unpublishing_purges_the_page_and_its_listings(purged, article):
    purged.clear()
    article.unpublish()
    assert article.full_url in purged
    assert article.get_parent().full_url in purged


def test_a_takedown_purges_the_page_and_its_listings(purged, article):
    call_command("bhxh_setup", verbosity=0)
    head = UserFactory(username="truongban")
    roles.get_role_group(roles.HEAD).user_set.add(head)
    request = TakedownRequest.objects.create(page=article, reason="inaccurate", requested_by=head)
    purged.clear()
    takedowns.approve(request, user=head, outcome=TakedownRequest.Outcome.WITHDRAWN, comment="Sai số liệu")
    assert article.full_url in purged
    assert article.get_parent().full_url in purged


def test_nothing_is_purged_without_a_front_end_cache(settings, article, django_assert_max_num_queries):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    article.save_revision().publish()
    assert PURGED == []
