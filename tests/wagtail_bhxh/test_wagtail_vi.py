"""The suite's Vietnamese catalogue for Wagtail's admin fills gaps and never overrides Wagtail."""

import json
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import wagtail_vi  # noqa: E402

CATALOGUES = [wagtail_vi.TARGET.with_name(f"{domain}.po") for domain in ("django", "djangojs")]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_every_entry_is_translated_and_compiled(path):
    po = polib.pofile(str(path))
    assert len(po) > 10
    assert not [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags]
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(path.with_suffix(".mo")))}
    assert compiled == {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in po}, "run scripts/wagtail_vi.py"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_it_never_replaces_a_translation_wagtail_has(path):
    domain = path.stem
    wagtail_own = wagtail_vi.wagtail_entries("vi", domain)
    overridden = [e.msgid for e in polib.pofile(str(path)) if (e.msgctxt, e.msgid) in wagtail_own]
    assert not overridden


def test_editors_read_wagtail_messages_in_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Images") == "Hình ảnh"
        # Wagtail's own translation is kept.
        assert translation.gettext("Submit for moderation") == "Yêu cầu xem xét"
    with translation.override("en"):
        assert translation.gettext("Save draft") == "Save draft"


def test_the_admin_javascript_catalogue_is_vietnamese(admin_client):
    admin_client.cookies.pop("django_language", None)
    response = admin_client.get("/admin/jsi18n/")
    # "Insert a block", as the catalogue's JSON writes it.
    assert json.dumps("Chèn một khối")[1:-1] in response.content.decode()


def test_a_refused_page_form_says_why_in_vietnamese(admin_client, home):
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    from tests.factories import NewsIndexPageFactory

    admin_client.cookies.pop("django_language", None)
    news = NewsIndexPageFactory(parent=home)
    url = f"/admin/pages/add/wagtail_bhxh/articlepage/{news.pk}/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    data["title"] = ""  # the one field an editor most often forgets
    response = admin_client.post(url, data)
    content = response.content.decode()
    assert "Chưa tạo được trang vì có thông tin chưa hợp lệ." in content
    assert "Đến lỗi đầu tiên" in content
    assert "could not be created" not in content
