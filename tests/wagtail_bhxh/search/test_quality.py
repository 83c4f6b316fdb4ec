"""Search quality on the real legal corpus (../shared/data/legal_corpus.json), skipped when absent.

Pages: one legal document page per corpus document (20) and one article
page per article (điều) of the corpus (1,117), so topical queries have many
candidate answers and few right ones.

Judgements, fixed before measuring:

- a *number* query names one document: that document is the answer and
  must come first;
- a *document* query names a law by name: the listed documents are the answers;
- a *topical* query is answered by the article pages whose heading names the
  topic, written here in correct Vietnamese with diacritics (every group of
  phrases must appear in the heading, any phrase of a group will do). The
  queries are typed the way citizens type them: without diacritics, with
  abbreviations, with the old tone placement.

Measured: precision@10 (relevant pages in the first ten, over min(10, number
of answers)), recall (answers among all hits), MRR (1/rank of the first
answer) and the rate of number queries whose document comes first. Run with
``-s`` to see the table; the figures are in docs/explanation/search-analysis.md.
"""

import pytest
from django.db import connection

from tests.factories import LegalDocumentIndexPageFactory, NewsIndexPageFactory
from wagtail_bhxh.search.backends.base import SearchQuery, get_backend
from wagtail_bhxh.search.vietnamese import normalise

from .corpus import build_articles, build_legal_documents, load_corpus

CORPUS = load_corpus()
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(CORPUS is None, reason="legal corpus not found (set BHXH_LEGAL_CORPUS)"),
]

#: (query, document number that must come first)
NUMBER_QUERIES = [
    ("115/2015/NĐ-CP", "115/2015/NĐ-CP"),
    ("115/2015/ND-CP", "115/2015/NĐ-CP"),
    ("nđ 115/2015", "115/2015/NĐ-CP"),
    ("nghi dinh 115/2015", "115/2015/NĐ-CP"),
    ("58/2014/qh13", "58/2014/QH13"),
    ("luat 58/2014", "58/2014/QH13"),
    ("59/2015/tt-bldtbxh", "59/2015/TT-BLĐTBXH"),
    ("thong tu 59/2015", "59/2015/TT-BLĐTBXH"),
    ("nghị định 28/2015", "28/2015/NĐ-CP"),
    ("ND 28/2015", "28/2015/NĐ-CP"),
    ("166/qd-bhxh", "166/QĐ-BHXH"),
    ("quyet dinh 166/QĐ-BHXH", "166/QĐ-BHXH"),
    ("2089/VBHN-BHXH", "2089/VBHN-BHXH"),
    ("45/2019/QH14", "45/2019/QH14"),
    ("bo luat 45/2019", "45/2019/QH14"),
    ("28/2021/qd-ttg", "28/2021/QĐ-TTg"),
    ("146/2018/nd-cp", "146/2018/NĐ-CP"),
    ("56/2017/TT-BYT", "56/2017/TT-BYT"),
    ("505/QD-BHXH", "505/QĐ-BHXH"),
    ("nd 134/2015", "134/2015/NĐ-CP"),
    ("84/2015/QH13", "84/2015/QH13"),
    ("nghị định số 61/2020/NĐ-CP", "61/2020/NĐ-CP"),
]

#: (query, document numbers that answer it)
DOCUMENT_QUERIES = [
    ("luat viec lam", {"38/2013/QH13"}),
    ("bo luat lao dong", {"45/2019/QH14", "10/2012/QH13"}),
    ("luat bhyt", {"25/2008/QH12", "46/2014/QH13"}),
    ("luat an toan ve sinh lao dong", {"84/2015/QH13"}),
    ("quy trinh thu bhxh bhyt", {"2089/VBHN-BHXH", "505/QĐ-BHXH"}),
]

#: (query, heading phrase groups): an article answers when its heading has a phrase of every group.
TOPICAL_QUERIES = [
    ("tro cap that nghiep", [["trợ cấp thất nghiệp"]]),
    ("tctn", [["trợ cấp thất nghiệp"]]),
    ("ho so huong tro cap that nghiep", [["hồ sơ"], ["trợ cấp thất nghiệp"]]),
    ("thai san", [["thai sản"]]),
    ("om dau", [["ốm đau"]]),
    ("luong huu", [["lương hưu"]]),
    ("dieu kien huong luong huu", [["điều kiện hưởng lương hưu"]]),
    ("che do tu tuat", [["tử tuất"]]),
    ("tro cap mai tang", [["trợ cấp mai táng"]]),
    ("bhxh mot lan", [["bảo hiểm xã hội một lần", "bhxh một lần"]]),
    ("the bhyt", [["thẻ bảo hiểm y tế", "thẻ bhyt"]]),
    ("cap lai the bhyt", [["cấp lại thẻ bảo hiểm y tế"]]),
    ("phuc hoi suc khoe", [["phục hồi sức khỏe"]]),
    ("phục hồi sức khoẻ sau thai sản", [["phục hồi sức khỏe sau thai sản"]]),
    ("quản lý sức khoẻ người lao động", [["quản lý sức khỏe người lao động"]]),
    ("hop dong lao dong", [["hợp đồng lao động"]]),
    ("HĐLĐ", [["hợp đồng lao động"]]),
    ("don phuong cham dut hop dong lao dong", [["đơn phương chấm dứt hợp đồng lao động"]]),
    ("ky luat lao dong", [["kỷ luật lao động"]]),
    ("xoa ky luat lao dong", [["xóa kỷ luật"], ["kỷ luật lao động"]]),
    ("tai nan lao dong", [["tai nạn lao động"]]),
    ("TNLĐ", [["tai nạn lao động"]]),
    ("benh nghe nghiep", [["bệnh nghề nghiệp"]]),
    ("bnn", [["bệnh nghề nghiệp"]]),
    ("ho tro hoc nghe", [["hỗ trợ học nghề"]]),
    ("tien luong thang dong bhxh", [["tiền lương tháng đóng bảo hiểm xã hội", "tiền lương tháng đóng bhxh"]]),
    ("muc dong bhyt", [["mức đóng"], ["bảo hiểm y tế", "bhyt"]]),
    ("thoi gio lam viec", [["thời giờ làm việc"]]),
    ("lao dong nu", [["lao động nữ"]]),
    ("bhxh tu nguyen", [["bảo hiểm xã hội tự nguyện", "bhxh tự nguyện"]]),
    ("dang ky kcb", [["đăng ký khám bệnh, chữa bệnh", "đăng ký khám chữa bệnh"]]),
    ("nsdld", [["người sử dụng lao động"]]),
    ("giam dinh y khoa", [["giám định y khoa"]]),
    ("muc huong che do om dau", [["mức hưởng"], ["ốm đau"]]),
    ("hoan tra tien dong bhyt", [["hoàn trả tiền đóng"]]),
    ("hoà giải tranh chấp lao động", [["hòa giải"]]),
]

MAX_HITS = 400


def _ranked(backend, q):
    ids = []
    offset = 0
    while offset < MAX_HITS:
        results = backend.search(SearchQuery(q=q, offset=offset, limit=100))
        ids += [hit.page_id for hit in results.hits]
        offset += 100
        if offset >= results.count:
            break
    return ids


def _metrics(ranked, relevant):
    top = ranked[:10]
    p10 = len([pk for pk in top if pk in relevant]) / min(10, len(relevant))
    recall = len([pk for pk in ranked if pk in relevant]) / len(relevant)
    rr = next((1 / (i + 1) for i, pk in enumerate(ranked) if pk in relevant), 0.0)
    return p10, recall, rr


def _heading_matches(heading, groups):
    text = normalise(heading).lower()
    return all(any(normalise(phrase).lower() in text for phrase in group) for group in groups)


@pytest.fixture
def corpus_pages(home):
    documents = build_legal_documents(LegalDocumentIndexPageFactory(parent=home, slug="van-ban"), CORPUS)
    articles = build_articles(NewsIndexPageFactory(parent=home, slug="dieu"), CORPUS)
    get_backend().rebuild()
    headings = {
        page.pk: article["heading"]
        for doc in CORPUS
        for article in doc["articles"]
        if (page := articles.get((doc["number"], article["number"])))
    }
    return documents, headings


def test_search_quality_on_the_legal_corpus(corpus_pages):
    documents, headings = corpus_pages
    backend = get_backend()
    rows = []
    for q, number in NUMBER_QUERIES:
        ranked = _ranked(backend, q)
        rows.append(("number", q, 1, *_metrics(ranked, {documents[number].pk}), ranked[:1] == [documents[number].pk]))
    for q, numbers in DOCUMENT_QUERIES:
        relevant = {documents[n].pk for n in numbers}
        rows.append(("document", q, len(relevant), *_metrics(_ranked(backend, q), relevant), None))
    for q, groups in TOPICAL_QUERIES:
        relevant = {pk for pk, heading in headings.items() if _heading_matches(heading, groups)}
        assert relevant, q
        rows.append(("topical", q, len(relevant), *_metrics(_ranked(backend, q), relevant), None))

    n = len(rows)
    p10 = sum(r[3] for r in rows) / n
    recall = sum(r[4] for r in rows) / n
    mrr = sum(r[5] for r in rows) / n
    number_rows = [r for r in rows if r[0] == "number"]
    number_first = sum(1 for r in number_rows if r[6]) / len(number_rows)

    print(f"\nSearch quality on {connection.vendor}, {n} judged queries:")  # noqa: T201
    for kind, q, size, rp, rr, rrr, first in rows:
        flag = "" if first is None else (" first" if first else " NOT FIRST")
        print(f"  {kind:8} {q[:42]:42} answers={size:3} P@10={rp:.2f} recall={rr:.2f} RR={rrr:.2f}{flag}")  # noqa: T201
    print(f"  P@10={p10:.3f} recall={recall:.3f} MRR={mrr:.3f} number first={number_first:.1%}")  # noqa: T201

    assert n >= 40
    assert number_first >= 0.95
    assert p10 >= 0.9
    assert recall >= 0.95
    assert mrr >= 0.9
