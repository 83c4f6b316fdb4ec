"""Takedown requests (gỡ tin) and the notices shown on public pages (corrections, withdrawals)."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .base import PAGE_MODEL


def evidence_upload_to(instance, filename):
    # An unguessable name: evidence may be confidential, and it is served only
    # through a permission-checked admin view.
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"bhxh/takedown-evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class TakedownRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=TakedownRequest.Status.PENDING)

    def carried_out(self):
        return self.filter(status=TakedownRequest.Status.APPROVED)


class TakedownRequest(models.Model):
    """A request to take a published page down, decided by the head of the editorial board."""

    class Reason(models.TextChoices):
        INACCURATE = "inaccurate", _("Inaccurate information")
        EXPIRED = "expired", _("No longer valid (expired)")
        AUTHORITY = "authority", _("Request of a competent authority")
        COPYRIGHT = "copyright", _("Copyright")
        CONFIDENTIAL = "confidential", _("Confidentiality")
        OTHER = "other", _("Other")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Normal")
        URGENT = "urgent", _("Urgent (within the day)")
        IMMEDIATE = "immediate", _("Immediate")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting the head's decision")
        APPROVED = "approved", _("Approved and carried out")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Withdrawn by the requester")

    class Outcome(models.TextChoices):
        REMOVED = "removed", _("Removed (the address answers 410 Gone with a notice)")
        WITHDRAWN = "withdrawn", _("Withdrawn (stays readable with a banner, out of listings)")
        CONSOLIDATED = "consolidated", _("Consolidated (redirects to a replacement page)")

    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="bhxh_takedown_requests",
    )
    page_title = models.CharField(_("page title"), max_length=255, blank=True)
    page_url = models.CharField(_("page address"), max_length=500, blank=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices, db_index=True)
    reason_text = models.TextField(
        _("details"),
        blank=True,
        help_text=_("What is wrong, who asked, which document requires it. Required when the reason is 'Other'."),
    )
    urgency = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL)
    evidence = models.FileField(
        _("evidence"),
        upload_to=evidence_upload_to,
        blank=True,
        max_length=255,
        help_text=_("The authority's letter, a screenshot... (PDF, JPG, PNG or Word)."),
    )
    evidence_name = models.CharField(_("evidence file name"), max_length=255, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, db_index=True)
    decision_comment = models.TextField(_("decision comment"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True, db_index=True)
    replacement_page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("replacement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_note = models.TextField(
        _("note shown to the public"),
        blank=True,
        help_text=_(
            "Optional; shown on the withdrawal banner or the removal notice. Do not include confidential details."
        ),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision taken down"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    snapshot = models.JSONField(_("archived snapshot"), default=dict, blank=True)
    snapshot_html = models.TextField(_("archived page as shown"), blank=True)

    objects = TakedownRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("takedown request")
        verbose_name_plural = _("takedown requests")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["page", "status", "outcome"], name="bhxh_takedown_page_idx")]

    def __str__(self):
        return self.page_title or str(_("(deleted page)"))

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def reason_label(self):
        return self.get_reason_display()


class PageNoticeQuerySet(models.QuerySet):
    def corrections(self):
        return self.filter(kind=PageNotice.Kind.CORRECTION)

    def withdrawals(self):
        return self.filter(kind=PageNotice.Kind.WITHDRAWAL)


class PageNotice(models.Model):
    """A dated notice at the top of a live page: a correction (đính chính) or a withdrawal banner."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        WITHDRAWAL = "withdrawal", _("Withdrawal")

    page = models.ForeignKey(PAGE_MODEL, verbose_name=_("page"), on_delete=models.CASCADE, related_name="bhxh_notices")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION, db_index=True)
    text = models.TextField(_("text"))
    published_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    takedown = models.ForeignKey(
        TakedownRequest,
        verbose_name=_("takedown request"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )

    objects = PageNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("page notice")
        verbose_name_plural = _("page notices")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.published_at:%d/%m/%Y}"


def exclude_withdrawn(queryset, field="pk"):
    """Pages withdrawn by a takedown decision stay readable but leave listings and feeds.

    ``field`` names the page (or the relation to it) in ``queryset``; the
    exclusion is a subquery, so it adds no query.
    """
    return queryset.exclude(**{f"{field}__in": PageNotice.objects.withdrawals().values("page_id")})
