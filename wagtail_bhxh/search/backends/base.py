"""What every search backend offers; the views and the JSON API use only this.

A backend indexes the flat records of :func:`wagtail_bhxh.search.documents.page_document`
and answers a :class:`SearchQuery` with :class:`SearchResults`. Pick one with
``WAGTAIL_BHXH["SEARCH_BACKEND"]`` (``"database"`` or ``"elasticsearch"``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.module_loading import import_string

#: Content types the search knows, as named in the JSON API.
SEARCH_TYPES = ("article", "infographic", "video", "legal_document", "press_release")
SORTS = ("relevance", "date")


@dataclass
class SearchQuery:
    """A validated search request (built by the view or the API from a form)."""

    q: str = ""
    types: tuple[str, ...] = ()
    policy_area: int | None = None
    topic: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    doc_type: str = ""
    issuer: str = ""
    year: int | None = None
    status: str = ""
    sort: str = "relevance"
    offset: int = 0
    limit: int = 10


@dataclass
class SearchHit:
    page_id: int
    score: float
    #: Safe HTML: escaped text with the matched words in ``<mark>``.
    snippet: str
    # What the result lists show, straight from the index (no page query):
    title: str = ""
    url: str = ""
    type: str = ""
    date: date | None = None
    #: Canonical number of a legal document, "" otherwise.
    number: str = ""


@dataclass
class SearchResults:
    count: int
    hits: list[SearchHit]
    #: facet name ("type", "doc_type", "year", ...) -> [(value, count)], largest first
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: A query worth suggesting when nothing (or little) was found; "" otherwise.
    suggestion: str = ""
    #: True when no page had every word and the hits match only some of them.
    relaxed: bool = False
    #: True when more pages matched than are counted: ``count`` is then a lower bound
    #: and the hits end there (see the search explanation in the docs).
    count_capped: bool = False


class SearchBackend:
    """Base class of the search backends."""

    #: Whether the public search may keep this backend's results in Django's cache
    #: (``wagtail_bhxh.search.results_cache``): only if a change is searchable once
    #: ``index()`` or ``remove()`` has returned and its transaction committed.
    cache_results = False

    def index(self, pages: Iterable) -> int:
        """(Re)index live specific pages; pages that are not searchable are removed. Returns the number indexed."""
        raise NotImplementedError

    def remove(self, page_ids: Iterable[int]) -> None:
        """Drop pages from the index at once."""
        raise NotImplementedError

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Index every searchable page from scratch; ``progress(done, total)`` is called as it goes."""
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]:
        """Titles and document numbers starting with ``prefix`` (folded).

        Each item: ``{"id", "title", "url", "type"}`` plus ``"number"`` for legal documents.
        """
        raise NotImplementedError


BACKENDS = {
    "database": "wagtail_bhxh.search.backends.database.DatabaseSearchBackend",
    "elasticsearch": "wagtail_bhxh.search.backends.elasticsearch.ElasticsearchSearchBackend",
}

_instances: dict[str, SearchBackend] = {}


def get_backend() -> SearchBackend:
    """The configured backend (one instance per backend name)."""
    from ...conf import bhxh_settings

    name = bhxh_settings.SEARCH_BACKEND
    if name not in _instances:
        _instances[name] = import_string(BACKENDS[name])()
    return _instances[name]
