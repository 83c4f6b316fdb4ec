"""The month's remuneration (thù lao) of editors, reviewers and board members, worked out by the rules.

Two kinds of rule (``RemunerationRule.mode``):

- **share**: a percentage of the month's approved royalties, capped, split
  equally between the active members of the role;
- **per item**: a rate for each item a member approved in a Wagtail workflow
  during the month (``wagtail.workflow.approve`` in the audit log), the
  role's total capped.

Amounts are whole đồng: a pool is split by the largest-remainder method, so
the lines always add up to the pool exactly.
"""

import datetime
from decimal import ROUND_DOWN, Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from wagtail_bhxh.moderation import roles

from .calculation import round_dong
from .models import RemunerationLine, RemunerationRule, RoyaltyEntry


def split(pool, weights):
    """Whole-đồng shares of ``pool`` in proportion to ``weights``, adding up to ``pool`` exactly."""
    pool = Decimal(pool)
    total = sum(weights, Decimal(0))
    if not weights or total <= 0 or pool <= 0:
        return [Decimal(0)] * len(weights)
    exact = [pool * Decimal(w) / total for w in weights]
    shares = [value.quantize(Decimal(1), rounding=ROUND_DOWN) for value in exact]
    remainder = int(pool - sum(shares))
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for index in order[:remainder]:
        shares[index] += 1
    return shares


def _month_range(year, month):
    first = datetime.date(year, month, 1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return first, last


def generate_remuneration(year, month):
    """Replace the month's rule-made lines that are on no statement; returns the new lines."""
    first, last = _month_range(year, month)
    rules = list(
        RemunerationRule.objects.filter(effective_from__lte=last).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=first)
        )
    )
    RemunerationLine.objects.filter(year=year, month=month, statement__isnull=True, rule__isnull=False).delete()
    if not rules:
        return []
    royalties = RoyaltyEntry.objects.filter(
        status=RoyaltyEntry.Status.APPROVED, published_on__gte=first, published_on__lte=last
    ).aggregate(total=Sum("amount"))["total"] or Decimal(0)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    lines = []
    for rule in rules:
        members = list(roles.users_with_role(rule.role).order_by("pk"))
        if not members:
            continue
        if rule.mode == RemunerationRule.Mode.SHARE:
            pool = round_dong(royalties * rule.percent / Decimal(100))
            if rule.cap is not None:
                pool = min(pool, rule.cap)
            amounts = split(pool, [1] * len(members))
            bases = [
                _("%(percent)s %% of the month's royalties, shared by %(count)s")
                % {"percent": f"{rule.percent.normalize():f}", "count": len(members)}
            ] * len(members)
        else:
            counts = dict(
                PageLogEntry.objects.filter(
                    action="wagtail.workflow.approve", user__in=members, timestamp__gte=start, timestamp__lt=end
                )
                .values("user_id")
                .annotate(items=Count("page_id", distinct=True))
                .values_list("user_id", "items")
            )
            amounts = [rule.rate * counts.get(member.pk, 0) for member in members]
            total = sum(amounts, Decimal(0))
            if rule.cap is not None and total > rule.cap:
                amounts = split(rule.cap, amounts)
            bases = [
                _("%(items)s items approved × %(rate)s đồng")
                % {"items": counts.get(m.pk, 0), "rate": f"{rule.rate:,.0f}".replace(",", ".")}
                for m in members
            ]
        for member, amount, basis in zip(members, amounts, bases, strict=True):
            if amount > 0:
                lines.append(
                    RemunerationLine(
                        year=year,
                        month=month,
                        user=member,
                        rule=rule,
                        amount=amount,
                        basis=f"{rule.name}: {basis}"[:255],
                    )
                )
    RemunerationLine.objects.bulk_create(lines)
    return lines
