"""The embedded backend finds what citizens type, ranks it sensibly and stays fresh."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PolicyAreaFactory, VideoPageFactory
from wagtail_bhxh.search.backends.base import SearchQuery

pytestmark = pytest.mark.django_db


def ids(results):
    return [hit.page_id for hit in results.hits]


def test_query_without_diacritics_finds_accented_text(backend, make_article):
    page = make_article("Hướng dẫn hưởng chế độ", intro="Người lao động nộp hồ sơ trong 3 tháng.")
    body = make_article("Lịch tiếp công dân", text="Giải đáp về trợ cấp thất nghiệp & hồ sơ <b>mẫu</b>.")
    backend.rebuild()
    results = backend.search(SearchQuery(q="tro cap that nghiep"))
    assert ids(results) == [body.pk]
    assert (
        "<mark>trợ</mark> <mark>cấp</mark> <mark>thất</mark> <mark>nghiệp</mark> &amp; hồ sơ" in results.hits[0].snippet
    )
    results = backend.search(SearchQuery(q="huong che do"))
    assert ids(results) == [page.pk]
    assert results.hits[0].snippet == "Người lao động nộp hồ sơ trong 3 tháng."


def test_accented_match_ranks_above_folded_one(backend, make_article):
    folded_only = make_article("Thế hệ trẻ với chính sách", day=2)
    accented = make_article("Thẻ của người tham gia", day=1)
    backend.rebuild()
    assert ids(backend.search(SearchQuery(q="thẻ")))[:2] == [accented.pk, folded_only.pk]
    assert set(ids(backend.search(SearchQuery(q="the")))) == {accented.pk, folded_only.pk}


def test_old_tone_placement_finds_new(backend, make_article):
    page = make_article("Chăm sóc sức khỏe người lao động")
    backend.rebuild()
    assert ids(backend.search(SearchQuery(q="sức khoẻ"))) == [page.pk]
    assert ids(backend.search(SearchQuery(q="suc khoe"))) == [page.pk]


def test_abbreviations_find_expansions_and_back(backend, make_article):
    spelled = make_article("Gia hạn thẻ bảo hiểm y tế cho học sinh")
    short = make_article("Thẻ BHYT điện tử trên VssID")
    make_article("Thẻ thư viện")
    backend.rebuild()
    assert set(ids(backend.search(SearchQuery(q="thẻ BHYT")))) == {spelled.pk, short.pk}
    assert set(ids(backend.search(SearchQuery(q="the bao hiem y te")))) == {spelled.pk, short.pk}


def test_phrase_ranks_above_scattered_words(backend, make_article):
    scattered = make_article("Hỗ trợ người lao động", text="Chế độ làm việc; thai nghén; sản xuất; mức hưởng.", day=3)
    phrase = make_article("Hỗ trợ người lao động", text="Mức hưởng chế độ thai sản hằng tháng.", day=1)
    backend.rebuild()
    assert ids(backend.search(SearchQuery(q="che do thai san")))[:2] == [phrase.pk, scattered.pk]


def test_query_naming_a_document_puts_it_first(backend, make_article, make_document):
    decree = make_document("115/2015/NĐ-CP", "Nghị định quy định chi tiết về bảo hiểm xã hội bắt buộc")
    other = make_document("134/2015/NĐ-CP", "Nghị định về bảo hiểm xã hội tự nguyện")
    for n in range(3):
        make_article(f"Hướng dẫn Nghị định 115/2015/NĐ-CP phần {n}", text="Nghị định 115/2015/NĐ-CP " * 5)
    backend.rebuild()
    for spelling in ["115/2015/NĐ-CP", "115/2015/nd-cp", "nđ 115/2015", "nghi dinh 115/2015", "nghị định số 115"]:
        results = backend.search(SearchQuery(q=spelling))
        assert results.hits[0].page_id == decree.pk, spelling
        assert results.hits[0].number == "115/2015/NĐ-CP"
        assert other.pk not in ids(results)[:1]


def test_document_named_by_number_is_found_even_if_text_lacks_words(backend, make_document):
    circular = make_document("59/2015/TT-BLĐTBXH", "Thông tư hướng dẫn Luật", document_type="circular")
    backend.rebuild()
    assert ids(backend.search(SearchQuery(q="thông tư 59/2015"))) == [circular.pk]
    assert ids(backend.search(SearchQuery(q="59/2015/TT-BLDTBXH ve huong dan")))[0] == circular.pk


def test_filters_and_sorting(backend, make_article, make_document, news):
    area = PolicyAreaFactory(name="Bảo hiểm y tế", slug="bhyt")
    old = make_article("BHYT học sinh năm 2023", day=1)
    new = make_article("BHYT học sinh năm 2024", day=20)
    new.policy_areas.add(area)
    new.save()
    video = VideoPageFactory(parent=news, title="Video: BHYT học sinh")
    decree = make_document(
        "146/2018/NĐ-CP",
        "Nghị định hướng dẫn Luật BHYT học sinh",
        issued_on=datetime.date(2018, 10, 17),
        effective_on=None,
    )
    backend.rebuild()
    q = "bhyt hoc sinh"
    assert set(ids(backend.search(SearchQuery(q=q)))) == {old.pk, new.pk, video.pk, decree.pk}
    assert set(ids(backend.search(SearchQuery(q=q, types=("article",))))) == {old.pk, new.pk}
    assert ids(backend.search(SearchQuery(q=q, policy_area=area.pk))) == [new.pk]
    assert ids(backend.search(SearchQuery(q=q, types=("article",), date_from=datetime.date(2024, 1, 10)))) == [new.pk]
    assert ids(backend.search(SearchQuery(q=q, date_to=datetime.date(2019, 1, 1)))) == [decree.pk]
    assert ids(backend.search(SearchQuery(q=q, doc_type="decree", year=2018, issuer="Chính phủ"))) == [decree.pk]
    assert ids(backend.search(SearchQuery(q=q, doc_type="circular"))) == []
    by_date = ids(backend.search(SearchQuery(q=q, types=("article",), sort="date")))
    assert by_date == [new.pk, old.pk]
    facets = dict(backend.search(SearchQuery(q=q)).facets["type"])
    assert facets == {"article": 2, "video": 1, "legal_document": 1}


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_offset_paging_reaches_every_hit(backend, make_article, make_document, sort):
    decree = make_document("115/2015/NĐ-CP", "Nghị định về BHXH")
    pages = [make_article(f"Tin BHXH số {n} về Nghị định 115/2015/NĐ-CP", day=1 + n % 28) for n in range(23)]
    backend.rebuild()
    for q, expected in [("bhxh", 24), ("tin 115/2015/nd-cp", 24), ("tin bhxh", 23)]:
        seen = []
        for offset in range(0, 30, 7):
            results = backend.search(SearchQuery(q=q, offset=offset, limit=7, sort=sort))
            assert results.count == expected
            seen += ids(results)
        assert len(seen) == len(set(seen)) == expected, q
        assert {p.pk for p in pages} <= set(seen)
        if q.startswith("tin 115") and sort == "relevance":
            assert seen[0] == decree.pk  # named by number, first though its text lacks "tin"


def test_zero_results_suggest_the_expanded_query(backend, make_article):
    make_article("Tin khác về chính sách")
    backend.rebuild()
    results = backend.search(SearchQuery(q="bhxh xyzzy"))
    assert results.count == 0
    assert results.suggestion == "bao hiem xa hoi xyzzy"
    assert backend.search(SearchQuery(q="chinh sachh")).suggestion == "chinh sach"
    assert backend.search(SearchQuery(q="xyzzy")).suggestion == ""


def test_relaxed_when_no_page_has_every_word(backend, make_article):
    page = make_article("Đóng BHXH tự nguyện")
    backend.rebuild()
    results = backend.search(SearchQuery(q="bhxh tu nguyen quokka"))
    assert results.relaxed and ids(results) == [page.pk]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "'",
        '"unbalanced',
        "(((",
        "))",
        "[]{}",
        "NEAR(a b)",
        "a OR b AND NOT c",
        "*",
        "^x",
        "x:y",
        "title:abc",
        "'; DROP TABLE wagtail_bhxh_search_searchentry; --",
        "\x00\x01\x1f",
        "a" * 10_000,
        "bhxh " * 2000,
        "%_%",
        "\\",
        "💥🔥",
        "<script>alert(1)</script>",
        "1/2/3/4/5",
        "-",
        "&|!<->:*",
    ],
)
def test_hostile_queries_never_fail(backend, make_article, hostile):
    make_article("Tin BHXH")
    backend.rebuild()
    results = backend.search(SearchQuery(q=hostile))
    assert results.count >= 0
    assert "<script>" not in "".join(h.snippet for h in results.hits)


def test_index_follows_publish_unpublish_delete_and_takedown(
    backend, news, make_article, django_capture_on_commit_callbacks
):
    from wagtail_bhxh.signals import page_taken_down

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    page = make_article("Thông báo lịch chi trả lương hưu", live=False)
    backend.rebuild()
    assert backend.search(SearchQuery(q="luong huu")).count == 0
    publish(page)
    assert ids(backend.search(SearchQuery(q="luong huu"))) == [page.pk]
    page.refresh_from_db()
    page.unpublish()
    assert backend.search(SearchQuery(q="luong huu")).count == 0
    publish(page)
    assert backend.search(SearchQuery(q="luong huu")).count == 1
    page_taken_down.send(sender=type(page), page=page, outcome="withdrawn", request=None, takedown_request=None)
    assert backend.search(SearchQuery(q="luong huu")).count == 0
    publish(page)
    assert backend.search(SearchQuery(q="luong huu")).count == 1
    page.delete()
    assert backend.search(SearchQuery(q="luong huu")).count == 0


def test_private_and_draft_pages_are_not_indexed(backend, make_article):
    from wagtail.models import PageViewRestriction

    private = make_article("Tin nội bộ lương hưu")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_article("Bản nháp lương hưu", live=False)
    assert backend.rebuild() == 0
    backend.index([private])
    assert backend.search(SearchQuery(q="luong huu")).count == 0


def test_autocomplete_prefix_folded_titles_and_numbers(backend, make_article, make_document):
    article = make_article("Trợ cấp thai sản cho lao động nam")
    decree = make_document("115/2015/NĐ-CP", "Nghị định về bảo hiểm xã hội bắt buộc")
    backend.rebuild()
    assert [i["id"] for i in backend.autocomplete("tro cap th")] == [article.pk]
    assert [i["id"] for i in backend.autocomplete("Trợ")] == [article.pk]
    items = backend.autocomplete("115/2015/nd")
    assert items[0]["id"] == decree.pk and items[0]["number"] == "115/2015/NĐ-CP"
    assert backend.autocomplete("nđ 115/2015")[0]["id"] == decree.pk
    assert backend.autocomplete("x") == [] and backend.autocomplete('"(*') == []


def test_rebuild_command_reports_progress_and_summary(backend, make_article, make_document):
    from io import StringIO

    make_article("Một")
    make_document("1/2020/NĐ-CP", "Hai")
    out = StringIO()
    call_command("bhxh_rebuild_search_index", stdout=out)
    text = out.getvalue()
    assert "2/2" in text and "2 pages indexed" in text
    assert backend.search(SearchQuery(q="hai")).count == 1


def test_large_result_sets_are_capped_ranked_by_title_and_fully_pageable(backend, make_article, monkeypatch):
    """Past RANK_ALL matches only title candidates are fully ranked; past COUNT_CAP the count stops."""
    from wagtail_bhxh.search.backends import database

    monkeypatch.setattr(database, "COUNT_CAP", 12)
    monkeypatch.setattr(database, "RANK_ALL", 5)
    monkeypatch.setattr(database, "CANDIDATES", 3)
    titled = [make_article(f"Lương hưu tháng {n}", day=1 + n) for n in range(4)]
    others = [make_article(f"Tin số {n}", text="Chi trả lương hưu qua bưu điện.", day=10 + n) for n in range(10)]
    backend.rebuild()
    first = backend.search(SearchQuery(q="luong huu", limit=3))
    assert first.count == 12 and first.count_capped
    # The three best titles, ranked with the full score, before any text-only match.
    assert set(ids(first)) <= {p.pk for p in titled}
    seen = []
    for offset in range(0, 20, 5):
        seen += ids(backend.search(SearchQuery(q="luong huu", offset=offset, limit=5)))
    assert len(seen) == len(set(seen)) == 12
    assert set(seen) <= {p.pk for p in titled + others}
    # After the ranked window, the other matches come newest first.
    tail = [pk for pk in seen[3:] if pk in {p.pk for p in others}]
    assert tail == [p.pk for p in reversed(others)][: len(tail)]
    facets = dict(backend.search(SearchQuery(q="luong huu")).facets["type"])
    assert facets == {"article": 12}  # counted on the capped matches


def test_small_result_sets_are_exact(backend, make_article):
    pages = [make_article(f"Lương hưu tháng {n}", day=1 + n) for n in range(3)]
    backend.rebuild()
    results = backend.search(SearchQuery(q="luong huu"))
    assert results.count == 3 and not results.count_capped
    assert set(ids(results)) == {p.pk for p in pages}


def test_search_runs_a_fixed_number_of_queries(backend, make_article, django_assert_max_num_queries):
    def count_queries(expected_hits):
        backend.search(SearchQuery(q="tro cap that nghiep"))  # the index checks are cached after one search
        with CaptureQueriesContext(connection) as queries:
            results = backend.search(SearchQuery(q="tro cap that nghiep", limit=20))
        assert results.count == expected_hits and len(results.hits) == min(20, expected_hits)
        return len(queries)

    def add(start, n):
        for i in range(start, start + n):
            make_article(f"Trợ cấp thất nghiệp đợt {i}", text="Hồ sơ hưởng trợ cấp thất nghiệp.", day=1 + i % 28)

    add(0, 5)
    backend.rebuild()
    few = count_queries(5)
    add(5, 45)
    backend.rebuild()
    # Count, rank, fetch (and on PostgreSQL the planner setting, and the savepoint
    # the test's own transaction makes): the same whatever the number of matches.
    assert count_queries(50) == few <= 8


def test_autocomplete_partial_document_numbers(backend, make_document, make_article):
    decree = make_document("115/2015/NĐ-CP", "Nghị định về bảo hiểm xã hội bắt buộc")
    decision = make_document("2474/QĐ-BHXH", "Quyết định về quy trình biên tập", document_type="decision")
    other = make_document("1150/2016/NĐ-CP", "Nghị định khác")
    make_article("Tin 115 năm")
    backend.rebuild()
    for typed in ["nđ 115", "ND 115", "115/2015", "115/20", "nghị định 115"]:
        found = [item["id"] for item in backend.autocomplete(typed)]
        assert found and found[0] == decree.pk, typed
    assert [item["id"] for item in backend.autocomplete("nđ 115")][:2] == [decree.pk, other.pk]
    for typed in ["qđ 2474", "QD 2474", "2474/qđ", "quyết định 2474"]:
        items = backend.autocomplete(typed)
        assert items and items[0]["id"] == decision.pk and items[0]["number"] == "2474/QĐ-BHXH", typed


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="what PostgreSQL's full-text index stores and is asked"
)


def _captured_sql(backend, q):
    """The results, and the query that counts the matches (what decides what matches)."""
    with CaptureQueriesContext(connection) as queries:
        results = backend.search(SearchQuery(q=q))
    (counting,) = [query["sql"] for query in queries.captured_queries if "ROW_NUMBER() OVER ()" in query["sql"]]
    return results, counting


@on_postgresql
def test_postgresql_matches_abbreviation_concepts_by_their_key(backend, make_article):
    """One indexed token per concept: no phrase for GIN to recheck row by row, the same pages found."""
    from django.core.cache import cache

    from wagtail_bhxh.search.models import SearchEntry
    from wagtail_bhxh.search.vietnamese import analyse, concept_key, expand

    spelled = make_article("Gia hạn thẻ bảo hiểm y tế cho học sinh")
    short = make_article("Thẻ BHYT điện tử trên VssID")
    make_article("Bảo hiểm xã hội và y tế cơ sở")
    backend.rebuild()
    key = concept_key(expand(analyse("bhyt"))[0])
    results, sql = _captured_sql(backend, "thẻ BHYT")
    assert set(ids(results)) == {spelled.pk, short.pk}
    assert f"fts_folded @@ to_tsquery('simple', '(the) & {key}')" in sql

    # An entry written before (another layout or other synonym groups): phrases until rebuilt.
    SearchEntry.objects.filter(page_id=short.pk).update(analysis="")
    cache.clear()
    results, sql = _captured_sql(backend, "thẻ BHYT")
    assert set(ids(results)) == {spelled.pk, short.pk}
    assert key not in sql and "bao <-> hiem <-> y <-> te" in sql


@on_postgresql
def test_postgresql_new_site_synonyms_are_found_before_and_after_the_rebuild(backend, make_article, tmp_path):
    from django.test import override_settings

    page = make_article("Nộp hồ sơ tại trung tâm phục vụ hành chính công tỉnh")
    backend.rebuild()
    extra = tmp_path / "synonyms.txt"
    extra.write_text("TTPVHCC, trung tâm phục vụ hành chính công\n", encoding="utf-8")
    with override_settings(WAGTAIL_BHXH={"SEARCH_SYNONYMS_FILES": [str(extra)]}):
        results, sql = _captured_sql(backend, "ttpvhcc")
        assert ids(results) == [page.pk] and "<->" in sql  # the index predates the group: phrases
        backend.rebuild()
        results, sql = _captured_sql(backend, "ttpvhcc")
        assert ids(results) == [page.pk] and "<->" not in sql


@on_postgresql
def test_postgresql_long_texts_rank_on_their_lead_as_if_read_whole(backend, make_article):
    """fts_length reproduces PostgreSQL's normalisation by length, so ranking a lead changes no short text."""
    from wagtail_bhxh.search.backends.database import LEAD_WORDS

    short = make_article("Chế độ ốm đau", text="Người lao động nghỉ ốm được hưởng chế độ ốm đau. " * 20)
    words = "Điều khoản về chế độ ốm đau và thai sản của người lao động. "
    long = make_article("Luật Bảo hiểm xã hội", text=words * (3 * 16383 // len(words.split())))
    backend.rebuild()
    with connection.cursor() as cursor:
        cursor.execute(
            # Without the concept keys (weight B), which ranking leaves out.
            "SELECT page_id, fts_lead IS NOT NULL, "
            "ts_rank_cd(ts_filter(fts_folded, '{a,d}'), to_tsquery('simple', 'om & dau'), 2), "
            "ts_rank_cd(fts_folded, to_tsquery('simple', 'om & dau'), 0) / fts_length "
            "FROM wagtail_bhxh_search_searchentry ORDER BY page_id"
        )
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
    assert rows[short.pk][0] is False and rows[long.pk][0] is True  # only texts past LEAD_WORDS get a lead
    assert LEAD_WORDS < 3 * 16383
    for pk in (short.pk, long.pk):
        assert rows[pk][1] == pytest.approx(rows[pk][2], rel=1e-6)
    assert ids(backend.search(SearchQuery(q="om dau")))[0] == short.pk


@on_postgresql
def test_postgresql_planner_setting_ends_with_the_search(backend, make_article):
    make_article("Lương hưu tháng 5")
    backend.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        before = cursor.fetchone()[0]
        backend.search(SearchQuery(q="luong huu"))
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == before == "on"
