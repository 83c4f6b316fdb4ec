"""The monthly norms: what counts, and the counts against the approved plan's targets.

The counting rule (documented in docs/reference/editorial.md):

An item counts for the month (site time zone) of its **first publication** when

1. it is a news item or an article (``ArticlePageMixin.kind``), an
   infographic or a video — any page type built on those mixins;
2. it was published **through the Decision 2474 workflow** (an approved
   workflow state), or, if the head published it urgently, once someone else
   has given the retrospective approval; and
3. it is **still live**, or it was **taken down after the end of that month**
   (a takedown carried out by the head's decision, see
   :class:`~wagtail_bhxh.models.TakedownRequest`). An item taken down within
   its month, or unpublished without a takedown, does not count.

Counts are computed from these records each time (no counters to drift);
the number of queries does not grow with the number of items.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import CharField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import WorkflowState, get_page_models

from wagtail_bhxh.models import (
    ArticlePageMixin,
    InfographicPageMixin,
    PageCredit,
    RetrospectiveApproval,
    TakedownRequest,
    VideoPageMixin,
)

from .kinds import INFOGRAPHIC, KINDS, VIDEO
from .models import AnnualPlan


def month_start(date):
    return date.replace(day=1)


def next_month(date):
    return (date.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_bounds(month):
    """Aware datetimes [start, end) of a month given by any date in it."""
    tz = timezone.get_current_timezone()
    start = month_start(month)
    end = next_month(start)
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=tz),
        datetime.datetime.combine(end, datetime.time.min, tzinfo=tz),
    )


def counted_models():
    """[(page model, kind or None for "read the kind field")] of concrete page types, each counted once."""
    result = []
    for model in get_page_models():
        if model._meta.abstract:
            continue
        if issubclass(model, ArticlePageMixin):
            result.append((model, None))
        elif issubclass(model, InfographicPageMixin):
            result.append((model, INFOGRAPHIC))
        elif issubclass(model, VideoPageMixin):
            result.append((model, VIDEO))
    return result


@dataclass
class Item:
    page_id: int
    title: str
    kind: str
    month: datetime.date
    first_published_at: datetime.datetime
    author_ids: set = field(default_factory=set)


def _eligible_rows(model, kind, start, end):
    base_content_type = model().get_base_content_type()
    through_workflow = Exists(
        WorkflowState.objects.filter(
            base_content_type=base_content_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            status=WorkflowState.STATUS_APPROVED,
        )
    )
    approved_afterwards = Exists(
        RetrospectiveApproval.objects.filter(page=OuterRef("pk"), status=RetrospectiveApproval.Status.APPROVED)
    )
    taken_down_at = Subquery(
        TakedownRequest.objects.carried_out()
        .filter(page=OuterRef("pk"), decided_at__isnull=False)
        .order_by("decided_at")
        .values("decided_at")[:1]
    )
    queryset = (
        model.objects.exact_type(model)
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .annotate(bhxh_taken_down_at=taken_down_at, bhxh_kind=Value(kind) if kind else Cast("kind", CharField()))
        .filter(Q(through_workflow) | Q(approved_afterwards))
        .filter(Q(live=True) | Q(bhxh_taken_down_at__isnull=False))
        .order_by()
    )
    return queryset.values_list("pk", "title", "bhxh_kind", "first_published_at", "live", "bhxh_taken_down_at")


def counted_items(start_month, end_month=None):
    """The items that count, for the months from ``start_month`` to ``end_month`` (included)."""
    end_month = end_month or start_month
    start, _ignored = month_bounds(start_month)
    _ignored, end = month_bounds(end_month)
    items = []
    for model, kind in counted_models():
        for pk, title, item_kind, published_at, live, taken_down_at in _eligible_rows(model, kind, start, end):
            local = timezone.localtime(published_at)
            month = month_start(local.date())
            if taken_down_at is not None:
                # Taken down: counts only if that happened after the end of its month.
                if taken_down_at < month_bounds(month)[1]:
                    continue
            elif not live:
                continue
            items.append(Item(pk, title, item_kind, month, published_at))
    if items:
        by_page = {item.page_id: item for item in items}
        credits = PageCredit.objects.filter(
            page_id__in=list(by_page), role=PageCredit.Role.AUTHOR, user__isnull=False
        ).values_list("page_id", "user_id")
        for page_id, user_id in credits:
            by_page[page_id].author_ids.add(user_id)
    return sorted(items, key=lambda item: (item.first_published_at, item.page_id))


def approved_plan(year):
    """The approved (live) plan of the year with its targets, or None."""
    return AnnualPlan.objects.filter(year=year, live=True).prefetch_related("targets").first()


@dataclass
class Line:
    """One target (or one kind without a target) and its count in a month."""

    kind: str
    target: int
    count: int
    unit: object = None
    author: object = None

    @property
    def shortfall(self):
        return max(self.target - self.count, 0)

    @property
    def percent(self):
        return round(100 * self.count / self.target) if self.target else None

    @property
    def met(self):
        return self.count >= self.target


@dataclass
class MonthReport:
    month: datetime.date
    plan: AnnualPlan | None
    lines: list  # whole-portal lines, one per kind
    scoped: list  # unit and author lines
    items: list

    @property
    def has_shortfall(self):
        return any(not line.met for line in self.lines + self.scoped if line.target)

    def line(self, kind):
        return next((line for line in self.lines if line.kind == kind), None)


def _unit_members(unit_ids, user_ids):
    if not unit_ids or not user_ids:
        return {}
    Membership = get_user_model().groups.through
    members = {}
    rows = Membership.objects.filter(group_id__in=unit_ids, user_id__in=user_ids).values_list("group_id", "user_id")
    for group_id, user_id in rows:
        members.setdefault(group_id, set()).add(user_id)
    return members


def build_reports(plan, items, months):
    """A MonthReport per month from already counted items (no query but the units' members)."""
    targets = list(plan.targets.all()) if plan else []
    portal_targets = plan.monthly_targets() if plan else {}
    scoped_targets = [t for t in targets if t.unit_id or t.author_id]
    all_authors = set().union(*(item.author_ids for item in items)) if items else set()
    members = _unit_members({t.unit_id for t in scoped_targets if t.unit_id}, all_authors)
    reports = []
    for month in months:
        month_items = [item for item in items if item.month == month]
        counts = dict.fromkeys(KINDS, 0)
        for item in month_items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        lines = [Line(kind, portal_targets.get(kind, 0), counts.get(kind, 0)) for kind in KINDS]
        scoped = []
        for target in scoped_targets:
            if target.author_id:
                count = sum(1 for i in month_items if i.kind == target.kind and target.author_id in i.author_ids)
            else:
                unit_members = members.get(target.unit_id, set())
                count = sum(1 for i in month_items if i.kind == target.kind and i.author_ids & unit_members)
            scoped.append(Line(target.kind, target.per_month, count, unit=target.unit, author=target.author))
        reports.append(MonthReport(month, plan, lines, scoped, month_items))
    return reports


def month_report(month):
    month = month_start(month)
    plan = approved_plan(month.year)
    if plan is not None:
        plan_targets = list(plan.targets.select_related("unit", "author"))
        plan._prefetched_objects_cache["targets"] = plan_targets
    return build_reports(plan, counted_items(month), [month])[0]


def year_reports(year):
    months = [datetime.date(year, m, 1) for m in range(1, 13)]
    plan = approved_plan(year)
    if plan is not None:
        plan._prefetched_objects_cache["targets"] = list(plan.targets.select_related("unit", "author"))
    return plan, build_reports(plan, counted_items(months[0], months[-1]), months)


def month_progress(today):
    """(days elapsed including today, days in the month)."""
    return today.day, calendar.monthrange(today.year, today.month)[1]


def two_thirds_gone(today):
    elapsed, days = month_progress(today)
    return elapsed * 3 >= days * 2


def reminder_shortfalls(today, percent):
    """The whole-portal lines under ``percent`` % of target, once two thirds of the month are gone; else []."""
    if not two_thirds_gone(today):
        return []
    report = month_report(today)
    return [line for line in report.lines if line.target and line.count * 100 < line.target * percent]
