"""Monthly statements (bảng kê), remuneration of the editorial board, and the annual fund."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_bhxh.moderation import roles

from .entries import Contributor

MONTH_VALIDATORS = [MinValueValidator(1), MaxValueValidator(12)]
YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Statement(models.Model):
    """The statement of one month: approved entries and remuneration, by person."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved (locked)")

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    month = models.PositiveSmallIntegerField(_("month"), validators=MONTH_VALIDATORS)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    total_gross = models.DecimalField(_("total"), max_digits=16, decimal_places=0, default=Decimal(0))
    total_tax = models.DecimalField(_("tax withheld"), max_digits=16, decimal_places=0, default=Decimal(0))
    total_net = models.DecimalField(_("net total"), max_digits=16, decimal_places=0, default=Decimal(0))
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "-month"]
        verbose_name = _("monthly statement")
        verbose_name_plural = _("monthly statements")
        constraints = [models.UniqueConstraint(fields=["year", "month"], name="bhxh_royalties_one_statement_a_month")]
        permissions = [("approve_statement", _("Can approve monthly statements"))]

    def __str__(self):
        return _("Statement %(month)02d/%(year)s") % {"month": self.month, "year": self.year}

    @property
    def is_locked(self):
        return self.status == self.Status.APPROVED


class StatementPerson(models.Model):
    """One payee's line on a statement: gross, tax withheld, net, and payment."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contributor = models.ForeignKey(Contributor, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=150)
    royalties = models.DecimalField(_("royalties"), max_digits=16, decimal_places=0, default=Decimal(0))
    remuneration = models.DecimalField(_("remuneration"), max_digits=16, decimal_places=0, default=Decimal(0))
    gross = models.DecimalField(_("total"), max_digits=16, decimal_places=0, default=Decimal(0))
    tax = models.DecimalField(_("tax withheld"), max_digits=16, decimal_places=0, default=Decimal(0))
    net = models.DecimalField(_("net amount"), max_digits=16, decimal_places=0, default=Decimal(0))
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    notices_sent = models.PositiveSmallIntegerField(_("notices sent"), default=0)
    carried_to_year = models.PositiveSmallIntegerField(_("carried to year"), null=True, blank=True)
    carried_on = models.DateField(_("carried over on"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["statement", "sort_order"]
        verbose_name = _("payee")
        verbose_name_plural = _("payees")

    def __str__(self):
        return self.name

    @property
    def is_staff_member(self):
        return self.user_id is not None


class RemunerationRule(models.Model):
    """How the month's remuneration (thù lao) of editors, reviewers and board members is worked out."""

    class Mode(models.TextChoices):
        SHARE = "share", _("Share of the month's royalties, split between the role's members")
        PER_ITEM = "per_item", _("Rate per item the member approved in the month")

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=20, choices=list(roles.ROLE_LABELS.items()))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.SHARE)
    percent = models.DecimalField(
        _("share of the month's royalties (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    cap = models.DecimalField(
        _("cap (đồng)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Most the role's members receive together in a month. Leave empty for no cap."),
    )
    rate = models.DecimalField(
        _("rate per item (đồng)"),
        max_digits=14,
        decimal_places=0,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)

    class Meta:
        ordering = ["role", "-effective_from"]
        verbose_name = _("remuneration rule")
        verbose_name_plural = _("remuneration rules")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.effective_to and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("The end date cannot be before the start date.")})


class RemunerationLine(models.Model):
    """One member's remuneration for one month, worked out by a rule."""

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    month = models.PositiveSmallIntegerField(_("month"), validators=MONTH_VALIDATORS)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="+"
    )
    rule = models.ForeignKey(RemunerationRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="lines")
    basis = models.CharField(_("basis"), max_length=255, blank=True)
    amount = models.DecimalField(_("amount (đồng)"), max_digits=14, decimal_places=0)
    statement = models.ForeignKey(
        Statement, null=True, blank=True, on_delete=models.CASCADE, related_name="remuneration_lines"
    )

    class Meta:
        ordering = ["year", "month", "user"]
        verbose_name = _("remuneration")
        verbose_name_plural = _("remuneration")

    def __str__(self):
        return f"{self.user} {self.month:02d}/{self.year}"


class RoyaltyBudget(models.Model):
    """The annual royalty fund (quỹ nhuận bút)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    amount = models.DecimalField(
        _("fund (đồng)"), max_digits=16, decimal_places=0, validators=[MinValueValidator(Decimal(0))]
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual royalty fund")
        verbose_name_plural = _("annual royalty funds")

    def __str__(self):
        return f"{self.year}"
