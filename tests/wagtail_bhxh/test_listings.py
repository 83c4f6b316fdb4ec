"""Listings: pagination that never fails with a 500, and validated filters."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ArticlePageFactory,
    InfographicPageFactory,
    LegalDocumentIndexPageFactory,
    LegalDocumentPageFactory,
    MediaIndexPageFactory,
    NewsIndexPageFactory,
    PolicyAreaFactory,
    TopicFactory,
    VideoPageFactory,
)
from wagtail_bhxh.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home):
    news = NewsIndexPageFactory(parent=home)
    for n in range(25):
        ArticlePageFactory(parent=news, title=f"Bản tin số {n:02d}", kind="bai" if n % 5 == 0 else "tin")
    return news


@override_settings(WAGTAIL_BHXH={"ITEMS_PER_PAGE": 10})
def test_listing_is_newest_first_and_paginated(news, client):
    first = client.get(news.url).content.decode()
    assert "Bản tin số 00" in first and "Bản tin số 10" not in first
    assert 'rel="next"' in first and 'aria-current="page"' in first
    third = client.get(news.url, {"page": 3}).content.decode()
    assert "Bản tin số 24" in third and 'rel="prev"' in third


@override_settings(WAGTAIL_BHXH={"ITEMS_PER_PAGE": 10})
@pytest.mark.parametrize(
    "page", ["0", "-1", "4", "abc", "1.5", "1e3", "99999999999999999999", "", " 2", "２", "1;DROP TABLE"]
)
def test_bad_page_numbers_answer_404_not_500(news, client, page):
    response = client.get(news.url, {"page": page})
    assert response.status_code == (200 if page == "" else 404)


@override_settings(WAGTAIL_BHXH={"ITEMS_PER_PAGE": 10})
def test_pages_past_the_middle_hold_exactly_the_items_of_the_forward_order(news, client):
    # Deep pages are read from the other end; ties on the publication time
    # (fifteen items published at once) must still meet without gap or repeat.
    same_time = ArticlePage.objects.order_by("pk")[5].first_published_at
    ids = ArticlePage.objects.order_by("pk").values_list("pk", flat=True)[5:20]
    ArticlePage.objects.filter(pk__in=list(ids)).update(first_published_at=same_time)
    expected = list(
        ArticlePage.objects.descendant_of(news).order_by("-first_published_at", "-pk").values_list("title", flat=True)
    )
    seen = []
    for number in (1, 2, 3):
        seen += [item.title for item in client.get(news.url, {"page": number}).context["items"]]
    assert seen == expected
    assert len(set(seen)) == 25


def count_statements(client, url, params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    # Counts of the listing's articles (the visitor counter in the footer counts too).
    return response, sum(
        "COUNT(" in query["sql"].upper() and "articlepage" in query["sql"] for query in context.captured_queries
    )


@override_settings(WAGTAIL_BHXH={"ITEMS_PER_PAGE": 10})
def test_a_listing_is_counted_once_until_its_content_changes(news, client):
    _response, counted = count_statements(client, news.url, {"page": 2})
    assert counted == 1
    response, counted = count_statements(client, news.url, {"page": 3})
    assert counted == 0
    assert len(response.context["items"]) == 5
    # Each filter combination has its own count.
    response, counted = count_statements(client, news.url, {"kind": "bai"})
    assert counted == 1 and response.context["items"].paginator.count == 5
    # A new article shows on the very next request, on the page it falls on.
    ArticlePageFactory(parent=news, title="Bản tin mới nhất")
    response, counted = count_statements(client, news.url, {"page": 3})
    assert counted == 1
    assert response.context["items"].paginator.count == 26
    assert len(response.context["items"]) == 6


@override_settings(WAGTAIL_BHXH={"ITEMS_PER_PAGE": 10})
def test_pagination_links_keep_the_filters(news, client):
    content = client.get(news.url, {"kind": "tin"}).content.decode()
    assert "?kind=tin&amp;page=2" in content


def test_filter_by_kind_policy_area_topic_and_tag(home, client):
    news = NewsIndexPageFactory(parent=home)
    area = PolicyAreaFactory(slug="bhtn")
    topic = TopicFactory(slug="chuyen-doi-so")
    unemployment = ArticlePageFactory(parent=news, title="Trợ cấp thất nghiệp tháng 10", kind="bai")
    unemployment.policy_areas.add(area)
    unemployment.topics.add(topic)
    unemployment.tags.add("trợ cấp thất nghiệp")
    unemployment.save()
    ArticlePageFactory(parent=news, title="Tin khác", kind="tin")

    def titles(**params):
        content = client.get(news.url, params).content.decode()
        return {t for t in ("Trợ cấp thất nghiệp tháng 10", "Tin khác") if t in content}

    assert titles(kind="bai") == {"Trợ cấp thất nghiệp tháng 10"}
    assert titles(kind="tin") == {"Tin khác"}
    assert titles(policy_area="bhtn") == {"Trợ cấp thất nghiệp tháng 10"}
    assert titles(topic="chuyen-doi-so") == {"Trợ cấp thất nghiệp tháng 10"}
    assert titles(tag="Trợ cấp thất nghiệp") == {"Trợ cấp thất nghiệp tháng 10"}


def test_filter_options_follow_new_areas_topics_and_issuers_at_once(home, client):
    news = NewsIndexPageFactory(parent=home)
    legal = LegalDocumentIndexPageFactory(parent=home)
    LegalDocumentPageFactory(parent=legal)
    client.get(news.url), client.get(legal.url)  # the options are cached from here on
    PolicyAreaFactory(name="Bảo hiểm tai nạn lao động", slug="bhtnld")
    TopicFactory(name="Chuyển đổi số", slug="chuyen-doi-so")
    LegalDocumentPageFactory(parent=legal, issuer="Bộ Y tế")
    listing = client.get(news.url).content.decode()
    assert '<option value="bhtnld">' in listing and '<option value="chuyen-doi-so">' in listing
    assert '<option value="Bộ Y tế">' in client.get(legal.url).content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "<script>alert(1)</script>"},
        {"policy_area": "' OR 1=1 --"},
        {"topic": "x" * 5000},
        {"tag": "a" * 500},
        {"kind": "\x00\x01"},
    ],
)
def test_hostile_filters_are_reported_and_ignored(home, client, params):
    news = NewsIndexPageFactory(parent=home)
    ArticlePageFactory(parent=news, title="Vẫn hiển thị")
    response = client.get(news.url, params)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vẫn hiển thị" in content
    assert "<script>alert(1)</script>" not in content
    assert 'role="alert"' in content


def test_media_listing_mixes_infographics_and_videos(home, client):
    media = MediaIndexPageFactory(parent=home)
    InfographicPageFactory(parent=media, title="Infographic A")
    VideoPageFactory(parent=media, title="Video B")
    content = client.get(media.url).content.decode()
    assert "Infographic A" in content and "Video B" in content
    only_videos = client.get(media.url, {"kind": "video"}).content.decode()
    assert "Video B" in only_videos and "Infographic A" not in only_videos


def test_legal_documents_filter_by_type_issuer_year_status_and_number(home, client):
    section = LegalDocumentIndexPageFactory(parent=home)
    LegalDocumentPageFactory(parent=section, number="115/2015/NĐ-CP", issued_on=datetime.date(2015, 11, 11))
    LegalDocumentPageFactory(
        parent=section,
        number="59/2015/TT-BLĐTBXH",
        document_type="circular",
        issuer="Bộ Lao động - Thương binh và Xã hội",
        issued_on=datetime.date(2015, 12, 29),
    )
    LegalDocumentPageFactory(
        parent=section,
        number="58/2014/QH13",
        document_type="law",
        issuer="Quốc hội",
        issued_on=datetime.date(2014, 11, 20),
        status="replaced",
    )
    LegalDocumentPageFactory(
        parent=section,
        number="99/2026/NĐ-CP",
        issued_on=datetime.date(2026, 10, 1),
        effective_on=datetime.date(2099, 1, 1),
    )

    def numbers(**params):
        content = client.get(section.url, params).content.decode()
        return {
            n for n in ("115/2015/NĐ-CP", "59/2015/TT-BLĐTBXH", "58/2014/QH13", "99/2026/NĐ-CP") if f">{n}<" in content
        }

    assert numbers(document_type="circular") == {"59/2015/TT-BLĐTBXH"}
    assert numbers(issuer="Quốc hội") == {"58/2014/QH13"}
    assert numbers(year="2015") == {"115/2015/NĐ-CP", "59/2015/TT-BLĐTBXH"}
    assert numbers(status="replaced") == {"58/2014/QH13"}
    assert numbers(status="not_yet") == {"99/2026/NĐ-CP"}
    assert numbers(status="in_force") == {"115/2015/NĐ-CP", "59/2015/TT-BLĐTBXH"}
    assert numbers(number="115/2015") == {"115/2015/NĐ-CP"}
    for spelling in ("115/2015/ND-CP", "nđ 115/2015", "nghi dinh so 115/2015", "Nghị định 115"):
        assert numbers(number=spelling) == {"115/2015/NĐ-CP"}, spelling
    assert numbers(number="59/2015/tt-bldtbxh") == {"59/2015/TT-BLĐTBXH"}
    assert numbers(number="luat 58/2014") == {"58/2014/QH13"}
    assert numbers(number="thông tư 115/2015") == set()
    # An unknown issuer or an impossible year is reported, not a crash.
    response = client.get(section.url, {"issuer": "Không tồn tại", "year": "20155"})
    assert response.status_code == 200
    assert len(numbers(issuer="Không tồn tại")) == 4
