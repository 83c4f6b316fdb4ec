"""Snippets of the portal chrome: partner links and banners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.search import index

from .base import PAGE_MODEL


class PartnerLink(index.Indexed, models.Model):
    """A link to a partner portal: local departments, central agencies."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    group = models.CharField(
        _("group"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Links are shown grouped, e.g. 'Sở, ban, ngành tỉnh'."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("group"), FieldPanel("sort_order")]),
        FieldPanel("is_active"),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("url")]

    class Meta:
        verbose_name = _("partner link")
        verbose_name_plural = _("partner links")
        ordering = ["group", "sort_order", "name"]

    def __str__(self):
        return self.name


class BannerQuerySet(models.QuerySet):
    def current(self, placement=None, now=None):
        """Active banners whose schedule includes ``now``."""
        now = now or timezone.now()
        queryset = self.filter(is_active=True).filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
        )
        if placement:
            queryset = queryset.filter(placement=placement)
        return queryset


class Banner(index.Indexed, models.Model):
    """A scheduled banner: image, animated GIF or short MP4, with a link."""

    class Placement(models.TextChoices):
        HOME_TOP = "home_top", _("Home page, top")
        HOME_MIDDLE = "home_middle", _("Home page, middle")
        SIDEBAR = "sidebar", _("Sidebar")
        FOOTER = "footer", _("Footer")

    title = models.CharField(_("title"), max_length=200, help_text=_("For editors; not shown on the site."))
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image or animated GIF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("video (MP4)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A short, silent motion graphic; it loops without sound."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the banner says or shows, read out by screen readers."),
    )
    link_page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("or link to an address"), blank=True, max_length=500)
    placement = models.CharField(
        _("placement"), max_length=20, choices=Placement.choices, default=Placement.SIDEBAR, db_index=True
    )
    starts_at = models.DateTimeField(_("show from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = BannerQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("video"), FieldPanel("alt_text")], heading=_("Banner")),
        MultiFieldPanel([PageChooserPanel("link_page"), FieldPanel("link_url")], heading=_("Link")),
        FieldRowPanel([FieldPanel("placement"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("is_active"),
    ]

    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.SearchField("alt_text")]

    class Meta:
        verbose_name = _("banner")
        verbose_name_plural = _("banners")
        ordering = ["placement", "sort_order", "-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.image_id and not self.video_id:
            raise ValidationError({"image": _("Choose an image or a video for the banner.")})
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Link to a page or to an address, not both.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    @property
    def href(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url

    @property
    def is_animated_gif(self):
        return bool(self.image_id and self.image.file.name.lower().endswith(".gif"))

    def is_current(self, now=None):
        now = now or timezone.now()
        return (
            self.is_active
            and (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or self.ends_at > now)
        )
