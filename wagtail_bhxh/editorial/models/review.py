"""Periodic review: any page can carry a review interval; overdue pages are listed and their owners reminded."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from wagtail_bhxh.models.base import PAGE_MODEL


class PageReviewQuerySet(models.QuerySet):
    def overdue(self, today=None):
        today = today or timezone.localdate()
        return [review for review in self.select_related("page", "owner") if review.due_on < today]


class PageReview(models.Model):
    page = models.OneToOneField(PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    interval_days = models.PositiveSmallIntegerField(
        _("review every (days)"), default=180, validators=[MinValueValidator(1), MaxValueValidator(3650)]
    )
    last_reviewed = models.DateField(_("last reviewed"), default=timezone.localdate)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who is reminded when the review is due. Leave empty for the page's owner."),
    )
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)

    objects = PageReviewQuerySet.as_manager()

    panels = [
        FieldPanel("page"),
        FieldRowPanel([FieldPanel("interval_days"), FieldPanel("last_reviewed")]),
        FieldPanel("owner"),
    ]

    class Meta:
        verbose_name = _("review schedule")
        verbose_name_plural = _("review schedules")
        ordering = ["last_reviewed"]

    def __str__(self):
        return str(self.page) if self.page_id else ""

    @property
    def due_on(self):
        return self.last_reviewed + datetime.timedelta(days=self.interval_days)

    @property
    def responsible(self):
        return self.owner or self.page.owner
