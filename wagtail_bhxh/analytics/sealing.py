"""Closing a day: its totals are computed once, sealed, and chained.

Each site's closed days form a hash chain. A day's seal is the SHA-256 of a
canonical text of its totals, every page's totals and the previous day's
seal, so changing, adding or deleting any number of any sealed day breaks
that day's seal or the link of the next day. Publishing the latest seal (the
public "Về số liệu truy cập" page shows it) lets anyone outside detect even
a rewrite of the whole chain. ``verify()`` also recounts every sealed day
whose raw visits are still kept and compares.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Min, Sum
from django.utils import timezone

from ..conf import bhxh_settings
from .models import PageDailyStats, SiteDailyStats, Visit
from .stats import sealed_through

SEAL_VERSION = "bhxh-stats-v1"
#: A day is closed this long after midnight, so beacons in flight at midnight land first.
CLOSING_GRACE = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class PageRow:
    page_id: int
    content_type_id: int | None
    views: int
    visitors: int


def canonical_text(site_id, day, views, visitors, pages, is_demo, previous_seal, page_rows) -> str:
    """The exact text a day's seal is the hash of (documented, so anyone can recompute it)."""
    lines = [SEAL_VERSION, f"site={site_id}", f"day={day.isoformat()}", f"views={views}"]
    lines += [f"visitors={visitors}", f"pages={pages}", f"demo={int(is_demo)}", f"previous={previous_seal}"]
    for row in sorted(page_rows, key=lambda r: r.page_id):
        lines.append(f"page={row.page_id},type={row.content_type_id or 0},views={row.views},visitors={row.visitors}")
    return "\n".join(lines) + "\n"


def compute_seal(*args) -> str:
    return hashlib.sha256(canonical_text(*args).encode()).hexdigest()


class SealError(Exception):
    pass


def seal_day(site_id, day, page_rows, visitors, is_demo=False, now=None) -> SiteDailyStats:
    """Write and seal one site's day. The day before must be the chain's last (or the chain is new)."""
    previous = SiteDailyStats.objects.filter(site_id=site_id).order_by("-day").first()
    if previous is not None and previous.day != day - datetime.timedelta(days=1):
        raise SealError(f"site {site_id}: cannot seal {day} after {previous.day}")
    previous_seal = previous.seal if previous else ""
    page_rows = [row for row in page_rows if row.views or row.visitors]
    views = sum(row.views for row in page_rows)
    seal = compute_seal(site_id, day, views, visitors, len(page_rows), is_demo, previous_seal, page_rows)
    stats = SiteDailyStats.objects.create(
        site_id=site_id,
        day=day,
        views=views,
        visitors=visitors,
        pages=len(page_rows),
        is_demo=is_demo,
        sealed_at=now or timezone.now(),
        previous_seal=previous_seal,
        seal=seal,
    )
    PageDailyStats.objects.bulk_create(
        PageDailyStats(
            site_id=site_id,
            day=day,
            page_id=row.page_id,
            content_type_id=row.content_type_id,
            views=row.views,
            visitors=row.visitors,
        )
        for row in page_rows
    )
    return stats


def raw_page_rows(day, site_id=None):
    """Page totals of a day recounted from the raw visits: {site_id: [PageRow]}."""
    visits = Visit.objects.filter(day=day)
    if site_id is not None:
        visits = visits.filter(site_id=site_id)
    rows = {}
    grouped = visits.values("site_id", "page_id", "page__content_type_id").annotate(
        views=Sum("views"), visitors=Count("id")
    )
    for row in grouped.order_by():
        rows.setdefault(row["site_id"], []).append(
            PageRow(row["page_id"], row["page__content_type_id"], row["views"], row["visitors"])
        )
    return rows


def raw_site_visitors(day):
    grouped = Visit.objects.filter(day=day).values("site_id").annotate(n=Count("visitor", distinct=True))
    return {row["site_id"]: row["n"] for row in grouped.order_by()}


def last_closable_day(now=None):
    return timezone.localdate((now or timezone.now()) - CLOSING_GRACE) - datetime.timedelta(days=1)


def close_days(now=None) -> list[SiteDailyStats]:
    """Seal every finished day not sealed yet, for every site with a chain or visits."""
    last_sealed = sealed_through()
    if last_sealed:
        start = last_sealed + datetime.timedelta(days=1)
    else:
        start = Visit.objects.aggregate(first=Min("day"))["first"]
    end = last_closable_day(now)
    sealed = []
    if start is None:
        return sealed
    chain_sites = set(SiteDailyStats.objects.values_list("site_id", flat=True).distinct())
    day = start
    while day <= end:
        rows = raw_page_rows(day)
        visitors = raw_site_visitors(day)
        try:
            with transaction.atomic():
                for site_id in sorted(chain_sites | set(rows)):
                    sealed.append(seal_day(site_id, day, rows.get(site_id, []), visitors.get(site_id, 0), now=now))
        except IntegrityError:
            # Another run sealed this day at the same moment; its seal stands.
            return sealed
        chain_sites |= set(rows)
        day += datetime.timedelta(days=1)
    return sealed


def purge_visits(now=None) -> int:
    """Delete raw visits of sealed days older than the retention period."""
    last_sealed = sealed_through()
    if last_sealed is None:
        return 0
    cutoff = timezone.localdate(now or timezone.now()) - datetime.timedelta(days=bhxh_settings.ANALYTICS_RETENTION_DAYS)
    deleted, _ = Visit.objects.filter(day__lt=cutoff, day__lte=last_sealed).delete()
    return deleted


@dataclass
class Verification:
    days: int = 0
    recounted: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems


def verify() -> Verification:
    """Check every site's chain, every seal, and the sealed days whose raw visits are kept."""
    result = Verification()
    pages = {}
    for row in PageDailyStats.objects.order_by("site_id", "day", "page_id").iterator():
        pages.setdefault((row.site_id, row.day), []).append(
            PageRow(row.page_id, row.content_type_id, row.views, row.visitors)
        )
    site_days = set()
    previous = {}
    for stats in SiteDailyStats.objects.order_by("site_id", "day").iterator():
        result.days += 1
        key = (stats.site_id, stats.day)
        if not stats.is_demo:  # demo days have no raw visits to recount
            site_days.add(key)
        label = f"site {stats.site_id}, {stats.day.isoformat()}"
        before = previous.get(stats.site_id)
        if before is not None:
            if stats.day != before.day + datetime.timedelta(days=1):
                result.problems.append(f"{label}: the days since {before.day.isoformat()} are missing")
            if stats.previous_seal != before.seal:
                result.problems.append(f"{label}: does not link to the seal of the day before")
        elif stats.previous_seal:
            result.problems.append(f"{label}: the chain's first day links to a seal that is not there")
        previous[stats.site_id] = stats
        rows = pages.get(key, [])
        expected = compute_seal(
            stats.site_id,
            stats.day,
            stats.views,
            stats.visitors,
            stats.pages,
            stats.is_demo,
            stats.previous_seal,
            rows,
        )
        if expected != stats.seal:
            result.problems.append(f"{label}: the totals or page rows were changed after sealing")
        if sum(r.views for r in rows) != stats.views or len(rows) != stats.pages:
            result.problems.append(f"{label}: page rows do not add up to the day's totals")
    sealed_keys = set(SiteDailyStats.objects.values_list("site_id", "day"))
    for site_id, day in sorted(set(pages) - sealed_keys):
        result.problems.append(f"site {site_id}, {day.isoformat()}: page rows without a sealed day")
    _recount_retained(result, pages, site_days)
    return result


def _recount_retained(result, pages, site_days):
    """Compare sealed days with the raw visits kept for them (all days inside the retention period)."""
    last_sealed = sealed_through()
    if last_sealed is None:
        return
    kept_since = timezone.localdate() - datetime.timedelta(days=bhxh_settings.ANALYTICS_RETENTION_DAYS)
    raw = {key: {} for key in site_days if key[1] >= kept_since}
    retained = Visit.objects.filter(day__lte=last_sealed)
    grouped = retained.values("site_id", "day", "page_id").annotate(views=Sum("views"), visitors=Count("id"))
    for row in grouped.order_by():
        raw.setdefault((row["site_id"], row["day"]), {})[row["page_id"]] = (row["views"], row["visitors"])
    for key, by_page in sorted(raw.items()):
        result.recounted += 1
        sealed = {row.page_id: (row.views, row.visitors) for row in pages.get(key, [])}
        if sealed != by_page:
            site_id, day = key
            result.problems.append(
                f"site {site_id}, {day.isoformat()}: sealed page totals differ from the raw visits still kept"
            )
