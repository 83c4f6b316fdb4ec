"""What every page shares is cached, and any edit of it shows on the very next request."""

import warnings

import pytest
from django.core.cache.backends.base import CacheKeyWarning
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    ArticlePageFactory,
    NewsIndexPageFactory,
    PartnerLinkFactory,
    PolicyAreaFactory,
)
from wagtail_bhxh.models import PageNotice, PortalSettings, RelatedPageLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home):
    news = NewsIndexPageFactory(parent=home, title="Tin tức", show_in_menus=True)
    return ArticlePageFactory(parent=news, title="Tăng lương cơ sở")


def text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def queries(client, page):
    with CaptureQueriesContext(connection) as context:
        assert client.get(page.url).status_code == 200
    return len(context.captured_queries)


def queries_uncached(client, page):
    with override_settings(WAGTAIL_BHXH={"FRAGMENT_CACHE_SECONDS": 0}):
        return queries(client, page)


def test_second_view_reads_the_chrome_from_the_cache(client, article, settings):
    first = queries(client, article)
    second = queries(client, article)
    assert second < first
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "FRAGMENT_CACHE_SECONDS": 0}
    uncached = queries(client, article)
    assert uncached > second
    assert "Tăng lương cơ sở" in text(client, article)


def test_menu_and_breadcrumbs_follow_a_published_title_at_once(client, article):
    assert "Tin tức" in text(client, article)
    news = article.get_parent().specific
    news.title = "Tin hoạt động"
    news.save_revision().publish()
    page = text(client, article)
    assert "Tin hoạt động" in page
    assert ">Tin tức<" not in page


def test_unpublished_section_leaves_the_menu_at_once(client, home, article):
    other = NewsIndexPageFactory(parent=home, title="Chuyên mục cũ", show_in_menus=True)
    assert "Chuyên mục cũ" in text(client, article)
    other.unpublish()
    assert "Chuyên mục cũ" not in text(client, article)


def test_portal_settings_edit_shows_at_once(client, home, article):
    assert text(client, article)
    portal = PortalSettings.for_site(home.get_site())
    portal.address = "Số 1 đường Trần Phú"
    portal.save()
    assert "Số 1 đường Trần Phú" in text(client, article)


def test_partner_links_follow_their_snippets_at_once(client, article):
    assert "Cổng Dịch vụ công" not in text(client, article)
    link = PartnerLinkFactory(name="Cổng Dịch vụ công", is_active=True)
    assert "Cổng Dịch vụ công" in text(client, article)
    link.delete()
    assert "Cổng Dịch vụ công" not in text(client, article)


def test_tags_areas_and_related_pages_follow_a_publish(client, article):
    other = ArticlePageFactory(parent=article.get_parent(), title="Bảo hiểm thất nghiệp")
    assert "Bảo hiểm thất nghiệp" not in text(client, article)
    article.tags.add("lương cơ sở")
    article.policy_areas.add(PolicyAreaFactory(name="Chính sách tiền lương", short_name=""))
    RelatedPageLink.objects.create(page=article, related_page=other)
    article.save_revision().publish()
    page = text(client, article)
    assert "lương cơ sở" in page
    assert "Chính sách tiền lương" in page
    assert "Bảo hiểm thất nghiệp" in page


def test_a_correction_shows_at_once(client, article):
    assert "Corrections" not in text(client, article) and "Đính chính" not in text(client, article)
    PageNotice.objects.create(page=article, kind=PageNotice.Kind.CORRECTION, text="Sửa số liệu tháng 7.")
    assert "Sửa số liệu tháng 7." in text(client, article)


def test_a_new_view_restriction_applies_at_once(client, article):
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    response = client.get(article.url)
    assert 'name="password"' in response.content.decode()
    assert "article__title" not in response.content.decode()
    # Restricted pages leave the listings too.
    listing = client.get(article.get_parent().get_parent().url)
    assert "Tăng lương cơ sở" not in listing.content.decode()


def test_deep_paths_route_like_wagtail(client, article):
    news = article.get_parent()
    assert client.get(article.url).status_code == 200
    assert client.get(news.url + "khong-co-trang-nay/").status_code == 404
    assert client.get(article.url + "con-nua/").status_code == 404
    draft = ArticlePageFactory(parent=news, title="Bản nháp", live=False)
    assert client.get(draft.url or f"{news.url}{draft.slug}/").status_code == 404


def test_home_sections_follow_publish_withdrawal_and_unpublish_at_once(client, home, article):
    assert "Tăng lương cơ sở" in text(client, home)
    assert queries(client, home) < queries_uncached(client, home)
    fresh = ArticlePageFactory(parent=article.get_parent(), title="Điều chỉnh lương hưu từ 1/7")
    assert "Điều chỉnh lương hưu từ 1/7" in text(client, home)
    PageNotice.objects.create(page=fresh, kind=PageNotice.Kind.WITHDRAWAL, text="Thông tin chưa chính xác.")
    assert "Điều chỉnh lương hưu từ 1/7" not in text(client, home)
    article.unpublish()
    assert "Tăng lương cơ sở" not in text(client, home)


def test_cache_keys_of_filtered_listings_are_valid_for_memcached(client, article):
    # Memcached refuses keys with spaces or non-ASCII letters; locmem warns of them.
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        for _ in range(2):
            response = client.get(article.get_parent().url, {"tag": "lương cơ sở", "kind": "tin"})
            assert response.status_code == 200
