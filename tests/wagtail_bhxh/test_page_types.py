"""Where each page type may be created, and what its admin form requires."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from tests.factories import (
    ImageFactory,
    LegalDocumentIndexPageFactory,
    MediaIndexPageFactory,
    NewsIndexPageFactory,
    PortalHomePageFactory,
    VideoPageFactory,
)
from wagtail_bhxh import models


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = PortalHomePageFactory(parent=root, slug="home-rules")

    def test_sections_sit_under_the_home_page(self):
        for model in (
            models.NewsIndexPage,
            models.MediaIndexPage,
            models.LegalDocumentIndexPage,
            models.OrganisationPage,
        ):
            with self.subTest(model=model):
                self.assertCanCreateAt(models.PortalHomePage, model)

    def test_articles_only_in_news_sections(self):
        self.assertAllowedParentPageTypes(models.ArticlePage, {models.NewsIndexPage})
        self.assertCanNotCreateAt(models.PortalHomePage, models.ArticlePage)
        self.assertCanNotCreateAt(models.LegalDocumentIndexPage, models.ArticlePage)

    def test_legal_documents_only_in_their_section(self):
        self.assertAllowedParentPageTypes(models.LegalDocumentPage, {models.LegalDocumentIndexPage})

    def test_media_only_in_media_sections(self):
        self.assertAllowedParentPageTypes(models.InfographicPage, {models.MediaIndexPage})
        self.assertAllowedParentPageTypes(models.VideoPage, {models.MediaIndexPage})

    def test_leaf_pages_have_no_children(self):
        for model in (models.ArticlePage, models.InfographicPage, models.VideoPage, models.LegalDocumentPage):
            with self.subTest(model=model):
                self.assertAllowedSubpageTypes(model, {})

    def test_an_article_can_be_created_through_the_admin_form(self):
        self.login()
        news = NewsIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "Thẻ BHYT điện tử trên VssID",
                "slug": "the-bhyt-dien-tu",
                "kind": "tin",
                "intro": "Người dân có thể dùng thẻ BHYT trên ứng dụng VssID.",
                "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
                "bhxh_credits": inline_formset([{"role": "author", "name": "Phòng Truyền thông"}]),
                "bhxh_related_links": inline_formset([]),
            }
        )
        self.assertCanCreate(news, models.ArticlePage, data)
        article = models.ArticlePage.objects.get(slug="the-bhyt-dien-tu")
        assert article.byline == "Phòng Truyền thông"


@pytest.mark.django_db
class TestModelRules:
    def test_video_needs_an_address_or_a_file(self, home):
        media = MediaIndexPageFactory(parent=home)
        video = VideoPageFactory.build(video_url="")
        video.path, video.depth = "", media.depth + 1
        with pytest.raises(ValidationError) as error:
            video.clean()
        assert "video_url" in error.value.message_dict

    def test_legal_document_dates_must_be_in_order(self, home):
        import datetime

        document = models.LegalDocumentPage(
            title="x",
            number="1/2020/NĐ-CP",
            issuer="Chính phủ",
            issued_on=datetime.date(2020, 5, 1),
            effective_on=datetime.date(2020, 4, 1),
            summary="x",
        )
        with pytest.raises(ValidationError) as error:
            document.clean()
        assert "effective_on" in error.value.message_dict

    def test_mixins_are_abstract_and_defaults_concrete(self):
        for mixin in (models.ArticlePageMixin, models.LegalDocumentPageMixin, models.OrganisationPageMixin):
            assert mixin._meta.abstract
        assert not models.ArticlePage._meta.abstract

    def test_infographic_listing_image_falls_back_to_first_image(self, home):
        from tests.factories import InfographicPageFactory

        media = MediaIndexPageFactory(parent=home)
        infographic = InfographicPageFactory(parent=media)
        assert infographic.listing_image == infographic.images[0].value["image"]
        image = ImageFactory()
        infographic.feature_image = image
        assert infographic.listing_image == image

    def test_legal_documents_section_factory(self, home):
        assert LegalDocumentIndexPageFactory(parent=home).live
