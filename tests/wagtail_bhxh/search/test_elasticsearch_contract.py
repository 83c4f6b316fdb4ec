"""The Elasticsearch backend's contract: the exact index definition and requests it sends.

No cluster runs here: the real client talks to :class:`FakeCluster`, which
records every request. ``test_elasticsearch_live.py`` runs the same backend
against a real cluster where ``BHXH_ELASTICSEARCH_URL`` is set.
"""

import datetime
import re
import unicodedata
from pathlib import Path

import pytest

from wagtail_bhxh.search.backends.base import SearchQuery
from wagtail_bhxh.search.backends.elasticsearch import ElasticsearchError, ElasticsearchSearchBackend
from wagtail_bhxh.search.backends.elasticsearch_index import index_body
from wagtail_bhxh.search.vietnamese import analyse, fold, normalise, synonym_groups, tokenize

from .es_fake import FakeCluster, hit, search_response

CORPUS = Path("/work/shared/data/legal_corpus.json")
for parent in Path(__file__).resolve().parents:
    if (parent / "shared" / "data" / "legal_corpus.json").exists():
        CORPUS = parent / "shared" / "data" / "legal_corpus.json"
        break

FACET_AGGS = {
    "type": {"terms": {"field": "type", "size": 10}},
    "policy_area": {"terms": {"field": "policy_areas", "size": 50}},
    "topic": {"terms": {"field": "topics", "size": 50}},
    "doc_type": {"terms": {"field": "doc_type", "size": 20}},
    "issuer": {"terms": {"field": "issuer", "size": 30}},
    "year": {"terms": {"field": "year", "size": 50}},
    "status": {"terms": {"field": "status", "size": 10}},
}
HIGHLIGHT = {
    "fields": {"body": {}, "intro": {}},
    "encoder": "html",
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "require_field_match": False,
    "fragment_size": 240,
    "number_of_fragments": 1,
    "no_match_size": 240,
    "max_analyzed_offset": 1000000,
}
BY_RELEVANCE = ["_score", {"date": {"order": "desc"}}, {"id": {"order": "desc"}}]
BY_DATE = [{"date": {"order": "desc"}}, {"id": {"order": "desc"}}]
SOURCE = ["title", "url", "type", "date", "number"]


@pytest.fixture
def cluster():
    return FakeCluster()


@pytest.fixture
def es(cluster):
    return ElasticsearchSearchBackend(client=cluster.client(), alias="wagtail_bhxh")


def text_query(text, accented=None, relaxed=False, phrase=True):
    should = [{"match": {"title": {"query": text, "boost": 3.0}}}]
    if phrase:
        should += [
            {"match_phrase": {"all_text": {"query": text, "boost": 2.0}}},
            {"match_phrase": {"all_text": {"query": text, "slop": 6}}},
        ]
    if accented:
        should.append({"match": {"all_text": {"query": accented, "analyzer": "bhxh_vi_exact"}}})
    return {
        "bool": {
            "must": [{"match": {"all_text": {"query": text, "operator": "or" if relaxed else "and"}}}],
            "should": should,
        }
    }


# --- Index definition ----------------------------------------------------------------


def test_index_settings_and_analyzers_are_exactly_these():
    body = index_body("wagtail_bhxh-20260101000000000000")
    settings = body["settings"]
    analysis = settings.pop("analysis")
    assert settings == {"number_of_shards": 1, "auto_expand_replicas": "0-1", "max_result_window": 1000000}
    char_filters = ["bhxh_nfc", "bhxh_tone"]
    assert analysis["analyzer"] == {
        "bhxh_vi": {
            "type": "custom",
            "tokenizer": "bhxh_words",
            "char_filter": char_filters,
            "filter": ["lowercase", "bhxh_length", "bhxh_fold_keep"],
        },
        "bhxh_vi_search": {
            "type": "custom",
            "tokenizer": "bhxh_words",
            "char_filter": char_filters,
            "filter": ["lowercase", "bhxh_length", "bhxh_fold", "bhxh_synonyms"],
        },
        "bhxh_vi_exact": {
            "type": "custom",
            "tokenizer": "bhxh_words",
            "char_filter": char_filters,
            "filter": ["lowercase", "bhxh_length"],
        },
        "bhxh_vi_folded": {
            "type": "custom",
            "tokenizer": "bhxh_words",
            "char_filter": char_filters,
            "filter": ["lowercase", "bhxh_length", "bhxh_fold"],
        },
        "bhxh_autocomplete": {
            "type": "custom",
            "tokenizer": "bhxh_words",
            "char_filter": char_filters,
            "filter": ["lowercase", "bhxh_length", "bhxh_fold", "bhxh_prefixes"],
        },
    }
    assert analysis["normalizer"] == {
        "bhxh_folded_keyword": {"type": "custom", "char_filter": char_filters, "filter": ["lowercase", "asciifolding"]}
    }
    assert analysis["tokenizer"] == {"bhxh_words": {"type": "pattern", "pattern": r"[^\p{L}\p{N}]+"}}
    synonyms = analysis["filter"].pop("bhxh_synonyms")
    assert analysis["filter"] == {
        "bhxh_length": {"type": "length", "min": 1, "max": 40},
        "bhxh_fold_keep": {"type": "asciifolding", "preserve_original": True},
        "bhxh_fold": {"type": "asciifolding", "preserve_original": False},
        "bhxh_prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
    }
    assert synonyms["type"] == "synonym_graph" and synonyms["lenient"] is True
    # Generated from the same abbreviations file as the Python analysis, folded as the analyzer folds.
    assert "bhyt, bao hiem y te" in synonyms["synonyms"]
    assert "bhtnld bnn, bao hiem tai nan lao dong benh nghe nghiep" in synonyms["synonyms"]
    assert "kcb, kham chua benh, kham benh chua benh" in synonyms["synonyms"]
    assert synonyms["synonyms"] == [", ".join(group) for group in synonym_groups()]
    assert set(analysis["char_filter"]) == {"bhxh_nfc", "bhxh_tone"}
    assert analysis["char_filter"]["bhxh_tone"]["type"] == "mapping"
    assert analysis["char_filter"]["bhxh_nfc"]["type"] == "mapping"


def test_site_synonym_files_reach_the_index(settings, tmp_path):
    extra = tmp_path / "tinh.txt"
    extra.write_text("# Tỉnh Demo\nTTPVHCC, trung tâm phục vụ hành chính công\n", encoding="utf-8")
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "SEARCH_SYNONYMS_FILES": [str(extra)]}
    synonyms = index_body("x")["settings"]["analysis"]["filter"]["bhxh_synonyms"]["synonyms"]
    assert synonyms[-1] == "ttpvhcc, trung tam phuc vu hanh chinh cong"


def test_mappings_are_exactly_these():
    text = {
        "type": "text",
        "analyzer": "bhxh_vi",
        "search_analyzer": "bhxh_vi_search",
        "index_options": "offsets",
        "copy_to": "all_text",
    }
    assert index_body("x")["mappings"] == {
        "dynamic": "strict",
        "properties": {
            "id": {"type": "integer"},
            "type": {"type": "keyword"},
            "title": {
                **text,
                "fields": {
                    "autocomplete": {
                        "type": "text",
                        "analyzer": "bhxh_autocomplete",
                        "search_analyzer": "bhxh_vi_folded",
                    }
                },
            },
            "intro": text,
            "body": text,
            "all_text": {
                "type": "text",
                "analyzer": "bhxh_vi",
                "search_analyzer": "bhxh_vi_search",
                "index_options": "offsets",
            },
            "number": {
                "type": "keyword",
                "copy_to": "all_text",
                "fields": {"folded": {"type": "keyword", "normalizer": "bhxh_folded_keyword"}},
            },
            "number_key": {"type": "keyword"},
            "date": {"type": "date", "format": "strict_date"},
            "policy_areas": {"type": "integer"},
            "topics": {"type": "integer"},
            "doc_type": {"type": "keyword"},
            "issuer": {"type": "keyword"},
            "year": {"type": "integer"},
            "status": {"type": "keyword"},
            "url_path": {"type": "keyword", "index": False},
            "url": {"type": "keyword", "index": False},
            "locale": {"type": "keyword"},
        },
    }


# --- The analysis mirrors vietnamese.py ----------------------------------------------------


def unescape(side):
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), side)


def mapping_char_filter(rules):
    """Elasticsearch's mapping char filter: at each position the longest matching key is replaced."""
    table = {}
    for rule in rules:
        source, target = (unescape(side.strip()) for side in rule.split("=>"))
        table[source] = target
    longest = max(len(key) for key in table)

    def apply(text):
        out, i = [], 0
        while i < len(text):
            for size in range(min(longest, len(text) - i), 0, -1):
                if text[i : i + size] in table:
                    out.append(table[text[i : i + size]])
                    i += size
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    return apply


@pytest.fixture(scope="module")
def es_analysis():
    """The char filters, tokenizer, lowercase and folding of the index, run in Python."""
    analysis = index_body("x")["settings"]["analysis"]
    nfc = mapping_char_filter(analysis["char_filter"]["bhxh_nfc"]["mappings"])
    tone = mapping_char_filter(analysis["char_filter"]["bhxh_tone"]["mappings"])

    def tokens(text, folded):
        words = [w.lower() for w in re.split(r"[^\w]+|_", tone(nfc(text))) if w and len(w) <= 40]
        return [fold(w) for w in words] if folded else words

    return tokens


def sample_texts():
    texts = [
        "Sức khoẻ, sức khỏe; hoà giải, hòa giải; thuỷ sản, thủy sản; QUÝ, quý; ỦY BAN, UỶ BAN",
        "Khoẻ mạnh, HOÀ BÌNH, Hoá đơn, hóa đơn, tuỳ, tùy, luỹ kế, lũy kế, hoạ sĩ, họa sĩ",
        "Người lao động được hưởng chế độ ốm đau, thai sản; Nghị định 115/2015/NĐ-CP",
    ]
    if CORPUS.exists():
        import json

        for document in json.loads(CORPUS.read_text(encoding="utf-8"))[:6]:
            texts.append(document["title"])
            texts.extend(article["text"][:2000] for article in document["articles"][:15])
    return texts


def test_char_filters_make_nfd_and_old_tone_placement_equal_to_normalise(es_analysis):
    """The analyzer sees raw text (NFD, composed, old or new tone placement) the way Python sees normalise(text)."""
    checked = 0
    for text in sample_texts():
        for form in ("NFC", "NFD"):
            raw = unicodedata.normalize(form, text)
            assert es_analysis(raw, folded=False) == es_analysis(normalise(text), folded=False)
            checked += 1
    assert checked >= 6


def test_folded_tokens_are_the_python_analysis(es_analysis):
    for text in sample_texts():
        assert es_analysis(unicodedata.normalize("NFD", text), folded=True) == analyse(text)


def test_old_and_new_tone_placements_are_the_same_token(es_analysis):
    for old, new in [("khoẻ", "khỏe"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("HOÀ", "HÒA"), ("Uỷ", "Ủy"), ("hoạ", "họa")]:
        assert es_analysis(old, folded=False) == es_analysis(new, folded=False)
        assert tokenize(old) == tokenize(new)
    # Diacritics still tell words apart before folding ("hòa" and "hóa" fold alike).
    assert es_analysis("hòa", folded=False) != es_analysis("hóa", folded=False)


def test_half_composed_letters_compose(es_analysis):
    # Vietnamese keyboards in "tổ hợp" mode type the vowel and its tone mark separately.
    assert es_analysis("a\u0302\u0323", folded=False) == ["ậ"]
    assert es_analysis("â\u0323", folded=False) == ["ậ"]
    assert es_analysis("a\u0323\u0302", folded=False) == ["ậ"]
    assert es_analysis("ư\u0309", folded=False) == ["ử"]


# --- Requests ---------------------------------------------------------------------------------


def test_a_query_with_filters_sends_exactly_this(es, cluster):
    es.search(
        SearchQuery(
            q="thẻ bhyt",
            types=("article", "infographic"),
            policy_area=3,
            topic=7,
            date_from=datetime.date(2024, 1, 1),
            date_to=datetime.date(2024, 12, 31),
            offset=20,
            limit=10,
        )
    )
    first = cluster.requests[0]
    assert (first.method, first.path, first.params) == ("POST", "/wagtail_bhxh/_search", {})
    assert first.body == {
        "query": {
            "bool": {
                "must": [text_query("thẻ bhyt", accented="thẻ")],
                "filter": [
                    {"terms": {"type": ["article", "infographic"]}},
                    {"term": {"policy_areas": 3}},
                    {"term": {"topics": 7}},
                    {"range": {"date": {"gte": "2024-01-01", "lte": "2024-12-31"}}},
                ],
            }
        },
        "aggs": FACET_AGGS,
        "sort": BY_RELEVANCE,
        "track_total_hits": True,
        "from": 20,
        "size": 10,
        "_source": SOURCE,
        "highlight": HIGHLIGHT,
    }


def test_nothing_found_relaxes_to_any_word_then_suggests_the_expanded_query(es, cluster):
    results = es.search(SearchQuery(q="thẻ bhyt"))
    assert [request.endpoint for request in cluster.requests] == ["search", "search"]
    assert cluster.requests[0].body["query"] == text_query("thẻ bhyt", accented="thẻ")
    assert cluster.requests[1].body["query"] == text_query("thẻ bhyt", accented="thẻ", relaxed=True)
    assert results.count == 0 and not results.relaxed
    assert results.suggestion == "the bao hiem y te"


def test_relaxed_results_say_so(es, cluster):
    cluster.answer("search", search_response(), search_response([hit(5, {"title": "Thẻ", "type": "article"})]))
    results = es.search(SearchQuery(q="thẻ bhyt"))
    assert results.count == 1 and results.relaxed and results.suggestion == ""


def test_a_document_number_puts_the_document_first(es, cluster):
    es.search(SearchQuery(q="nghị định 115/2015", doc_type="decree", year=2015, issuer="Chính phủ", status="in_force"))
    assert cluster.requests[0].body["query"] == {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [
                            text_query("nghị định 115/2015", accented="nghị định"),
                            {
                                "constant_score": {
                                    "filter": {"term": {"number_key": {"value": "115/2015/nd-cp"}}},
                                    "boost": 1000.0,
                                }
                            },
                        ],
                        "minimum_should_match": 1,
                    }
                }
            ],
            "filter": [
                {"term": {"doc_type": "decree"}},
                {"term": {"issuer": "Chính phủ"}},
                {"term": {"status": "in_force"}},
                {"term": {"year": 2015}},
            ],
        }
    }


def test_a_partial_number_matches_every_year(es, cluster):
    es.search(SearchQuery(q="nghi dinh so 115"))
    number = cluster.requests[0].body["query"]["bool"]["should"][1]
    assert number == {
        "constant_score": {"filter": {"wildcard": {"number_key": {"value": "115/*nd-*"}}}, "boost": 1000.0}
    }


def test_browsing_without_words_sorts_by_date(es, cluster):
    es.search(SearchQuery(q="", types=("legal_document",), limit=5))
    body = cluster.requests[0].body
    assert body["query"] == {"bool": {"must": [{"match_all": {}}], "filter": [{"terms": {"type": ["legal_document"]}}]}}
    assert body["sort"] == BY_DATE
    assert body["highlight"] == HIGHLIGHT  # no word to mark: the start of the lead is the snippet
    assert len(cluster.requests) == 1


def test_sort_by_date(es, cluster):
    es.search(SearchQuery(q="lương hưu", sort="date"))
    assert cluster.requests[0].body["sort"] == BY_DATE


@pytest.mark.parametrize("q", ["!!!", "   ", "\x00\x07", "--", "*"])
def test_a_query_with_nothing_searchable_sends_nothing(es, cluster, q):
    results = es.search(SearchQuery(q=q))
    if q.strip():
        assert cluster.requests == [] and results.count == 0


@pytest.mark.parametrize(
    "q",
    [
        'title:"x" OR 1=1; DROP TABLE',
        "(bhxh AND [bhyt]) {}",
        "a" * 10000,
        "bảo hiểm\x00\x1f xã hội",
        '{"query": {"match_all": {}}}',
        "\\u0000 \\",
    ],
)
def test_hostile_queries_are_sent_as_plain_text(es, cluster, q):
    es.search(SearchQuery(q=q))
    for request in cluster.requests:
        must = request.body["query"]["bool"]["must"][0]
        sent = must["match"]["all_text"]["query"] if "match" in must else ""
        assert len(sent) <= 256 and "\x00" not in sent
        # Only match/phrase/term queries: nothing parses query syntax.
        assert "query_string" not in str(request.body) and "simple_query_string" not in str(request.body)


def test_results_are_read_from_hits_highlights_and_aggregations(es, cluster):
    cluster.answer(
        "search",
        search_response(
            [
                hit(
                    12,
                    {
                        "title": "Nghị định 115/2015/NĐ-CP",
                        "url": "/van-ban/nd-115/",
                        "type": "legal_document",
                        "date": "2015-11-11",
                        "number": "115/2015/NĐ-CP",
                    },
                    score=1012.5,
                    highlight={
                        "body": ["Người tham gia <mark>BHXH</mark> &lt;bắt buộc&gt;"],
                        "intro": ["Quy định chi tiết"],
                    },
                ),
                hit(
                    7,
                    {"title": "Tin", "url": "/tin/", "type": "article", "date": "2024-01-02", "number": ""},
                    score=3.0,
                    highlight={"body": ["Không khớp"], "intro": ["Sapo có <mark>bảo hiểm</mark>"]},
                ),
                hit(
                    8,
                    {"title": "Tin 2", "url": "/tin-2/", "type": "article", "date": None, "number": ""},
                    score=1.0,
                    highlight={"intro": ["Phần đầu của sapo"]},
                ),
            ],
            total=42,
            aggregations={
                "type": {"buckets": [{"key": "article", "doc_count": 30}, {"key": "legal_document", "doc_count": 12}]},
                "year": {"buckets": [{"key": 2015, "doc_count": 3}]},
                "policy_area": {"buckets": []},
                "doc_type": {"buckets": [{"key": "", "doc_count": 30}, {"key": "decree", "doc_count": 12}]},
            },
        ),
    )
    results = es.search(SearchQuery(q="bảo hiểm xã hội"))
    assert results.count == 42
    first, second, third = results.hits
    assert (first.page_id, first.score, first.title, first.url, first.type, first.number) == (
        12,
        1012.5,
        "Nghị định 115/2015/NĐ-CP",
        "/van-ban/nd-115/",
        "legal_document",
        "115/2015/NĐ-CP",
    )
    assert first.date == datetime.date(2015, 11, 11)
    assert first.snippet == "Người tham gia <mark>BHXH</mark> &lt;bắt buộc&gt;"
    assert second.snippet == "Sapo có <mark>bảo hiểm</mark>"
    assert third.snippet == "Phần đầu của sapo" and third.date is None
    assert results.facets == {
        "type": [("article", 30), ("legal_document", 12)],
        "doc_type": [("decree", 12)],
        "year": [("2015", 3)],
    }


def test_a_missing_index_gives_no_results_not_an_error(es, cluster):
    cluster.answer("search", None)
    results = es.search(SearchQuery(q="bhxh"))
    assert results.count == 0 and results.hits == []


def test_a_refused_query_gives_no_results_and_a_log_line(es, cluster, caplog):
    cluster.answer("search", "bad request")
    results = es.search(SearchQuery(q="bhxh"))
    assert results.count == 0 and results.hits == []
    assert es.autocomplete("bhxh") == []
    assert "Elasticsearch refused the search for 'bhxh'" in caplog.text


def test_autocomplete_sends_exactly_this(es, cluster):
    cluster.answer(
        "search",
        search_response(
            [
                hit(
                    3,
                    {
                        "title": "Nghị định 115/2015/NĐ-CP",
                        "url": "/v/",
                        "type": "legal_document",
                        "number": "115/2015/NĐ-CP",
                    },
                ),
                hit(4, {"title": "Nđ 115 và tin", "url": "/t/", "type": "article", "number": ""}),
            ]
        ),
    )
    items = es.autocomplete("nđ 115", limit=5)
    assert cluster.requests[0].body == {
        "query": {
            "bool": {
                "should": [
                    {"constant_score": {"filter": {"wildcard": {"number_key": {"value": "115/*nd-*"}}}, "boost": 10.0}},
                    {
                        "constant_score": {
                            "filter": {
                                "bool": {
                                    "must": [
                                        {
                                            "match": {
                                                "title": {
                                                    "query": "nd",
                                                    "analyzer": "bhxh_vi_folded",
                                                    "operator": "and",
                                                }
                                            }
                                        },
                                        {
                                            "match": {
                                                "title.autocomplete": {"query": "115", "analyzer": "bhxh_vi_folded"}
                                            }
                                        },
                                    ]
                                }
                            },
                            "boost": 1.0,
                        }
                    },
                ],
                "minimum_should_match": 1,
            }
        },
        "sort": BY_RELEVANCE,
        "size": 5,
        "_source": ["title", "url", "type", "number"],
    }
    assert items == [
        {
            "id": 3,
            "title": "Nghị định 115/2015/NĐ-CP",
            "url": "/v/",
            "type": "legal_document",
            "number": "115/2015/NĐ-CP",
        },
        {"id": 4, "title": "Nđ 115 và tin", "url": "/t/", "type": "article"},
    ]


def test_autocomplete_of_words_and_of_a_full_number(es, cluster):
    es.autocomplete("bảo hi")
    assert cluster.requests[-1].body["query"] == {
        "bool": {
            "should": [
                {
                    "constant_score": {
                        "filter": {
                            "bool": {
                                "must": [
                                    {
                                        "match": {
                                            "title": {"query": "bao", "analyzer": "bhxh_vi_folded", "operator": "and"}
                                        }
                                    },
                                    {"match": {"title.autocomplete": {"query": "hi", "analyzer": "bhxh_vi_folded"}}},
                                ]
                            }
                        },
                        "boost": 1.0,
                    }
                }
            ],
            "minimum_should_match": 1,
        }
    }
    es.autocomplete("115/2015/ND-CP")
    number = cluster.requests[-1].body["query"]["bool"]["should"][0]
    assert number == {
        "constant_score": {"filter": {"term": {"number_key": {"value": "115/2015/nd-cp"}}}, "boost": 10.0}
    }
    before = len(cluster.requests)
    assert es.autocomplete("b") == [] and es.autocomplete("!!") == []
    assert len(cluster.requests) == before


# --- Writing ------------------------------------------------------------------------------------


@pytest.fixture
def pages(make_article, make_document):
    article = make_article("Thẻ bảo hiểm y tế điện tử", intro="Dùng VssID khi đi khám.", day=3)
    document = make_document("115/2015/NĐ-CP", "Nghị định 115/2015/NĐ-CP", issued_on=datetime.date(2015, 11, 11))
    draft = make_article("Bản nháp", day=4)
    draft.unpublish()
    return article, document, draft


@pytest.mark.django_db
def test_index_bulk_indexes_public_pages_and_deletes_the_rest(es, cluster, pages):
    article, document, draft = pages
    cluster.requests.clear()
    assert es.index([article, document, draft]) == 2
    assert cluster.endpoints == ["indices.get_alias", "bulk"]
    bulk = cluster.sent("bulk")[0]
    assert (bulk.method, bulk.path, bulk.params) == ("PUT", "/wagtail_bhxh/_bulk", {"refresh": False})
    operations = bulk.body
    assert operations[0] == {"index": {"_id": str(article.pk)}}
    assert operations[1] == {
        "id": article.pk,
        "type": "article",
        "title": "Thẻ bảo hiểm y tế điện tử",
        "intro": "Dùng VssID khi đi khám.",
        "body": "Nội dung.",
        "date": "2024-01-03",
        "policy_areas": [],
        "topics": [],
        "number": "",
        "number_key": "",
        "doc_type": "",
        "issuer": "",
        "year": None,
        "status": "",
        "url_path": article.url_path,
        "url": article.get_url(),
        "locale": "vi",
    }
    assert operations[2] == {"index": {"_id": str(document.pk)}}
    assert operations[3]["number"] == "115/2015/NĐ-CP" and operations[3]["number_key"] == "115/2015/nd-cp"
    assert operations[3]["type"] == "legal_document" and operations[3]["year"] == 2015
    assert operations[3]["date"] == "2015-11-11" and operations[3]["doc_type"] == "decree"
    assert operations[4:] == [{"delete": {"_id": str(draft.pk)}}]
    # The alias is checked once per backend.
    es.index([article])
    assert cluster.endpoints[-2:] == ["bulk", "bulk"]


@pytest.mark.django_db
def test_the_first_write_creates_an_index_behind_the_alias(es, cluster, pages):
    article, _document, _draft = pages
    cluster.requests.clear()
    cluster.answer("indices.get_alias", None)
    es.index([article])
    create = cluster.sent("indices.create")[0]
    assert re.fullmatch(r"/wagtail_bhxh-\d{20}", create.path) and create.method == "PUT"
    assert create.body["aliases"] == {"wagtail_bhxh": {}}
    assert create.body["mappings"] == index_body("x")["mappings"]
    assert create.body["settings"] == index_body("x")["settings"]


@pytest.mark.django_db
def test_remove_drops_the_pages_at_once_from_every_index_of_the_alias(es, cluster):
    es.remove([5, 3, 5])
    request = cluster.requests[0]
    assert (request.method, request.path) == ("POST", "/wagtail_bhxh-*/_delete_by_query")
    assert request.params == {
        "refresh": True,
        "conflicts": "proceed",
        "allow_no_indices": True,
        "ignore_unavailable": True,
    }
    assert request.body == {"query": {"terms": {"id": [3, 5]}}}
    cluster.requests.clear()
    es.remove([])
    assert cluster.requests == []


@pytest.mark.django_db
def test_bulk_errors_are_raised(es, cluster, pages):
    article, _document, _draft = pages
    cluster.answer(
        "bulk",
        {
            "errors": True,
            "items": [
                {"index": {"_id": str(article.pk), "status": 400, "error": {"type": "mapper_parsing_exception"}}}
            ],
        },
    )
    with pytest.raises(ElasticsearchError, match="mapper_parsing_exception"):
        es.index([article])


@pytest.mark.django_db
def test_rebuild_fills_a_new_index_and_swaps_the_alias_atomically(es, cluster, pages):
    article, document, _draft = pages
    cluster.requests.clear()
    calls = []
    assert es.rebuild(progress=lambda done, total: calls.append((done, total))) == 2
    assert calls[0] == (0, 2) and calls[-1] == (2, 2)
    assert cluster.endpoints[:2] == ["indices.create", "bulk"]
    new_index = cluster.requests[0].path.strip("/")
    assert re.fullmatch(r"wagtail_bhxh-\d{20}", new_index)
    assert "aliases" not in cluster.requests[0].body
    bulks = [request for request in cluster.sent("bulk") if request.path == f"/{new_index}/_bulk"]
    assert bulks and all(request.params == {"refresh": False} for request in bulks)
    assert sorted(op["index"]["_id"] for request in bulks for op in request.body if "index" in op) == sorted(
        [str(article.pk), str(document.pk)]
    )
    assert cluster.endpoints[len(bulks) + 1 : len(bulks) + 5] == [
        "indices.refresh",
        "indices.get_alias",
        "indices.update_aliases",
        "indices.delete",
    ]
    assert cluster.sent("indices.update_aliases")[0].body == {
        "actions": [
            {"remove": {"index": "wagtail_bhxh-20260101000000000000", "alias": "wagtail_bhxh"}},
            {"add": {"index": new_index, "alias": "wagtail_bhxh"}},
        ]
    }
    delete = cluster.sent("indices.delete")[0]
    assert delete.path == "/wagtail_bhxh-20260101000000000000" and delete.params == {"ignore_unavailable": True}


@pytest.mark.django_db
def test_a_failed_rebuild_leaves_the_alias_where_it_was(es, cluster, pages):
    cluster.answer("bulk", {"errors": True, "items": [{"index": {"_id": "1", "status": 500, "error": "boom"}}]})
    cluster.requests.clear()
    with pytest.raises(ElasticsearchError):
        es.rebuild()
    new_index = cluster.requests[0].path
    assert cluster.endpoints[-1] == "indices.delete" and cluster.requests[-1].path == new_index
    assert not cluster.sent("indices.update_aliases")


@pytest.mark.django_db
def test_a_page_taken_down_during_a_rebuild_is_dropped_after_the_swap(es, cluster, pages):
    article, _document, _draft = pages

    def unpublish_during_bulk(operations):
        if article.live:
            article.unpublish()
        return {"errors": False, "items": []}

    cluster.answer("bulk", unpublish_during_bulk)
    es.rebuild()
    assert cluster.endpoints[-1] == "delete_by_query"
    assert cluster.requests[-1].body == {"query": {"terms": {"id": [article.pk]}}}


@pytest.mark.django_db
def test_the_backend_is_chosen_by_the_setting(settings):
    from wagtail_bhxh.search.backends import base

    settings.WAGTAIL_BHXH = {
        **settings.WAGTAIL_BHXH,
        "SEARCH_BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": "http://es.test:9200",
        "ELASTICSEARCH_INDEX": "portal",
    }
    base._instances.clear()
    try:
        backend = base.get_backend()
        assert isinstance(backend, ElasticsearchSearchBackend)
        assert backend.alias == "portal"
        assert backend.client.transport.node_pool.get().base_url == "http://es.test:9200"
    finally:
        base._instances.clear()


def test_only_mapped_fields_are_sent():
    from wagtail_bhxh.search.backends.elasticsearch import document_source

    record = dict.fromkeys(("id", "type", "title", "intro", "body", "number", "number_key"), "")
    record.update(date=datetime.date(2024, 5, 1), extra_field_of_a_site="x")
    source = document_source(record)
    assert "extra_field_of_a_site" not in source and source["date"] == "2024-05-01"
    assert set(source) == set(index_body("x")["mappings"]["properties"]) - {"all_text"}


# --- The public views on this backend ---------------------------------------------------------


@pytest.fixture
def es_site(settings, es, home):
    """The site configured for Elasticsearch, its backend talking to the fake cluster."""
    from wagtail_bhxh.search.backends import base

    settings.WAGTAIL_BHXH = {
        **settings.WAGTAIL_BHXH,
        "SEARCH_BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": "http://es.test:9200",
    }
    base._instances.clear()
    base._instances["elasticsearch"] = es
    yield es
    base._instances.clear()


@pytest.mark.django_db
def test_the_json_api_answers_from_elasticsearch(client, cluster, es_site):
    cluster.answer(
        "search",
        search_response(
            [
                hit(
                    12,
                    {
                        "title": "Nghị định 115/2015/NĐ-CP",
                        "url": "/van-ban/nd-115/",
                        "type": "legal_document",
                        "date": "2015-11-11",
                        "number": "115/2015/NĐ-CP",
                    },
                    highlight={"body": ["về <mark>BHXH</mark> bắt buộc"]},
                )
            ],
            total=31,
        ),
    )
    response = client.get("/api/bhxh/search/", {"q": "nd 115/2015", "type": "legal_document", "limit": 1, "offset": 30})
    assert response.status_code == 200
    assert response.json() == {
        "count": 31,
        "results": [
            {
                "id": 12,
                "title": "Nghị định 115/2015/NĐ-CP",
                "url": "http://testserver/van-ban/nd-115/",
                "type": "legal_document",
                "date": "2015-11-11",
                "snippet": "về <mark>BHXH</mark> bắt buộc",
                "number": "115/2015/NĐ-CP",
            }
        ],
    }
    body = cluster.sent("search")[0].body
    assert (body["from"], body["size"]) == (30, 1)
    assert body["query"]["bool"]["filter"] == [{"terms": {"type": ["legal_document"]}}]


@pytest.mark.django_db
def test_the_search_page_and_autocomplete_answer_from_elasticsearch(client, cluster, es_site):
    cluster.answer(
        "search",
        search_response(
            [
                hit(
                    7,
                    {
                        "title": "Thẻ BHYT điện tử",
                        "url": "/tin/the-bhyt/",
                        "type": "article",
                        "date": "2024-01-02",
                        "number": "",
                    },
                    highlight={"intro": ["Dùng <mark>thẻ</mark> &lt;BHYT&gt;"]},
                )
            ],
            aggregations={"type": {"buckets": [{"key": "article", "doc_count": 1}]}},
        ),
    )
    response = client.get("/search/", {"q": "the bhyt"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/tin/the-bhyt/"' in html and "<mark>Thẻ</mark> <mark>BHYT</mark> điện tử" in html
    assert "Dùng <mark>thẻ</mark> &lt;BHYT&gt;" in html
    response = client.get("/api/bhxh/autocomplete/", {"q": "the bh"})
    assert response.json()["results"][0] == {
        "id": 7,
        "title": "Thẻ BHYT điện tử",
        "url": "http://testserver/tin/the-bhyt/",
        "type": "article",
    }


@pytest.mark.django_db
def test_unpublishing_or_taking_down_removes_from_elasticsearch_at_once(cluster, es_site, make_article):
    from wagtail_bhxh.signals import page_taken_down

    article = make_article("Tin sẽ bị gỡ", day=9)
    cluster.requests.clear()
    article.unpublish()
    assert cluster.endpoints == ["delete_by_query"]
    assert cluster.requests[0].body == {"query": {"terms": {"id": [article.pk]}}}
    assert cluster.requests[0].params["refresh"] is True
    cluster.requests.clear()
    page_taken_down.send(sender=type(article), page=article, outcome="withdrawn", request=None, takedown_request=None)
    assert cluster.endpoints == ["delete_by_query"]
