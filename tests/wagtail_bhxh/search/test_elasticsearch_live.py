"""The Elasticsearch backend against a real cluster; runs only where ``BHXH_ELASTICSEARCH_URL`` is set.

    BHXH_ELASTICSEARCH_URL=http://127.0.0.1:9200 pytest tests/wagtail_bhxh/search/test_elasticsearch_live.py

Each run works in its own alias (``test_bhxh_<random>``) and deletes its
indices afterwards. The client's major version must match the cluster's
(``elasticsearch>=8.18,<9`` for Elasticsearch 8).
"""

import datetime
import os
import uuid

import pytest

from wagtail_bhxh.search.backends.base import SearchQuery

URL = os.environ.get("BHXH_ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.skipif(not URL, reason="BHXH_ELASTICSEARCH_URL is not set: no Elasticsearch cluster to test against"),
    pytest.mark.django_db,
]


@pytest.fixture
def es():
    from elasticsearch import Elasticsearch

    from wagtail_bhxh.search.backends.elasticsearch import ElasticsearchSearchBackend

    client = Elasticsearch(URL, request_timeout=30)
    alias = f"test_bhxh_{uuid.uuid4().hex[:10]}"
    backend = ElasticsearchSearchBackend(client=client, alias=alias)
    yield backend
    client.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture
def content(make_article, make_document):
    pages = {
        "card": make_article(
            "Thẻ bảo hiểm y tế điện tử trên VssID", intro="Dùng thẻ BHYT khi đi khám chữa bệnh.", day=2
        ),
        "health": make_article("Chăm sóc sức khỏe người lao động", intro="Khám sức khỏe định kỳ.", day=3),
        "unemployment": make_article(
            "Hướng dẫn hưởng trợ cấp thất nghiệp", intro="Hồ sơ hưởng trợ cấp thất nghiệp nộp tại trung tâm.", day=4
        ),
        "scattered": make_article(
            "Thất nghiệp và việc làm", intro="Người lao động được trợ giúp; cấp giấy; thất bại là mẹ thành công.", day=5
        ),
        "harmony": make_article("Hoà giải tranh chấp lao động", intro="Hòa giải viên lao động.", day=6),
        "chemistry": make_article("Hóa đơn điện tử", intro="Hoa đơn không dấu.", day=7),
        "decree": make_document(
            "115/2015/NĐ-CP",
            "Nghị định 115/2015/NĐ-CP quy định chi tiết Luật Bảo hiểm xã hội về BHXH bắt buộc",
            issued_on=datetime.date(2015, 11, 11),
        ),
        "circular": make_document(
            "59/2015/TT-BLĐTBXH",
            "Thông tư 59/2015/TT-BLĐTBXH hướng dẫn Nghị định 115/2015/NĐ-CP",
            document_type="circular",
            issuer="Bộ Lao động - Thương binh và Xã hội",
            issued_on=datetime.date(2015, 12, 29),
        ),
    }
    return pages


@pytest.fixture
def indexed(es, content):
    assert es.rebuild() == len(content)
    return content


def ids(results):
    return [hit.page_id for hit in results.hits]


def test_typed_without_diacritics_and_with_abbreviations(es, indexed):
    card = indexed["card"].pk
    assert card in ids(es.search(SearchQuery(q="the bhyt")))
    assert card in ids(es.search(SearchQuery(q="thẻ bảo hiểm y tế")))
    assert card in ids(es.search(SearchQuery(q="THE BAO HIEM Y TE")))
    assert indexed["health"].pk in ids(es.search(SearchQuery(q="suc khoe nld")))


def test_old_tone_placement_and_accent_bonus(es, indexed):
    assert ids(es.search(SearchQuery(q="sức khoẻ")))[0] == indexed["health"].pk
    results = ids(es.search(SearchQuery(q="hòa giải")))
    assert results[0] == indexed["harmony"].pk
    # "hóa" folds like "hòa", but the page typed with the query's diacritics ranks first.
    first = ids(es.search(SearchQuery(q="hóa đơn")))[0]
    assert first == indexed["chemistry"].pk


@pytest.mark.parametrize(
    "q", ["115/2015/NĐ-CP", "115/2015/ND-CP", "nđ 115/2015", "nghị định 115/2015", "nghi dinh 115"]
)
def test_a_document_asked_for_by_number_comes_first(es, indexed, q):
    results = es.search(SearchQuery(q=q))
    assert results.hits[0].page_id == indexed["decree"].pk
    assert results.hits[0].number == "115/2015/NĐ-CP"


def test_the_phrase_ranks_above_scattered_words(es, indexed):
    found = ids(es.search(SearchQuery(q="trợ cấp thất nghiệp")))
    assert found[0] == indexed["unemployment"].pk
    if indexed["scattered"].pk in found:
        assert found.index(indexed["unemployment"].pk) < found.index(indexed["scattered"].pk)


def test_filters_facets_highlights_and_paging(es, indexed):
    results = es.search(SearchQuery(q="", types=("legal_document",)))
    assert results.count == 2 and ids(results) == [indexed["circular"].pk, indexed["decree"].pk]
    assert dict(results.facets["doc_type"]) == {"decree": 1, "circular": 1}
    assert dict(results.facets["year"]) == {"2015": 2}

    results = es.search(SearchQuery(q="trợ cấp thất nghiệp"))
    top = results.hits[0]
    assert "<mark>" in top.snippet and top.url and top.type == "article"

    everything = es.search(SearchQuery(q="", limit=100)).count
    seen = []
    for offset in range(0, everything, 3):
        seen += ids(es.search(SearchQuery(q="", offset=offset, limit=3)))
    assert len(seen) == len(set(seen)) == everything == len(indexed)


def test_nothing_found_relaxes_then_suggests(es, indexed):
    relaxed = es.search(SearchQuery(q="thẻ khủng long"))
    assert relaxed.relaxed and indexed["card"].pk in ids(relaxed)
    none = es.search(SearchQuery(q="khủng long ngoài vũ trụ"))
    assert none.count == 0 and not none.relaxed and none.hits == []


def test_autocomplete_is_folded_and_knows_numbers(es, indexed):
    titles = [item["title"] for item in es.autocomplete("the bao h")]
    assert "Thẻ bảo hiểm y tế điện tử trên VssID" in titles
    items = es.autocomplete("nđ 115")
    assert items[0]["number"] == "115/2015/NĐ-CP"
    assert es.autocomplete("59/2015")[0]["id"] == indexed["circular"].pk


def test_a_removed_page_disappears_at_once_and_publishing_reindexes(es, indexed):
    card = indexed["card"]
    es.remove([card.pk])
    assert card.pk not in ids(es.search(SearchQuery(q="the bhyt")))
    card.title = "Thẻ BHYT điện tử: cách dùng"
    card.save_revision().publish()
    assert es.index([card]) == 1
    es.client.indices.refresh(index=es.alias)  # published pages show within the refresh interval
    assert card.pk in ids(es.search(SearchQuery(q="the bhyt cach dung")))


def test_a_second_rebuild_moves_the_alias_and_drops_the_old_index(es, indexed):
    before = es.aliased_indices()
    es.rebuild()
    after = es.aliased_indices()
    assert len(after) == 1 and after != before
    assert not es.client.indices.exists(index=before[0])
    assert es.search(SearchQuery(q="bhyt")).count >= 1
