"""bhxh_import_articles: JSON Lines in, published articles out; bad lines change nothing and say where."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry

from tests.factories import PolicyAreaFactory, StandardPageFactory, TopicFactory
from wagtail_bhxh.importers.base import IMPORT_ACTION
from wagtail_bhxh.models import ArticlePage

DEMO_ARTICLES = Path(__file__).resolve().parents[3] / "example_site" / "demo" / "content" / "articles.jsonl"

NEWS = {
    "title": "BHXH tỉnh tổ chức đối thoại chính sách với doanh nghiệp",
    "intro": "Hơn 200 doanh nghiệp tham dự hội nghị đối thoại về chính sách BHXH, BHYT.",
    "body": '<p>Sáng 5/7, <b>BHXH tỉnh</b> tổ chức hội nghị.</p><script>alert(1)</script><p onclick="x()">Đoạn hai.</p>',
    "kind": "tin",
    "published_at": "2026-07-05T09:30:00+07:00",
    "policy_areas": ["bhyt"],
    "topics": ["Chuyển đổi số"],
    "tags": ["đối thoại", "doanh nghiệp"],
    "author": "Trần Văn B",
    "source": "https://baodientu.example.vn/doi-thoai",
}
ARTICLE = {
    "title": "Những điều cần biết về BHXH một lần",
    "intro": "",
    "body": "Người lao động cần cân nhắc kỹ trước khi nhận BHXH một lần.\n\nGiữ thời gian đóng để được hưởng lương hưu.\nĐọc kỹ quy định <mới>.",
    "kind": "bài",
    "published_at": "2026-06-30",
    "source": "Báo Lao Động",
}


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("bhxh_import_articles", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fail(path, *args):
    with pytest.raises(CommandError) as raised:
        run(path, *args)
    return str(raised.value)


@pytest.fixture
def taxonomy(db):
    return PolicyAreaFactory(name="Bảo hiểm y tế", slug="bhyt"), TopicFactory(
        name="Chuyển đổi số", slug="chuyen-doi-so"
    )


@pytest.mark.django_db
def test_articles_are_created_published_and_audit_logged(news, taxonomy, write_jsonl):
    area, topic = taxonomy
    out, err = run(write_jsonl([NEWS, ARTICLE]))
    assert "2 created and published" in out
    assert "[##############################] 2/2 (100%)" in err

    news_item = ArticlePage.objects.get(slug="bhxh-tinh-to-chuc-doi-thoai-chinh-sach-voi-doanh-nghiep")
    assert news_item.live and news_item.get_parent().pk == news.pk
    assert news_item.kind == "tin"
    assert news_item.first_published_at.isoformat() == "2026-07-05T02:30:00+00:00"
    body = str(news_item.body[0].value.source)
    assert "<b>BHXH tỉnh</b>" in body and "Đoạn hai." in body
    assert "script" not in body and "alert" not in body and "onclick" not in body
    assert list(news_item.policy_areas.all()) == [area] and list(news_item.topics.all()) == [topic]
    assert sorted(tag.name for tag in news_item.tags.all()) == ["doanh nghiệp", "đối thoại"]
    assert news_item.byline == "Trần Văn B"
    assert news_item.source_url == NEWS["source"] and news_item.source_name == ""

    article = ArticlePage.objects.get(slug="nhung-dieu-can-biet-ve-bhxh-mot-lan")
    assert article.kind == "bai" and article.source_name == "Báo Lao Động"
    assert str(article.body[0].value.source) == (
        "<p>Người lao động cần cân nhắc kỹ trước khi nhận BHXH một lần.</p>"
        "<p>Giữ thời gian đóng để được hưởng lương hưu.<br/>Đọc kỹ quy định &lt;mới&gt;.</p>"
    )
    entry = PageLogEntry.objects.get(page=article, action=IMPORT_ACTION)
    assert entry.data["line"] == 2 and entry.data["file"] == "articles.jsonl"


@pytest.mark.django_db
def test_a_rerun_finds_each_article_by_its_slug_and_changes_nothing(news, taxonomy, write_jsonl):
    path = write_jsonl([NEWS, ARTICLE])
    run(path)
    revisions = sorted(ArticlePage.objects.values_list("latest_revision_id", flat=True))
    out, _err = run(path)
    assert "0 created and published, 0 updated, 2 already imported" in out
    assert sorted(ArticlePage.objects.values_list("latest_revision_id", flat=True)) == revisions


@pytest.mark.django_db
def test_a_given_slug_keeps_the_key_when_the_title_changes(news, taxonomy, write_jsonl):
    run(write_jsonl([dict(NEWS, slug="doi-thoai-2026")]))
    out, _err = run(write_jsonl([dict(NEWS, slug="doi-thoai-2026", title="Đối thoại chính sách năm 2026")]), "--update")
    page = ArticlePage.objects.get()
    assert page.slug == "doi-thoai-2026" and page.title == "Đối thoại chính sách năm 2026"
    assert "1 updated" in out


@pytest.mark.django_db
def test_bad_lines_are_named_with_their_field_and_nothing_is_written(news, taxonomy, write_jsonl):
    lines = [
        NEWS,
        "",
        dict(ARTICLE, kind="phóng sự"),
        '{"title": "Thiếu dấu đóng"',
        dict(ARTICLE, title="", published_at="hôm qua"),
        dict(ARTICLE, title="Tin có lĩnh vực lạ", policy_areas=["khong-co"], tags="một thẻ"),
        dict(ARTICLE, title="Tin có slug sai", slug="Tin Mới!"),
        dict(ARTICLE, title="Tin có HTML rỗng", body="<script>alert(1)</script>"),
        ["không phải đối tượng"],
        dict(ARTICLE, title="Tin có ký tự lạ\x07"),
    ]
    message = fail(write_jsonl(lines))
    assert "Line 3, field “kind”: “phóng sự” is not a kind; use “tin” (news item) or “bai” (article)." in message
    assert "Dòng 3, trường “kind”: “phóng sự” không phải là loại tin bài" in message
    assert "Line 4: not valid JSON" in message
    assert "Line 5, field “title”: is required." in message
    assert "Line 5, field “published_at”: “hôm qua” is not an ISO 8601 date and time" in message
    assert "Line 6, field “policy_areas”: there is no policy area “khong-co”" in message
    assert "Line 7, field “slug”: “Tin Mới!” is not a slug" in message
    assert "Line 8, field “body”: has no text once HTML the editor does not allow is removed." in message
    assert "Line 9: a record must be a JSON object" in message
    assert "Line 10, field “title”: contains control characters." in message
    assert "Nothing was imported: 9 error(s)." in message
    assert not ArticlePage.objects.exists()


@pytest.mark.django_db
def test_duplicate_and_clashing_slugs_are_refused(home, news, taxonomy, write_jsonl):
    message = fail(write_jsonl([ARTICLE, dict(ARTICLE, intro="Bản sao")]))
    assert "Line 2: the same record as on line 1 (key “nhung-dieu-can-biet-ve-bhxh-mot-lan”)." in message
    StandardPageFactory(parent=news, slug="nhung-dieu-can-biet-ve-bhxh-mot-lan", title="Trang giới thiệu")
    message = fail(write_jsonl([NEWS, ARTICLE]))
    assert (
        "Line 2, field “slug”: the address “nhung-dieu-can-biet-ve-bhxh-mot-lan” below the parent page is already used"
        in message
    )
    assert not ArticlePage.objects.exists()


@pytest.mark.django_db
def test_an_empty_file_is_an_error(news, tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert "the file holds no records." in fail(path)
    path.write_bytes("Tiêu đề".encode("utf-16"))
    assert "the file is not UTF-8 text." in fail(path)


@pytest.mark.django_db
@pytest.mark.skipif(not DEMO_ARTICLES.exists(), reason="demo content is not present")
def test_the_demo_articles_file_imports(news, write_jsonl):
    records = [json.loads(line) for line in DEMO_ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    areas = {slug for record in records for slug in record.get("policy_areas", [])}
    topics = {slug for record in records for slug in record.get("topics", [])}
    for slug in areas:
        PolicyAreaFactory(slug=slug, name=slug)
    for slug in topics:
        TopicFactory(slug=slug, name=slug)
    out, _err = run(DEMO_ARTICLES, "--parent", str(news.pk))
    assert f"{len(records)} created and published" in out
    assert ArticlePage.objects.live().count() == len(records)
