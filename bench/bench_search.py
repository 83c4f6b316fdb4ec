"""Search latency and indexing throughput of the embedded backend at 1k and 50k documents.

Documents are generated from ../shared/data/legal_corpus.json (set
BHXH_LEGAL_CORPUS to move it): the 20 legal documents with their numbers,
then news-like articles, each made of one article (điều) of the corpus as
title and text plus a second one as lead and further text, so that words,
lengths and abbreviations are those of the real texts.

The records go straight to the backend (``DatabaseSearchBackend._write``),
the part of indexing that grows with the index; loading pages
(``page_document``) is measured separately on a few hundred real pages.

    python -m bench search                       # 1,000 and 50,000 documents
    python -m bench search --sizes 1000,5000
    DATABASE_URL=postgres://... python -m bench search
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction

from .measure import percentile

RESULTS_PER_DATABASE = True

QUERIES = [
    "tro cap that nghiep",
    "bhxh mot lan",
    "the bhyt",
    "cap lai the bhyt",
    "sức khoẻ người lao động",
    "hop dong lao dong",
    "HĐLĐ",
    "tai nan lao dong",
    "TNLĐ",
    "thai san",
    "om dau",
    "luong huu",
    "dieu kien huong luong huu",
    "muc dong bhyt",
    "bhxh tu nguyen",
    "ky luat lao dong",
    "ho tro hoc nghe",
    "tien luong thang dong bhxh",
    "nsdld",
    "kcb",
    "115/2015/ND-CP",
    "nđ 115/2015",
    "nghi dinh 28/2015",
    "luat 58/2014",
    "59/2015/tt-bldtbxh",
    "166/qd-bhxh",
    "quy trinh thu bhxh bhyt",
    "chế độ thai sản của lao động nữ mang thai hộ",
    "hoà giải tranh chấp lao động",
    "xyzzy quokka",
]
AUTOCOMPLETE = [
    "tro cap",
    "the b",
    "115/20",
    "nghi dinh 28",
    "hop dong l",
    "bhx",
    "thai s",
    "luong h",
    "nđ 115",
    "qđ 166",
]
PLACES = [
    "Hà Nội",
    "Huế",
    "Đà Nẵng",
    "Cần Thơ",
    "Nghệ An",
    "Thanh Hóa",
    "Quảng Ninh",
    "Lào Cai",
    "Bình Dương",
    "Cà Mau",
]


def add_arguments(parser):
    parser.add_argument("--sizes", default="1000,50000", help="numbers of documents, comma separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")


def _corpus():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.wagtail_bhxh.search.corpus import DOCUMENT_TYPES, load_corpus

    corpus = load_corpus()
    if corpus is None:
        raise SystemExit("legal corpus not found: set BHXH_LEGAL_CORPUS")
    return corpus, DOCUMENT_TYPES


def records(n, corpus, document_types):
    """n index records shaped like ``page_document`` output."""
    from wagtail_bhxh.search.vietnamese import fold, normalise, parse_document_number

    out = []
    for i, doc in enumerate(corpus[: min(n, len(corpus))]):
        number = parse_document_number(doc["number"])
        out.append(
            {
                "id": i + 1,
                "type": "legal_document",
                "title": normalise(doc["title"]),
                "intro": normalise(doc["title"]),
                "body": normalise("\n".join(f"{a['heading']}\n{a['text']}" for a in doc["articles"])),
                "date": datetime.date.fromisoformat(doc["issued"]),
                "policy_areas": [],
                "topics": [],
                "number": number.canonical,
                "number_key": fold(number.canonical),
                "doc_type": document_types.get(doc["type"], "other"),
                "issuer": doc["issuer"],
                "year": int(doc["issued"][:4]),
                "status": "in_force",
                "url_path": f"/van-ban/{i}/",
                "url": f"/van-ban/{i}/",
                "locale": "vi",
            }
        )
    articles = [(doc, a) for doc in corpus for a in doc["articles"]]
    start = datetime.date(2020, 1, 1)
    for k in range(n - len(out)):
        doc, a = articles[k % len(articles)]
        _doc2, b = articles[(k * 7 + 3) % len(articles)]
        title = a["heading"] if k < len(articles) else f"{a['heading']} tại {PLACES[k % len(PLACES)]}"
        out.append(
            {
                "id": len(corpus) + k + 1,
                "type": "article",
                "title": normalise(title),
                "intro": normalise(f"{doc['title']} ({doc['number']})"),
                "body": normalise(f"{a['text']}\n{b['heading']}\n{b['text'][:1500]}"),
                "date": start + datetime.timedelta(hours=k * 2),
                "policy_areas": [1 + k % 5],
                "topics": [],
                "number": "",
                "number_key": "",
                "doc_type": "",
                "issuer": "",
                "year": None,
                "status": "",
                "url_path": f"/tin/{k}/",
                "url": f"/tin/{k}/",
                "locale": "vi",
            }
        )
    return out


def _reset(backend):
    from wagtail_bhxh.search.backends.database import FTS_TABLE, FTS_TITLE_TABLE
    from wagtail_bhxh.search.models import SearchEntry

    with transaction.atomic():
        SearchEntry.objects.all().delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
                cursor.execute(f"DELETE FROM {FTS_TITLE_TABLE}")  # noqa: S608


def _time(fn, repeat):
    timings = []
    fn()  # warm up
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def run(args):
    from wagtail_bhxh.search.backends import database
    from wagtail_bhxh.search.backends.base import SearchQuery
    from wagtail_bhxh.search.backends.database import DatabaseSearchBackend

    call_command("migrate", verbosity=0)
    corpus, document_types = _corpus()
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",")]
    backend = DatabaseSearchBackend()
    rows = []
    for n in sizes:
        _reset(backend)
        data = records(n, corpus, document_types)
        started = time.perf_counter()
        for offset in range(0, len(data), 500):
            with transaction.atomic():
                backend._write(data[offset : offset + 500])
        # As the rebuild command does: reclaim the rows deleted and give the planner statistics.
        backend.engine.after_rebuild()
        indexing = time.perf_counter() - started

        search_times, counts = [], []
        for q in QUERIES:
            search_times += _time(lambda q=q: backend.search(SearchQuery(q=q, limit=10)), args.repeat)
            counts.append(backend.search(SearchQuery(q=q, limit=10)).count)
        # The deepest page a visitor can reach: hits stop at COUNT_CAP (see docs/explanation/search-analysis.md).
        deep_offset = max(0, min(n // 2, database.COUNT_CAP - 10))
        deep = _time(lambda o=deep_offset: backend.search(SearchQuery(q="bhxh", offset=o, limit=10)), args.repeat)
        filtered = _time(
            lambda: backend.search(SearchQuery(q="bhyt", types=("article",), policy_area=2, sort="date")), args.repeat
        )
        complete = []
        for prefix in AUTOCOMPLETE:
            complete += _time(lambda p=prefix: backend.autocomplete(p), args.repeat)
        rows.append(
            {
                "database": connection.vendor,
                "documents": n,
                "index docs/s": round(n / indexing),
                "search p50 ms": round(statistics.median(search_times), 1),
                "search p95 ms": round(percentile(search_times, 0.95), 1),
                "search max ms": round(max(search_times), 1),
                "median hits (capped)": int(statistics.median(counts)),
                "deep page p50 ms": round(statistics.median(deep), 1),
                "filtered by date p50 ms": round(statistics.median(filtered), 1),
                "autocomplete p50 ms": round(statistics.median(complete), 1),
                "autocomplete p95 ms": round(percentile(complete, 0.95), 1),
                # The machine's load while measuring: figures taken on a busy machine are slower.
                "load average": round(os.getloadavg()[0], 2),
            }
        )
        print(rows[-1], flush=True)  # noqa: T201
    _reset(backend)
    return rows
