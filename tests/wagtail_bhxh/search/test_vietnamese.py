"""The Vietnamese analysis every backend relies on."""

import unicodedata

import pytest
from django.test import override_settings

from wagtail_bhxh.search.vietnamese import (
    analyse,
    concept_key,
    concept_keys,
    expand,
    find_document_numbers,
    fold,
    normalise,
    parse_document_number,
    synonym_groups,
    synonyms_fingerprint,
    tokenize,
)


@pytest.mark.parametrize(
    ("old", "new"),
    [("khoẻ", "khỏe"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("Hoà Bình", "Hòa Bình"), ("THUỶ", "THỦY"), ("tuỳ", "tùy")],
)
def test_old_and_new_tone_placement_are_the_same(old, new):
    assert normalise(old) == normalise(new) == new


@pytest.mark.parametrize("word", ["quý", "quỳ", "hoàn", "khuyến", "thuế", "hoặc"])
def test_tone_marks_that_must_not_move_stay(word):
    assert normalise(word) == word


def test_nfd_text_is_composed():
    decomposed = unicodedata.normalize("NFD", "Bảo hiểm xã hội")
    assert decomposed != "Bảo hiểm xã hội"
    assert normalise(decomposed) == "Bảo hiểm xã hội"


def test_folding_strips_diacritics_including_d_and_keeps_length():
    assert fold("Đăng ký BHXH tự nguyện") == "dang ky bhxh tu nguyen"
    for text in ["Sức khoẻ người lao động", unicodedata.normalize("NFD", "Điều 49. Điều kiện")]:
        assert len(fold(text)) == len(normalise(text))


def test_tokens_with_and_without_diacritics():
    assert tokenize("Thẻ BHYT, bảo hiểm y tế!") == ["thẻ", "bhyt", "bảo", "hiểm", "y", "tế"]
    assert analyse("Thẻ BHYT, bảo hiểm y tế!") == ["the", "bhyt", "bao", "hiem", "y", "te"]
    assert analyse("x" * 41 + " ok") == ["ok"]


def test_abbreviations_expand_both_ways():
    assert expand(["the", "bhyt"]) == [(("the",),), (("bhyt",), ("bao", "hiem", "y", "te"))]
    (concept,) = expand(analyse("bảo hiểm y tế"))
    assert ("bhyt",) in concept
    (concept,) = expand(analyse("nld"))
    assert ("nguoi", "lao", "dong") in concept
    assert ("bhtnld", "bnn") in dict.fromkeys(alt for c in expand(analyse("BHTNLĐ-BNN")) for alt in c)


def test_site_synonym_files_extend_the_groups(tmp_path):
    extra = tmp_path / "synonyms.txt"
    extra.write_text("# our own\nTTPVHCC, trung tâm phục vụ hành chính công\n", encoding="utf-8")
    with override_settings(WAGTAIL_BHXH={"SEARCH_SYNONYMS_FILES": [str(extra)]}):
        assert ("ttpvhcc", "trung tam phuc vu hanh chinh cong") in synonym_groups()
        (concept,) = expand(["ttpvhcc"])
        assert ("trung", "tam", "phuc", "vu", "hanh", "chinh", "cong") in concept
    assert expand(["ttpvhcc"]) == [(("ttpvhcc",),)]


def test_one_key_stands_for_every_wording_of_a_concept():
    """What the query "thẻ BHYT" asks for is found in a text by its key, whichever wording it uses."""
    (short,) = [c for c in expand(analyse("bhyt")) if len(c) > 1]
    (long,) = expand(analyse("bảo hiểm y tế"))
    key = concept_key(short)
    assert key == concept_key(long) and key.isalpha() and key.isascii()
    assert concept_key(expand(["the"])[0]) is None  # a plain word is matched as itself
    assert key in concept_keys(analyse("Gia hạn thẻ bảo hiểm y tế cho học sinh"))
    assert key in concept_keys(analyse("Thẻ BHYT điện tử"))
    assert key not in concept_keys(analyse("Bảo hiểm xã hội và y tế cơ sở"))  # the words, not the phrase


def test_a_text_carries_the_key_of_every_concept_it_satisfies():
    # "bảo hiểm xã hội một lần" is both the BHXH concept and the "BHXH một lần" one.
    keys = concept_keys(analyse("Hưởng bảo hiểm xã hội một lần"))
    (one_time,) = expand(analyse("bhxh mot lan"))
    (insurance,) = expand(analyse("bhxh"))
    assert set(keys) >= {concept_key(one_time), concept_key(insurance)}


def test_site_synonyms_change_the_fingerprint(tmp_path):
    extra = tmp_path / "synonyms.txt"
    extra.write_text("TTPVHCC, trung tâm phục vụ hành chính công\n", encoding="utf-8")
    before = synonyms_fingerprint()
    with override_settings(WAGTAIL_BHXH={"SEARCH_SYNONYMS_FILES": [str(extra)]}):
        assert synonyms_fingerprint() != before
        (concept,) = expand(["ttpvhcc"])
        assert concept_keys(analyse("Trung tâm phục vụ hành chính công tỉnh")) == [concept_key(concept)]
    assert synonyms_fingerprint() == before


@pytest.mark.parametrize(
    "spelling",
    [
        "115/2015/NĐ-CP",
        "115/2015/ND-CP",
        "115/2015/nd-cp",
        "nđ 115/2015",
        "ND 115/2015",
        "nghị định 115/2015",
        "nghi dinh so 115/2015",
        "Nghị định số 115/2015/NĐ-CP",
        "115 / 2015 / NĐ - CP",
        unicodedata.normalize("NFD", "115/2015/NĐ-CP"),
    ],
)
def test_decree_number_in_every_spelling(spelling):
    number = parse_document_number(spelling)
    assert number.canonical == "115/2015/NĐ-CP"
    assert (number.number, number.year, number.doc_type, number.issuer) == ("115", 2015, "NĐ", "CP")
    assert number.folded_key == "115/2015/nd-cp" and not number.partial


@pytest.mark.parametrize(
    ("text", "canonical", "doc_type", "issuer", "year"),
    [
        ("3216/BHXH-TT", "3216/BHXH-TT", "", "BHXH-TT", None),
        ("2474/QĐ-BHXH", "2474/QĐ-BHXH", "QĐ", "BHXH", None),
        ("2474/qd-bhxh", "2474/QĐ-BHXH", "QĐ", "BHXH", None),
        ("58/2014/QH13", "58/2014/QH13", "", "QH13", 2014),
        ("luật 58/2014", "58/2014/QH13", "", "QH13", 2014),
        ("59/2015/TT-BLĐTBXH", "59/2015/TT-BLĐTBXH", "TT", "BLĐTBXH", 2015),
        ("59/2015/tt-bldtbxh", "59/2015/TT-BLĐTBXH", "TT", "BLĐTBXH", 2015),
        ("28/2021/QĐ-TTg", "28/2021/QĐ-TTg", "QĐ", "TTg", 2021),
    ],
)
def test_other_document_numbers(text, canonical, doc_type, issuer, year):
    number = parse_document_number(text)
    assert (number.canonical, number.doc_type, number.issuer, number.year) == (canonical, doc_type, issuer, year)


def test_partial_references_match_by_prefix():
    number = parse_document_number("thông tư 59/2015")
    assert number.partial and number.matches("59/2015/tt-bldtbxh") and not number.matches("59/2016/tt-bldtbxh")
    assert parse_document_number("115/2015").matches("115/2015/nd-cp")
    decree = parse_document_number("nghị định số 115")
    assert decree.matches("115/2015/nd-cp") and decree.matches("115/nd-cp") and not decree.matches("1150/2015/nd-cp")
    assert not decree.matches("115/2015/tt-byt")


@pytest.mark.parametrize("text", ["ngày 20/11/2014", "5/km", "xin chào", "", "1/2 lít", "Điều 5"])
def test_things_that_are_not_document_numbers(text):
    assert parse_document_number(text) is None


def test_find_numbers_in_running_text():
    text = "Căn cứ Nghị định số 115/2015/NĐ-CP và Luật số 58/2014/QH13 ngày 20/11/2014"
    found = find_document_numbers(text)
    assert [n.canonical for _s, _e, n in found] == ["115/2015/NĐ-CP", "58/2014/QH13"]
    start, end, _n = found[0]
    assert normalise(text)[start:end].endswith("115/2015/NĐ-CP")
