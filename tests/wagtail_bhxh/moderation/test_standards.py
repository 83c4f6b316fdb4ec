"""Content and form standards: the checks, the registry a site extends, and the editor's checks panel."""

import pytest
from django.core.checks import run_checks as run_system_checks
from django.urls import reverse
from wagtail import hooks
from wagtail.rich_text import RichText

from tests.factories import ImageFactory, InfographicPageFactory, LegalDocumentPageFactory, MediaIndexPageFactory
from wagtail_bhxh.models import PageCredit
from wagtail_bhxh.standards import ERROR, WARNING, Check, links, registry, run_checks

from .conftest import GOOD_BODY, GOOD_INTRO, edit_form_data, good_article

pytestmark = pytest.mark.django_db


def codes(report, level=None):
    return sorted({f.check for f in report.findings if level is None or f.level == level})


def test_a_good_article_meets_every_standard(editorial):
    page = good_article(editorial.news, editorial.users.contributor)
    report = run_checks(page.get_latest_revision_as_object())
    assert report.findings == []
    assert report.passed


@pytest.mark.parametrize(
    "changes, check, field, message",
    [
        ({"title": "Hội nghị"}, "title_length", "title", "Tiêu đề quá ngắn (8 ký tự): cần ít nhất 20 ký tự."),
        ({"title": "A" * 151}, "title_length", "title", "Tiêu đề quá dài (151 ký tự): tối đa 150 ký tự."),
        (
            {"title": "BHXH TỈNH TỔ CHỨC HỘI NGHỊ ĐỐI THOẠI VỚI DOANH NGHIỆP"},
            "title_not_all_caps",
            "title",
            "Tiêu đề đang viết hoa toàn bộ",
        ),
        ({"intro": ""}, "lead", "intro", "Sapo đang để trống"),
        (
            {"intro": "Bảo hiểm xã hội (BHXH) tỉnh tổ chức hội nghị."},
            "lead",
            "intro",
            "Sapo có 10 từ: cần từ 20 đến 80 từ.",
        ),
        ({"feature_image": None}, "feature_image", "feature_image", "Ảnh đại diện còn thiếu"),
        ({"feature_image_caption": ""}, "feature_image", "feature_image_caption", "Chú thích ảnh đại diện còn thiếu"),
        ({"feature_image_credit": ""}, "feature_image", "feature_image_credit", "Nguồn ảnh đại diện còn thiếu"),
        (
            {"body": [("paragraph", RichText("<p>Bảo hiểm xã hội tỉnh tổ chức hội nghị.</p>"))]},
            "body_length",
            "body",
            "cần ít nhất 150 từ",
        ),
        (
            {"kind": "bai"},
            "body_length",
            "body",
            "cần ít nhất 600 từ",
        ),
        ({"source_name": "Báo Demo"}, "republished_source", "source_url", "Địa chỉ nguồn còn thiếu"),
        (
            {"intro": GOOD_INTRO.replace("Bảo hiểm xã hội (BHXH)", "BHXH")},
            "abbreviations",
            "intro",
            "Sapo dùng “BHXH” khi chưa viết đầy đủ: lần đầu hãy viết “bảo hiểm xã hội (BHXH)”.",
        ),
        (
            {"body": [("paragraph", RichText(GOOD_BODY.replace("doanh nghiệp.", "doanh nghiệp về TTHC.", 1)))]},
            "abbreviations",
            "body",
            "Nội dung dùng “TTHC” khi chưa viết đầy đủ: lần đầu hãy viết “thủ tục hành chính (TTHC)”.",
        ),
    ],
)
def test_each_standard_names_the_field_in_vietnamese(editorial, changes, check, field, message):
    page = good_article(editorial.news, editorial.users.contributor, **changes)
    report = run_checks(page.get_latest_revision_as_object())
    found = [f for f in report.findings if f.check == check]
    assert found, codes(report)
    assert found[0].field == field
    assert message in found[0].message


def test_missing_author_is_an_error(editorial):
    page = good_article(editorial.news, editorial.users.contributor)
    PageCredit.objects.filter(page=page).delete()
    report = run_checks(page.specific_class.objects.get(pk=page.pk))
    assert codes(report, ERROR) == ["byline"]
    assert report.errors[0].message.startswith("Tác giả và người thực hiện: hãy thêm tác giả")


def test_images_too_narrow_or_too_heavy(editorial, settings):
    narrow = ImageFactory(file__width=400, file__height=300)
    page = good_article(editorial.news, editorial.users.contributor, feature_image=narrow)
    report = run_checks(page)
    assert "rộng 400 điểm ảnh; cần ảnh rộng ít nhất 800 điểm ảnh" in report.errors[0].message
    settings.WAGTAIL_BHXH = {"STANDARDS": {"image_size": {"max_file_size_kb": 1}}}
    heavy = ImageFactory()
    heavy.file_size = 5 * 1024
    page.feature_image = heavy
    assert "nặng 5 KB; hãy nén xuống tối đa 1 KB" in run_checks(page).errors[0].message


def test_links_inside_the_portal_resolve(editorial):
    live = good_article(editorial.news, editorial.users.contributor, live=True, slug="tin-song")
    draft = good_article(editorial.news, editorial.users.contributor, slug="tin-nhap")
    body = GOOD_BODY.replace(
        "</p>",
        f' <a linktype="page" id="{live.pk}">tin</a> <a linktype="page" id="{draft.pk}">nháp</a>'
        ' <a linktype="document" id="99999">văn bản</a></p>',
    )
    page = good_article(editorial.news, editorial.users.contributor, body=[("paragraph", RichText(body))])
    messages = [f.message for f in run_checks(page).findings if f.check == "internal_links"]
    assert messages == [
        f"Nội dung có liên kết tới trang đã xóa hoặc chưa xuất bản (trang {draft.pk}): hãy sửa hoặc bỏ liên kết.",
        "Nội dung có liên kết tới tài liệu không còn tồn tại (tài liệu 99999): hãy sửa hoặc bỏ liên kết.",
    ]


def test_external_links_that_do_not_answer_are_warnings(editorial, monkeypatch):
    monkeypatch.setattr(links, "fetch_status", lambda url, timeout: 404 if "hong" in url else 200)
    monkeypatch.setattr(links, "is_public_http_url", lambda url: True)
    body = GOOD_BODY.replace(
        "</p>", ' <a href="https://example.com/hong">a</a> <a href="https://example.com/tot">b</a></p>'
    )
    page = good_article(editorial.news, editorial.users.contributor, body=[("paragraph", RichText(body))])
    report = run_checks(page)
    assert codes(report, WARNING) == ["external_links"] and not report.errors
    assert "https://example.com/hong" in report.warnings[0].message


def test_link_checker_never_probes_private_networks():
    assert not links.is_public_http_url("http://127.0.0.1:6379/")
    assert not links.is_public_http_url("http://10.0.0.5/admin/")
    assert not links.is_public_http_url("ftp://example.com/file")
    assert links.check_url("http://192.168.1.1/") == links.UNCHECKED


def test_infographics_need_a_transcript(editorial):
    media = MediaIndexPageFactory(parent=editorial.home)
    page = InfographicPageFactory(parent=media, transcript="<p></p>")
    assert "transcript" in codes(run_checks(page), ERROR)


@pytest.mark.parametrize(
    "number, valid",
    [
        ("115/2015/NĐ-CP", True),
        ("3216/BHXH-TT", True),
        ("28/2021/QĐ-TTg", True),
        ("nđ 115/2015", False),
        ("115-2015", False),
    ],
)
def test_legal_document_numbers(editorial, number, valid):
    page = LegalDocumentPageFactory.build(number=number)
    findings = [f for f in run_checks(page).findings if f.check == "legal_document_number"]
    assert (not findings) == valid


class NoExclamation(Check):
    code = "no_exclamation"
    label = "No exclamation marks"
    default_level = WARNING

    def check(self, page, options):
        if "!" in page.title:
            yield "title", f"{self.field_label(page, 'title')} có dấu chấm than."


def test_a_site_adds_reconfigures_and_disables_checks(editorial, settings):
    page = good_article(
        editorial.news, editorial.users.contributor, title="Tham gia BHXH tự nguyện ngay hôm nay!", intro=""
    )
    with hooks.register_temporarily("wagtail_bhxh_standards_checks", lambda: [NoExclamation()]):
        registry._loaded = False
        try:
            report = run_checks(page)
            assert "no_exclamation" in codes(report, WARNING)
            settings.WAGTAIL_BHXH = {"STANDARDS": {"no_exclamation": {"level": "error"}, "lead": {"enabled": False}}}
            report = run_checks(page)
            assert "no_exclamation" in codes(report, ERROR)
            assert "lead" not in codes(report)
        finally:
            registry._checks.pop("no_exclamation", None)
            registry._loaded = True


def test_system_checks_report_a_bad_standards_configuration(settings):
    settings.WAGTAIL_BHXH = {"STANDARDS": {"title_lenght": {}, "lead": {"min_words": "twenty", "level": "fatal"}}}
    errors = [e for e in run_system_checks() if e.id == "wagtail_bhxh.E005"]
    messages = " ".join(e.msg for e in errors)
    assert "unknown check 'title_lenght'" in messages
    assert "lead: level must be one of error, warning" in messages
    assert "lead: min_words must be int" in messages


# --- The page editor's checks panel --------------------------------------------------------


def broken_article(editorial):
    """An article breaking five standards: capitals, lead, image, length, author (and an abbreviation)."""
    page = good_article(
        editorial.news,
        editorial.users.contributor,
        title="BHXH TỈNH TỔ CHỨC HỘI NGHỊ ĐỐI THOẠI VỚI DOANH NGHIỆP",
        intro="",
        feature_image=None,
        body=[("paragraph", RichText("<p>Người dân được hướng dẫn cài đặt ứng dụng BHYT số.</p>"))],
    )
    PageCredit.objects.filter(page=page).delete()
    page.save_revision(user=editorial.users.contributor)
    return page


def test_the_checks_panel_shows_five_broken_standards_in_vietnamese(editorial, as_user):
    page = broken_article(editorial)
    response = as_user(editorial.users.editor).get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Chuẩn nội dung và hình thức" in content
    assert f'data-bhxh-standards-url="{reverse("wagtail_bhxh_standards:page", args=(page.pk,))}"' in content
    assert "5 lỗi, 1 cảnh báo." in content
    for message in [
        "Tiêu đề đang viết hoa toàn bộ: chỉ viết hoa chữ cái đầu câu và danh từ riêng.",
        "Sapo đang để trống: hãy viết một đoạn từ 20 đến 80 từ tóm tắt nội dung.",
        "Ảnh đại diện còn thiếu: hãy chọn ảnh cho tin, bài.",
        "Nội dung có 11 từ: Tin cần ít nhất 150 từ.",
        "Tác giả và người thực hiện: hãy thêm tác giả (chọn cán bộ hoặc nhập tên cộng tác viên bên ngoài).",
        "Nội dung dùng “BHYT” khi chưa viết đầy đủ",
    ]:
        assert message in content, message
    # Inside Wagtail's own "Checks" side panel, above its metrics.
    assert content.index("Chuẩn nội dung và hình thức") < content.index("data-content-word-count")


def test_the_panel_updates_from_the_unsaved_form(editorial, as_user):
    page = broken_article(editorial)
    client = as_user(editorial.users.editor)
    data = edit_form_data(
        client, page, title="Bảo hiểm xã hội tỉnh tổ chức hội nghị đối thoại với doanh nghiệp", intro=GOOD_INTRO
    )
    revisions = page.revisions.count()

    response = client.post(reverse("wagtail_bhxh_standards:page", args=(page.pk,)), data)

    assert response.status_code == 200
    report = response.context["report"]
    assert "title_not_all_caps" not in codes(report) and "lead" not in codes(report)
    assert "feature_image" in codes(report)
    assert page.revisions.count() == revisions  # nothing saved


def test_the_panel_endpoint_checks_permissions(editorial, as_user):
    page = broken_article(editorial)
    other_contributor = editorial.users.accountant
    response = as_user(other_contributor).post(reverse("wagtail_bhxh_standards:page", args=(page.pk,)), {})
    assert response.status_code in (302, 403)
    url = reverse("wagtail_bhxh_standards:new", args=("wagtail_bhxh", "articlepage", editorial.news.pk))
    contributor = as_user(editorial.users.contributor)
    response = contributor.get(url)
    assert response.status_code == 200
    assert "lead" in codes(response.context["report"])
    # Not the editor's form: a clear refusal, not a crash.
    response = contributor.post(url, {"title": "BHXH TỈNH TỔ CHỨC HỘI NGHỊ LỚN NHẤT NĂM"})
    assert response.status_code == 400
    assert as_user(editorial.users.contributor).post(
        reverse("wagtail_bhxh_standards:new", args=("wagtail_bhxh", "articlepage", editorial.home.pk)), {}
    ).status_code in (302, 403)


# --- Images without alt text -------------------------------------------------------------


def test_a_feature_image_without_alt_text_is_an_error(editorial):
    page = good_article(
        editorial.news, editorial.users.contributor, feature_image=ImageFactory(description=""), feature_image_alt=""
    )
    report = run_checks(page.get_latest_revision_as_object())
    (finding,) = [f for f in report.findings if f.field == "feature_image_alt"]
    assert finding.level == ERROR and not report.passed
    assert "còn thiếu: hãy mô tả nội dung ảnh cho người không nhìn thấy ảnh." in finding.message


def image_block(image, alt_text="", decorative=False):
    return ("image", {"image": image, "alt_text": alt_text, "decorative": decorative, "caption": "", "credit": ""})


def test_images_in_the_body_without_alt_text_are_refused(editorial):
    """Imported or older content skips the editor's block validation; the standards check catches it."""
    undescribed = ImageFactory(title="Ảnh hội nghị", description="")
    body = [("paragraph", RichText(GOOD_BODY)), image_block(undescribed)]
    page = good_article(editorial.news, editorial.users.contributor, body=body)
    report = run_checks(page.get_latest_revision_as_object())
    (finding,) = [f for f in report.findings if f.check == "image_alt"]
    assert finding.level == ERROR and finding.field == "body" and not report.passed
    assert finding.message == (
        "Nội dung: ảnh “Ảnh hội nghị” chưa có mô tả thay thế: hãy mô tả ảnh hoặc đánh dấu ảnh chỉ để trang trí."
    )

    # Described in the block, by the image's own description, or marked decorative: accepted.
    for block in (
        image_block(undescribed, alt_text="Đại biểu phát biểu tại hội nghị"),
        image_block(ImageFactory(description="Quang cảnh hội nghị")),
        image_block(undescribed, decorative=True),
    ):
        page = good_article(editorial.news, editorial.users.contributor, body=[body[0], block])
        assert "image_alt" not in codes(run_checks(page.get_latest_revision_as_object()))


def test_infographic_images_without_alt_text_are_refused(editorial):
    media = MediaIndexPageFactory(parent=editorial.news.get_parent())
    infographic = InfographicPageFactory(
        parent=media, images=[("image", {"image": ImageFactory(description=""), "alt_text": "", "caption": ""})]
    )
    assert "image_alt" in codes(run_checks(infographic), ERROR)


def test_the_editor_cannot_save_an_image_block_without_alt_text():
    from django.core.exceptions import ValidationError

    from wagtail_bhxh.blocks import CaptionedImageBlock

    block = CaptionedImageBlock()
    value = block.to_python({"image": None, "alt_text": "", "decorative": False, "caption": "", "credit": ""})
    value["image"] = ImageFactory(description="")
    with pytest.raises(ValidationError) as refused:
        block.clean(value)
    assert "alt_text" in refused.value.block_errors
    value["decorative"] = True
    assert block.clean(value)["decorative"] is True
