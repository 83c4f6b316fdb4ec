"""Reading the statistics: sealed days plus the live, not yet sealed, days.

Every figure is the sum of two sources with no overlap: the sealed daily
totals up to the last sealed day, and the raw visits of the days after it.
Query counts do not depend on the number of pages or visits.
"""

import datetime
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from ..conf import bhxh_settings
from ..models import PolicyArea
from ..models.base import BasePage
from .models import PageDailyStats, SiteDailyStats, Visit

#: Counters computed by this process: key -> (expires at, value). Each worker keeps its own
#: for ANALYTICS_COUNTER_CACHE_SECONDS; reading them costs no round trip to a cache server,
#: which is what the beacon and every page view would otherwise pay (see the benchmark docs).
_counters: dict[tuple[str, int], tuple[float, object]] = {}
_counters_lock = threading.Lock()
MAX_CACHED_COUNTERS = 20_000


def sealed_through() -> datetime.date | None:
    """The last sealed day (every site is sealed through the same day)."""
    return SiteDailyStats.objects.aggregate(last=Max("day"))["last"]


def _unsealed(queryset, last_sealed):
    return queryset.filter(day__gt=last_sealed) if last_sealed else queryset


def _cached(kind, pk, compute):
    seconds = bhxh_settings.ANALYTICS_COUNTER_CACHE_SECONDS
    if not seconds:
        return compute()
    key = (kind, pk)
    now = time.monotonic()
    entry = _counters.get(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    value = compute()
    with _counters_lock:
        if len(_counters) >= MAX_CACHED_COUNTERS:
            _counters.clear()
        _counters[key] = (now + seconds, value)
    return value


def clear_counter_cache():
    """Forget the counters this process holds (tests; after closing days)."""
    with _counters_lock:
        _counters.clear()


def clear_process_caches():
    """Forget everything the statistics keep in this process's memory: counters, salts, site root paths.

    Tests call it between tests, where ids are reused in a fresh database.
    """
    from . import identity, recording

    clear_counter_cache()
    identity.forget_salts()
    recording.forget_site_root_paths()


# --- Public counters ------------------------------------------------------------


def page_views(page_id: int) -> int:
    """All counted views of a page since counting began (cached)."""
    return _cached("page", page_id, lambda: _page_views(page_id))


def _page_views(page_id):
    last_sealed = sealed_through()
    sealed = PageDailyStats.objects.filter(page_id=page_id).aggregate(n=Sum("views"))["n"] or 0
    live = _unsealed(Visit.objects.filter(page_id=page_id), last_sealed).aggregate(n=Sum("views"))["n"] or 0
    return sealed + live


@dataclass(frozen=True)
class SiteCounters:
    online: int
    today: int
    month: int
    total: int

    def as_dict(self):
        return {"online": self.online, "today": self.today, "month": self.month, "total": self.total}


def site_counters(site_id: int) -> SiteCounters:
    """Online now, views today, this month and in total for a site (cached)."""
    return _cached("site", site_id, lambda: _site_counters(site_id))


def _site_counters(site_id, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    month_start = today.replace(day=1)
    last_sealed = sealed_through()
    online_since = now - datetime.timedelta(minutes=bhxh_settings.ANALYTICS_ONLINE_MINUTES)
    online = (
        Visit.objects.filter(
            site_id=site_id, day__gte=today - datetime.timedelta(days=1), last_seen_at__gte=online_since
        )
        .values("visitor")
        .distinct()
        .count()
    )
    live_by_day = dict(
        _unsealed(Visit.objects.filter(site_id=site_id), last_sealed)
        .values_list("day")
        .annotate(n=Sum("views"))
        .values_list("day", "n")
    )
    sealed = SiteDailyStats.objects.filter(site_id=site_id).aggregate(
        total=Sum("views"), month=Sum("views", filter=Q(day__gte=month_start))
    )
    return SiteCounters(
        online=online,
        today=live_by_day.get(today, 0),
        month=(sealed["month"] or 0) + sum(n for day, n in live_by_day.items() if day >= month_start),
        total=(sealed["total"] or 0) + sum(live_by_day.values()),
    )


# --- Dashboard --------------------------------------------------------------------


@dataclass(frozen=True)
class DayTotals:
    day: datetime.date
    views: int
    visitors: int
    seal: str = ""
    is_demo: bool = False

    @property
    def sealed(self):
        return bool(self.seal)


def daily_series(site_id: int, start: datetime.date, end: datetime.date) -> list[DayTotals]:
    """One entry per day from start to end inclusive (zero where nothing was counted)."""
    sealed = {
        row.day: DayTotals(row.day, row.views, row.visitors, row.seal, row.is_demo)
        for row in SiteDailyStats.objects.filter(site_id=site_id, day__range=(start, end))
    }
    last_sealed = sealed_through()
    live = (
        _unsealed(Visit.objects.filter(site_id=site_id, day__range=(start, end)), last_sealed)
        .values("day")
        .annotate(views=Sum("views"), visitors=Count("visitor", distinct=True))
        .order_by()
    )
    for row in live:
        sealed.setdefault(row["day"], DayTotals(row["day"], row["views"], row["visitors"]))
    days = []
    day = start
    while day <= end:
        days.append(sealed.get(day) or DayTotals(day, 0, 0))
        day += datetime.timedelta(days=1)
    return days


@dataclass
class PageTotals:
    page_id: int
    views: int = 0
    visitors: int = 0
    page: object = None


def page_totals(site_id: int, start: datetime.date, end: datetime.date) -> dict[int, PageTotals]:
    """Views and daily visitors (summed over the days) of every page viewed in the period."""
    totals: dict[int, PageTotals] = {}

    def add(page_id, views, visitors):
        entry = totals.setdefault(page_id, PageTotals(page_id))
        entry.views += views
        entry.visitors += visitors

    sealed = (
        PageDailyStats.objects.filter(site_id=site_id, day__range=(start, end))
        .values("page_id")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
        .order_by()
    )
    for row in sealed:
        add(row["page_id"], row["views"], row["visitors"])
    for row in _live_page_rows(site_id, start, end):
        add(row["page_id"], row["views"], row["visitors"])
    return totals


def _live_page_rows(site_id, start, end):
    # Rows are unique per (day, page, visitor): counting them sums the daily distinct visitors.
    return (
        _unsealed(Visit.objects.filter(site_id=site_id, day__range=(start, end)), sealed_through())
        .values("page_id")
        .annotate(views=Sum("views"), visitors=Count("id"))
        .order_by()
    )


def top_pages(site_id, start, end, limit=10, request=None) -> list[PageTotals]:
    """The most viewed pages of the period with their page loaded (two queries more)."""
    ranked = sorted(page_totals(site_id, start, end).values(), key=lambda t: (-t.views, -t.visitors, t.page_id))
    ranked = ranked[:limit]
    pages = BasePage.objects.filter(pk__in=[t.page_id for t in ranked]).select_related("locale").in_bulk()
    for entry in ranked:
        entry.page = pages.get(entry.page_id)
    return ranked


def content_type_totals(site_id, start, end) -> list[tuple[str, int]]:
    """Views per page type in the period, most viewed first."""
    totals = defaultdict(int)
    sealed = (
        PageDailyStats.objects.filter(site_id=site_id, day__range=(start, end))
        .values("content_type_id")
        .annotate(views=Sum("views"))
        .order_by()
    )
    for row in sealed:
        totals[row["content_type_id"]] += row["views"]
    live = (
        _unsealed(Visit.objects.filter(site_id=site_id, day__range=(start, end)), sealed_through())
        .values("page__content_type_id")
        .annotate(views=Sum("views"))
        .order_by()
    )
    for row in live:
        totals[row["page__content_type_id"]] += row["views"]
    labels = []
    for content_type_id, views in totals.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
        label = str(model._meta.verbose_name) if model else "—"
        labels.append((label, views))
    return sorted(labels, key=lambda item: (-item[1], item[0]))


def policy_area_models():
    """Through models of every page type's ``policy_areas`` relation (deduplicated)."""
    from wagtail.models import get_page_models

    throughs = {}
    for model in get_page_models():
        try:
            field = model._meta.get_field("policy_areas")
        except FieldDoesNotExist:
            continue
        if getattr(field.remote_field, "model", None) is not PolicyArea:
            continue
        through = field.remote_field.through
        throughs[through] = (field.m2m_field_name(), field.m2m_reverse_field_name())
    return throughs


def policy_area_totals(site_id, start, end) -> list[tuple[PolicyArea, int]]:
    """Views per policy area in the period (a page in two areas counts in both)."""
    by_page = {page_id: entry.views for page_id, entry in page_totals(site_id, start, end).items()}
    viewed = Q(pk__in=PageDailyStats.objects.filter(site_id=site_id, day__range=(start, end)).values("page_id")) | Q(
        pk__in=Visit.objects.filter(site_id=site_id, day__range=(start, end)).values("page_id")
    )
    area_views = defaultdict(int)
    for through, (page_field, area_field) in policy_area_models().items():
        page_ids = through._meta.get_field(page_field).related_model.objects.filter(viewed).values("pk")
        links = through.objects.filter(**{f"{page_field}_id__in": page_ids}).values_list(
            f"{page_field}_id", f"{area_field}_id"
        )
        for page_id, area_id in links:
            area_views[area_id] += by_page.get(page_id, 0)
    areas = PolicyArea.objects.in_bulk(list(area_views))
    result = [(areas[area_id], views) for area_id, views in area_views.items() if area_id in areas]
    return sorted(result, key=lambda item: (-item[1], item[0].sort_order, item[0].pk))


def period_comparison(series: list[DayTotals], previous: list[DayTotals]) -> dict:
    """Totals of a period and the one before it, with the change in percent."""

    def change(now, before):
        if not before:
            return None
        return round((now - before) * 100 / before, 1)

    views, visitors = sum(d.views for d in series), sum(d.visitors for d in series)
    views_before, visitors_before = sum(d.views for d in previous), sum(d.visitors for d in previous)
    return {
        "views": views,
        "visitors": visitors,
        "views_before": views_before,
        "visitors_before": visitors_before,
        "views_change": change(views, views_before),
        "visitors_change": change(visitors, visitors_before),
    }
