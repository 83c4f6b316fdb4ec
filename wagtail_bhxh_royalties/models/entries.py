"""Outside contributors and royalty entries (one per person credited on a published item)."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_bhxh.models.base import PAGE_MODEL

from .rules import WorkKind


def mask_identifier(value, visible=3):
    """'012345678912' -> '*********912': the last digits only, for lists."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) <= visible:
        return "*" * len(value)
    return "*" * (len(value) - visible) + value[-visible:]


class Contributor(models.Model):
    """An outside contributor (cộng tác viên ngoài) who has no account on the site."""

    name = models.CharField(_("full name"), max_length=150)
    id_number = models.CharField(
        _("ID number"), max_length=20, blank=True, help_text=_("Citizen identity card (CCCD) number.")
    )
    tax_code = models.CharField(_("personal tax code"), max_length=20, blank=True)
    bank_account = models.CharField(_("bank account number"), max_length=40, blank=True)
    bank_name = models.CharField(_("bank"), max_length=150, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Payment notices (thông báo nhận nhuận bút) are emailed here.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("outside contributor")
        verbose_name_plural = _("outside contributors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Entries proposed before the contributor was recorded (matched by the byline name) now point here.
        RoyaltyEntry.objects.filter(
            user__isnull=True, contributor__isnull=True, statement__isnull=True, person_name=self.name
        ).update(contributor=self)

    @property
    def masked_id_number(self):
        return mask_identifier(self.id_number)

    @property
    def masked_bank_account(self):
        return mask_identifier(self.bank_account, 4)


class RoyaltyEntry(models.Model):
    """The royalty of one person for one published item."""

    class Status(models.TextChoices):
        NEW = "new", _("Awaiting proposal")
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved (locked)")

    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("item"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    credit = models.OneToOneField(
        "wagtail_bhxh.PageCredit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="royalty_entry",
        editable=False,
    )
    title = models.CharField(_("title of the item"), max_length=255)
    published_on = models.DateField(_("published on"), db_index=True)
    credit_role = models.CharField(_("credited as"), max_length=20, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="royalty_entries",
    )
    contributor = models.ForeignKey(
        Contributor,
        verbose_name=_("outside contributor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entries",
    )
    person_name = models.CharField(_("name"), max_length=150)
    kind = models.ForeignKey(WorkKind, verbose_name=_("kind of work"), on_delete=models.PROTECT, related_name="+")
    coefficient = models.DecimalField(
        _("coefficient"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    share_percent = models.DecimalField(
        _("share (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(100),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(100))],
        help_text=_("Co-authors' shares of the same item and kind add up to 100 %."),
    )
    translation_percent = models.DecimalField(
        _("translation (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For a translation: the share of the same kind of work paid (40–65 %)."),
    )
    bonus_percent = models.DecimalField(
        _("bonus (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Bonus for works for children or ethnic minorities."),
    )
    lump_sum = models.DecimalField(
        _("lump sum (đồng)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("A lump-sum (khoán) item is paid this amount instead of the coefficient formula."),
    )
    amount = models.DecimalField(_("amount (đồng)"), max_digits=14, decimal_places=0, default=Decimal(0))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    statement = models.ForeignKey(
        "Statement", null=True, blank=True, on_delete=models.SET_NULL, related_name="entries", editable=False
    )

    class Meta:
        ordering = ["-published_on", "title", "pk"]
        verbose_name = _("royalty entry")
        verbose_name_plural = _("royalty entries")
        permissions = [
            ("approve_royaltyentry", _("Can approve and reopen royalty entries")),
            ("view_amounts", _("Can see royalty amounts and personal data")),
        ]

    def __str__(self):
        return f"{self.person_name} – {self.title}"

    @property
    def is_locked(self):
        return self.status == self.Status.APPROVED

    @property
    def is_staff_member(self):
        return self.user_id is not None

    @property
    def person_key(self):
        """Identifies the payee on a statement."""
        if self.user_id:
            return ("user", self.user_id)
        if self.contributor_id:
            return ("contributor", self.contributor_id)
        return ("name", self.person_name.strip().casefold())

    def payment_deadline(self, days):
        return self.published_on + datetime.timedelta(days=days)
