"""Concurrent real hits: N distinct visitors at once give exactly N counted views.

Threads post beacons through the full request stack, each with its own
database connection, released together by a barrier. CI runs this on
PostgreSQL and on SQLite; the benchmark (bench/bench_beacon.py) does the same
with worker processes under gunicorn.
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from tests.factories import ArticlePageFactory, NewsIndexPageFactory
from wagtail_bhxh.analytics.models import Visit
from wagtail_bhxh.analytics.sealing import raw_page_rows

from .conftest import send_beacon

HITS = 200


#: Threads (database connections) sharing the hits: PostgreSQL's connection limit is shared.
WORKERS = 20


def fire(page, hits, same_visitor=False):
    """Post ``hits`` beacons from WORKERS threads released at once; distinct visitors unless same_visitor."""
    barrier = threading.Barrier(WORKERS)
    statuses = []
    errors = []

    def work(worker):
        try:
            client = Client()
            barrier.wait(timeout=30)
            for i in range(worker, hits, WORKERS):
                ip = "198.51.100.1" if same_visitor else f"198.51.{i // 250}.{i % 250 + 1}"
                statuses.append(send_beacon(client, page, ip=ip).status_code)
        except Exception as error:  # noqa: BLE001  (reported below; a thread must not die silently)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses, errors


# Real commits, so other connections see them; the data migrations' rows
# (locales, sites, groups) are restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def live_article(home):
    return ArticlePageFactory(parent=NewsIndexPageFactory(parent=home))


def test_200_concurrent_visitors_count_exactly_200(live_article):
    statuses, errors = fire(live_article, HITS)
    assert errors == []
    assert statuses == [204] * HITS
    assert Visit.objects.filter(page_id=live_article.pk).count() == HITS
    assert sum(Visit.objects.values_list("views", flat=True)) == HITS
    (rows,) = raw_page_rows(Visit.objects.first().day).values()
    assert (rows[0].views, rows[0].visitors) == (HITS, HITS)


def test_one_visitor_reloading_concurrently_counts_once(live_article):
    statuses, errors = fire(live_article, 50, same_visitor=True)
    assert errors == []
    assert statuses == [204] * 50
    assert list(Visit.objects.values_list("views", flat=True)) == [1]
