"""Timing helpers: medians and percentiles over repeated requests."""

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def time_get(url, repeat=30, warmup=3, client=None, before=None):
    """Median and p95 server time (ms) and the query count of GET url.

    ``before`` is called, untimed, before every request (e.g. to empty a cache).
    """
    client = client or Client()
    before = before or (lambda: None)
    for _ in range(warmup):
        before()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    before()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries.captured_queries)
    reset_queries()
    timings = []
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "queries": query_count,
    }
