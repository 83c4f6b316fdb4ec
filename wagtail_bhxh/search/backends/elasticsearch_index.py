"""The Elasticsearch index of the portal: analysis mirroring :mod:`wagtail_bhxh.search.vietnamese`, and mappings.

No ICU plugin is needed. The analysis chain, step by step against the
Python module:

===========================  ===================================================
``vietnamese.py``            index settings
===========================  ===================================================
``normalise``: NFC           ``bhxh_nfc`` mapping char filter: every decomposed
                             or half-composed spelling of a Vietnamese letter
                             (``a`` + ◌̂ + ◌̣, ``â`` + ◌̣, ``ạ`` + ◌̂) → ``ậ``
``normalise``: tone          ``bhxh_tone`` mapping char filter: ``oà`` → ``òa``,
placement                    ``oẻ`` → ``ỏe``, ``uỷ`` → ``ủy`` (all tones, all
                             cases), on index and query text alike
``tokenize``: ``\\w+``         ``bhxh_words`` pattern tokenizer, splitting on
                             what is not a letter or a digit
``MAX_TOKEN_LENGTH`` (40)    ``bhxh_length`` filter
``fold``                     ``lowercase`` then ``asciifolding`` (đ → d);
                             indexed with ``preserve_original`` so a word
                             typed with its diacritics earns a bonus
``expand`` + abbreviations   ``bhxh_synonyms`` ``synonym_graph`` at query time,
                             from the same files (``synonym_groups()``)
``parse_document_number``    ``number`` keyword (canonical) with a folded
                             subfield, and ``number_key`` (the folded key)
===========================  ===================================================

The Python rule moves a tone only in open syllables ending in oa/oe/uy (not
after q); the char filter moves it wherever the pair occurs. Both index and
query text pass through it, so every pair of spellings Python makes equal is
equal here too, and the few extra equalities ("hoàng"/"hòang") join only
misspellings.
"""

from __future__ import annotations

import itertools
import unicodedata

from elasticsearch.dsl import Index, Keyword, Mapping, analyzer, char_filter, normalizer, token_filter, tokenizer

from ..vietnamese import MAX_TOKEN_LENGTH, synonym_groups

#: An offset paging reaches every hit of the portal (the API caps one page at 100).
MAX_RESULT_WINDOW = 1_000_000
#: Shortest and longest prefixes indexed for autocomplete.
AUTOCOMPLETE_MIN_GRAM = 1
AUTOCOMPLETE_MAX_GRAM = 20

VOWELS_WITH_TONES = "aăâeêioôơuưy"
TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
#: Vowel pairs whose tone Python's normalise() moves to the first vowel.
MOVABLE_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))


def _escape(text: str) -> str:
    """A mapping rule side with every non-ASCII character as \\uXXXX (combining marks stay readable)."""
    return "".join(char if char.isascii() and char.isalnum() else f"\\u{ord(char):04x}" for char in text)


def vietnamese_letters() -> list[str]:
    """Every precomposed Vietnamese letter with a diacritic, lower and upper case."""
    letters = []
    for base in VOWELS_WITH_TONES:
        for tone in ("", *TONE_MARKS):
            letter = unicodedata.normalize("NFC", base + tone)
            if len(letter) == 1 and not letter.isascii():
                letters.append(letter)
    letters.append("đ")
    return letters + [letter.upper() for letter in letters]


def nfc_mappings() -> list[str]:
    """Mapping rules composing every spelling of a Vietnamese letter that is not already NFC."""
    rules = {}
    for letter in vietnamese_letters():
        decomposed = unicodedata.normalize("NFD", letter)
        base, marks = decomposed[0], decomposed[1:]
        if not marks:
            continue
        spellings = set()
        for order in itertools.permutations(marks):
            spellings.add(base + "".join(order))
            # Half-composed: the base with one mark composed, the other mark combining.
            for split in range(1, len(order)):
                head = unicodedata.normalize("NFC", base + "".join(order[:split]))
                if len(head) == 1:
                    spellings.add(head + "".join(order[split:]))
        for spelling in spellings:
            if spelling != letter:
                rules[spelling] = letter
    return [f"{_escape(source)} => {_escape(target)}" for source, target in sorted(rules.items())]


def tone_mappings() -> list[str]:
    """Mapping rules moving the tone of oa/oe/uy to the first vowel (``oà`` → ``òa``), every case."""
    rules = []
    for first, second in MOVABLE_PAIRS:
        for tone in TONE_MARKS:
            for upper_first, upper_second in itertools.product((False, True), repeat=2):
                f = first.upper() if upper_first else first
                s = second.upper() if upper_second else second
                source = f + unicodedata.normalize("NFC", s + tone)
                target = unicodedata.normalize("NFC", f + tone) + s
                rules.append(f"{source} => {target}")
    return rules


NFC = char_filter("bhxh_nfc", "mapping", mappings=nfc_mappings())
TONE = char_filter("bhxh_tone", "mapping", mappings=tone_mappings())
WORDS = tokenizer("bhxh_words", "pattern", pattern=r"[^\p{L}\p{N}]+")
LENGTH = token_filter("bhxh_length", "length", min=1, max=MAX_TOKEN_LENGTH)
FOLD_KEEP = token_filter("bhxh_fold_keep", "asciifolding", preserve_original=True)
FOLD = token_filter("bhxh_fold", "asciifolding", preserve_original=False)
PREFIXES = token_filter("bhxh_prefixes", "edge_ngram", min_gram=AUTOCOMPLETE_MIN_GRAM, max_gram=AUTOCOMPLETE_MAX_GRAM)
CHAR_FILTERS = [NFC, TONE]


def synonyms_filter():
    """``synonym_graph`` built from the abbreviation files, read when the index is created."""
    return token_filter(
        "bhxh_synonyms",
        "synonym_graph",
        synonyms=[", ".join(group) for group in synonym_groups()],
        lenient=True,
    )


def analyzers() -> dict:
    """The analyzers of the index by name; the first is the index-time analyzer of text fields."""
    return {
        # Index time: both the word as written and folded, at the same position.
        "bhxh_vi": analyzer(
            "bhxh_vi", tokenizer=WORDS, char_filter=CHAR_FILTERS, filter=["lowercase", LENGTH, FOLD_KEEP]
        ),
        # Query time: folded, abbreviations expanded both ways.
        "bhxh_vi_search": analyzer(
            "bhxh_vi_search",
            tokenizer=WORDS,
            char_filter=CHAR_FILTERS,
            filter=["lowercase", LENGTH, FOLD, synonyms_filter()],
        ),
        # Query time, accent bonus: words as typed (only the unfolded tokens match).
        "bhxh_vi_exact": analyzer(
            "bhxh_vi_exact", tokenizer=WORDS, char_filter=CHAR_FILTERS, filter=["lowercase", LENGTH]
        ),
        # Query time, autocomplete: folded, no synonyms.
        "bhxh_vi_folded": analyzer(
            "bhxh_vi_folded", tokenizer=WORDS, char_filter=CHAR_FILTERS, filter=["lowercase", LENGTH, FOLD]
        ),
        # Index time, autocomplete: every prefix of every folded word.
        "bhxh_autocomplete": analyzer(
            "bhxh_autocomplete",
            tokenizer=WORDS,
            char_filter=CHAR_FILTERS,
            filter=["lowercase", LENGTH, FOLD, PREFIXES],
        ),
    }


FOLDED_KEYWORD = normalizer("bhxh_folded_keyword", char_filter=CHAR_FILTERS, filter=["lowercase", "asciifolding"])


def mapping() -> Mapping:
    text = {
        "analyzer": "bhxh_vi",
        "search_analyzer": "bhxh_vi_search",
        "index_options": "offsets",
        "copy_to": "all_text",
    }
    m = Mapping()
    m.meta("dynamic", "strict")
    m.field("id", "integer")
    m.field("type", "keyword")
    m.field(
        "title",
        "text",
        fields={"autocomplete": {"type": "text", "analyzer": "bhxh_autocomplete", "search_analyzer": "bhxh_vi_folded"}},
        **text,
    )
    m.field("intro", "text", **text)
    m.field("body", "text", **text)
    m.field("all_text", "text", analyzer="bhxh_vi", search_analyzer="bhxh_vi_search", index_options="offsets")
    m.field(
        "number",
        "keyword",
        copy_to="all_text",
        fields={"folded": Keyword(normalizer=FOLDED_KEYWORD)},
    )
    m.field("number_key", "keyword")
    m.field("date", "date", format="strict_date")
    m.field("policy_areas", "integer")
    m.field("topics", "integer")
    m.field("doc_type", "keyword")
    m.field("issuer", "keyword")
    m.field("year", "integer")
    m.field("status", "keyword")
    m.field("url_path", "keyword", index=False)
    m.field("url", "keyword", index=False)
    m.field("locale", "keyword")
    return m


def index_definition(name: str) -> Index:
    """The index ``name`` with its settings, analysis and mappings (``.to_dict()`` is the create body)."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        auto_expand_replicas="0-1",
        max_result_window=MAX_RESULT_WINDOW,
    )
    for definition in analyzers().values():
        index.analyzer(definition)
    index.mapping(mapping())
    return index


def index_body(name: str) -> dict:
    """``{"settings": …, "mappings": …}`` for creating the index ``name``."""
    return index_definition(name).to_dict()
