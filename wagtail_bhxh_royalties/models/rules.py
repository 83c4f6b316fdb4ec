"""The rules of the regime as data, each with the date it takes effect.

An item's royalty uses the rules in force on its publication date: the row
with the latest ``effective_from`` not after that date. Later values are
added as new rows in the admin, never by changing code.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseSalary(models.Model):
    """Lương cơ sở: the base salary the value of a coefficient unit derives from."""

    effective_from = models.DateField(_("effective from"), unique=True)
    amount = models.DecimalField(
        _("amount (đồng)"), max_digits=14, decimal_places=0, validators=[MinValueValidator(Decimal(1))]
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")

    def __str__(self):
        return f"{self.amount:,.0f} đ ({self.effective_from:%d/%m/%Y})".replace(",", ".")


class CoefficientUnit(models.Model):
    """The value of one coefficient unit: a share of the base salary, or a fixed amount."""

    class Mode(models.TextChoices):
        PERCENT = "percent", _("Percentage of the base salary")
        FIXED = "fixed", _("Fixed amount")

    effective_from = models.DateField(_("effective from"), unique=True)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.PERCENT)
    percent = models.DecimalField(
        _("percentage of the base salary"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(10),
        validators=[MinValueValidator(Decimal(0))],
    )
    fixed_amount = models.DecimalField(
        _("fixed amount (đồng)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("value of a coefficient unit")
        verbose_name_plural = _("values of a coefficient unit")

    def __str__(self):
        if self.mode == self.Mode.FIXED:
            return f"{self.fixed_amount or 0:,.0f} đ ({self.effective_from:%d/%m/%Y})".replace(",", ".")
        return f"{self.percent.normalize():f} % ({self.effective_from:%d/%m/%Y})"

    def clean(self):
        super().clean()
        if self.mode == self.Mode.FIXED and self.fixed_amount is None:
            raise ValidationError({"fixed_amount": _("Enter the fixed amount of one coefficient unit.")})

    def value(self, base_salary):
        """Value of one unit in đồng, unrounded (rounding happens once, on the entry's amount)."""
        if self.mode == self.Mode.FIXED:
            return Decimal(self.fixed_amount or 0)
        return Decimal(base_salary) * self.percent / Decimal(100)


class WorkKind(models.Model):
    """A kind of work (thể loại): tin, chính luận, ảnh, infographic..."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("kind of work")
        verbose_name_plural = _("kinds of work")

    def __str__(self):
        return self.name


class CoefficientFrame(models.Model):
    """Khung hệ số: the minimum and maximum coefficient of a kind of work from a date."""

    kind = models.ForeignKey(WorkKind, verbose_name=_("kind of work"), on_delete=models.CASCADE, related_name="frames")
    effective_from = models.DateField(_("effective from"))
    minimum = models.DecimalField(
        _("minimum coefficient"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    maximum = models.DecimalField(
        _("maximum coefficient"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )

    class Meta:
        ordering = ["kind__sort_order", "-effective_from"]
        verbose_name = _("coefficient frame")
        verbose_name_plural = _("coefficient frames")
        constraints = [
            models.UniqueConstraint(fields=["kind", "effective_from"], name="bhxh_royalties_one_frame_per_date"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.minimum.normalize():f}–{self.maximum.normalize():f}"

    def clean(self):
        super().clean()
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError({"minimum": _("The minimum cannot be above the maximum.")})
