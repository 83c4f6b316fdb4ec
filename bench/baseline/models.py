from django.core.paginator import Paginator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page


class BaselineIndexPage(Page):
    """Lists its children newest first, 12 a page, as the Wagtail tutorial's blog index does."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = (
            BaselineArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("feature_image")
            .order_by("-first_published_at")
        )
        context["items"] = Paginator(children, 12).get_page(request.GET.get("page"))
        return context


class BaselineArticlePage(Page):
    """A plain page with a lead, a feature image and a StreamField body."""

    intro = models.TextField(blank=True)
    feature_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(
        [("paragraph", blocks.RichTextBlock()), ("image", ImageChooserBlock())],
        blank=True,
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("feature_image"), FieldPanel("body")]
