import datetime

import pytest
from django.core.cache import cache
from wagtail.rich_text import RichText

from tests.factories import (
    ArticlePageFactory,
    LegalDocumentIndexPageFactory,
    LegalDocumentPageFactory,
    NewsIndexPageFactory,
)
from wagtail_bhxh.search.backends.base import get_backend


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def backend(db):
    return get_backend()


@pytest.fixture
def news(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def documents(home):
    return LegalDocumentIndexPageFactory(parent=home, title="Văn bản", slug="van-ban")


@pytest.fixture
def make_article(news):
    def make(title, intro="", day=1, text="Nội dung.", **kwargs):
        return ArticlePageFactory(
            parent=news,
            title=title,
            intro=intro,
            body=[("paragraph", RichText(f"<p>{text}</p>"))],
            first_published_at=datetime.datetime(2024, 1, day, tzinfo=datetime.UTC),
            **kwargs,
        )

    return make


@pytest.fixture
def make_document(documents):
    def make(number, title, **kwargs):
        kwargs.setdefault("summary", title)
        return LegalDocumentPageFactory(parent=documents, number=number, title=title, **kwargs)

    return make
