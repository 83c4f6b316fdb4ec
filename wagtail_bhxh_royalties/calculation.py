"""Turning a royalty entry into an amount, with the rules in force on its publication date.

Rounding rule (documented in docs/reference/royalties.md): every intermediate
value is an exact :class:`~decimal.Decimal` (no float anywhere); the amount of
an entry is rounded **once**, to a whole đồng, half up
(``ROUND_HALF_UP``: 0.5 đồng becomes 1 đồng). Totals are sums of rounded
lines, so a statement's total always equals the sum of its lines.

The calculation is pluggable: ``WAGTAIL_BHXH_ROYALTIES["CALCULATOR"]`` names
a :class:`Calculator` subclass, so a new regime replaces the coefficient
formula without touching the flow, the statements or the exports.
"""

import bisect
from decimal import ROUND_HALF_UP, Decimal

from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .conf import royalty_settings

ONE_DONG = Decimal(1)
HUNDRED = Decimal(100)


def round_dong(value):
    """Round a Decimal to a whole đồng, half up. The only rounding of the app."""
    return Decimal(value).quantize(ONE_DONG, rounding=ROUND_HALF_UP)


class MissingRule(Exception):
    """No rule is in force on the date (e.g. no base salary before the first one entered)."""


class _Dated:
    """Rows sorted by ``effective_from``; finds the one in force on a date with bisect."""

    def __init__(self, rows):
        self.rows = sorted(rows, key=lambda row: row.effective_from)
        self.dates = [row.effective_from for row in self.rows]

    def on(self, date):
        index = bisect.bisect_right(self.dates, date) - 1
        return self.rows[index] if index >= 0 else None


class RuleBook:
    """All the dated rules, read in three queries and looked up in memory.

    Building a statement of thousands of entries therefore costs the same
    number of queries as one of ten.
    """

    def __init__(self):
        from .models import BaseSalary, CoefficientFrame, CoefficientUnit

        self.salaries = _Dated(BaseSalary.objects.all())
        self.units = _Dated(CoefficientUnit.objects.all())
        frames = {}
        for frame in CoefficientFrame.objects.all():
            frames.setdefault(frame.kind_id, []).append(frame)
        self.frames = {kind_id: _Dated(rows) for kind_id, rows in frames.items()}

    def base_salary(self, date):
        row = self.salaries.on(date)
        if row is None:
            raise MissingRule(_("No base salary is in force on %(date)s.") % {"date": date.strftime("%d/%m/%Y")})
        return Decimal(row.amount)

    def unit_value(self, date):
        """Value of one coefficient unit on the date (unrounded)."""
        unit = self.units.on(date)
        if unit is None:
            raise MissingRule(
                _("No value of a coefficient unit is in force on %(date)s.") % {"date": date.strftime("%d/%m/%Y")}
            )
        if unit.mode == unit.Mode.FIXED:
            return unit.value(None)
        return unit.value(self.base_salary(date))

    def frame(self, kind_id, date):
        dated = self.frames.get(kind_id)
        return dated.on(date) if dated else None


class Calculator:
    """Base class of a calculation mode. Subclasses implement :meth:`unrounded`."""

    def __init__(self, rulebook=None):
        self.rules = rulebook or RuleBook()

    def unrounded(self, entry):
        raise NotImplementedError

    def amount(self, entry):
        """The entry's amount in whole đồng (rounded once, half up)."""
        return round_dong(self.unrounded(entry))


class CoefficientCalculator(Calculator):
    """Decree 18/2014: coefficient × value of one unit × share × translation × (1 + bonus).

    A lump-sum (khoán) entry is paid its lump sum times its share instead.
    """

    def unrounded(self, entry):
        share = Decimal(entry.share_percent) / HUNDRED
        if entry.lump_sum is not None:
            return Decimal(entry.lump_sum) * share
        value = Decimal(entry.coefficient) * self.rules.unit_value(entry.published_on) * share
        if entry.translation_percent is not None:
            value = value * Decimal(entry.translation_percent) / HUNDRED
        if entry.bonus_percent:
            value = value * (HUNDRED + Decimal(entry.bonus_percent)) / HUNDRED
        return value


def get_calculator(rulebook=None):
    """An instance of the configured calculation mode."""
    return import_string(royalty_settings.CALCULATOR)(rulebook)
