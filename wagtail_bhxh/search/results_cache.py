"""Search results kept in Django's cache, so a popular query is searched once per change of the index.

When a policy changes, thousands of citizens type the same few words within
the hour ("lương cơ sở", "bảo hiểm y tế"). Each distinct request (words,
filters, sort and page) is searched once and its results kept for
``WAGTAIL_BHXH["SEARCH_CACHE_SECONDS"]`` under a *generation* that the backend
raises whenever the index changes: a page indexed, removed or taken down, a
rebuild. A new page is found, and a removed one gone, on the next search.

The generation is raised when the change is made and again when its
transaction commits, so a search racing the transaction cannot keep the old
results under the new generation.

Only backends that say so are cached (``SearchBackend.cache_results``): the
database backend's writes are visible on commit; Elasticsearch shows a new
page only after its refresh interval and caches requests itself.
"""

import hashlib
from dataclasses import astuple

from django.core.cache import cache
from django.db import transaction

from ..conf import bhxh_settings
from .backends.base import SearchQuery, SearchResults, get_backend

GENERATION_KEY = "wagtail_bhxh:search:generation"


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, None)


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted, or never read)
        cache.set(GENERATION_KEY, 2, None)


def index_changed():
    """Forget every cached result: now, and once more when the current transaction commits."""
    _next_generation()
    transaction.on_commit(_next_generation)


def cache_key(query: SearchQuery) -> str:
    # The words may be long and Vietnamese: hashed, as cache servers refuse such keys.
    request = repr((bhxh_settings.SEARCH_BACKEND, astuple(query))).encode()
    return f"wagtail_bhxh:search:{generation()}:{hashlib.sha256(request).hexdigest()}"


def search(query: SearchQuery) -> SearchResults:
    """The backend's results for ``query``, from the cache when the index has not changed since."""
    backend = get_backend()
    seconds = bhxh_settings.SEARCH_CACHE_SECONDS
    if not seconds or not backend.cache_results:
        return backend.search(query)
    key = cache_key(query)
    results = cache.get(key)
    if results is None:
        results = backend.search(query)
        cache.set(key, results, seconds)
    return results
