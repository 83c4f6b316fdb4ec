"""Page types a province's developers might write by extending the suite's."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from wagtail_bhxh.models import ArticlePage, ArticlePageMixin


class ProvinceArticlePage(ArticlePage):
    """Subclass of the concrete default, adding a field and no template."""

    district = models.CharField(max_length=100, blank=True)

    content_panels = ArticlePage.content_panels + [FieldPanel("district")]


class MixinArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("testapp.MixinArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class MixinArticlePage(ArticlePageMixin, Page):
    """The mixin on a base page model of the site's choosing."""

    tags = ClusterTaggableManager(through=MixinArticlePageTag, blank=True)
    template = "testapp/mixin_article_page.html"
