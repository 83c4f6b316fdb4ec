"""Snippets: the passage of a hit that shows what was asked for, found without folding a whole legal code."""

from wagtail_bhxh.search.query import SCAN_CHUNK, AnalysedQuery, snippet

FILLER = "Nội dung khác của văn bản quy định chung. " * 100  # about 4,200 characters (more than a chunk), no query word


def _snippet(text, query, **kwargs):
    plan = AnalysedQuery.parse(query)
    return snippet([text], plan.terms, concepts=plan.concepts, **kwargs)


def test_passage_deep_in_a_long_text_is_found():
    text = FILLER + "Người lao động được hưởng trợ cấp thất nghiệp khi đủ điều kiện. " + FILLER
    shown = _snippet(text, "tro cap that nghiep")
    assert "<mark>trợ</mark> <mark>cấp</mark> <mark>thất</mark> <mark>nghiệp</mark>" in shown
    assert shown.startswith("… ") and shown.endswith(" …")


def test_a_passage_with_every_word_wins_over_an_earlier_one_with_some():
    text = "Trợ cấp một lần. " + FILLER + "Mức trợ cấp thất nghiệp hằng tháng bằng 60%. " + FILLER
    shown = _snippet(text, "tro cap that nghiep")
    assert "<mark>thất</mark> <mark>nghiệp</mark> hằng tháng" in shown


def test_the_first_passage_with_every_word_is_shown():
    text = "Hồ sơ hưởng trợ cấp thất nghiệp gồm đơn đề nghị. " + FILLER + "Trợ cấp thất nghiệp và học nghề."
    shown = _snippet(text, "tro cap that nghiep")
    assert "Hồ sơ hưởng" in shown and "học nghề" not in shown


def test_abbreviation_or_expansion_satisfies_the_passage():
    text = "Thẻ căn cước. " + FILLER + "Cấp lại thẻ bảo hiểm y tế khi bị mất. " + FILLER
    assert "<mark>thẻ</mark> <mark>bảo</mark> <mark>hiểm</mark> <mark>y</mark> <mark>tế</mark>" in _snippet(
        text, "the bhyt"
    )


def test_a_word_across_two_chunks_is_not_cut():
    text = "x " * ((SCAN_CHUNK - 3) // 2) + "thất nghiệp"
    assert text.index("thất") < SCAN_CHUNK < text.index("thất") + len("thất nghiệp")
    assert "<mark>thất</mark> <mark>nghiệp</mark>" in _snippet(text, "that nghiep")


def test_text_past_the_scanned_length_falls_back_to_the_start():
    text = FILLER + "trợ cấp thất nghiệp"
    shown = _snippet(text, "tro cap that nghiep", scan=len(FILLER) - 100)
    assert "<mark>" not in shown and shown.startswith("Nội dung khác")
