"""bhxh_import_legal_documents: the corpus imports as is; bad files change nothing and say where."""

import io
import unicodedata
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from tests.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory, PolicyAreaFactory
from wagtail_bhxh.importers.base import IMPORT_ACTION
from wagtail_bhxh.models import LegalDocumentPage

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "legal_corpus.json"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/data/legal_corpus.json")

DECREE = {
    "number": "115/2015/NĐ-CP",
    "type": "Nghị định",
    "issuer": "Chính phủ",
    "title": "Nghị định quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
    "issued": "2015-11-11",
    "articles": [
        {"number": "1", "heading": "Điều 1. Phạm vi điều chỉnh", "text": "Nghị định này quy định chi tiết."},
        {"number": "2", "heading": "Điều 2. Đối tượng áp dụng", "text": "Người lao động là công dân Việt Nam."},
    ],
}
LAW = {
    "number": "58/2014/QH13",
    "type": "Luật",
    "issuer": "Quốc hội",
    "title": "Luật Bảo hiểm xã hội",
    "issued": "2014-11-20",
    "articles": [{"number": "1", "heading": "Điều 1. Phạm vi điều chỉnh", "text": "Luật này quy định chế độ."}],
}


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("bhxh_import_legal_documents", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fail(path, *args):
    with pytest.raises(CommandError) as raised:
        run(path, *args)
    return str(raised.value)


@pytest.mark.django_db
@pytest.mark.skipif(not CORPUS.exists(), reason="shared/data/legal_corpus.json is not present")
def test_the_shared_corpus_imports_as_is_and_a_rerun_changes_nothing(documents):
    import json

    records = json.loads(CORPUS.read_text(encoding="utf-8"))
    out, err = run(CORPUS)

    pages = LegalDocumentPage.objects.live().child_of(documents)
    assert pages.count() == len(records) == 20
    assert "20 created and published" in out
    assert "(100%)" in err  # the progress bar reached the end
    decree = pages.get(number="115/2015/NĐ-CP")
    assert decree.document_type == "decree"
    assert decree.issuer == "Chính phủ"
    assert decree.issued_on.isoformat() == "2015-11-11"
    assert decree.title.startswith("Nghị định 115/2015/NĐ-CP: Nghị định quy định chi tiết")
    assert len(decree.articles) == 30
    code = pages.get(number="45/2019/QH14")
    assert code.document_type == "code" and len(code.articles) == 220
    for page in pages:
        assert len(page.title) <= 255
        # The corpus mixes NFC and NFD on purpose; pages store NFC only.
        for article in page.articles:
            assert unicodedata.is_normalized("NFC", article["text"])
    assert PageLogEntry.objects.filter(action=IMPORT_ACTION).count() == 20

    revisions = {page.pk: page.latest_revision_id for page in pages}
    out, _err = run(CORPUS)
    assert "0 created and published, 0 updated, 20 already imported" in out
    assert LegalDocumentPage.objects.count() == 20
    assert {page.pk: page.latest_revision_id for page in LegalDocumentPage.objects.all()} == revisions


@pytest.mark.django_db
def test_imported_documents_are_published_numbers_canonical_and_audit_logged(documents, write_json):
    area = PolicyAreaFactory(name="Bảo hiểm xã hội bắt buộc", slug="bhxh-bat-buoc")
    record = dict(DECREE, number="115/2015/ND-CP", policy_areas=["bhxh-bat-buoc"], signer="Nguyễn Tấn Dũng")
    run(write_json([record, LAW]))

    decree = LegalDocumentPage.objects.get(number="115/2015/NĐ-CP")
    assert decree.live and not decree.has_unpublished_changes
    assert decree.get_parent().pk == documents.pk
    assert decree.slug == "nghi-dinh-115-2015-nd-cp"
    assert decree.summary == DECREE["title"]
    assert list(decree.policy_areas.all()) == [area]
    assert decree.signer == "Nguyễn Tấn Dũng"
    assert decree.first_published_at.date().isoformat() == "2015-11-11"
    assert [a["number"] for a in decree.articles] == ["1", "2"]

    entry = PageLogEntry.objects.get(page=decree, action=IMPORT_ACTION)
    assert entry.data["file"] == "docs.json" and entry.data["line"] == 2 and entry.data["created"]
    assert PageLogEntry.objects.filter(page=decree, action="wagtail.publish").exists()
    assert log_registry.action_exists(IMPORT_ACTION)
    with translation.override("vi"):
        assert str(log_registry.get_action_label(IMPORT_ACTION)) == "Nhập dữ liệu"
        assert str(entry.formatter.format_message(entry)) == "Đã nhập từ tệp docs.json, dòng 2, và xuất bản"
    with translation.override("en"):
        assert str(entry.formatter.format_message(entry)) == "Imported from docs.json, line 2, and published"


@pytest.mark.django_db
def test_a_number_in_another_spelling_finds_the_document_already_on_the_site(documents, write_json):
    existing = LegalDocumentPageFactory(parent=documents, number="115/2015/NĐ-CP", title="Nghị định 115")
    out, _err = run(write_json([dict(DECREE, number="115/2015/nd-cp")]))
    assert "0 created and published, 0 updated, 1 already imported" in out
    assert LegalDocumentPage.objects.get().pk == existing.pk


@pytest.mark.django_db
def test_a_record_with_a_missing_field_names_line_and_field_and_writes_nothing(documents, write_json):
    broken = {key: value for key, value in LAW.items() if key != "issuer"}
    message = fail(write_json([DECREE, broken]))
    assert "Dòng 3, trường “issuer”: bắt buộc phải có." in message
    assert "Line 3, field “issuer”: is required." in message
    assert "Không nhập gì" in message and "Nothing was imported" in message
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.django_db
def test_every_bad_field_is_reported_with_its_line(documents, write_json):
    records = [
        dict(DECREE, issued="11/11/2015"),
        dict(LAW, type="Sắc lệnh"),
        dict(LAW, number="59/2015/TT-BLĐTBXH", articles=[{"number": "1", "heading": "Điều 1."}]),
        dict(LAW, number="1/2020/QH14", status="đang hiệu lực"),
        dict(LAW, number="2/2020/QH14", articles=[{"number": "123456789012345678901", "text": "x"}]),
    ]
    message = fail(write_json(records))
    assert "Line 2, field “issued”: “11/11/2015” is not a date as YYYY-MM-DD." in message
    assert "Line 3, field “type”: unknown document type “Sắc lệnh”" in message
    assert "Line 4, field “articles[0].text”: is required." in message
    assert "Line 5, field “status”: unknown status “đang hiệu lực”" in message
    assert "Line 6, field “articles[0].number”: is 21 characters long; at most 20 are allowed." in message
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.django_db
def test_broken_json_names_the_line(documents, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n{"number": "1/2020/QH14",\n "type": "Luật" "issuer": "Quốc hội"}\n]\n', encoding="utf-8")
    message = fail(path)
    assert "Line 3:" in message and "not valid JSON" in message
    path.write_text('{"number": "1/2020/QH14"}', encoding="utf-8")
    assert "must hold a JSON array" in fail(path)
    assert "cannot read" in fail(tmp_path / "missing.json")


@pytest.mark.django_db
def test_the_same_document_twice_in_a_file_is_refused(documents, write_json):
    message = fail(write_json([DECREE, dict(DECREE, number="115/2015/ND-CP")]))
    assert "Line 3:" in message and "line 2" in message
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.django_db
def test_an_error_found_when_saving_rolls_back_the_documents_before_it(documents, write_json):
    late = dict(LAW, number="38/2013/QH13", effective="2013-01-01", issued="2013-11-16")
    message = fail(write_json([DECREE, LAW, late]))
    assert "Line 4, field “effective”: A document cannot take effect before it is issued." in message
    assert not LegalDocumentPage.objects.exists()
    assert not PageLogEntry.objects.filter(action=IMPORT_ACTION).exists()


@pytest.mark.django_db
def test_update_refreshes_changed_records_but_not_pages_edited_in_the_admin(documents, write_json):
    run(write_json([DECREE, LAW]))
    decree = LegalDocumentPage.objects.get(number="115/2015/NĐ-CP")
    law = LegalDocumentPage.objects.get(number="58/2014/QH13")
    # An editor corrects the law in the admin after the import.
    law.signer = "Nguyễn Sinh Hùng"
    law.save_revision().publish()

    changed_decree = dict(DECREE, issuer="Chính phủ nước CHXHCN Việt Nam")
    changed_law = dict(LAW, title="Luật Bảo hiểm xã hội năm 2014")
    out, _err = run(write_json([changed_decree, changed_law]), "--update", "--verbosity", "2")

    decree.refresh_from_db()
    law.refresh_from_db()
    assert decree.issuer == "Chính phủ nước CHXHCN Việt Nam" and decree.live
    assert law.summary == "Luật Bảo hiểm xã hội" and law.signer == "Nguyễn Sinh Hùng"
    assert "1 updated" in out and "1 left alone" in out
    assert "changed in the admin since it was imported" in out
    entries = PageLogEntry.objects.filter(page=decree, action=IMPORT_ACTION).order_by("timestamp")
    assert [entry.data["created"] for entry in entries] == [True, False]

    out, _err = run(write_json([changed_decree]), "--update")
    assert "0 updated, 1 already imported" in out


@pytest.mark.django_db
def test_a_page_taken_down_is_never_brought_back(documents, write_json):
    run(write_json([DECREE]))
    page = LegalDocumentPage.objects.get()
    page.unpublish()
    out, _err = run(write_json([dict(DECREE, issuer="Chính phủ (sửa)")]), "--update")
    page.refresh_from_db()
    assert not page.live and page.issuer == "Chính phủ"
    assert "1 left alone" in out


@pytest.mark.django_db
def test_parent_is_checked(home, documents, write_json):
    path = write_json([DECREE])
    assert "cannot be created below" in fail(path, "--parent", str(home.pk))
    assert "there is no page with id 999999" in fail(path, "--parent", "999999")
    LegalDocumentIndexPageFactory(parent=home, title="Văn bản khác", slug="van-ban-khac")
    assert "choose one with --parent" in fail(path)
    run(path, "--parent", str(documents.pk))
    assert LegalDocumentPage.objects.get().get_parent().pk == documents.pk


@pytest.mark.django_db
def test_without_a_section_the_command_says_what_to_do(home, write_json):
    message = fail(write_json([DECREE]))
    assert "create one, or give --parent PAGE_ID" in message


@pytest.mark.django_db
def test_unknown_user_and_policy_area_are_refused(documents, write_json):
    path = write_json([dict(DECREE, policy_areas=["khong-co"])])
    assert "there is no user “ghost” (--user)." in fail(path, "--user", "ghost")
    assert "Line 2, field “policy_areas”: there is no policy area “khong-co”" in fail(path)


@pytest.mark.django_db
def test_the_audit_user_must_be_allowed_to_publish(documents, write_json):
    from tests.factories import UserFactory

    path = write_json([DECREE])
    UserFactory(username="ctv")
    assert "“ctv” may not publish below “Văn bản”" in fail(path, "--user", "ctv")
    assert not LegalDocumentPage.objects.exists()
    admin = UserFactory(username="quantri", is_superuser=True)
    run(path, "--user", "quantri")
    page = LegalDocumentPage.objects.get()
    assert PageLogEntry.objects.get(page=page, action=IMPORT_ACTION).user == admin
    assert page.live_revision.user == admin
