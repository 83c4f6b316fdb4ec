"""Load benchmark of the view beacon: the example site under gunicorn on 127.0.0.1.

    python -m bench beacon [--hits 20000] [--concurrency 32] [--workers 2] [--threads 4]
    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/3 python -m bench beacon

Starts gunicorn on 127.0.0.1 (port 8301 by default) with bench/settings_beacon.py,
fires a bounded number of beacons from an asyncio generator in this process
(keep-alive connections, distinct visitors by X-Forwarded-For, one in ten a
reload within the window that must not count), stops the server, and reports
sustained beacons/s, p50/p99 latency, and counted vs expected views.
It also times the two ways of counting considered (one atomic upsert in the
database vs buffering in Redis), in-process, when REDIS_URL is set.
The whole run is bounded by --time-limit seconds.
"""

import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.models import Sum

from .measure import percentile

ROOT = Path(__file__).resolve().parent.parent
UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
)
PAGES = 50


def add_arguments(parser):
    parser.add_argument("--hits", type=int, default=20000, help="beacons of the measured run")
    parser.add_argument("--concurrency", type=int, default=32, help="connections of the load generator")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (gthread)")
    parser.add_argument("--port", type=int, default=8301)
    parser.add_argument("--time-limit", type=float, default=150, help="seconds the load may last at most")


# --- the site ------------------------------------------------------------------------


def build_site():
    from wagtail.models import Page, Site

    from tests.factories import ArticlePageFactory, NewsIndexPageFactory, PortalHomePageFactory
    from wagtail_bhxh.analytics.models import PageDailyStats, SiteDailyStats, Visit

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        Visit.objects.all().delete()
        PageDailyStats.objects.all().delete()
        SiteDailyStats.objects.all().delete()
        Page.objects.filter(depth__gt=1).delete()
        home = PortalHomePageFactory(parent=Page.get_first_root_node(), slug="home")
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "127.0.0.1"})
        news = NewsIndexPageFactory(parent=home, slug="tin-tuc")
        articles = [ArticlePageFactory(parent=news) for _ in range(PAGES)]
    Site.clear_site_root_paths_cache()
    return [article.pk for article in articles]


def counted_views():
    from wagtail_bhxh.analytics.models import Visit

    return Visit.objects.aggregate(n=Sum("views"))["n"] or 0


# --- the server ----------------------------------------------------------------------


def start_server(args, cache_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_beacon",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
        "BHXH_BENCH_CACHE_DIR": cache_dir,
        "BHXH_CACHE_PREFIX": os.environ.get("BHXH_CACHE_PREFIX", "bhxh-analytics-dev:bench"),
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "example_site.wsgi:application",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(args.threads),
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/ve-so-lieu-truy-cap/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise RuntimeError("gunicorn did not answer within 30 s")


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# --- the load ------------------------------------------------------------------------


def beacon_request(port, page_id, address):
    body = f"p={page_id}&c=1".encode()
    head = (
        f"POST /bhxh/luot-xem/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: {UA}\r\n"
        f"X-Forwarded-For: {address}\r\nSec-Fetch-Site: same-origin\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def plan(port, page_ids, hits, first_address, seed):
    """(requests, expected views): distinct visitors, one in ten a reload that must not count."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(page_ids))]
    requests, pairs = [], []
    for i in range(hits):
        if pairs and i % 10 == 9:
            page_id, address = rng.choice(pairs)
        else:
            n = first_address + i
            address = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
            page_id = rng.choices(page_ids, weights)[0]
            pairs.append((page_id, address))
        requests.append(beacon_request(port, page_id, address))
    return requests, len(set(pairs))


async def read_response(reader):
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError("connection closed")
    status = int(status_line.split()[1])
    length, close = 0, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "connection" and value.strip().lower() == "close":
            close = True
    if length:
        await reader.readexactly(length)
    return status, close


async def fire(port, requests, concurrency, time_limit):
    queue = iter(requests)
    latencies, statuses, errors = [], Counter(), Counter()
    deadline = time.monotonic() + time_limit

    async def worker():
        reader = writer = None
        for request in queue:
            if time.monotonic() > deadline:
                break
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                start = time.perf_counter()
                writer.write(request)
                await writer.drain()
                status, close = await read_response(reader)
                latencies.append(time.perf_counter() - start)
                statuses[status] += 1
            except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
                errors[type(error).__name__] += 1
                close = True
            if close and writer is not None:
                writer.close()
                writer = None
        if writer is not None:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - start, latencies, statuses, errors


# --- in-process: upsert vs buffering in Redis ---------------------------------------------


def time_recorders(page_ids, n=3000):
    """Median and p99 µs of one counted view: the database upsert, and a Redis buffer with flush."""
    from django.utils import timezone
    from wagtail.models import Site

    from wagtail_bhxh.analytics.recording import LivePage, record_view

    site_id = Site.objects.get(is_default_site=True).pk
    pages = [LivePage(pk, site_id) for pk in page_ids]
    rows = []
    upsert = []
    for i in range(n):
        start = time.perf_counter()
        record_view(pages[i % len(pages)], 10_000_000 + i)
        upsert.append((time.perf_counter() - start) * 1e6)
    rows.append(("database upsert (chosen)", upsert))
    if os.environ.get("REDIS_URL"):
        from django.core.cache.backends.redis import RedisCache

        cache = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "bhxh-analytics-dev:bench-buffer"})
        day = timezone.localdate().isoformat()
        buffered = []
        for i in range(n):
            page = pages[i % len(pages)]
            start = time.perf_counter()
            # Dedup within the window and per day, then buffered counters a flush would move to the database.
            if cache.add(f"w:{page.pk}:{i}", 1, 1800):
                try:
                    cache.incr(f"v:{day}:{page.pk}")
                except ValueError:
                    cache.set(f"v:{day}:{page.pk}", 1, 3 * 86400)
                if cache.add(f"u:{day}:{page.pk}:{i}", 1, 2 * 86400):
                    try:
                        cache.incr(f"u:{day}:{page.pk}")
                    except ValueError:
                        cache.set(f"u:{day}:{page.pk}", 1, 3 * 86400)
            buffered.append((time.perf_counter() - start) * 1e6)
        rows.append(("Redis buffer, before any flush", buffered))
        cache.clear()
    return [
        {
            "measure": f"in-process, one counted view: {label}",
            "value": f"median {statistics.median(values):.0f} µs, p99 {percentile(values, 0.99):.0f} µs",
        }
        for label, values in rows
    ]


# --- the run -------------------------------------------------------------------------------


def run(args):
    hits = 2000 if args.quick else args.hits
    page_ids = build_site()
    rows = time_recorders(page_ids, n=500 if args.quick else 3000)
    connections.close_all()
    cache_dir = tempfile.mkdtemp(prefix="bhxh-bench-cache-")
    server = start_server(args, cache_dir)
    try:
        warmup, _ = plan(args.port, page_ids, min(500, hits // 10), 1 << 22, seed=1)
        asyncio.run(fire(args.port, warmup, args.concurrency, 30))
        before = counted_views()
        connections.close_all()
        requests, expected = plan(args.port, page_ids, hits, 1, seed=2)
        elapsed, latencies, statuses, errors = asyncio.run(fire(args.port, requests, args.concurrency, args.time_limit))
    finally:
        stop_server(server)
    counted = counted_views() - before
    sent = len(latencies) + sum(errors.values())
    completed = sent == hits
    ms = [value * 1000 for value in latencies]
    rows += [
        {"measure": "database", "value": connection.vendor},
        {"measure": "cache (salt, counters)", "value": "Redis" if os.environ.get("REDIS_URL") else "files"},
        {"measure": "server", "value": f"gunicorn gthread, {args.workers} workers × {args.threads} threads"},
        {"measure": "load", "value": f"{args.concurrency} keep-alive connections, {os.cpu_count()} cores shared"},
        {"measure": "beacons sent", "value": sent},
        {"measure": "answers", "value": ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())) or "none"},
        {"measure": "errors", "value": ", ".join(f"{k}: {v}" for k, v in errors.items()) or "none"},
        {"measure": "sustained beacons/s", "value": round(len(latencies) / elapsed)},
        {"measure": "latency p50 (ms)", "value": round(statistics.median(ms), 2) if ms else "-"},
        {"measure": "latency p99 (ms)", "value": round(percentile(ms, 0.99), 2) if ms else "-"},
        {"measure": "views expected (distinct visitor-page pairs)", "value": expected if completed else "-"},
        {"measure": "views counted", "value": counted},
        {"measure": "exact", "value": "yes" if completed and counted == expected and not errors else "NO"},
    ]
    return rows
