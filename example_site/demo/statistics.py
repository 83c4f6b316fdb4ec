"""Demo visitor statistics: six weeks of sealed daily totals, marked as demo data.

So the dashboard, the article counters and the site counter of `make demo`
are not empty. Every generated day is sealed with ``is_demo`` set (part of
its seal), and the dashboard and exports say so. Generated only for a site
that has no statistics at all, so real counts are never mixed with these.
"""

import datetime
import random

from django.utils import timezone

from wagtail_bhxh.analytics.models import SiteDailyStats, Visit
from wagtail_bhxh.analytics.sealing import PageRow, seal_day

DAYS = 42
#: Site-wide views on an ordinary weekday at the start of the period.
BASE_VIEWS = 900


def load_statistics(site, pages, today=None) -> int:
    """Seal DAYS days before today for ``site`` over ``pages``; returns the number of days sealed."""
    today = today or timezone.localdate()
    if SiteDailyStats.objects.filter(site=site).exists() or Visit.objects.filter(site=site).exists():
        return 0
    if SiteDailyStats.objects.filter(day__gte=today - datetime.timedelta(days=DAYS)).exists():
        return 0  # another site's chain covers these days; keep every site sealed through the same day
    pages = sorted(pages, key=lambda page: page.pk)
    rng = random.Random(31_2023)  # noqa: S311  (demo figures, the same on every machine)
    weights = {page.pk: 1 / (rank + 1) ** 0.9 for rank, page in enumerate(rng.sample(pages, len(pages)))}
    sealed = 0
    for offset in range(DAYS, 0, -1):
        day = today - datetime.timedelta(days=offset)
        weekend = day.weekday() >= 5
        trend = 1 + (DAYS - offset) / DAYS * 0.25
        site_views = int(BASE_VIEWS * trend * (0.55 if weekend else 1) * rng.uniform(0.85, 1.15))
        published = [p for p in pages if not p.first_published_at or timezone.localdate(p.first_published_at) <= day]
        total_weight = sum(weights[p.pk] for p in published) or 1
        rows = []
        for page in published:
            views = int(site_views * weights[page.pk] / total_weight * rng.uniform(0.7, 1.3))
            if views:
                visitors = max(1, int(views * rng.uniform(0.72, 0.9)))
                rows.append(PageRow(page.pk, page.content_type_id, views, visitors))
        site_visitors = int(sum(row.visitors for row in rows) * 0.62)
        seal_day(site.pk, day, rows, site_visitors, is_demo=True)
        sealed += 1
    return sealed
