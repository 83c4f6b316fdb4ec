"""The embedded search backend: SQLite FTS5 or PostgreSQL full-text search, no server.

Text is analysed in Python (:mod:`wagtail_bhxh.search.vietnamese`) and
stored twice as plain words: folded (what matches) and with diacritics
(what earns the accent bonus). Ranking, best first:

1. pages whose document number the query names;
2. BM25 (SQLite) or cover density (PostgreSQL) over the folded words, the
   title weighing ten times the text;
3. plus a bonus for the words in the order typed (phrase) and close together;
4. plus a bonus for each word found with the diacritics typed.

No query reads every match (a common word matches most of a 50,000-page
index): counts and facets read at most COUNT_CAP + 1 matches; up to
RANK_ALL matches are all ranked with the full score above; past that only
CANDIDATES pages are (the best titles holding every word on PostgreSQL, from
the title GIN index; the best BM25 rows inside FTS5 on SQLite), and the
other matches follow newest first. Only the page of hits shown is fetched.
See docs/explanation/search-analysis.md.
"""

from __future__ import annotations

import difflib
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager, nullcontext
from functools import cached_property

from django.core.cache import cache
from django.db import connection, transaction

from .. import results_cache
from ..documents import page_document, search_type, searchable_models
from ..models import SearchEntry
from ..query import AnalysedQuery, snippet
from ..vietnamese import analyse, concept_key, concept_keys, fold, synonyms_fingerprint, tokenize
from .base import SearchBackend, SearchHit, SearchQuery, SearchResults

ENTRY_TABLE = SearchEntry._meta.db_table
FTS_TABLE = "wagtail_bhxh_search_fts"
FTS_TITLE_TABLE = "wagtail_bhxh_search_fts_title"
#: Characters of a text searched for the snippet passage.
SNIPPET_SCAN = 10_000
#: How much a match in the title counts beside the whole text.
TITLE_WEIGHT = 3
#: Matches counted at most: above, the count is this and ``count_capped`` is set.
COUNT_CAP = 1000
#: Up to this many matches, every one is ranked with the full score.
RANK_ALL = 300
#: Above RANK_ALL, candidates taken from each cheap source before the full score
#: (50 and 100 give the same quality figures; each costs up to 0.2 ms to score).
CANDIDATES = 50
#: PostgreSQL: how much a title holding every word counts, by the share of the title they fill.
TITLE_COVER_WEIGHT = 100
#: Pages fetched and written per batch when rebuilding.
BATCH_SIZE = 200
#: Titles whose words feed the zero-results suggestion.
VOCABULARY_TITLES = 5000
#: PostgreSQL: texts longer than this many words are ranked on their first words (``fts_lead``).
LEAD_WORDS = 2000
#: Raised when what an entry row holds changes, so that rows written before are known.
INDEX_LAYOUT = 2


def analysis_fingerprint() -> str:
    """What entries written now are analysed with: the synonym groups and the index layout."""
    return f"{INDEX_LAYOUT}-{synonyms_fingerprint()}"[:16]


#: PostgreSQL's tsvector limits: the last position, and positions kept for one word.
_LAST_POSITION = 16383
_POSITIONS_KEPT = 256


def _positions(words: list[str]) -> dict[str, list[int]]:
    """The positions ``to_tsvector`` keeps of each word: at most 255, none past the last one."""
    kept: dict[str, list[int]] = {}
    for position, word in enumerate(words, 1):
        position = min(position, _LAST_POSITION)
        positions = kept.setdefault(word, [])
        if not positions:
            positions.append(position)
        elif len(positions) < _POSITIONS_KEPT - 1 and positions[-1] not in (_LAST_POSITION, position):
            positions.append(position)
    return kept


def _vector_length(title_words: list[str], body_words: list[str]) -> int:
    """The length normalisation 2 divides by, of the vector of the title and text (without concept keys).

    Ranking a long text on its lead divides by this, so it ranks as if its
    whole vector had been read; it follows PostgreSQL's ``to_tsvector`` and
    ``||`` (which shifts the text after the title and keeps 256 positions).
    """
    title, body = _positions(title_words), _positions(body_words)
    shift = max((p for positions in title.values() for p in positions), default=0)
    length = 0
    for word in title.keys() | body.keys():
        positions = list(title.get(word, ()))
        for position in body.get(word, ()):
            if len(positions) >= _POSITIONS_KEPT or (positions and positions[-1] == _LAST_POSITION):
                break
            positions.append(min(position + shift, _LAST_POSITION))
        length += len(positions)
    return length


def _ids_field(ids) -> str:
    return "|" + "|".join(str(i) for i in ids) + "|" if ids else ""


class _Engine:
    """What differs between SQLite and PostgreSQL."""

    #: Whether rows carry a token per abbreviation concept (``vietnamese.concept_keys``).
    uses_concept_keys = False

    def write(self, cursor, entries: list[SearchEntry], rows: list[tuple[int, str, str, str, str, str, str]]):
        """Insert the entries and their full text: (page id, title, body, accented title,
        accented body, title keys, all keys) analysed words, one row per entry."""
        raise NotImplementedError

    def reading(self):
        """A block within which the queries of one search run."""
        return nullcontext()

    def after_rebuild(self):
        """Tidy up after every entry was deleted and written again."""

    def delete(self, cursor, page_ids: list[int]):
        raise NotImplementedError

    def match_where(self, plan: AnalysedQuery, relaxed: bool) -> tuple[str, list]:
        """(WHERE SQL, params) true of the entries ``e`` the query matches: no ranking work."""
        raise NotImplementedError

    def score(self, plan: AnalysedQuery, relaxed: bool, ids: list[int] | None = None) -> tuple[str, str, list]:
        """(WITH SQL + "\\x00" + join SQL, score SQL, params) ranking the matches (or only pages ``ids``)."""
        raise NotImplementedError

    def candidates(self, plan: AnalysedQuery, relaxed: bool, base_where: str, params: list, size: int) -> list[int]:
        """Page ids of at most ``2 * size`` matches likely to rank best, found without reading every match.

        Every id returned matches the query (``match_where``) and the filters (``base_where``).
        """
        raise NotImplementedError

    def title_prefix(self, words: list[str]) -> tuple[str, str, list]:
        raise NotImplementedError

    def prefix_where(self, column: str, pattern: str) -> tuple[str, list]:
        """An indexed ``column LIKE pattern`` for patterns with a fixed start."""
        return f"{column} LIKE %s", [pattern]


def index_current() -> bool:
    """Whether every entry was written as entries are written now (:func:`analysis_fingerprint`).

    On PostgreSQL such entries carry the concept keys of today's synonym groups
    and the columns ranking reads. False after an upgrade or a change of a site's
    ``SEARCH_SYNONYMS_FILES`` until the index is rebuilt; searches then match
    phrases and rank as before, slower but still right. Once true it stays
    true (every write uses today's analysis), so it is cached.
    """
    fingerprint = analysis_fingerprint()
    cache_key = f"wagtail_bhxh_search:analysis:{fingerprint}"
    if cache.get(cache_key):
        return True
    # Two index ranges rather than "<>", which would read every row.
    stale = (
        SearchEntry.objects.filter(analysis__lt=fingerprint).exists()
        or SearchEntry.objects.filter(analysis__gt=fingerprint).exists()
    )
    if not stale:
        cache.set(cache_key, True, 3600)
    return not stale


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _quote(words) -> str:
    return '"' + " ".join(words) + '"'


class _SQLite(_Engine):
    def write(self, cursor, entries, rows):
        SearchEntry.objects.bulk_create(entries)
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body, xtitle, xbody) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
            [row[:5] for row in rows],
        )
        cursor.executemany(
            f"INSERT INTO {FTS_TITLE_TABLE} (rowid, title) VALUES (%s, %s)",  # noqa: S608
            [(row[0], row[1]) for row in rows],
        )

    def delete(self, cursor, page_ids):
        for start in range(0, len(page_ids), 500):
            chunk = page_ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            for table in (FTS_TABLE, FTS_TITLE_TABLE):
                cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)  # noqa: S608

    def _expression(self, plan: AnalysedQuery, relaxed: bool, ranked: bool = True) -> str:
        concepts = ["(" + " OR ".join(_quote(alt) for alt in concept) + ")" for concept in plan.concepts]
        folded = "{title body} : (" + (" OR " if relaxed else " AND ").join(concepts) + ")"
        if not ranked:
            return folded
        bonuses = []
        phrase = plan.phrase_words
        if len(phrase) > 1:
            # Phrase only: a NEAR() group costs ten times more and adds little to the title bonus.
            bonuses.append("{title body} : " + _quote(phrase))
        if plan.accented:
            bonuses.append("{xtitle xbody} : (" + " OR ".join(_quote([w]) for w in plan.accented) + ")")
        if not bonuses:
            return folded
        return f"({folded}) OR (({folded}) AND ({' OR '.join(bonuses)}))"

    @staticmethod
    def _title_expression(plan: AnalysedQuery) -> str:
        concepts = ["(" + " OR ".join(_quote(alt) for alt in concept) + ")" for concept in plan.concepts]
        expression = " OR ".join(concepts)
        if len(plan.phrase_words) > 1:
            expression += " OR " + _quote(plan.phrase_words)
        return expression

    def match_where(self, plan, relaxed):
        return (
            f"e.page_id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",  # noqa: S608
            [self._expression(plan, relaxed, False)],
        )

    def score(self, plan, relaxed, ids=None):
        # The title has its own table: BM25 normalises by length, and a long
        # legal text must not drown the title that names what was asked for.
        # MATERIALIZED: each full-text query runs once, not once per joined row.
        # (Not restricted to ``ids`` inside FTS5: "MATCH ... AND rowid IN (...)" runs
        # the match once per id, far slower than scoring every match in C.)
        only = ""
        with_sql = (
            f"WITH m AS MATERIALIZED (SELECT rowid AS pid, bm25({FTS_TABLE}, 10.0, 1.0, 10.0, 1.0) AS r "  # noqa: S608
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s{only}), "
            f"t AS MATERIALIZED (SELECT rowid AS pid, bm25({FTS_TITLE_TABLE}) AS r FROM {FTS_TITLE_TABLE} "
            f"WHERE {FTS_TITLE_TABLE} MATCH %s{only}) "
        )
        join = "JOIN m ON m.pid = e.page_id LEFT JOIN t ON t.pid = e.page_id"
        score = f"-m.r + {TITLE_WEIGHT} * COALESCE(-t.r, 0)"
        return with_sql + "\x00" + join, score, [self._expression(plan, relaxed), self._title_expression(plan)]

    def candidates(self, plan, relaxed, base_where, params, size):
        # FTS5 ranks inside its own index; only the best rows meet the entry table.
        concepts = ["(" + " OR ".join(_quote(alt) for alt in concept) + ")" for concept in plan.concepts]
        title = (" OR " if relaxed else " AND ").join(concepts)
        ids: list[int] = []
        for table, expression, rank in (
            (FTS_TABLE, self._expression(plan, relaxed, False), f"bm25({FTS_TABLE}, 10.0, 1.0, 10.0, 1.0)"),
            (FTS_TITLE_TABLE, title, f"bm25({FTS_TITLE_TABLE})"),
        ):
            inner_limit = "" if base_where != "1=1" else f" LIMIT {size}"
            ids += [
                row[0]
                for row in _rows(
                    f"SELECT e.page_id FROM (SELECT rowid AS pid, {rank} AS r FROM {table} "  # noqa: S608
                    f"WHERE {table} MATCH %s ORDER BY r{inner_limit}) m "
                    f"JOIN {ENTRY_TABLE} e ON e.page_id = m.pid WHERE {base_where} ORDER BY m.r LIMIT {size}",
                    [expression, *params],
                )
            ]
        return list(dict.fromkeys(ids))

    def prefix_where(self, column, pattern):
        # SQLite's LIKE ignores case and so its index: a range on the (binary) index first.
        fixed = pattern.split("%", 1)[0].split("_", 1)[0]
        if not fixed:
            return f"{column} LIKE %s", [pattern]
        return f"{column} >= %s AND {column} < %s AND {column} LIKE %s", [fixed, fixed + "\U0010ffff", pattern]

    def title_prefix(self, words):
        # The titles' own table: far smaller than the full text.
        expression = " ".join(_quote([w]) for w in words[:-1])
        expression += (" " if len(words) > 1 else "") + _quote([words[-1]]) + "*"
        join = (
            f"JOIN (SELECT rowid AS pid FROM {FTS_TITLE_TABLE} "  # noqa: S608
            f"WHERE {FTS_TITLE_TABLE} MATCH %s) m ON m.pid = e.page_id"
        )
        return join, "", [expression]


class _PostgreSQL(_Engine):
    # GIN answers single tokens from the index alone, but rechecks every
    # candidate row of a phrase query (reading its large text vector): a
    # concept such as "bhxh | bao <-> hiem <-> xa <-> hoi" is matched by its key.
    uses_concept_keys = True

    @cached_property
    def index_current(self) -> bool:
        return index_current()

    def write(self, cursor, entries, rows):
        # One INSERT with the vectors: an UPDATE after it would leave a dead
        # copy of every row and its large vectors until the next vacuum
        # (the table and its indexes twice their size, reads twice as slow).
        # The keys follow the text, so they never join a phrase, with a weight
        # of their own (B), so ranking can leave them out.
        fields = [f for f in SearchEntry._meta.concrete_fields if not f.primary_key]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        # A long text also gets a lead (title and first words) that ranking reads
        # instead of its whole vector; NULL (to_tsvector(NULL)) for the others.
        cursor.executemany(
            f"INSERT INTO {ENTRY_TABLE} ({columns}, fts_folded, fts_exact, fts_title, fts_lead, fts_length) "  # noqa: S608
            f"VALUES ({marks}, "
            "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'D') "
            "|| setweight(to_tsvector('simple', %s), 'B'), "
            "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'D'), "
            "to_tsvector('simple', %s) || setweight(to_tsvector('simple', %s), 'B'), "
            "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'D'), %s)",
            [
                (
                    *(f.get_db_prep_save(f.pre_save(entry, add=True), connection) for f in fields),
                    t,
                    b,
                    keys,
                    xt,
                    xb,
                    t,
                    title_keys,
                    *self._lead(t, b),
                    _vector_length(t.split(), b.split()),
                )
                for entry, (_pid, t, b, xt, xb, title_keys, keys) in zip(entries, rows, strict=True)
            ],
        )

    @staticmethod
    def _lead(title: str, body: str) -> tuple[str | None, str | None]:
        """(title, first words) of a text longer than LEAD_WORDS words, else (None, None)."""
        cut = -1
        for _ in range(LEAD_WORDS):
            cut = body.find(" ", cut + 1)
            if cut < 0:
                return None, None
        return title, body[:cut]

    def after_rebuild(self):
        # Every old row is dead: reclaim them (and their large vectors) now
        # rather than when autovacuum comes, and give the planner fresh statistics.
        # VACUUM cannot run inside a transaction; ANALYZE can.
        with connection.cursor() as cursor:
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            cursor.execute(f"{command} {ENTRY_TABLE}")

    @contextmanager
    def reading(self):
        # The planner does not count the cost of reading each row's large,
        # out-of-line (TOAST) vector, which a sequential scan pays for every
        # row it filters: with a LIMIT it prefers that scan to the GIN index
        # (20 ms against 2 ms for 1,001 of 50,000 pages). Within one
        # transaction it is told not to: the setting ends with the transaction,
        # or, inside a caller's transaction, is restored after (an error rolls
        # the savepoint back, and the setting with it).
        nested = connection.in_atomic_block
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
            previous = cursor.fetchone()[0]
            yield
            if nested:
                cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])

    def delete(self, cursor, page_ids):
        return  # the vectors live on the entry rows

    @staticmethod
    def _tsquery(plan: AnalysedQuery, relaxed: bool) -> str:
        concepts = ["(" + " | ".join(" <-> ".join(alt) for alt in concept) + ")" for concept in plan.concepts]
        return (" | " if relaxed else " & ").join(concepts)

    def _match_query(self, plan: AnalysedQuery, relaxed: bool) -> str:
        """The tsquery that decides what matches: concept keys where the index has them, else phrases."""
        if not self.index_current:
            return self._tsquery(plan, relaxed)
        tokens = []
        for concept in plan.concepts:
            key = concept_key(concept)
            tokens.append(key or "(" + " | ".join(" <-> ".join(alt) for alt in concept) + ")")
        return (" | " if relaxed else " & ").join(tokens)

    def match_where(self, plan, relaxed):
        return "e.fts_folded @@ to_tsquery('simple', %s)", [self._match_query(plan, relaxed)]

    @staticmethod
    def _title_query(plan: AnalysedQuery) -> str:
        title_query = _PostgreSQL._tsquery(plan, relaxed=True)
        if len(plan.phrase_words) > 1:
            title_query = f"({title_query}) | ({' <-> '.join(plan.phrase_words)})"
        return title_query

    def score(self, plan, relaxed, ids=None):
        folded = self._tsquery(plan, relaxed)
        # By length (normalisation 2, or the same division by fts_length): a
        # 300 kB legal code must not outrank the article about the subject; its
        # title still counts through fts_title. A long text is ranked on its
        # lead: cover density over 30,000 words costs milliseconds a page.
        if self.index_current:
            text = "COALESCE(e.fts_lead, e.fts_folded)"
            text_rank = (
                f"ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', {text}, to_tsquery('simple', %s), 0) / GREATEST(e.fts_length, 1)"
            )
            # The concept keys (weight B) would lengthen the title it is normalised by.
            title = "ts_filter(e.fts_title, '{d}')"
        else:
            text = "e.fts_folded"
            text_rank = f"ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', {text}, to_tsquery('simple', %s), 2)"
            title = "e.fts_title"
        score = f"{text_rank} * 100"
        params = [folded]
        if len(plan.phrase_words) > 1:
            # Most pages lack the phrase: finding that out costs a tenth of ranking it.
            phrase = " <-> ".join(plan.phrase_words)
            score += f" + 200 * CASE WHEN {text} @@ to_tsquery('simple', %s) THEN {text_rank} ELSE 0 END"
            params += [phrase, phrase]
        # The title on its own: a long legal text must not drown the title that names what was asked for.
        score += f" + {TITLE_WEIGHT} * ts_rank_cd({title}, to_tsquery('simple', %s), 1)"
        params.append(self._title_query(plan))
        # A title with every word, by the share of the title they fill (normalisation 2):
        # "luật việc làm" puts the Law on Employment above the decrees quoting its name.
        score += f" + {TITLE_COVER_WEIGHT} * ts_rank_cd({title}, to_tsquery('simple', %s), 2)"
        params.append(folded)
        if len(plan.phrase_words) > 1:
            # Twice as much when they are the phrase typed: "Luật An toàn, vệ sinh lao động" above
            # "Tuân thủ pháp luật về an toàn, vệ sinh lao động".
            score += f" + {2 * TITLE_COVER_WEIGHT} * ts_rank_cd({title}, to_tsquery('simple', %s), 2)"
            params.append(" <-> ".join(plan.phrase_words))
        if plan.accented:
            score += " + ts_rank('{0.1, 0.2, 0.4, 1.0}', e.fts_exact, to_tsquery('simple', %s), 1)"
            params.append(" | ".join(plan.accented))
        return "", score, params

    def candidates(self, plan, relaxed, base_where, params, size):
        # Titles are short and have their own GIN index: the pages whose title
        # has every concept, shortest title first (the title the words fill
        # most, as cover density normalised by length would rank them, without
        # scoring thousands of titles). Such a title implies the whole entry
        # matches (fts_folded starts with the title). A title with only some of
        # the words is no cheap signal: "luật" alone is in thousands.
        sql = (
            f"SELECT e.page_id FROM {ENTRY_TABLE} e WHERE {base_where} "  # noqa: S608
            "AND e.fts_title @@ to_tsquery('simple', %s) "
            f"ORDER BY length(e.fts_title), e.date DESC, e.page_id DESC LIMIT {size}"
        )
        return [row[0] for row in _rows(sql, [*params, self._match_query(plan, relaxed)])]

    def title_prefix(self, words):
        # fts_title has its own GIN index (migration 0003): short vectors, cheap rechecks.
        query = " & ".join([*words[:-1], f"{words[-1]}:*"])
        return "", "e.fts_title @@ to_tsquery('simple', %s)", [query]


class DatabaseSearchBackend(SearchBackend):
    """Search in the site's own database (SQLite or PostgreSQL)."""

    cache_results = True

    @property
    def engine(self) -> _Engine:
        return _PostgreSQL() if connection.vendor == "postgresql" else _SQLite()

    # --- Writing ---------------------------------------------------------------

    @staticmethod
    def eligible_ids(page_ids) -> set[int]:
        """Of these pages, those the public may find: live, public, not withdrawn."""
        from wagtail.models import Page

        from ...models.takedown import exclude_withdrawn

        ids = set()
        page_ids = list(page_ids)
        for start in range(0, len(page_ids), 500):
            chunk = page_ids[start : start + 500]
            ids.update(
                exclude_withdrawn(Page.objects.filter(pk__in=chunk).live().public()).values_list("pk", flat=True)
            )
        return ids

    def index(self, pages: Iterable) -> int:
        pages = [getattr(page, "specific", page) for page in pages]
        eligible = self.eligible_ids(p.pk for p in pages)
        records = [page_document(p) for p in pages if p.pk in eligible and search_type(p)]
        with transaction.atomic():
            self.remove(p.pk for p in pages)
            self._write(records)
        results_cache.index_changed()
        return len(records)

    def _write(self, records: list[dict]):
        if not records:
            return
        DatabaseSearchBackend._vocabulary_cache = (0.0, frozenset())
        fingerprint = analysis_fingerprint()
        entries = [
            SearchEntry(
                page_id=r["id"],
                type=r["type"],
                title=r["title"],
                folded_title=fold(r["title"]),
                intro=r["intro"],
                body=r["body"],
                date=r["date"],
                policy_areas=_ids_field(r["policy_areas"]),
                topics=_ids_field(r["topics"]),
                number=r["number"][:80],
                number_key=r["number_key"][:80],
                doc_type=r["doc_type"],
                issuer=r["issuer"][:200],
                year=r["year"],
                status=r["status"],
                url=r["url"][:1000],
                locale=r["locale"],
                analysis=fingerprint,
            )
            for r in records
        ]
        engine = self.engine
        rows = []
        for r in records:
            title = f"{r['title']} {r['number']}"
            body = f"{r['intro']}\n{r['body']}"
            # Records hold normalised text (page_document): no need to normalise again.
            title_words = analyse(title, normalised=True)
            body_words = analyse(body, normalised=True)
            title_keys = all_keys = []
            if engine.uses_concept_keys:
                title_keys = concept_keys(title_words)
                all_keys = list(dict.fromkeys([*title_keys, *concept_keys(body_words)]))
            rows.append(
                (
                    r["id"],
                    " ".join(title_words),
                    " ".join(body_words),
                    " ".join(tokenize(title, normalised=True)),
                    " ".join(tokenize(body, normalised=True)),
                    " ".join(title_keys),
                    " ".join(all_keys),
                )
            )
        with connection.cursor() as cursor:
            engine.write(cursor, entries, rows)

    def remove(self, page_ids: Iterable[int]) -> None:
        DatabaseSearchBackend._vocabulary_cache = (0.0, frozenset())
        page_ids = [int(pk) for pk in page_ids]
        if not page_ids:
            return
        with transaction.atomic():
            with connection.cursor() as cursor:
                self.engine.delete(cursor, page_ids)
            for start in range(0, len(page_ids), 500):
                SearchEntry.objects.filter(page_id__in=page_ids[start : start + 500]).delete()
        results_cache.index_changed()

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> int:
        from ...models.takedown import exclude_withdrawn

        querysets = [exclude_withdrawn(model.objects.live().public()).order_by("pk") for model in searchable_models()]
        total = sum(qs.count() for qs in querysets)
        done = 0
        with transaction.atomic():
            with connection.cursor() as cursor:
                if connection.vendor == "sqlite":
                    cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
                    cursor.execute(f"DELETE FROM {FTS_TITLE_TABLE}")  # noqa: S608
            SearchEntry.objects.all().delete()
            if progress:
                progress(0, total)
            for queryset in querysets:
                ids = list(queryset.values_list("pk", flat=True))
                for start in range(0, len(ids), BATCH_SIZE):
                    batch = list(
                        queryset.filter(pk__in=ids[start : start + BATCH_SIZE]).prefetch_related(
                            *self._prefetch(queryset.model)
                        )
                    )
                    self._write([page_document(page) for page in batch])
                    done += len(batch)
                    if progress:
                        progress(done, total)
        self.engine.after_rebuild()
        results_cache.index_changed()
        return done

    @staticmethod
    def _prefetch(model) -> list[str]:
        names = []
        for name in ("policy_areas", "topics", "tags"):
            try:
                model._meta.get_field(name)
            except Exception:  # noqa: BLE001, S112 - not every page type has every relation
                continue
            names.append(name)
        return names

    # --- Reading ---------------------------------------------------------------

    @staticmethod
    def _filters(query: SearchQuery) -> tuple[list[str], list]:
        where, params = [], []
        if query.types:
            where.append("e.type IN (" + ", ".join(["%s"] * len(query.types)) + ")")
            params.extend(query.types)
        for column, value in (("policy_areas", query.policy_area), ("topics", query.topic)):
            if value is not None:
                where.append(f"e.{column} LIKE %s")
                params.append(f"%|{int(value)}|%")
        if query.date_from:
            where.append("e.date >= %s")
            params.append(query.date_from)
        if query.date_to:
            where.append("e.date <= %s")
            params.append(query.date_to)
        for column in ("doc_type", "issuer", "status"):
            value = getattr(query, column)
            if value:
                where.append(f"e.{column} = %s")
                params.append(value)
        if query.year is not None:
            where.append("e.year = %s")
            params.append(query.year)
        return where, params

    def _number_filter(self, plan: AnalysedQuery) -> tuple[str, list]:
        parts, params = [], []
        for number in plan.numbers:
            if number.partial:
                sql, sql_params = self.engine.prefix_where("e.number_key", number.like_pattern)
                parts.append(f"({sql})")
                params.extend(sql_params)
            else:
                parts.append("e.number_key = %s")
                params.append(number.folded_key)
        return ("(" + " OR ".join(parts) + ")" if parts else ""), params

    def search(self, query: SearchQuery) -> SearchResults:
        plan = AnalysedQuery.parse(query.q)
        if query.q.strip() and plan.is_empty:
            return SearchResults(count=0, hits=[], facets={})  # nothing searchable was typed
        with self.engine.reading():
            results = self._search(query, plan, relaxed=False)
            if results.count == 0 and len(plan.concepts) > 1:
                results = self._search(query, plan, relaxed=True)
                results.relaxed = results.count > 0
        if (results.count == 0 or results.relaxed) and plan.concepts:
            results.suggestion = self._suggest(query, plan)
        return results

    def _suggest(self, query: SearchQuery, plan: AnalysedQuery) -> str:
        """The query spelled out, or with unknown words replaced by the closest words of recent titles."""
        vocabulary = self._vocabulary()
        corrected, changed = [], False
        for word in plan.expanded_text().split():
            if word in vocabulary or word.isdigit():
                corrected.append(word)
                continue
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
            corrected.append(close[0] if close else word)
            changed = changed or bool(close)
        suggestion = " ".join(corrected)
        if changed or suggestion != " ".join(plan.words):
            return suggestion
        return ""

    _vocabulary_cache: tuple[float, frozenset] = (0.0, frozenset())

    def _vocabulary(self) -> frozenset:
        """Words of the latest titles (cached five minutes): what "did you mean" picks from."""
        built, words = DatabaseSearchBackend._vocabulary_cache
        if time.monotonic() - built < 300 and words:
            return words
        titles = SearchEntry.objects.order_by("-id").values_list("folded_title", flat=True)[:VOCABULARY_TITLES]
        words = frozenset(word for title in titles for word in analyse(title) if len(word) > 1)
        DatabaseSearchBackend._vocabulary_cache = (time.monotonic(), words)
        return words

    def _rows(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _search(self, query: SearchQuery, plan: AnalysedQuery, relaxed: bool) -> SearchResults:
        where, params = self._filters(query)
        number_sql, number_params = self._number_filter(plan)
        base_where = " AND ".join(where) if where else "1=1"

        # Pages named by number come first, whether or not their text matches.
        named: list[int] = []
        if number_sql:
            named = [
                row[0]
                for row in self._rows(
                    f"SELECT e.page_id FROM {ENTRY_TABLE} e WHERE {number_sql} AND {base_where} "  # noqa: S608
                    "ORDER BY e.date DESC, e.page_id",
                    number_params + params,
                )
            ]

        if plan.concepts:
            text_where, text_params = self.engine.match_where(plan, relaxed)
        else:
            # Browsing (filters only), or a number alone (only the named pages).
            text_where, text_params = ("1=0" if plan.numbers else "1=1"), []
        match_where = f"{base_where} AND {text_where}"
        match_params = params + text_params

        # Counting and facets read at most COUNT_CAP + 1 matches: never the whole index.
        # (One more than the cap is read to know whether there are more; it is not counted.)
        counted = self._rows(
            f"SELECT s.type, s.doc_type, s.year, s.status, SUM(CASE WHEN s.n <= {COUNT_CAP} THEN 1 ELSE 0 END), "  # noqa: S608
            "COUNT(*) FROM ("
            f"SELECT e.type, e.doc_type, e.year, e.status, ROW_NUMBER() OVER () AS n FROM {ENTRY_TABLE} e "
            f"WHERE {match_where} LIMIT {COUNT_CAP + 1}) s GROUP BY s.type, s.doc_type, s.year, s.status",
            match_params,
        )
        facet_rows = [row[:5] for row in counted if row[4]]
        matched = sum(row[4] for row in facet_rows)
        capped = sum(row[5] for row in counted) > COUNT_CAP
        named_in_text = set()
        if named and matched:
            marks = ", ".join(["%s"] * len(named))
            named_in_text = {
                row[0]
                for row in self._rows(
                    f"SELECT e.page_id FROM {ENTRY_TABLE} e WHERE {match_where} AND e.page_id IN ({marks})",  # noqa: S608
                    match_params + named,
                )
            }
        extra = [pk for pk in named if pk not in named_in_text]
        count = matched + len(extra)
        facets = self._facets(facet_rows, extra)

        offset, limit = max(query.offset, 0), max(query.limit, 0)
        limit = min(limit, max(count - offset, 0))
        scores: dict[int, float] = {}
        if limit <= 0:
            page_ids = []
        elif query.sort == "date":
            page_ids = self._by_date(match_where, match_params, extra, [], limit, offset)
        else:
            # Named pages, then the ranked window, then the other matches newest first.
            window = self._ranked_window(plan, relaxed, base_where, params, match_where, match_params, matched)
            scores = dict.fromkeys(named, 1000.0)
            scores.update((pk, score) for pk, score in window if pk not in scores)
            head = list(scores)
            page_ids = head[offset : offset + limit]
            if len(page_ids) < limit and matched > len(head) - len(extra):
                page_ids += self._by_date(
                    match_where, match_params, [], head, limit - len(page_ids), max(0, offset - len(head))
                )
        rows = {}
        if page_ids:
            columns = f"e.page_id, e.title, e.url, e.type, e.date, e.number, e.intro, substr(e.body, 1, {SNIPPET_SCAN})"
            marks = ", ".join(["%s"] * len(page_ids))
            rows = {
                row[0]: row
                for row in self._rows(
                    f"SELECT {columns} FROM {ENTRY_TABLE} e WHERE e.page_id IN ({marks})",  # noqa: S608
                    page_ids,
                )
            }
        hits = []
        numbers = [fold(n.canonical) for n in plan.numbers if not n.partial]
        terms = plan.terms + numbers
        concepts = plan.concepts + [((number,),) for number in numbers]
        for page_id in page_ids:
            if page_id not in rows:
                continue
            _pk, title, url, type_, date, number, intro, body = rows[page_id]
            hits.append(
                SearchHit(
                    page_id=page_id,
                    score=float(scores.get(page_id) or 0),
                    snippet=snippet([body, intro], terms, fallback=[intro, body], concepts=concepts, scan=SNIPPET_SCAN),
                    title=title,
                    url=url,
                    type=type_,
                    date=date,
                    number=number,
                )
            )
        return SearchResults(count=count, hits=hits, facets=facets, count_capped=capped)

    def _by_date(self, match_where, match_params, include, exclude, limit, offset) -> list[int]:
        """Page ids of the matches (plus ``include``, minus ``exclude``), newest first."""
        where, where_params = f"({match_where})", list(match_params)
        if include:
            where = f"({where} OR e.page_id IN ({', '.join(['%s'] * len(include))}))"
            where_params += include
        if exclude:
            where += f" AND e.page_id NOT IN ({', '.join(['%s'] * len(exclude))})"
            where_params += exclude
        return [
            row[0]
            for row in self._rows(
                f"SELECT e.page_id FROM {ENTRY_TABLE} e WHERE {where} "  # noqa: S608
                "ORDER BY e.date DESC, e.page_id DESC LIMIT %s OFFSET %s",
                where_params + [limit, offset],
            )
        ]

    def _ranked_window(self, plan, relaxed, base_where, params, match_where, match_params, matched):
        """[(page id, score)] best first: every match when few, else the best candidates (see module doc)."""
        if not plan.concepts:
            return []
        engine = self.engine
        where, where_params = match_where, list(match_params)
        candidates = None
        if matched > RANK_ALL:
            candidates = engine.candidates(plan, relaxed, base_where, params, CANDIDATES)
            if not candidates:
                return []
            # Candidates are matches within the filters already: testing the
            # text again would read every candidate's large vector once more.
            where, where_params = f"e.page_id IN ({', '.join(['%s'] * len(candidates))})", list(candidates)
        join, score_sql, score_params = engine.score(plan, relaxed, candidates)
        with_sql, _sep, join = join.rpartition("\x00")
        return [
            (pk, float(score or 0))
            for pk, score in self._rows(
                f"{with_sql}SELECT e.page_id, {score_sql} AS score FROM {ENTRY_TABLE} e {join} "  # noqa: S608
                f"WHERE {where} ORDER BY score DESC, e.date DESC, e.page_id DESC",
                score_params + where_params,
            )
        ]

    def _facets(self, facet_rows, extra) -> dict[str, list[tuple[str, int]]]:
        counters = {name: Counter() for name in ("type", "doc_type", "year", "status")}
        rows = list(facet_rows)
        if extra:
            marks = ", ".join(["%s"] * len(extra))
            rows += [
                (*row, 1)
                for row in self._rows(
                    f"SELECT e.type, e.doc_type, e.year, e.status FROM {ENTRY_TABLE} e WHERE e.page_id IN ({marks})",  # noqa: S608
                    extra,
                )
            ]
        for type_, doc_type, year, status, n in rows:
            counters["type"][type_] += n
            if doc_type:
                counters["doc_type"][doc_type] += n
            if year:
                counters["year"][str(year)] += n
            if status:
                counters["status"][status] += n
        return {name: counter.most_common() for name, counter in counters.items() if counter}

    @staticmethod
    def _number_prefixes(number, folded: str) -> tuple[str, str] | None:
        """(LIKE pattern of the number typed so far, pattern of the numbers it may grow into), or None.

        "nđ 115" → 115/%nd-% and 115%/%nd-%; "115/20" → 115/20% twice; "qđ 2474" → 2474/%qd-%.
        """

        def clean(text):
            return text.replace("%", "").replace("_", "")

        if number is None:
            if not any(ch.isdigit() for ch in folded):
                return None
            typed = clean(folded.replace(" ", "")) + "%"
            return typed, typed
        if not number.partial:
            return number.folded_key, clean(number.folded_key) + "%"
        exact = number.like_pattern
        if number.year is None and number.doc_type:
            return exact, f"{clean(fold(number.number))}%/%{clean(fold(number.doc_type))}-%"
        return exact, exact

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]:
        from ..query import clean_query
        from ..vietnamese import parse_document_number

        prefix = clean_query(prefix)[:100]
        words = analyse(prefix)[:8]
        if not words or len(prefix.strip()) < 2:
            return []
        limit = max(1, min(limit, 20))
        columns = "e.page_id, e.title, e.url, e.type, e.number"
        rows = []
        folded = fold(prefix).strip()
        number = parse_document_number(prefix)
        patterns = self._number_prefixes(number, folded)
        if patterns:
            exact, typed = patterns
            where, where_params = self.engine.prefix_where("e.number_key", typed)
            rows += self._rows(
                f"SELECT {columns} FROM {ENTRY_TABLE} e WHERE {where} "  # noqa: S608
                "ORDER BY CASE WHEN e.number_key LIKE %s THEN 0 ELSE 1 END, e.date DESC, e.page_id DESC LIMIT %s",
                [*where_params, exact, limit],
            )
        if len(rows) < limit:
            join, where, params = self.engine.title_prefix(words)
            seen = [row[0] for row in rows]
            rows += self._rows(
                f"SELECT {columns} FROM {ENTRY_TABLE} e {join} WHERE {where or '1=1'} "  # noqa: S608
                f"ORDER BY e.date DESC, e.page_id DESC LIMIT %s",
                params + [limit + len(seen)],
            )
            unique = {}
            for row in rows:
                unique.setdefault(row[0], row)
            rows = list(unique.values())
        items = []
        for page_id, title, url, type_, number_text in rows[:limit]:
            item = {"id": page_id, "title": title, "url": url, "type": type_}
            if type_ == "legal_document":
                item["number"] = number_text
            items.append(item)
        return items
