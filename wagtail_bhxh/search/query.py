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


def snippet(texts, terms, length: int = 240, fallback=None) -> str:
    """The passage of ``texts`` (tried in order) with the most query words, highlighted.

    Falls back to the start of the first non-empty text of ``fallback``
    (default ``texts``) when no word matches.
    """
    pattern = _term_pattern(terms)
    for text in texts:
        if not text or pattern is None:
            continue
        folded = text.translate(_FOLD_TABLE)
        matches = []
        for match in pattern.finditer(folded):
            matches.append((match.start(), match.group(0)))
            if len(matches) >= 400:
                break
        if not matches:
            continue
        # Sliding window: the start whose next `length` characters hold the most distinct words.
        best, best_score = matches[0][0], 0
        counts: dict[str, int] = {}
        j = 0
        for start, word in matches:
            while j < len(matches) and matches[j][0] < start + length:
                counts[matches[j][1]] = counts.get(matches[j][1], 0) + 1
                j += 1
            if len(counts) > best_score:
                best, best_score = start, len(counts)
            counts[word] -= 1
            if not counts[word]:
                del counts[word]
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
