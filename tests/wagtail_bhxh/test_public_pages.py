"""What a citizen sees on each page type."""

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time
from wagtail.rich_text import RichText

from tests.factories import (
    ArticlePageFactory,
    BannerFactory,
    DocumentFactory,
    ImageFactory,
    InfographicPageFactory,
    LegalDocumentIndexPageFactory,
    LegalDocumentPageFactory,
    MediaIndexPageFactory,
    NewsIndexPageFactory,
    OrganisationPageFactory,
    PartnerLinkFactory,
    PolicyAreaFactory,
    StandardPageFactory,
    UserFactory,
    VideoPageFactory,
)
from wagtail_bhxh.models import LegalDocumentPage, PageCredit, RelatedPageLink

pytestmark = pytest.mark.django_db


def html(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def news(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức")


def test_article_shows_lead_image_caption_byline_tags_and_share_links(home, news, client):
    area = PolicyAreaFactory(name="Bảo hiểm y tế", short_name="BHYT", slug="bhyt")
    image = ImageFactory(description="")
    article = ArticlePageFactory(
        parent=news,
        title="Dùng thẻ BHYT trên VssID khi khám chữa bệnh",
        intro="Từ tháng 7, người bệnh chỉ cần xuất trình ứng dụng VssID.",
        feature_image=image,
        feature_image_alt="Người dân xuất trình VssID tại quầy tiếp đón",
        feature_image_caption="Bệnh viện tỉnh tiếp đón người bệnh",
        feature_image_credit="Ảnh: Minh Anh",
        source_name="Báo Demo",
        source_url="https://baodemo.vn/bai-viet",
        body=[
            ("paragraph", RichText("<p>Đoạn mở đầu.</p>")),
            ("quote", {"text": "Thủ tục nhanh hơn nhiều.", "attribution": "Bà Lan"}),
        ],
    )
    article.policy_areas.add(area)
    article.tags.add("vssid", "thẻ bhyt")
    PageCredit.objects.create(page=article, role="author", name="Nguyễn Minh Anh")
    PageCredit.objects.create(page=article, role="photographer", user=UserFactory(first_name="Hà", last_name="Trần"))
    article.save()
    content = html(client, article)
    assert "<h1" in content and "Dùng thẻ BHYT trên VssID khi khám chữa bệnh" in content
    assert 'class="article__intro">Từ tháng 7' in content
    assert 'alt="Người dân xuất trình VssID tại quầy tiếp đón"' in content
    assert "Bệnh viện tỉnh tiếp đón người bệnh" in content and "Ảnh: Minh Anh" in content
    assert "Nguyễn Minh Anh, Trần Hà" in content
    assert 'href="https://baodemo.vn/bai-viet"' in content
    assert "?tag=vssid" in content
    assert "facebook.com/sharer" in content and "zalo.me" in content
    assert "Thủ tục nhanh hơn nhiều." in content and "Bà Lan" in content
    assert 'aria-current="page"' in content  # breadcrumb
    assert "BHYT" in content


def test_feature_image_falls_back_to_the_images_description(news, client):
    article = ArticlePageFactory(parent=news, feature_image=ImageFactory(description="Hội nghị đối thoại"))
    assert 'alt="Hội nghị đối thoại"' in html(client, article)


def test_related_pages_are_hand_picked_or_share_a_policy_area(news, client):
    area = PolicyAreaFactory()
    other_area = PolicyAreaFactory()
    article = ArticlePageFactory(parent=news)
    article.policy_areas.add(area)
    article.save()
    same = ArticlePageFactory(parent=news, title="Cùng lĩnh vực")
    same.policy_areas.add(area)
    same.save()
    different = ArticlePageFactory(parent=news, title="Khác lĩnh vực")
    different.policy_areas.add(other_area)
    different.save()
    content = html(client, article)
    assert "Cùng lĩnh vực" in content and "Khác lĩnh vực" not in content

    RelatedPageLink.objects.create(page=article, related_page=different)
    content = html(client, article)
    assert "Khác lĩnh vực" in content


def test_infographic_shows_images_with_alt_and_transcript(home, client):
    media = MediaIndexPageFactory(parent=home)
    infographic = InfographicPageFactory(parent=media, transcript="<p>Mức đóng BHYT hộ gia đình giảm dần.</p>")
    content = html(client, infographic)
    assert 'alt="Bảng mức đóng BHYT"' in content
    assert "Mức đóng BHYT hộ gia đình giảm dần." in content
    assert 'id="transcript-heading"' in content


def test_video_page_plays_an_uploaded_file_with_captions(home, client):
    media = MediaIndexPageFactory(parent=home)
    video = VideoPageFactory(
        parent=media,
        video_url="",
        video_file=DocumentFactory(file__filename="huong-dan.mp4"),
        captions_file=DocumentFactory(file__filename="huong-dan.vtt"),
        poster=ImageFactory(),
        duration_seconds=95,
    )
    content = html(client, video)
    assert "<video controls" in content and 'type="video/mp4"' in content
    assert '<track kind="captions"' in content
    assert "1:35" in content
    assert "Bước 1: tải ứng dụng VssID." in content


def test_video_embed_falls_back_to_a_link_when_the_provider_is_unreachable(home, client, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def unreachable(url, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_embed", unreachable)
    media = MediaIndexPageFactory(parent=home)
    video = VideoPageFactory(parent=media, video_url="https://www.youtube.com/watch?v=abcdefghijk")
    content = html(client, video)
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in content


def test_legal_document_shows_details_status_replacement_and_article_anchors(home, client):
    section = LegalDocumentIndexPageFactory(parent=home)
    new_law = LegalDocumentPageFactory(parent=section, number="41/2024/QH15", document_type="law", issuer="Quốc hội")
    old_law = LegalDocumentPageFactory(
        parent=section,
        number="58/2014/QH13",
        document_type="law",
        issuer="Quốc hội",
        status=LegalDocumentPage.Status.REPLACED,
        attachments=[("attachment", {"document": DocumentFactory(), "title": "Toàn văn (PDF)"})],
    )
    old_law.replaced_by.add(new_law)
    old_law.save()
    content = html(client, old_law)
    assert "58/2014/QH13" in content
    assert "Replaced" in content or "Bị thay thế" in content or "replaced" in content.lower()
    assert f'href="{new_law.url}"' in content
    assert 'id="dieu-1"' in content and 'id="dieu-2"' in content
    assert "Điều 1. Phạm vi điều chỉnh" in content
    assert "Toàn văn (PDF)" in content
    # The replacing document links back.
    assert f'href="{old_law.url}"' in html(client, new_law)


def test_document_status_follows_its_dates():
    today = datetime.date(2026, 11, 24)
    document = LegalDocumentPage(status="in_force", effective_on=datetime.date(2027, 1, 1))
    assert document.current_status(today) == LegalDocumentPage.Status.NOT_YET_IN_FORCE
    document = LegalDocumentPage(status="in_force", expires_on=datetime.date(2025, 12, 31))
    assert document.current_status(today) == LegalDocumentPage.Status.EXPIRED
    document = LegalDocumentPage(status="replaced")
    assert document.current_status(today) == LegalDocumentPage.Status.REPLACED


def test_organisation_page_lists_leaders_and_units_with_contacts(home, client):
    page = OrganisationPageFactory(parent=home)
    content = html(client, page)
    assert "Trần Thị B" in content and "Giám đốc" in content
    assert 'href="tel:02003888999"' in content
    assert 'href="mailto:b@demo.vss.gov.vn"' in content
    assert "Văn phòng" in content


def test_standard_page(home, client):
    page = StandardPageFactory(parent=home)
    assert "Bảo hiểm xã hội tỉnh là cơ quan trực thuộc." in html(client, page)


def test_home_page_shows_highlights_news_media_documents_and_links(home, news, client):
    featured = ArticlePageFactory(parent=news, title="Tin nổi bật của tháng", is_featured=True)
    latest = ArticlePageFactory(parent=news, title="Tin mới nhất")
    deep = ArticlePageFactory(parent=news, title="Bài phân tích chuyên sâu", kind="bai")
    media = MediaIndexPageFactory(parent=home)
    InfographicPageFactory(parent=media, title="Infographic mức đóng")
    documents = LegalDocumentIndexPageFactory(parent=home)
    LegalDocumentPageFactory(parent=documents, number="115/2015/NĐ-CP")
    PartnerLinkFactory(name="Sở Y tế tỉnh Demo")
    content = html(client, home)
    for text in (
        featured.title,
        latest.title,
        deep.title,
        "Infographic mức đóng",
        "115/2015/NĐ-CP",
        "Sở Y tế tỉnh Demo",
    ):
        assert text in content
    # The featured item is not repeated among the latest news.
    assert content.count(featured.title) == 1


def test_banners_show_only_within_their_schedule(home, client):
    now = timezone.now()
    BannerFactory(placement="sidebar", alt_text="Banner đang chạy")
    BannerFactory(placement="sidebar", alt_text="Banner đã hết hạn", ends_at=now - datetime.timedelta(days=1))
    BannerFactory(placement="sidebar", alt_text="Banner chưa bắt đầu", starts_at=now + datetime.timedelta(days=1))
    BannerFactory(placement="sidebar", alt_text="Banner tắt", is_active=False)
    content = html(client, home)
    assert "Banner đang chạy" in content
    assert "Banner đã hết hạn" not in content
    assert "Banner chưa bắt đầu" not in content
    assert "Banner tắt" not in content


def test_a_cached_banner_starts_and_ends_on_its_schedule_without_an_edit(home, client):
    now = timezone.now()
    BannerFactory(
        placement="sidebar",
        alt_text="Banner tăng lương cơ sở",
        starts_at=now + datetime.timedelta(minutes=10),
        ends_at=now + datetime.timedelta(minutes=20),
    )
    # Cached from here on, for longer than the schedule (FRAGMENT_CACHE_SECONDS).
    assert "Banner tăng lương cơ sở" not in html(client, home)
    with freeze_time(now + datetime.timedelta(minutes=11)):
        assert "Banner tăng lương cơ sở" in html(client, home)
    with freeze_time(now + datetime.timedelta(minutes=21)):
        assert "Banner tăng lương cơ sở" not in html(client, home)


def test_home_page_survives_an_image_whose_file_is_gone(home, news, client):
    # A restore without the media folder: the cards and banners show
    # Wagtail's placeholder, as {% image %} does, instead of a 500.
    image = ImageFactory()
    image.file.storage.delete(image.file.name)
    ArticlePageFactory(parent=news, title="Ảnh đã mất tệp", feature_image=image, is_featured=True)
    BannerFactory(placement="sidebar", image=image, alt_text="Banner mất tệp")
    content = html(client, home)
    assert "Ảnh đã mất tệp" in content and "Banner mất tệp" in content


def test_unpublished_pages_are_not_listed_or_served(news, client):
    draft = ArticlePageFactory(parent=news, title="Bản nháp chưa duyệt", live=False)
    assert "Bản nháp chưa duyệt" not in html(client, news)
    assert client.get(draft.url).status_code == 404


def test_rss_feed_lists_latest_articles(news, client):
    ArticlePageFactory(parent=news, title="Tin trong RSS")
    response = client.get("/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Tin trong RSS" in response.content.decode()


def test_pages_are_mobile_ready_and_printable(news, client):
    article = ArticlePageFactory(parent=news)
    content = html(client, article)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in content
    assert 'media="print"' in content
    assert 'class="skip-link" href="#main"' in content
    assert '<html lang="vi">' in content


def test_apps_add_to_public_pages_through_hooks(news, client):
    from django.utils.html import format_html
    from wagtail import hooks

    article = ArticlePageFactory(parent=news)

    def notice(request, page):
        return format_html('<p class="notice">Đính chính cho {}</p>', page.title)

    def unsafe(request, page):
        return "<script>alert(1)</script>"

    with hooks.register_temporarily("bhxh_page_notices", notice), hooks.register_temporarily("bhxh_page_meta", unsafe):
        content = html(client, article)
    assert f'<p class="notice">Đính chính cho {article.title}</p>' in content
    # A hook that returns a plain string is escaped, not trusted.
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
