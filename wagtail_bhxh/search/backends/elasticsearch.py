"""The Elasticsearch backend (Elasticsearch 8 or 9, through ``elasticsearch.dsl``).

Same behaviour as the database backend, ranked by Elasticsearch:

1. pages whose document number the query names come first (a constant score
   far above any text score), whether or not their text matches;
2. every word (or its abbreviation/expansion) must be found in the title,
   lead, body or number (``all_text``); if no page has them all, any word
   will do and the results say so (``relaxed``);
3. bonuses: the words in the title, in the order typed (phrase), close
   together (within 6 words), and typed with their diacritics.

The index is reached through an alias (``WAGTAIL_BHXH["ELASTICSEARCH_INDEX"]``).
:meth:`ElasticsearchSearchBackend.rebuild` fills a new timestamped index and
moves the alias to it in one atomic step, so searches never see a half-built
index; pages published or removed meanwhile are caught up after the swap.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.safestring import mark_safe
from elasticsearch import BadRequestError, Elasticsearch, NotFoundError
from elasticsearch.dsl import Q, Search

from ..documents import page_document, search_type, searchable_models
from ..query import AnalysedQuery, clean_query
from ..vietnamese import analyse, fold, normalise, parse_document_number
from .base import SearchBackend, SearchHit, SearchQuery, SearchResults
from .elasticsearch_index import index_body, mapping

logger = logging.getLogger(__name__)

#: Pages per bulk request.
BATCH_SIZE = 500
#: Score given to a page the query names by number: above any text score.
NUMBER_BOOST = 1000.0
TITLE_BOOST = 3.0
PHRASE_BOOST = 2.0
PROXIMITY_SLOP = 6
SNIPPET_LENGTH = 240
#: Facet name -> (indexed field, most values returned).
FACETS = {
    "type": ("type", 10),
    "policy_area": ("policy_areas", 50),
    "topic": ("topics", 50),
    "doc_type": ("doc_type", 20),
    "issuer": ("issuer", 30),
    "year": ("year", 50),
    "status": ("status", 10),
}
#: Fields of a page document the index stores (``all_text`` is filled by copy_to).
STORED_FIELDS = [name for name in mapping().to_dict()["properties"] if name != "all_text"]
#: What a result list needs from the index (the text comes back as highlights).
SOURCE_FIELDS = ["title", "url", "type", "date", "number"]


class ElasticsearchError(Exception):
    """Elasticsearch refused a write (e.g. a mapping error in a bulk request)."""


def eligible_ids(page_ids) -> set[int]:
    """Of these pages, those the public may find: live, public, not withdrawn."""
    from wagtail.models import Page

    from ...models.takedown import exclude_withdrawn

    page_ids = list(page_ids)
    ids = set()
    for start in range(0, len(page_ids), 500):
        chunk = page_ids[start : start + 500]
        ids.update(exclude_withdrawn(Page.objects.filter(pk__in=chunk).live().public()).values_list("pk", flat=True))
    return ids


def prefetchable(model) -> list[str]:
    """The many-to-many relations of ``model`` that page documents read."""
    names = {field.name for field in model._meta.get_fields()}
    return [name for name in ("policy_areas", "topics", "tags") if name in names]


def document_source(record: dict) -> dict:
    """A :func:`page_document` record as the JSON the index stores (only the mapped fields: the mapping is strict)."""
    source = {name: record.get(name) for name in STORED_FIELDS}
    source["date"] = record["date"].isoformat() if record.get("date") else None
    return source


class ElasticsearchSearchBackend(SearchBackend):
    """Search in an Elasticsearch cluster (``WAGTAIL_BHXH["ELASTICSEARCH_URL"]``)."""

    def __init__(self, client: Elasticsearch | None = None, alias: str | None = None):
        from ...conf import bhxh_settings

        self._client = client
        self.alias = alias or bhxh_settings.ELASTICSEARCH_INDEX
        self._alias_ready = False

    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            from ...conf import bhxh_settings

            if not bhxh_settings.ELASTICSEARCH_URL:
                raise ImproperlyConfigured("WAGTAIL_BHXH['ELASTICSEARCH_URL'] is not set.")
            self._client = Elasticsearch(bhxh_settings.ELASTICSEARCH_URL, **bhxh_settings.ELASTICSEARCH_OPTIONS)
        return self._client

    # --- Indices -----------------------------------------------------------------

    def new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"

    def create_index(self, name: str, with_alias: bool = False) -> None:
        body = index_body(name)
        if with_alias:
            body["aliases"] = {self.alias: {}}
        self.client.indices.create(index=name, **body)

    def aliased_indices(self) -> list[str]:
        """The indices the alias points to now ([] when there is no alias yet)."""
        try:
            response = self.client.indices.get_alias(name=self.alias)
        except NotFoundError:
            return []
        return sorted(response.body)

    def ensure_index(self) -> None:
        """Create a first index behind the alias if there is none (before the first rebuild)."""
        if self._alias_ready:
            return
        if not self.aliased_indices():
            self.create_index(self.new_index_name(), with_alias=True)
        self._alias_ready = True

    # --- Writing -----------------------------------------------------------------

    def _bulk(self, index: str, operations: list, refresh) -> None:
        if not operations:
            return
        response = self.client.bulk(index=index, operations=operations, refresh=refresh)
        if response.body.get("errors"):
            failures = []
            for item in response.body.get("items", []):
                ((action, result),) = item.items()
                if result.get("status", 200) >= 300 and not (action == "delete" and result.get("status") == 404):
                    failures.append(f"{action} {result.get('_id')}: {result.get('error')}")
            if failures:
                raise ElasticsearchError("; ".join(failures[:10]))

    @staticmethod
    def _operations(records: list[dict], removed: Iterable[int] = ()) -> list:
        operations = []
        for record in records:
            operations.append({"index": {"_id": str(record["id"])}})
            operations.append(document_source(record))
        for page_id in removed:
            operations.append({"delete": {"_id": str(page_id)}})
        return operations

    def index(self, pages: Iterable) -> int:
        pages = [getattr(page, "specific", page) for page in pages]
        if not pages:
            return 0
        self.ensure_index()
        eligible = eligible_ids(page.pk for page in pages)
        records = [page_document(page) for page in pages if page.pk in eligible and search_type(page)]
        indexed = {record["id"] for record in records}
        removed = [page.pk for page in pages if page.pk not in indexed]
        # Not waiting for a refresh: the page is searchable within the index's refresh interval (1 s),
        # and a bulk import publishing page after page is not slowed down. Removal, below, is immediate.
        self._bulk(self.alias, self._operations(records, removed), refresh=False)
        return len(records)

    def remove(self, page_ids: Iterable[int]) -> None:
        page_ids = sorted({int(pk) for pk in page_ids})
        if not page_ids:
            return
        # Every index of the alias's family, so an index being rebuilt drops the page too.
        self.client.delete_by_query(
            index=f"{self.alias}-*",
            query={"terms": {"id": page_ids}},
            refresh=True,
            conflicts="proceed",
            allow_no_indices=True,
            ignore_unavailable=True,
        )

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> int:
        from ...models.takedown import exclude_withdrawn

        started = timezone.now()
        querysets = [exclude_withdrawn(model.objects.live().public()).order_by("pk") for model in searchable_models()]
        total = sum(queryset.count() for queryset in querysets)
        name = self.new_index_name()
        self.create_index(name)
        done, indexed, swapped = 0, [], False
        try:
            if progress:
                progress(0, total)
            for queryset in querysets:
                ids = list(queryset.values_list("pk", flat=True))
                related = prefetchable(queryset.model)
                for start in range(0, len(ids), BATCH_SIZE):
                    batch = list(queryset.filter(pk__in=ids[start : start + BATCH_SIZE]).prefetch_related(*related))
                    records = [page_document(page) for page in batch]
                    self._bulk(name, self._operations(records), refresh=False)
                    indexed.extend(record["id"] for record in records)
                    done += len(batch)
                    if progress:
                        progress(done, total)
            self.client.indices.refresh(index=name)
            self.swap_alias(name)
            swapped = True
        finally:
            if not swapped:
                # The alias still points at the old index: searches go on as before.
                self.client.indices.delete(index=name, ignore_unavailable=True)
        self.catch_up(started, indexed)
        return done

    def swap_alias(self, name: str) -> None:
        """Point the alias at ``name`` in one atomic step, then drop the indices it left."""
        old = [index for index in self.aliased_indices() if index != name]
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        if old:
            self.client.indices.delete(index=",".join(old), ignore_unavailable=True)
        self._alias_ready = True

    def catch_up(self, since: datetime.datetime, indexed: list[int]) -> None:
        """Index what was published while rebuilding, and drop what left the public site meanwhile."""
        from wagtail.models import Page

        published = list(Page.objects.filter(last_published_at__gte=since).specific())
        if published:
            self.index(published)
        gone = set(indexed) - eligible_ids(indexed)
        if gone:
            self.remove(gone)

    # --- Reading -----------------------------------------------------------------

    @staticmethod
    def filters(query: SearchQuery) -> list[Q]:
        filters = []
        if query.types:
            filters.append(Q("terms", type=list(query.types)))
        if query.policy_area is not None:
            filters.append(Q("term", policy_areas=int(query.policy_area)))
        if query.topic is not None:
            filters.append(Q("term", topics=int(query.topic)))
        if query.date_from or query.date_to:
            bounds = {}
            if query.date_from:
                bounds["gte"] = query.date_from.isoformat()
            if query.date_to:
                bounds["lte"] = query.date_to.isoformat()
            filters.append(Q("range", date=bounds))
        for name in ("doc_type", "issuer", "status"):
            value = getattr(query, name)
            if value:
                filters.append(Q("term", **{name: value}))
        if query.year is not None:
            filters.append(Q("term", year=int(query.year)))
        return filters

    @staticmethod
    def number_clauses(plan: AnalysedQuery) -> list[Q]:
        clauses = []
        for number in plan.numbers:
            if number.partial:
                # The same pattern the database backend gives LIKE ("115/%nd-%" for "nghị định số 115").
                clause = Q("wildcard", number_key={"value": number.like_pattern.replace("%", "*")})
            else:
                clause = Q("term", number_key={"value": number.folded_key})
            clauses.append(Q("constant_score", filter=clause, boost=NUMBER_BOOST))
        return clauses

    @staticmethod
    def text_query(plan: AnalysedQuery, relaxed: bool) -> Q:
        # Normalised here as well as by the index's char filters: the two agree.
        text = normalise(plan.text)
        should = [Q("match", title={"query": text, "boost": TITLE_BOOST})]
        if len(plan.words) > 1:
            should.append(Q("match_phrase", all_text={"query": text, "boost": PHRASE_BOOST}))
            should.append(Q("match_phrase", all_text={"query": text, "slop": PROXIMITY_SLOP}))
        if plan.accented:
            should.append(Q("match", all_text={"query": " ".join(plan.accented), "analyzer": "bhxh_vi_exact"}))
        return Q(
            "bool",
            must=[Q("match", all_text={"query": text, "operator": "or" if relaxed else "and"})],
            should=should,
        )

    def build_search(self, query: SearchQuery, plan: AnalysedQuery, relaxed: bool = False) -> Search:
        """The request for ``query``: its ``to_dict()`` is the exact body sent."""
        numbers = self.number_clauses(plan)
        if plan.concepts:
            clauses = [self.text_query(plan, relaxed), *numbers]
            main = clauses[0] if len(clauses) == 1 else Q("bool", should=clauses, minimum_should_match=1)
        elif numbers:
            main = numbers[0] if len(numbers) == 1 else Q("bool", should=numbers, minimum_should_match=1)
        else:
            main = Q("match_all")
        filters = self.filters(query)
        search_query = Q("bool", must=[main], filter=filters) if filters else main
        search = Search(using=self.client, index=self.alias).query(search_query)
        if query.sort == "date" or not (plan.concepts or numbers):
            search = search.sort({"date": {"order": "desc"}}, {"id": {"order": "desc"}})
        else:
            search = search.sort("_score", {"date": {"order": "desc"}}, {"id": {"order": "desc"}})
        search = search.source(SOURCE_FIELDS).extra(track_total_hits=True)
        # Without words to highlight (browsing, a number alone) no_match_size gives the start of the lead.
        search = search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            require_field_match=False,
            fragment_size=SNIPPET_LENGTH,
            number_of_fragments=1,
            no_match_size=SNIPPET_LENGTH,
            max_analyzed_offset=1_000_000,
        ).highlight("body", "intro")
        for name, (field, size) in FACETS.items():
            search.aggs.bucket(name, "terms", field=field, size=size)
        offset, limit = max(query.offset, 0), max(query.limit, 0)
        return search[offset : offset + limit]

    def search(self, query: SearchQuery) -> SearchResults:
        plan = AnalysedQuery.parse(query.q)
        if query.q.strip() and plan.is_empty:
            return SearchResults(count=0, hits=[], facets={})
        results = self._run(query, plan, relaxed=False)
        if results.count == 0 and len(plan.concepts) > 1:
            results = self._run(query, plan, relaxed=True)
            results.relaxed = results.count > 0
        if results.count == 0 and plan.concepts:
            expanded = plan.expanded_text()
            results.suggestion = expanded if fold(plan.text) != expanded else ""
        return results

    def _run(self, query: SearchQuery, plan: AnalysedQuery, relaxed: bool) -> SearchResults:
        try:
            response = self.build_search(query, plan, relaxed).execute()
        except NotFoundError:
            return SearchResults(count=0, hits=[], facets={})  # no index yet: run bhxh_rebuild_search_index
        except BadRequestError:
            # A visitor's query must never break the page; the log tells the developers which one did.
            logger.warning("Elasticsearch refused the search for %r", query.q[:300], exc_info=True)
            return SearchResults(count=0, hits=[], facets={})
        hits = [self._hit(hit) for hit in response.hits]
        facets = {}
        aggregations = response.aggregations.to_dict() if "aggregations" in response else {}
        for name in FACETS:
            buckets = aggregations.get(name, {}).get("buckets", [])
            # Pages without the field (an article has no issuer) are indexed with "": not a facet value.
            values = [(str(bucket["key"]), bucket["doc_count"]) for bucket in buckets if str(bucket["key"]) != ""]
            if values:
                facets[name] = values
        return SearchResults(count=response.hits.total.value, hits=hits, facets=facets)

    @staticmethod
    def _hit(hit) -> SearchHit:
        source = hit.to_dict()
        meta = hit.meta
        highlights = meta.to_dict().get("highlight", {})
        snippet = ""
        for name in ("body", "intro"):
            fragment = (highlights.get(name) or [""])[0]
            if "<mark>" in fragment:
                snippet = fragment
                break
        if not snippet:
            snippet = (highlights.get("intro") or highlights.get("body") or [""])[0]
        date = source.get("date")
        return SearchHit(
            page_id=int(meta.id),
            score=float(meta.score or 0.0),
            # Elasticsearch escaped the text (encoder "html"); only <mark> tags are added.
            snippet=mark_safe(snippet),  # noqa: S308
            title=source.get("title", ""),
            url=source.get("url", ""),
            type=source.get("type", ""),
            date=datetime.date.fromisoformat(date) if date else None,
            number=source.get("number", "") or "",
        )

    def build_autocomplete(self, prefix: str, limit: int) -> Search | None:
        prefix = clean_query(prefix)[:100]
        words = analyse(prefix)[:8]
        if not words or len(prefix.strip()) < 2:
            return None
        clauses = []
        folded = fold(prefix).strip()
        number = parse_document_number(prefix)
        if number or any(char.isdigit() for char in folded):
            if number and not number.partial:
                clause = Q("term", number_key={"value": number.folded_key})
            elif number:
                # "nđ 115" suggests 115/2015/NĐ-CP: the year may sit between number and type.
                clause = Q("wildcard", number_key={"value": number.like_pattern.replace("%", "*")})
            else:
                clause = Q("prefix", number_key={"value": folded.replace(" ", "")})
            clauses.append(Q("constant_score", filter=clause, boost=10.0))
        title = [Q("match", **{"title.autocomplete": {"query": words[-1], "analyzer": "bhxh_vi_folded"}})]
        if len(words) > 1:
            title.insert(
                0, Q("match", title={"query": " ".join(words[:-1]), "analyzer": "bhxh_vi_folded", "operator": "and"})
            )
        clauses.append(Q("constant_score", filter=Q("bool", must=title), boost=1.0))
        search = Search(using=self.client, index=self.alias).query(Q("bool", should=clauses, minimum_should_match=1))
        search = search.sort("_score", {"date": {"order": "desc"}}, {"id": {"order": "desc"}})
        return search.source(["title", "url", "type", "number"])[:limit]

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]:
        limit = max(1, min(limit, 20))
        search = self.build_autocomplete(prefix, limit)
        if search is None:
            return []
        try:
            response = search.execute()
        except NotFoundError:
            return []
        except BadRequestError:
            logger.warning("Elasticsearch refused the autocomplete for %r", prefix[:300], exc_info=True)
            return []
        items = []
        for hit in response.hits:
            source = hit.to_dict()
            item = {
                "id": int(hit.meta.id),
                "title": source.get("title", ""),
                "url": source.get("url", ""),
                "type": source.get("type", ""),
            }
            if item["type"] == "legal_document":
                item["number"] = source.get("number", "")
            items.append(item)
        return items
