"""Quarterly model articles nominated to the central portal's editorial board (Dispatch 3216, item 5)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_bhxh.models.base import PAGE_MODEL


def quarter_of(date):
    return (date.month - 1) // 3 + 1


class NominationQuerySet(models.QuerySet):
    def in_quarter(self, year, quarter):
        return self.filter(year=year, quarter=quarter)

    def sent(self):
        return self.filter(status=Nomination.Status.SENT)


class Nomination(models.Model):
    """An article an editor proposes as a model example; the head approves; then it is emailed once."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Awaiting the head's approval")
        APPROVED = "approved", _("Approved, not sent yet")
        REJECTED = "rejected", _("Not approved")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Sending failed (to retry)")

    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("article"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_title = models.CharField(_("article title"), max_length=255)
    note = models.TextField(_("note"), help_text=_("Why this article is a model example (sent with it)."))
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("nominated by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominated_at = models.DateTimeField(_("nominated at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(_("message ID"), max_length=255, blank=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("model article nomination")
        verbose_name_plural = _("model article nominations")
        ordering = ["-year", "-quarter", "-nominated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "year", "quarter"],
                condition=~models.Q(status="rejected"),
                name="bhxh_unique_nomination_per_quarter",
            )
        ]

    def __str__(self):
        return self.page_title

    @property
    def quarter_label(self):
        return _("Q%(quarter)s/%(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def can_send(self):
        return self.status in (self.Status.APPROVED, self.Status.FAILED)


class NominationDelivery(models.Model):
    """One attempt to email a nomination: when, to whom, the Message-ID and the result."""

    class Result(models.TextChoices):
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="deliveries")
    attempted_at = models.DateTimeField(_("attempted at"), default=timezone.now)
    attempted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipient = models.CharField(_("recipient"), max_length=254)
    message_id = models.CharField(_("message ID"), max_length=255)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("nomination delivery")
        verbose_name_plural = _("nomination deliveries")
        ordering = ["-attempted_at", "-pk"]

    def __str__(self):
        return f"{self.nomination} {self.attempted_at:%d/%m/%Y %H:%M} {self.get_result_display()}"
