"""Taxonomy: policy areas, topics (chuyên đề), occasions and free tags."""

import datetime

import lunar_vn
from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string
from wagtail.search import index


class SluggedSnippet(models.Model):
    """A named snippet with a URL slug and a manual order."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_("Used in addresses and filters, e.g. 'bhyt'. Leave empty to make one from the name."),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(anyascii(self.name))[:150]
        super().save(*args, **kwargs)


class PolicyArea(index.Indexed, SluggedSnippet):
    """A policy area (lĩnh vực): BHXH bắt buộc, BHXH tự nguyện, BHYT, BHTN, ..."""

    short_name = models.CharField(
        _("short name"),
        max_length=30,
        blank=True,
        help_text=_("Abbreviation shown on labels, e.g. BHYT."),
    )

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")

    @property
    def label(self):
        return self.short_name or self.name


class Topic(index.Indexed, SluggedSnippet):
    """A topic series (chuyên đề) that groups content across policy areas."""

    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive topics stay on their articles but are no longer offered in listings."),
    )

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Occasion(index.Indexed, SluggedSnippet):
    """A major occasion of the year, on a solar or a lunar date.

    Lunar occasions (Tết Nguyên đán, Tết Trung thu) are converted with the
    Vietnamese lunar calendar (UTC+7), which differs from the Chinese one in
    some years.
    """

    class Calendar(models.TextChoices):
        SOLAR = "solar", _("Solar (dương lịch)")
        LUNAR = "lunar", _("Lunar (âm lịch)")

    calendar = models.CharField(_("calendar"), max_length=5, choices=Calendar.choices, default=Calendar.SOLAR)
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    day = models.PositiveSmallIntegerField(_("day"), validators=[MinValueValidator(1), MaxValueValidator(31)])
    lead_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        default=14,
        help_text=_("How many days ahead the occasion shows as upcoming to editors."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("occasion")
        verbose_name_plural = _("occasions")
        ordering = ["month", "day", "name"]

    def clean(self):
        super().clean()
        if self.month and self.day:
            if self.calendar == self.Calendar.LUNAR:
                if self.day > 30:
                    raise ValidationError({"day": _("A lunar month has at most 30 days.")})
            else:
                try:
                    # 2024 is a leap year, so 29 February is accepted.
                    datetime.date(2024, self.month, self.day)
                except ValueError:
                    raise ValidationError({"day": _("This day does not exist in the chosen month.")}) from None

    def date_in(self, year: int) -> datetime.date:
        """The solar date of this occasion in the given (solar) year."""
        if self.calendar == self.Calendar.LUNAR:
            return lunar_date_to_solar(year, self.month, self.day)
        day = self.day
        if self.month == 2 and day == 29:
            # Kept on the last day of February in common years.
            day = 29 if _is_leap_year(year) else 28
        return datetime.date(year, self.month, day)

    def next_date(self, today: datetime.date | None = None) -> datetime.date:
        """The next date (today included) on which the occasion falls."""
        today = today or timezone.localdate()
        this_year = self.date_in(today.year)
        return this_year if this_year >= today else self.date_in(today.year + 1)

    def is_upcoming(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (self.next_date(today) - today).days <= self.lead_days

    @property
    def date_label(self):
        if self.calendar == self.Calendar.LUNAR:
            return _("%(day)s/%(month)s (lunar)") % {"day": self.day, "month": self.month}
        return f"{self.day}/{self.month}"


def _is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def lunar_date_to_solar(year: int, month: int, day: int) -> datetime.date:
    """Solar date of lunar day/month in the lunar year starting in ``year``.

    A lunar month has 29 or 30 days; day 30 of a short month (e.g. the eve of
    Tết in some years) falls back to the month's last day.
    """
    for candidate in (day, day - 1):
        solar = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(candidate, month, year))
        back = lunar_vn.solar_to_lunar(solar)
        if (back.day, back.month, back.leap) == (candidate, month, False):
            return solar
    raise ValueError(f"No lunar date {day}/{month} in {year}")
