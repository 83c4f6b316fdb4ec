"""Queries per page view stay constant as content grows (no N+1).

Each page is rendered with 10 and with 100 items of what it shows (listed
pages, body images, tags, credits, related links, legal articles, leaders),
under the same ceiling.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.factories import (
    ArticlePageFactory,
    DocumentFactory,
    ImageFactory,
    InfographicPageFactory,
    LegalDocumentIndexPageFactory,
    LegalDocumentPageFactory,
    MediaIndexPageFactory,
    NewsIndexPageFactory,
    OrganisationPageFactory,
    PartnerLinkFactory,
    PolicyAreaFactory,
    VideoPageFactory,
)
from wagtail_bhxh.models import PageCredit, RelatedPageLink

pytestmark = pytest.mark.django_db

SIZES = [10, 100]


@pytest.fixture(autouse=True)
def counters_outlive_the_test(settings):
    """Keep the view counters cached for the whole test.

    They are cached for 60 s by default; on a loaded machine the warm-up views
    can take longer than that, and the measured view would then recount them.
    """
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_COUNTER_CACHE_SECONDS": 3600}


def build_news_listing(home, n):
    news = NewsIndexPageFactory(parent=home)
    area = PolicyAreaFactory()
    for _ in range(n):
        article = ArticlePageFactory(parent=news, feature_image=ImageFactory())
        article.policy_areas.add(area)
        article.save()
    return news


def build_article(home, n):
    news = NewsIndexPageFactory(parent=home)
    images = [ImageFactory() for _ in range(n)]
    article = ArticlePageFactory(
        parent=news,
        feature_image=images[0],
        body=[("image", {"image": image, "alt_text": "Ảnh", "caption": "Chú thích", "credit": ""}) for image in images]
        + [("paragraph", RichText(f"<p>Đoạn {i}.</p>")) for i in range(n)],
    )
    article.tags.add(*[f"thẻ {i}" for i in range(n)])
    article.save()
    others = [ArticlePageFactory(parent=news, feature_image=ImageFactory()) for _ in range(min(n, 20))]
    for other in others:
        RelatedPageLink.objects.create(page=article, related_page=other)
    for i in range(n):
        PageCredit.objects.create(page=article, name=f"Tác giả {i}")
    PartnerLinkFactory.create_batch(n)
    return article


def build_media_listing(home, n):
    media = MediaIndexPageFactory(parent=home)
    for i in range(n):
        if i % 2:
            InfographicPageFactory(parent=media, feature_image=ImageFactory())
        else:
            VideoPageFactory(parent=media, poster=ImageFactory())
    return media


def build_infographic(home, n):
    media = MediaIndexPageFactory(parent=home)
    return InfographicPageFactory(
        parent=media,
        images=[("image", {"image": ImageFactory(), "alt_text": f"Phần {i}", "caption": ""}) for i in range(n)],
    )


def build_video(home, n):
    media = MediaIndexPageFactory(parent=home)
    video = VideoPageFactory(parent=media, video_url="", video_file=DocumentFactory(), poster=ImageFactory())
    video.tags.add(*[f"thẻ {i}" for i in range(n)])
    video.save()
    return video


def build_legal_listing(home, n):
    section = LegalDocumentIndexPageFactory(parent=home)
    for _ in range(n):
        LegalDocumentPageFactory(parent=section)
    return section


def build_legal_document(home, n):
    section = LegalDocumentIndexPageFactory(parent=home)
    replacements = [LegalDocumentPageFactory(parent=section) for _ in range(min(n, 20))]
    document = LegalDocumentPageFactory(
        parent=section,
        full_text=[("article", {"number": str(i), "heading": f"Điều {i}", "text": "Nội dung điều."}) for i in range(n)],
        attachments=[("attachment", {"document": DocumentFactory(), "title": ""}) for _ in range(min(n, 50))],
        status="replaced",
    )
    document.replaced_by.add(*replacements)
    document.save()
    return document


def build_organisation(home, n):
    return OrganisationPageFactory(
        parent=home,
        leaders=[
            ("leader", {"name": f"Lãnh đạo {i}", "position": "Phó Giám đốc", "photo": ImageFactory()}) for i in range(n)
        ],
        offices=[("unit", {"name": f"BHXH huyện {i}"}) for i in range(n)],
    )


def build_home(home, n):
    build_news_listing(home, n)
    build_media_listing(home, min(n, 40))
    build_legal_listing(home, min(n, 40))
    return home


PAGES = {
    # page: (builder, ceiling of queries per view, after a first view filled
    # the fragment cache: see wagtail_bhxh.fragment_cache). Routing costs two
    # queries (the pages on the path, the specific page); the site, locale,
    # view restrictions, settings, menu, breadcrumbs, notices, partner links
    # and a content page's relations come from the cache. What is left is
    # what the page lists or embeds (images and their renditions). The home
    # page's sections, a listing's count and its filter options are cached too.
    "home": (build_home, 1),
    "news listing": (build_news_listing, 5),
    "article": (build_article, 5),
    "media listing": (build_media_listing, 10),
    "infographic": (build_infographic, 5),
    "video": (build_video, 5),
    "legal document listing": (build_legal_listing, 4),
    "legal document": (build_legal_document, 7),
    "organisation": (build_organisation, 6),
}


def warm_up(client, page):
    """Fill per-process caches (site root paths, content types, renditions, counters)."""
    client.get(page.url)


def count_queries(client, page):
    warm_up(client, page)
    with CaptureQueriesContext(connection) as context:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("n", SIZES)
def test_page_stays_under_its_query_ceiling(home, client, django_assert_max_num_queries, name, n):
    builder, ceiling = PAGES[name]
    page = builder(home, n)
    warm_up(client, page)
    with django_assert_max_num_queries(ceiling):
        assert client.get(page.url).status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_content(home, client, name):
    builder, _ceiling = PAGES[name]
    small = count_queries(client, builder(home, 10))
    large = count_queries(client, builder(home, 60))
    assert small == large, f"{name}: {small} queries with 10 items, {large} with 60"
