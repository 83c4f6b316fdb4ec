"""Visitor statistics: raw daily visits, sealed daily totals.

Two layers:

- :class:`Visit` is the raw data: one row per visitor, page and day, holding a
  daily pseudonym (a keyed hash whose key is thrown away after the day), the
  number of counted views and when the visitor was last seen. Each beacon
  updates only its own visitor's row, so concurrent visitors never wait for
  each other. Rows are deleted ``ANALYTICS_RETENTION_DAYS`` after their day
  is sealed.
- :class:`SiteDailyStats` and :class:`PageDailyStats` are a closed day's
  totals, written once by ``manage.py bhxh_aggregate_stats``; each site's
  days form a hash chain (:mod:`.sealing`) that ``manage.py
  bhxh_verify_stats`` checks. Nothing in the suite edits them.

Relations to pages and sites keep their id when the page or site is deleted
(no database constraint, no cascade): statistics outlive what they count.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..models.base import PAGE_MODEL


def _kept_relation(to, verbose_name):
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )


class Visit(models.Model):
    """One visitor's counted views of one page on one day (raw data)."""

    day = models.DateField(_("day"))
    site = _kept_relation(Site, _("site"))
    page = _kept_relation(PAGE_MODEL, _("page"))
    #: First 8 bytes of a keyed BLAKE2b hash of (address, user agent) under
    #: the day's salt, as a signed 64-bit integer.
    visitor = models.BigIntegerField(_("visitor pseudonym"))
    views = models.PositiveIntegerField(_("views"), default=1)
    last_counted_at = models.DateTimeField(_("last counted"))
    last_seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["day", "page", "visitor"], name="bhxh_analytics_visit_unique"),
        ]
        indexes = [models.Index(fields=["site", "day"], name="bhxh_analytics_visit_site_day")]

    def __str__(self):
        return f"{self.day} page {self.page_id}: {self.views}"


class SiteDailyStats(models.Model):
    """A site's sealed totals for one closed day."""

    site = _kept_relation(Site, _("site"))
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"))
    visitors = models.PositiveIntegerField(
        _("visitors"), help_text=_("Distinct visitors of the day (a person returning another day counts again).")
    )
    pages = models.PositiveIntegerField(_("pages viewed"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    sealed_at = models.DateTimeField(_("sealed at"))
    previous_seal = models.CharField(_("previous day's seal"), max_length=64, blank=True)
    seal = models.CharField(_("seal"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("daily site statistics")
        verbose_name_plural = _("daily site statistics")
        default_permissions = ()
        permissions = [("view_visitor_statistics", _("Can view visitor statistics"))]
        constraints = [models.UniqueConstraint(fields=["site", "day"], name="bhxh_analytics_site_day_unique")]
        ordering = ["site_id", "day"]

    def __str__(self):
        return f"{self.day}: {self.views}"


class PageDailyStats(models.Model):
    """A page's sealed totals for one closed day (only pages with views)."""

    site = _kept_relation(Site, _("site"))
    day = models.DateField(_("day"))
    page = _kept_relation(PAGE_MODEL, _("page"))
    content_type = _kept_relation(ContentType, _("content type"))
    views = models.PositiveIntegerField(_("views"))
    visitors = models.PositiveIntegerField(_("visitors"))

    class Meta:
        verbose_name = _("daily page statistics")
        verbose_name_plural = _("daily page statistics")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["site", "day", "page"], name="bhxh_analytics_page_day_unique"),
        ]
        indexes = [models.Index(fields=["page", "day"], name="bhxh_analytics_page_day")]

    def __str__(self):
        return f"{self.day} page {self.page_id}: {self.views}"
