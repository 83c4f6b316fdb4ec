"""A citizen's query, analysed once, and the snippets and highlights of its hits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .vietnamese import (
    _FOLD_TABLE,
    DocumentNumber,
    analyse,
    expand,
    find_document_numbers,
    fold,
    normalise,
    parse_document_number,
    tokenize,
)

#: Longest query analysed (characters); the rest of a pasted text is ignored.
MAX_QUERY_CHARS = 256
#: Most words a query keeps.
MAX_QUERY_TOKENS = 24
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_query(text: str) -> str:
    """The query text as the search sees it: control characters out, spaces collapsed, length capped."""
    text = _CONTROL.sub(" ", text or "")
    return " ".join(text.split())[:MAX_QUERY_CHARS]


@dataclass
class AnalysedQuery:
    text: str
    #: Concepts (see :func:`vietnamese.expand`): every one must match.
    concepts: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)
    #: Words typed with diacritics (normalised, lower case), for the accent bonus.
    accented: list[str] = field(default_factory=list)
    #: Folded words in the order typed, for the phrase bonus.
    words: list[str] = field(default_factory=list)
    numbers: list[DocumentNumber] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> AnalysedQuery:
        text = clean_query(text)
        words = analyse(text)[:MAX_QUERY_TOKENS]
        exact = tokenize(text)[:MAX_QUERY_TOKENS]
        accented = list(dict.fromkeys(t for t in exact if fold(t) != t))
        numbers = [doc for _s, _e, doc in find_document_numbers(text)]
        if not numbers:
            whole = parse_document_number(text)
            if whole:
                numbers = [whole]
        return cls(text=text, concepts=expand(words), accented=accented, words=words, numbers=numbers)

    @property
    def is_empty(self) -> bool:
        return not self.concepts and not self.numbers

    @cached_property
    def terms(self) -> list[str]:
        """Every folded word of every alternative: what snippets highlight."""
        seen = dict.fromkeys(word for concept in self.concepts for alt in concept for word in alt)
        return list(seen)

    @cached_property
    def phrase_words(self) -> list[str]:
        """The query with each abbreviation spelled out: what the phrase bonus looks for."""
        return [word for concept in self.concepts for word in max(concept, key=len)]

    def expanded_text(self) -> str:
        """The query with abbreviations spelled out, folded: a suggestion when nothing matched."""
        parts = []
        for concept in self.concepts:
            longest = max(concept, key=len)
            parts.append(" ".join(longest))
        return " ".join(parts)


def _term_pattern(terms) -> re.Pattern | None:
    terms = [t for t in terms if t]
    if not terms:
        return None
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def highlight(text: str, terms, pattern: re.Pattern | None = None) -> str:
    """``text`` escaped, with every word of ``terms`` (folded) in ``<mark>``, matched ignoring diacritics."""
    text = normalise(text)
    pattern = pattern or _term_pattern(terms)
    if pattern is None:
        return escape(text)
    folded = text.translate(_FOLD_TABLE)
    out, last = [], 0
    for match in pattern.finditer(folded):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


#: Characters folded and searched at a time when looking for the snippet passage.
SCAN_CHUNK = 4000
#: Most matches a text's passage is chosen among.
SCAN_MATCHES = 400


class _Passages:
    """Windows of ``length`` characters from each matched word, scored as the text is searched.

    A window scores (concepts it holds in full, in any one wording; distinct
    words). Windows slide over the matches with running counts, so each
    costs the same whatever the number of concepts and words.
    """

    def __init__(self, concepts, length: int):
        self.length = length
        #: word -> the (concept, wording) slots it fills
        self.slots: dict[str, list[tuple[int, int]]] = {}
        self.needed = [[len(set(alt)) for alt in concept] for concept in concepts]
        for c, concept in enumerate(concepts):
            for a, alt in enumerate(concept):
                for word in set(alt):
                    self.slots.setdefault(word, []).append((c, a))
        self.present = [[0] * len(needed) for needed in self.needed]
        self.full = [0] * len(concepts)
        self.held = 0
        self.counts: dict[str, int] = {}
        self.matches: list[tuple[int, str]] = []
        self.first = self.next = 0
        self.best, self.best_score = 0, (-1, -1)

    def _enter(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1
        if self.counts[word] == 1:
            for c, a in self.slots.get(word, ()):
                self.present[c][a] += 1
                if self.present[c][a] == self.needed[c][a]:
                    self.full[c] += 1
                    self.held += self.full[c] == 1

    def _leave(self, word):
        self.counts[word] -= 1
        if not self.counts[word]:
            del self.counts[word]
            for c, a in self.slots.get(word, ()):
                if self.present[c][a] == self.needed[c][a]:
                    self.full[c] -= 1
                    self.held -= self.full[c] == 0
                self.present[c][a] -= 1

    def score(self, searched: int, done: bool) -> bool:
        """Score each window whose text is searched (all when ``done``); True once one holds every concept."""
        matches = self.matches
        while self.first < len(matches) and (done or matches[self.first][0] + self.length <= searched):
            end = matches[self.first][0] + self.length
            while self.next < len(matches) and matches[self.next][0] < end:
                self._enter(matches[self.next][1])
                self.next += 1
            score = (self.held, len(self.counts))
            if score > self.best_score:
                self.best, self.best_score = matches[self.first][0], score
            if self.held == len(self.needed):
                return True
            self._leave(matches[self.first][1])
            self.first += 1
        return False


def snippet(texts, terms, length: int = 240, fallback=None, concepts=None, scan: int = 10_000) -> str:
    """The passage of ``texts`` (tried in order) that shows the query best, highlighted.

    A passage (``length`` characters from a matched word) is scored by the
    ``concepts`` it holds in full (any one wording of each; default: each
    word of ``terms``), then by its distinct words. Each text is folded and
    searched a chunk at a time, up to ``scan`` characters, and the search
    stops at the first passage holding every concept: a 300 kB legal text
    is not folded whole for one line. Falls back to the start of the first
    non-empty text of ``fallback`` (default ``texts``) when no word matches.
    """
    pattern = _term_pattern(terms)
    concepts = concepts or [((term,),) for term in dict.fromkeys(terms)]
    for text in texts:
        if not text or pattern is None:
            continue
        passages = _Passages(concepts, length)
        matches = passages.matches
        position, limit = 0, min(len(text), scan)
        while position < limit:
            # Chunks end between words, so no word is cut in two.
            stop = min(limit, position + SCAN_CHUNK)
            while stop < limit and text[stop].isalnum():
                stop += 1
            folded = text[position:stop].translate(_FOLD_TABLE)
            for match in pattern.finditer(folded):
                matches.append((position + match.start(), match.group(0)))
                if len(matches) >= SCAN_MATCHES:
                    break
            position = stop
            done = position >= limit or len(matches) >= SCAN_MATCHES
            if passages.score(position, done) or done:
                break
        best = passages.best
        if not matches:
            continue
        begin = max(0, best - length // 4)
        if begin:
            space = text.rfind(" ", 0, begin)
            begin = space + 1 if space > begin - 30 else begin
        end = min(len(text), begin + length)
        if end < len(text):
            space = text.rfind(" ", begin, end)
            end = space if space > begin + length // 2 else end
        body = highlight(text[begin:end], terms, pattern)
        return mark_safe(("… " if begin else "") + body + (" …" if end < len(text) else ""))  # noqa: S308
    for text in fallback if fallback is not None else texts:
        if text:
            short = text[:length]
            if len(text) > length:
                short = short[: short.rfind(" ")] if " " in short else short
            return escape(short) + (" …" if len(text) > length else "")
    return ""
