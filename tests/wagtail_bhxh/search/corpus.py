"""Pages built from ../shared/data/legal_corpus.json for the quality suite and the benchmark.

Not an importer (``bhxh_import_legal_documents`` is): a fixture that turns
the corpus into live pages quickly, bypassing revisions.
"""

import datetime
import html
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CANDIDATES = (
    os.environ.get("BHXH_LEGAL_CORPUS", ""),
    str(ROOT.parent / "shared" / "data" / "legal_corpus.json"),
    "../shared/data/legal_corpus.json",
    "/work/shared/data/legal_corpus.json",
)

DOCUMENT_TYPES = {
    "Luật": "law",
    "Bộ luật": "code",
    "Nghị định": "decree",
    "Thông tư": "circular",
    "Quyết định": "decision",
    "Văn bản hợp nhất": "consolidated",
    "Nghị quyết": "resolution",
}


def corpus_path() -> Path | None:
    for candidate in CANDIDATES:
        if candidate:
            path = Path(candidate)
            if not path.is_absolute():
                path = ROOT / path
            if path.is_file():
                return path
    return None


def load_corpus() -> list[dict] | None:
    path = corpus_path()
    return json.loads(path.read_text(encoding="utf-8")) if path else None


def build_legal_documents(parent, corpus) -> dict[str, object]:
    """One live LegalDocumentPage per corpus document; returns {number: page}."""
    from wagtail_bhxh.models import LegalDocumentPage

    pages = {}
    for n, doc in enumerate(corpus):
        full_text = [
            {"type": "article", "value": {"number": a["number"][:20], "heading": a["heading"][:500], "text": a["text"]}}
            for a in doc["articles"]
        ]
        page = LegalDocumentPage(
            title=doc["title"][:255],
            slug=f"van-ban-{n}",
            number=doc["number"],
            document_type=DOCUMENT_TYPES.get(doc["type"], "other"),
            issuer=doc["issuer"],
            issued_on=datetime.date.fromisoformat(doc["issued"]),
            summary=doc["title"],
            full_text=json.dumps(full_text),
            live=True,
        )
        parent.add_child(instance=page)
        pages[doc["number"]] = page
    return pages


def build_articles(parent, corpus, limit=None) -> dict[tuple[str, str], object]:
    """One live ArticlePage per article (điều) of the corpus; returns {(doc number, article number): page}."""
    from wagtail_bhxh.models import ArticlePage

    pages = {}
    base = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    n = 0
    for doc in corpus:
        for article in doc["articles"]:
            if limit is not None and n >= limit:
                return pages
            heading = article["heading"] or f"Điều {article['number']}"
            page = ArticlePage(
                title=heading[:255],
                slug=f"dieu-{n}",
                kind="bai",
                intro=f"{doc['title'][:200]} ({doc['number']})",
                body=json.dumps([{"type": "paragraph", "value": f"<p>{html.escape(article['text'])}</p>"}]),
                first_published_at=base + datetime.timedelta(hours=n),
                live=True,
            )
            parent.add_child(instance=page)
            pages[(doc["number"], article["number"])] = page
            n += 1
    return pages
