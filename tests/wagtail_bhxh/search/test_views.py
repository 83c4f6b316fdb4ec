"""The public search page, the JSON API and autocomplete, as a visitor meets them."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEARCH = "/search/"
API = "/api/bhxh/search/"
AUTOCOMPLETE = "/api/bhxh/autocomplete/"

HOSTILE = [
    '"',
    "'",
    '"bhxh',
    "bhxh)",
    "((bhxh",
    "[bhxh]",
    "{x}",
    "NEAR(bhxh thẻ)",
    "bhxh AND OR NOT",
    "*",
    "title:bhxh",
    "'; DROP TABLE wagtail_bhxh_search_searchentry; --",
    "1' OR '1'='1",
    "%",
    "_",
    "\\",
    "\x00",
    "\x01\x02\x1b[31m",
    "a" * 10_000,
    "bhxh " * 2_000,
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "&|!<->:*",
    "💥",
    "\u202e\u200b",
    "115/2015/NĐ-CP" * 100,
]


@pytest.fixture
def corpus(make_article, make_document, backend):
    pages = [
        make_article(f"Hướng dẫn cấp lại thẻ BHYT số {n}", intro="Thẻ bảo hiểm y tế bị mất.", day=1 + n)
        for n in range(15)
    ]
    decree = make_document("115/2015/NĐ-CP", "Nghị định quy định chi tiết về bảo hiểm xã hội bắt buộc")
    backend.rebuild()
    return pages, decree


def test_url_names():
    assert reverse("wagtail_bhxh:search") == SEARCH
    assert reverse("wagtail_bhxh:search_api") == API
    assert reverse("wagtail_bhxh:search_autocomplete") == AUTOCOMPLETE


def test_empty_search_page_shows_the_box(client, home):
    response = client.get(SEARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="search"' in html and 'name="q"' in html and "noindex" in html


@override_settings(WAGTAIL_BHXH={"ITEMS_PER_PAGE": 10})
def test_results_are_highlighted_and_paginated(client, corpus):
    response = client.get(SEARCH, {"q": "the bhyt"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "15 kết quả" in html or "15 results" in html
    assert "<mark>thẻ</mark> <mark>BHYT</mark>" in html or "<mark>Thẻ</mark>" in html
    assert html.count('class="search-result ') == 10
    assert 'rel="next"' in html
    second = client.get(SEARCH, {"q": "the bhyt", "page": 2}).content.decode()
    assert second.count('class="search-result ') == 5
    assert client.get(SEARCH, {"q": "the bhyt", "page": 3}).status_code == 404
    assert client.get(SEARCH, {"q": "the bhyt", "page": "x"}).status_code == 404


def test_document_number_query_shows_the_document_first(client, corpus):
    _pages, decree = corpus
    html = client.get(SEARCH, {"q": "nđ 115/2015"}).content.decode()
    first = html.index('class="search-result ')
    assert html.index(decree.url) > first
    assert (
        html.index(decree.url) < html.index('class="search-result ', first + 1)
        if html.count('class="search-result ') > 1
        else True
    )
    assert "115/2015/NĐ-CP" in html


def test_zero_results_page_helps(client, corpus):
    html = client.get(SEARCH, {"q": "dzan quokka"}).content.decode()
    assert 'class="search-empty"' in html
    assert "?q=dan%20quokka" in html  # suggested spelling from the titles' words
    html = client.get(SEARCH, {"q": "huong dzan"}).content.decode()
    assert 'class="search-suggestion"' in html and "huong dan" in html
    assert "115/2015/NĐ-CP" in html  # the tip on document numbers


def test_invalid_filters_are_reported_and_ignored(client, corpus):
    response = client.get(SEARCH, {"q": "the bhyt", "year": "abc", "date_from": "2024-13-45", "type": "nonsense"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="field-error"' in html
    assert html.count('class="search-result ') > 0


def test_filters_narrow_the_results(client, corpus):
    html = client.get(SEARCH, {"q": "bao hiem", "type": "legal_document"}).content.decode()
    assert html.count('class="search-result ') == 1
    html = client.get(SEARCH, {"q": "bao hiem", "sort": "date", "type": "article"}).content.decode()
    assert html.index("thẻ BHYT số 14") < html.index("thẻ BHYT số 13")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_query_string_breaks_the_search_page_or_the_api(client, corpus, hostile):
    for params in ({"q": hostile}, {"q": hostile, "type": hostile, "year": hostile, "sort": hostile}):
        response = client.get(SEARCH, params)
        assert response.status_code == 200, hostile
        assert b"<script>alert" not in response.content
    assert client.get(API, {"q": hostile}).status_code == 200
    assert client.get(AUTOCOMPLETE, {"q": hostile}).status_code == 200
    assert client.get(API, {"q": "bhxh", "limit": hostile}).status_code in (200, 400)


def test_api_shape(client, corpus):
    _pages, decree = corpus
    data = client.get(API, {"q": "nghi dinh 115/2015", "type": "legal_document"}).json()
    assert data["count"] == 1
    (item,) = data["results"]
    assert set(item) == {"id", "title", "url", "type", "date", "snippet", "number"}
    assert item["id"] == decree.pk and item["number"] == "115/2015/NĐ-CP" and item["type"] == "legal_document"
    assert item["url"].startswith("http://testserver/") and item["date"] == "2015-11-11"
    article = client.get(API, {"q": "the bhyt", "limit": 1}).json()["results"][0]
    assert set(article) == {"id", "title", "url", "type", "date", "snippet"}
    assert client.get(API).json() == {"count": 0, "results": []}


def test_api_offset_paging_reaches_every_hit(client, corpus):
    seen = []
    for offset in range(0, 20, 4):
        data = client.get(API, {"q": "bhyt", "limit": 4, "offset": offset}).json()
        assert data["count"] == 15
        seen += [item["id"] for item in data["results"]]
    assert len(seen) == len(set(seen)) == 15


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "101"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "1.5"}, "offset"),
        ({"type": "page"}, "type"),
    ],
)
def test_api_refuses_bad_parameters_in_vietnamese_and_english(client, corpus, params, field):
    response = client.get(API, {"q": "bhyt", **params})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameters"
    assert set(error["fields"]) == {field}
    assert error["fields"][field]["vi"] != error["fields"][field]["en"]
    assert "phải" in error["fields"][field]["vi"] and "must" in error["fields"][field]["en"]


def test_api_limit_of_100_is_accepted(client, corpus):
    assert len(client.get(API, {"q": "bhyt", "limit": 100}).json()["results"]) == 15


def test_autocomplete_endpoint(client, corpus):
    _pages, decree = corpus
    data = client.get(AUTOCOMPLETE, {"q": "huong dan cap"}).json()
    assert data["results"] and all(item["type"] == "article" for item in data["results"])
    assert len(data["results"]) <= 8
    data = client.get(AUTOCOMPLETE, {"q": "115/2015"}).json()
    assert data["results"][0] == {
        "id": decree.pk,
        "title": decree.title,
        "url": "http://testserver" + decree.url,
        "type": "legal_document",
        "number": "115/2015/NĐ-CP",
    }


@override_settings(WAGTAIL_BHXH={"SEARCH_RATE_LIMIT": 3, "SEARCH_AUTOCOMPLETE_RATE_LIMIT": 2})
def test_rate_limits_answer_429_in_vietnamese(client, corpus):
    for _ in range(3):
        assert client.get(API, {"q": "bhyt"}).status_code == 200
    response = client.get(API, {"q": "bhyt"})
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "Bạn gửi quá nhiều yêu cầu" in response.json()["error"]["message"]
    for _ in range(3):
        client.get(SEARCH, {"q": "bhyt"})
    page = client.get(SEARCH, {"q": "bhyt"})
    assert page.status_code == 429 and "quá nhiều" in page.content.decode()
    client.get(AUTOCOMPLETE, {"q": "bh"})
    client.get(AUTOCOMPLETE, {"q": "bh"})
    assert client.get(AUTOCOMPLETE, {"q": "bh"}).status_code == 429
    # Another visitor is not limited, and no address is kept in the cache keys.
    assert client.get(API, {"q": "bhyt"}, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_queries_per_search_stay_constant_as_content_grows(client, make_article, backend, settings):
    # The searches themselves, not the results cache (tested below).
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "SEARCH_CACHE_SECONDS": 0}

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(SEARCH, {"q": "bhyt"}).status_code == 200
            assert client.get(API, {"q": "bhyt"}).status_code == 200
        return len(ctx.captured_queries)

    for n in range(3):
        make_article(f"Tin BHYT {n}")
    backend.rebuild()
    count_queries()  # warm the per-process caches (site root paths, settings)
    small = count_queries()
    for n in range(30):
        make_article(f"Tin BHYT thêm {n}")
    backend.rebuild()
    count_queries()  # new pages start a new generation of the cached page chrome
    assert count_queries() == small
    # PostgreSQL: each search also sets the planner within a savepoint of the test's transaction.
    assert small <= (16 if connection.vendor == "postgresql" else 12)


def test_api_takes_the_search_page_filters(client, corpus):
    import datetime

    from tests.factories import PolicyAreaFactory

    pages, decree = corpus
    area = PolicyAreaFactory(name="Bảo hiểm y tế", slug="bhyt")
    pages[3].policy_areas.add(area)
    pages[3].save_revision().publish()
    from wagtail_bhxh.search.backends.base import get_backend

    get_backend().rebuild()
    assert [i["id"] for i in client.get(API, {"q": "bhyt", "policy_area": "bhyt"}).json()["results"]] == [pages[3].pk]
    data = client.get(API, {"q": "bao hiem", "doc_type": "decree", "year": 2015, "status": decree.status}).json()
    assert [i["id"] for i in data["results"]] == [decree.pk]
    day = pages[14].first_published_at.date()
    data = client.get(API, {"q": "the bhyt", "date_from": (day - datetime.timedelta(days=1)).isoformat()}).json()
    assert data["count"] == 2
    data = client.get(API, {"q": "the bhyt", "sort": "date", "limit": 2}).json()
    assert [i["id"] for i in data["results"]] == [pages[14].pk, pages[13].pk]
    # Filters alone browse, newest first.
    assert client.get(API, {"type": "legal_document"}).json()["count"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "2024-13-45"}, "date_from"),
        ({"date_from": "2024-05-01", "date_to": "2024-04-01"}, "date_to"),
        ({"policy_area": "khong-co"}, "policy_area"),
        ({"year": "abc"}, "year"),
        ({"sort": "price"}, "sort"),
    ],
)
def test_api_refuses_bad_filters_in_both_languages(client, corpus, params, field):
    response = client.get(API, {"q": "bhyt", **params})
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error["fields"]) == {field}
    assert error["fields"][field]["vi"] != error["fields"][field]["en"]


# --- Results kept in the cache -------------------------------------------------------------


def index_queries(ctx):
    return [q["sql"] for q in ctx.captured_queries if "searchentry" in q["sql"].lower()]


def test_a_repeated_search_is_answered_from_the_cache(client, corpus):
    first = client.get(SEARCH, {"q": "the bhyt", "page": 2})
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(SEARCH, {"q": "the bhyt", "page": 2})
        api = client.get(API, {"q": "the bhyt"})
        api_again = client.get(API, {"q": "the bhyt"})
    assert [h.page_id for h in again.context["page_obj"]] == [h.page_id for h in first.context["page_obj"]]
    assert again.context["results"].count == 15
    assert api_again.json() == api.json()
    # Only the API's first request searched the index.
    assert index_queries(ctx)
    with CaptureQueriesContext(connection) as ctx:
        client.get(SEARCH, {"q": "the bhyt", "page": 2})
        client.get(API, {"q": "the bhyt"})
    assert index_queries(ctx) == []


def test_cached_results_follow_publish_unpublish_and_takedown(
    client, corpus, make_article, django_capture_on_commit_callbacks
):
    from wagtail_bhxh.signals import page_taken_down

    def found():
        return [item["title"] for item in client.get(API, {"q": "luong huu"}).json()["results"]]

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    page = make_article("Thông báo lịch chi trả lương hưu", live=False)
    assert found() == []  # now cached
    publish(page)
    assert found() == [page.title]
    page.refresh_from_db()
    page.unpublish()
    assert found() == []
    publish(page)
    assert found() == [page.title]
    page_taken_down.send(sender=type(page), page=page, outcome="withdrawn", request=None, takedown_request=None)
    assert found() == []


def test_a_rebuild_clears_the_cached_results(client, corpus, backend, make_article):
    def count():
        return client.get(API, {"q": "the bhyt"}).json()["count"]

    assert count() == 15
    # Written without the publish signal, as bhxh_generate_content and data migrations do.
    make_article("Hướng dẫn cấp lại thẻ BHYT bổ sung", intro="Thẻ bảo hiểm y tế bị mất.")
    assert count() == 15
    backend.rebuild()
    assert count() == 16


def test_the_results_cache_can_be_turned_off(client, corpus, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "SEARCH_CACHE_SECONDS": 0}
    client.get(SEARCH, {"q": "the bhyt"})
    with CaptureQueriesContext(connection) as ctx:
        client.get(SEARCH, {"q": "the bhyt"})
    assert index_queries(ctx)


def test_a_backend_that_shows_changes_late_is_never_cached(monkeypatch, db):
    from wagtail_bhxh.search import results_cache
    from wagtail_bhxh.search.backends.base import SearchBackend, SearchQuery, SearchResults

    class Eventual(SearchBackend):  # as Elasticsearch: searchable after its refresh interval
        calls = 0

        def search(self, query):
            Eventual.calls += 1
            return SearchResults(count=0, hits=[])

    monkeypatch.setattr(results_cache, "get_backend", Eventual)
    results_cache.search(SearchQuery(q="bhxh"))
    results_cache.search(SearchQuery(q="bhxh"))
    assert Eventual.calls == 2
