import json

import pytest

from tests.factories import LegalDocumentIndexPageFactory, NewsIndexPageFactory


@pytest.fixture
def news(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def documents(home):
    return LegalDocumentIndexPageFactory(parent=home, title="Văn bản", slug="van-ban")


@pytest.fixture
def write_json(tmp_path):
    """Write records as a JSON array (one record per line, pretty enough to name lines)."""

    def write(records, name="docs.json"):
        path = tmp_path / name
        path.write_text(
            "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n", encoding="utf-8"
        )
        return path

    return write


@pytest.fixture
def write_jsonl(tmp_path):
    def write(records, name="articles.jsonl"):
        path = tmp_path / name
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
