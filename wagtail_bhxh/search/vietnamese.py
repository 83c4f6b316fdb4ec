"""Vietnamese text analysis shared by every search backend.

Citizens type "bhxh mot lan", "the bhyt", "nghi dinh 115/2015" or
"sức khoẻ"; documents say "bảo hiểm xã hội một lần", "thẻ bảo hiểm y tế",
"Nghị định số 115/2015/NĐ-CP" and "sức khỏe". This module makes them meet:

- :func:`normalise`: Unicode NFC and one tone-mark placement (``hoà`` →
  ``hòa``, ``khoẻ`` → ``khỏe``, ``thuỷ`` → ``thủy``).
- :func:`fold`: :func:`normalise`, then lower case without diacritics
  (``đ`` → ``d``). Folding keeps the length of normalised text character for
  character, so a match found in folded text can be highlighted in the
  original.
- :func:`tokenize` / :func:`analyse`: words of a text, with or without
  diacritics.
- :func:`expand`: a query's words grouped into concepts, each with its
  alternatives from the abbreviation groups (``bhyt`` ↔ ``bao hiem y te``);
  :func:`concept_key` / :func:`concept_keys`: one token per concept, for
  indexes that match single tokens faster than phrases.
- :func:`parse_document_number` / :func:`find_document_numbers`: legal
  document numbers in any spelling, as one canonical number.

The Elasticsearch backend mirrors this analysis in its index settings; the
database backend calls these functions directly.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DocumentNumber",
    "analyse",
    "concept_key",
    "concept_keys",
    "expand",
    "find_document_numbers",
    "fold",
    "normalise",
    "parse_document_number",
    "synonym_groups",
    "synonyms_fingerprint",
    "tokenize",
]

# --- Normalisation -------------------------------------------------------------

#: Combining tone marks: grave, acute, tilde, hook above, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Open syllables ending in these vowel pairs are written with the tone on
#: either vowel (hoà/hòa, khoẻ/khỏe, thuỷ/thủy); we put it on the first.
_MOVABLE_PAIRS = frozenset({("o", "a"), ("o", "e"), ("u", "y")})
#: Composed vowels carrying a tone where the other placement puts it -> (base, tone).
_OLD_TONED = {unicodedata.normalize("NFC", base + tone): (base, tone) for base in "aeyAEY" for tone in TONE_MARKS}
_OLD_PLACEMENT = re.compile(r"(\w?)([oOuU])([" + "".join(sorted(_OLD_TONED)) + r"])(?![\w\u0300-\u036f])")


def _move_tone(match: re.Match) -> str:
    before, first, toned = match.group(1), match.group(2), match.group(3)
    base, tone = _OLD_TONED[toned]
    if (first.lower(), base.lower()) not in _MOVABLE_PAIRS:
        return match.group(0)
    if first.lower() == "u" and before.lower() == "q":
        return match.group(0)  # quý, quỳ: "qu" is a consonant, the tone stays on y
    return before + unicodedata.normalize("NFC", first + tone) + base


def normalise(text: str) -> str:
    """NFC with tone marks placed one way: ``normalise("hoà") == normalise("hòa") == "hòa"``."""
    if not text or text.isascii():
        return text or ""
    return _OLD_PLACEMENT.sub(_move_tone, unicodedata.normalize("NFC", text))


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


#: Latin, Latin-1, Latin Extended and Vietnamese (U+1E00-U+1EFF) folded one to one.
_FOLD_TABLE = {
    code: _fold_char(chr(code))
    for code in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))
    if _fold_char(chr(code)) != chr(code)
}


def fold(text: str) -> str:
    """Lower case without diacritics (``đ`` → ``d``); same length as ``normalise(text)``."""
    return normalise(text).translate(_FOLD_TABLE)


# --- Tokens ----------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
#: Longest word kept; longer runs are noise (hashes, pasted garbage).
MAX_TOKEN_LENGTH = 40


def tokenize(text: str, normalised: bool = False) -> list[str]:
    """Normalised, lower-case words of ``text``, diacritics kept (``normalised`` as for :func:`analyse`)."""
    text = text if normalised else normalise(text)
    return [t for t in _TOKEN.findall(text.lower().replace("_", " ")) if len(t) <= MAX_TOKEN_LENGTH]


def analyse(text: str, normalised: bool = False) -> list[str]:
    """Folded words of ``text``: what the index matches on.

    ``normalised=True`` skips :func:`normalise` for text that already went through it.
    """
    folded = text.translate(_FOLD_TABLE) if normalised else fold(text)
    return [t for t in _TOKEN.findall(folded.replace("_", " ")) if len(t) <= MAX_TOKEN_LENGTH]


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded token) of each word of ``normalise(text)``."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(fold(text).replace("_", " "))]


# --- Synonyms ----------------------------------------------------------------------

DEFAULT_SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "abbreviations.txt"


def read_synonym_file(path) -> list[tuple[tuple[str, ...], ...]]:
    """Groups of a synonyms file, each entry as its folded words."""
    groups = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        entries = tuple(dict.fromkeys(tuple(analyse(entry)) for entry in line.split(",") if analyse(entry)))
        if len(entries) > 1:
            groups.append(entries)
    return groups


def synonym_files() -> list[Path]:
    from ..conf import bhxh_settings

    return [DEFAULT_SYNONYMS_FILE, *(Path(p) for p in bhxh_settings.SEARCH_SYNONYMS_FILES)]


@functools.lru_cache(maxsize=8)
def _synonym_index(files: tuple[Path, ...]):
    groups: list[tuple[tuple[str, ...], ...]] = []
    for path in files:
        groups.extend(read_synonym_file(path))
    # entry -> every alternative of every group the entry belongs to
    alternatives: dict[tuple[str, ...], dict[tuple[str, ...], None]] = {}
    for group in groups:
        for entry in group:
            alternatives.setdefault(entry, {entry: None}).update(dict.fromkeys(group))
    longest = max((len(entry) for entry in alternatives), default=1)
    return groups, {k: tuple(v) for k, v in alternatives.items()}, longest


def synonym_groups() -> list[tuple[str, ...]]:
    """Every synonym group, each entry as one folded string (``("bhyt", "bao hiem y te")``)."""
    groups, _alternatives, _longest = _synonym_index(tuple(synonym_files()))
    return [tuple(" ".join(entry) for entry in group) for group in groups]


def expand(tokens: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """Group folded query words into concepts with their alternatives.

    Each concept is a tuple of alternatives; each alternative is a tuple of
    words that must appear together, in order::

        >>> expand(["the", "bhyt"])
        [(('the',),), (('bhyt',), ('bao', 'hiem', 'y', 'te'))]

    The longest abbreviation or expansion starting at each word wins, so
    "bao hiem y te" becomes one concept, not four.
    """
    _groups, alternatives, longest = _synonym_index(tuple(synonym_files()))
    concepts = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i : i + size])
            if key in alternatives:
                concepts.append(alternatives[key])
                i += size
                break
        else:
            concepts.append((tuple(tokens[i : i + 1]),))
            i += 1
    return concepts


# Concept keys: one indexed token per abbreviation concept, so an index that
# cannot match phrases cheaply (PostgreSQL's GIN rechecks every candidate row
# of a phrase query) matches "BHXH" and "bảo hiểm xã hội" with one token.

_KEY_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def concept_key(concept: tuple[tuple[str, ...], ...]) -> str | None:
    """The token standing for a concept of :func:`expand`, or None for a plain word.

    Letters only, so that no full-text parser splits it or reads it as a number.
    """
    if len(concept) < 2 and all(len(alt) < 2 for alt in concept):
        return None
    digest = hashlib.blake2b("|".join(sorted(" ".join(alt) for alt in concept)).encode(), digest_size=6)
    return "zz" + digest.hexdigest().translate(_KEY_LETTERS)


@functools.lru_cache(maxsize=8)
def _key_index(files: tuple[Path, ...]):
    """First word -> [(entry, keys of every concept the entry satisfies)], longest entries first."""
    _groups, alternatives, _longest = _synonym_index(files)
    by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for entry in alternatives:
        # An entry satisfies the concept of every entry it shares a group with.
        keys = tuple(dict.fromkeys(k for other in alternatives[entry] if (k := concept_key(alternatives[other]))))
        by_first.setdefault(entry[0], []).append((entry, keys))
    for entries in by_first.values():
        entries.sort(key=lambda item: -len(item[0]))
    return by_first


def concept_keys(words: list[str]) -> list[str]:
    """Keys of every abbreviation concept whose wording occurs in ``words`` (folded), in order found."""
    by_first = _key_index(tuple(synonym_files()))
    found: dict[str, None] = {}
    for i, word in enumerate(words):
        for entry, keys in by_first.get(word, ()):
            if tuple(words[i : i + len(entry)]) == entry:
                found.update(dict.fromkeys(keys))
    return list(found)


def synonyms_fingerprint() -> str:
    """A short digest of every synonym group: an index built under other groups has other keys."""
    groups, _alternatives, _longest = _synonym_index(tuple(synonym_files()))
    text = "\n".join(sorted("|".join(" ".join(entry) for entry in group) for group in groups))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


# --- Legal document numbers ------------------------------------------------------

#: Folded type code -> as printed.
DOC_TYPE_CODES = {
    "nd": "NĐ",
    "qd": "QĐ",
    "tt": "TT",
    "nq": "NQ",
    "ct": "CT",
    "ttlt": "TTLT",
    "vbhn": "VBHN",
    "kh": "KH",
    "hd": "HD",
    "cv": "CV",
    "tb": "TB",
    "bc": "BC",
    "pl": "PL",
    "ql": "QL",
}
#: Folded issuer (or issuer part) -> as printed, where plain upper case is wrong.
ISSUER_SPELLINGS = {
    "ttg": "TTg",
    "bldtbxh": "BLĐTBXH",
    "ldtbxh": "LĐTBXH",
    "hdnd": "HĐND",
    "bqp": "BQP",
    "dhqg": "ĐHQG",
    "snldtbxh": "SLĐTBXH",
    "sldtbxh": "SLĐTBXH",
}
#: Folded type words a citizen types before a bare number ("nghị định 115/2015").
TYPE_WORDS = {
    "nghi dinh": "NĐ",
    "nd": "NĐ",
    "quyet dinh": "QĐ",
    "qd": "QĐ",
    "thong tu lien tich": "TTLT",
    "ttlt": "TTLT",
    "thong tu": "TT",
    "tt": "TT",
    "nghi quyet": "NQ",
    "nq": "NQ",
    "chi thi": "CT",
    "ct": "CT",
    "van ban hop nhat": "VBHN",
    "vbhn": "VBHN",
    "cong van": "",
    "cv": "",
    "bo luat": "LUAT",
    "luat": "LUAT",
}
#: Term of the National Assembly (QH11...) by the year a law was passed.
_QH_TERMS = ((2002, 11), (2007, 12), (2011, 13), (2016, 14), (2021, 15), (2026, 16))


def _qh_term(year: int) -> str:
    term = ""
    for start, number in _QH_TERMS:
        if year >= start:
            term = f"QH{number}"
    return term


@dataclass(frozen=True)
class DocumentNumber:
    """A legal document number and symbol (số, ký hiệu), e.g. 115/2015/NĐ-CP.

    ``partial`` numbers come from references without the full symbol
    ("nghị định 115/2015" is complete once the issuer is inferred; "thông
    tư 59/2015" is not); they match every full number that starts with
    :attr:`folded_key`.
    """

    canonical: str
    number: str
    year: int | None
    doc_type: str
    issuer: str
    partial: bool = False

    @property
    def folded_key(self) -> str:
        return fold(self.canonical)

    @property
    def like_pattern(self) -> str:
        """SQL LIKE pattern over folded keys: the key itself, or what a partial reference can stand for."""
        if not self.partial:
            return self.folded_key
        if self.year is None and self.doc_type:
            # "nghị định số 115": any year, e.g. 115/2015/nd-cp
            return f"{fold(self.number)}/%{fold(self.doc_type)}-%"
        return self.folded_key + "%"

    def matches(self, key: str) -> bool:
        """Whether the folded key of a full number is this number (or one a partial reference can stand for)."""
        pattern = "^" + ".*".join(re.escape(part) for part in self.like_pattern.split("%")) + "$"
        return re.match(pattern, key) is not None

    def __str__(self):
        return self.canonical


def _print_part(part: str, original: str) -> str:
    if part in DOC_TYPE_CODES:
        return DOC_TYPE_CODES[part]
    if part in ISSUER_SPELLINGS:
        return ISSUER_SPELLINGS[part]
    if fold(original.lower()) == part and original.isupper():
        return original  # keep a typed Đ
    return original.upper() if fold(original.upper()) == fold(original).upper() else part.upper()


def _build(number: str, year: int | None, parts_folded: list[str], parts_original: list[str]) -> DocumentNumber:
    printed = [_print_part(p, o) for p, o in zip(parts_folded, parts_original, strict=True)]
    doc_type, issuer = "", "-".join(printed)
    if printed and parts_folded[0] in DOC_TYPE_CODES and len(printed) > 1:
        doc_type, issuer = printed[0], "-".join(printed[1:])
    symbol = "-".join(printed)
    canonical = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    return DocumentNumber(canonical=canonical, number=number, year=year, doc_type=doc_type, issuer=issuer)


_FULL = re.compile(
    r"(?<![\w/])(\d{1,5}[a-z]?)\s*/\s*(?:((?:19|20)\d\d)\s*/\s*)?"
    r"([a-z][a-z0-9]*(?:\s*-\s*[a-z0-9]+)*)(?![\w/])"
)
_TYPE_WORD = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in TYPE_WORDS), key=len, reverse=True))
_PARTIAL = re.compile(rf"(?<!\w)({_TYPE_WORD})\s*(?:so\s*)?(\d{{1,5}}[a-z]?)(?:\s*/\s*((?:19|20)\d\d))?(?![\w/])")
_BARE = re.compile(r"^\s*(?:so\s*)?(\d{1,5}[a-z]?)\s*/\s*((?:19|20)\d\d)\s*$")


def _full_match(match: re.Match, original: str) -> DocumentNumber | None:
    number, year, symbol = match.group(1), match.group(2), match.group(3)
    parts = [p.strip() for p in symbol.split("-")]
    start = match.start(3)
    original_symbol = original[start : match.end(3)]
    originals = [p.strip() for p in original_symbol.split("-")]
    if not any(ch.isalpha() for ch in "".join(parts)):
        return None
    if not year and len(parts) < 2:
        return None  # "5/km" is no document number; "2474/QĐ-BHXH" is
    return _build(number.upper(), int(year) if year else None, parts, originals)


def _partial_from(type_code: str, number: str, year: str | None) -> DocumentNumber:
    number = number.upper()
    year_int = int(year) if year else None
    if type_code == "LUAT":
        if year_int and _qh_term(year_int):
            term = _qh_term(year_int)
            return DocumentNumber(f"{number}/{year_int}/{term}", number, year_int, "", term)
        prefix = f"{number}/{year_int}/QH" if year_int else f"{number}/"
        return DocumentNumber(prefix, number, year_int, "", "QH", partial=True)
    if type_code == "NĐ" and year_int:
        return DocumentNumber(f"{number}/{year_int}/NĐ-CP", number, year_int, "NĐ", "CP")
    if year_int:
        head = f"{number}/{year_int}/{type_code}-" if type_code else f"{number}/{year_int}/"
    else:
        head = f"{number}/{type_code}-" if type_code else f"{number}/"
    return DocumentNumber(head, number, year_int, type_code, "", partial=True)


def find_document_numbers(text: str) -> list[tuple[int, int, DocumentNumber]]:
    """Every document number in ``text`` as (start, end, number), offsets in ``normalise(text)``.

    Full numbers ("115/2015/NĐ-CP", "3216/BHXH-TT") and references made of a
    type word and a number ("nghị định 115/2015", "nđ 115/2015").
    """
    original = normalise(text)
    folded = fold(text)
    found: list[tuple[int, int, DocumentNumber]] = []
    for match in _FULL.finditer(folded):
        doc = _full_match(match, original)
        if doc:
            found.append((match.start(), match.end(), doc))
    for match in _PARTIAL.finditer(folded):
        if any(s < match.end() and match.start() < e for s, e, _d in found):
            continue
        type_code = TYPE_WORDS[" ".join(match.group(1).split())]
        found.append((match.start(), match.end(), _partial_from(type_code, match.group(2), match.group(3))))
    return sorted(found, key=lambda item: item[0])


def parse_document_number(text: str) -> DocumentNumber | None:
    """The first document number named in ``text``, or None.

    >>> parse_document_number("nđ 115/2015").canonical
    '115/2015/NĐ-CP'
    >>> parse_document_number("59/2015/tt-bldtbxh").canonical
    '59/2015/TT-BLĐTBXH'
    """
    if not text:
        return None
    text = text[:500]
    found = find_document_numbers(text)
    if found:
        return found[0][2]
    bare = _BARE.match(fold(text))
    if bare:
        return _partial_from("", bare.group(1), bare.group(2))
    return None
