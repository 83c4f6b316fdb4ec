"""The last check of each partner link (``manage.py bhxh_check_partner_links``), for the compliance page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerLinkCheck(models.Model):
    link = models.OneToOneField(
        "wagtail_bhxh.PartnerLink", verbose_name=_("partner link"), on_delete=models.CASCADE, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked at"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    ok = models.BooleanField(_("answers"), default=False)

    class Meta:
        verbose_name = _("partner link check")
        verbose_name_plural = _("partner link checks")

    def __str__(self):
        return f"{self.link_id}: {self.status_code or '—'}"
