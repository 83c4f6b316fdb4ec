"""Recording a page view: who is excluded, and the one statement that counts it.

A view is written with a single ``INSERT ... ON CONFLICT DO UPDATE`` on the
visitor's own row of the day (PostgreSQL and SQLite both support it): a new
row is a counted view by a new visitor; an existing row counts one more view
only when the last counted one is older than the window. The database applies
it atomically, so concurrent beacons neither lose nor double an update and,
since different visitors touch different rows, they never wait for each other.
See docs/explanation/visitor-statistics.md for the measurements behind this.
"""

import datetime
import time
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from wagtail.models import Site

from ..conf import bhxh_settings
from ..models.base import BasePage
from .models import Visit


@dataclass(frozen=True)
class LivePage:
    """What a beacon needs to know about the page it names."""

    pk: int
    site_id: int


def find_live_page(page_id: int, request) -> LivePage | None:
    """The live page with this id and the site it belongs to, or None (one query)."""
    row = BasePage.objects.filter(pk=page_id, live=True).values_list("url_path", flat=True).first()
    if row is None:
        return None
    site_id = site_for_url_path(row, request)
    if site_id is None:
        return None
    return LivePage(pk=page_id, site_id=site_id)


#: Wagtail's site root paths as this process last read them: (read at, paths).
_root_paths = (0.0, [])
#: Seconds this process reuses them before asking Wagtail's cache again. A page whose
#: path matches none of them is always checked against fresh ones.
ROOT_PATHS_SECONDS = 10


def _site_root_paths(fresh=False):
    global _root_paths
    read_at, paths = _root_paths
    now = time.monotonic()
    if fresh or now - read_at > ROOT_PATHS_SECONDS:
        paths = Site.get_site_root_paths()
        _root_paths = (now, paths)
    return paths


def forget_site_root_paths():
    global _root_paths
    _root_paths = (0.0, [])


def site_for_url_path(url_path: str, request=None) -> int | None:
    """The site a page's url_path belongs to (from Wagtail's cached root paths)."""
    host = request.get_host().split(":")[0].lower() if request is not None else ""
    matches = [root for root in _site_root_paths() if url_path.startswith(root.root_path)]
    if not matches:
        matches = [root for root in _site_root_paths(fresh=True) if url_path.startswith(root.root_path)]
    if not matches:
        return None
    for root in matches:
        if root.root_url.split("://", 1)[-1].split(":")[0].lower() == host:
            return root.site_id
    # Most specific path first, as Wagtail orders them.
    return matches[0].site_id


def is_editor(request) -> bool:
    """A logged-in user who may use the admin. Reads the session only when there is one."""
    if not bhxh_settings.ANALYTICS_EXCLUDE_EDITORS:
        return False
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return user.has_perm("wagtailadmin.access_admin")


def upsert_sql(ops) -> str:
    """The counting statement; only the quoted table name is interpolated, values are parameters."""
    table = ops.quote_name(Visit._meta.db_table)
    counted = f"{table}.last_counted_at <= %s"
    return (
        f"INSERT INTO {table} (day, site_id, page_id, visitor, views, last_counted_at, last_seen_at) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, 1, %s, %s) "
        "ON CONFLICT (day, page_id, visitor) DO UPDATE SET "
        f"views = {table}.views + CASE WHEN {counted} THEN 1 ELSE 0 END, "
        f"last_counted_at = CASE WHEN {counted} THEN excluded.last_seen_at ELSE {table}.last_counted_at END, "
        "last_seen_at = excluded.last_seen_at"
    )


def record_view(page: LivePage, visitor: int, now: datetime.datetime | None = None) -> None:
    """Count a view of ``page`` by ``visitor`` unless one was counted within the window."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    window_start = now - datetime.timedelta(minutes=bhxh_settings.ANALYTICS_WINDOW_MINUTES)
    ops = connection.ops
    stamp = ops.adapt_datetimefield_value(now)
    cutoff = ops.adapt_datetimefield_value(window_start)
    params = [ops.adapt_datefield_value(day), page.site_id, page.pk, visitor, stamp, stamp, cutoff, cutoff]
    with connection.cursor() as cursor:
        cursor.execute(upsert_sql(ops), params)
