"""Royalty reports: by person, kind of work and month of a year, and the fund against what is committed and paid."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth

from .models import RemunerationLine, RoyaltyBudget, RoyaltyEntry, StatementPerson

ZERO = Decimal(0)


def year_report(year, quarter=None):
    """Aggregates of approved entries of a year (or one quarter of it), in a fixed number of queries.

    The fund of a year pays what is committed in it, less what was carried
    over to the next year, plus what earlier years carried over to it.
    """
    entries = RoyaltyEntry.objects.filter(status=RoyaltyEntry.Status.APPROVED, published_on__year=year)
    months = list(range(1, 13))
    if quarter:
        months = list(range(3 * quarter - 2, 3 * quarter + 1))
        entries = entries.filter(published_on__month__in=months)
    by_person = list(
        entries.values("person_name", "user_id", "contributor_id")
        .annotate(items=Count("id"), total=Sum("amount"))
        .order_by("-total", "person_name")
    )
    by_kind = list(entries.values("kind__name").annotate(items=Count("id"), total=Sum("amount")).order_by("kind__name"))
    monthly = {
        row["month"]: row
        for row in entries.annotate(month=ExtractMonth("published_on"))
        .values("month")
        .annotate(items=Count("id"), total=Sum("amount"))
        .order_by("month")
    }
    by_month = [monthly.get(m, {"month": m, "items": 0, "total": ZERO}) for m in months]
    royalties = entries.aggregate(total=Sum("amount"))["total"] or ZERO
    remuneration = (
        RemunerationLine.objects.filter(year=year, **({"month__in": months} if quarter else {})).aggregate(
            total=Sum("amount")
        )["total"]
        or ZERO
    )
    paid = StatementPerson.objects.filter(statement__year=year, **({"statement__month__in": months} if quarter else {}))
    paid_totals = paid.aggregate(
        paid=Sum("gross", filter=Q(paid_on__isnull=False, carried_to_year__isnull=True)),
        carried=Sum("gross", filter=Q(carried_to_year__isnull=False)),
    )
    # Amounts carried over from earlier years are paid from this year's fund (shown for the whole year).
    carried_in = [] if quarter else StatementPerson.objects.filter(carried_to_year=year).select_related("statement")
    carried_in = sorted(carried_in, key=lambda p: (p.statement.year, p.statement.month, p.sort_order))
    carried_in_total = sum((person.gross for person in carried_in), ZERO)
    carried_in_paid = sum((person.gross for person in carried_in if person.paid_on), ZERO)
    budget = RoyaltyBudget.objects.filter(year=year).first()
    committed = royalties + remuneration
    carried_out = paid_totals["carried"] or ZERO
    charged = committed - carried_out + carried_in_total
    return {
        "year": year,
        "quarter": quarter,
        "by_person": by_person,
        "by_kind": by_kind,
        "by_month": by_month,
        "royalties": royalties,
        "remuneration": remuneration,
        "committed": committed,
        "paid": paid_totals["paid"] or ZERO,
        "carried": carried_out,
        "carried_in": carried_in,
        "carried_in_total": carried_in_total,
        "carried_in_paid": carried_in_paid,
        "charged": charged,
        "budget": budget.amount if budget else None,
        "remaining": (budget.amount - charged) if budget else None,
    }
