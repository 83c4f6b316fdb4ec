"""Server time and queries of the public pages and the admin listing as the number of articles grows.

For each size the corpus is made (or grown) with ``bhxh_generate_content``'s
generator, and a stock Wagtail baseline of the same size is made beside it
(``bench/baseline``: a plain Page with a StreamField body, and an index
listing its children). Each suite page is measured with the baseline page of
the same role in the same run, and their ratio reported.

    python -m bench pages                        # 1k, 10k and 100k articles
    DATABASE_URL=postgres://... python -m bench pages --sizes 1000,10000,100000

Server time is the time of the whole request in process (middleware, view,
template), measured with Django's test client: no network, no web server.
"""

import datetime
import time

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Site

from wagtail_bhxh import fragment_cache
from wagtail_bhxh.generator import refresh_planner_statistics

from .measure import time_get

REPEAT = 30
RESULTS_PER_DATABASE = True


def add_arguments(parser):
    parser.add_argument("--sizes", default="1000,10000,100000", help="numbers of articles, comma separated")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="timed requests per page")


def reset_site():
    """An empty tree with a portal home page as the default site's root."""
    from wagtail_bhxh.models import PortalHomePage

    Page.objects.filter(depth__gt=1).delete()
    root = Page.get_first_root_node()
    root.refresh_from_db()
    home = root.add_child(instance=PortalHomePage(title="BHXH tỉnh Demo", slug="home"))
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    Site.clear_site_root_paths_cache()
    return home


def grow_baseline(home, n, generator):
    """Grow the stock Wagtail baseline to n articles, written the same way as the suite's."""
    from anyascii import anyascii
    from django.utils.text import slugify

    from bench.baseline.models import BaselineArticlePage, BaselineIndexPage

    index = BaselineIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=BaselineIndexPage(title="Baseline", slug="baseline"))
        index.save_revision().publish()
    missing = n - BaselineArticlePage.objects.count()
    images = generator.images(6)
    rng = generator.rng
    for start in range(0, missing, 5000):
        rows = []
        for published in generator.dates(min(5000, missing - start)):
            title = generator.headline()
            body = [
                {"type": "paragraph", "value": f"<p>{generator.paragraph()}</p>", "id": str(generator.uuid())}
                for _ in range(rng.randint(3, 6))
            ]
            rows.append(
                {
                    "title": title,
                    "slug": slugify(anyascii(title))[:60].strip("-"),
                    "first_published_at": published,
                    "intro": generator.sentence(),
                    "feature_image_id": rng.choice(images).pk,
                    "body": body,
                }
            )
        generator.write(index, BaselineArticlePage, rows, [lambda pk: {}] * len(rows))
    generator.reset_sequences()
    refresh_planner_statistics()
    return index


def grow_corpus(home, n):
    """Grow the suite's corpus to n articles (one legal document per 20, one infographic per 50)."""
    from wagtail_bhxh.generator import Generator, generate
    from wagtail_bhxh.models import ArticlePage, InfographicPage, LegalDocumentPage

    have = ArticlePage.objects.count()
    legal = max(20, n // 20) - LegalDocumentPage.objects.count()
    infographics = max(5, n // 50) - InfographicPage.objects.count()
    started = time.perf_counter()
    result = generate(n - have, legal_documents=max(0, legal), infographics=max(0, infographics), seed=n, home=home)
    baseline_started = time.perf_counter()
    index = grow_baseline(home, n, Generator(seed=n + 1))
    print(  # noqa: T201
        f"  corpus of {n} articles: +{result.pages} pages in {baseline_started - started:.1f} s "
        f"({result.pages_per_second:,.0f} pages/s, {result.pages_per_cpu_second:,.0f} per CPU second); "
        f"baseline in {time.perf_counter() - baseline_started:.1f} s"
    )
    return index


def search_url():
    if not apps.is_installed("wagtail_bhxh.search"):
        return None
    for name in ("wagtail_bhxh:search:search", "wagtail_bhxh:search", "wagtail_bhxh:search:results"):
        try:
            return reverse(name) + "?q=b%E1%BA%A3o+hi%E1%BB%83m+y+t%E1%BA%BF"
        except NoReverseMatch:
            continue
    return None


def pages_to_measure(home, baseline, n):
    from wagtail_bhxh.models import ArticlePage, InfographicPage, LegalDocumentIndexPage, NewsIndexPage

    news = NewsIndexPage.objects.child_of(home).get()
    legal = LegalDocumentIndexPage.objects.child_of(home).get()
    middle = ArticlePage.objects.order_by("pk").values_list("pk", flat=True)[n // 2]
    article = ArticlePage.objects.get(pk=middle)
    infographic = InfographicPage.objects.order_by("pk").first()
    baseline_article = baseline.get_children().order_by("path")[n // 2]
    last = max(1, -(-n // 12))
    year = datetime.date.today().year - 3
    pages = [
        ("home", home.url, ("baseline index, first page", baseline.url)),
        ("news listing, first page", news.url, ("baseline index, first page", baseline.url)),
        (
            "news listing, last page",
            f"{news.url}?page={last}",
            ("baseline index, last page", f"{baseline.url}?page={last}"),
        ),
        ("article", article.url, ("baseline article", baseline_article.url)),
        ("infographic", infographic.url, ("baseline article", baseline_article.url)),
        (
            "legal documents, filtered",
            f"{legal.url}?document_type=decision&year={year}",
            ("baseline index, first page", baseline.url),
        ),
    ]
    # The first view after a publish (a new fragment cache generation): what
    # one reader pays before the rest are served from the cache.
    pages += [
        (f"{label}, first view after a publish", url, base, fragment_cache.invalidate)
        for label, url, base in pages
        if label in ("home", "news listing, last page")
    ]
    url = search_url()
    pages.append(("search", url, None) if url else ("search", None, None))
    if url:
        # A query nobody asked since the index last changed: the search itself, not the results cache.
        from wagtail_bhxh.search import results_cache

        pages.append(("search, a query not cached", url, None, results_cache.index_changed))
    pages.append(
        (
            "admin page listing",
            reverse("wagtailadmin_explore", args=(news.pk,)),
            ("baseline admin listing", reverse("wagtailadmin_explore", args=(baseline.pk,))),
        )
    )
    return pages


def run(args):
    call_command("migrate", verbosity=0, run_syncdb=True)
    call_command("bhxh_setup", verbosity=0)
    sizes = [int(s) for s in args.sizes.split(",")]
    repeat = args.repeat
    if args.quick:
        sizes, repeat = [200], 5
    from django.contrib.auth import get_user_model

    User = get_user_model()
    admin = User.objects.filter(username="bench-admin").first() or User.objects.create_superuser(
        "bench-admin", "bench@example.com", "bench"
    )
    admin_client = Client()
    admin_client.force_login(admin)
    home = reset_site()
    rows = []
    for n in sorted(sizes):
        baseline = grow_corpus(home, n)
        if apps.is_installed("wagtail_bhxh.search"):
            # The generator writes pages in bulk, past the publish signals that index them.
            from wagtail_bhxh.search.backends.base import get_backend

            get_backend().rebuild()
        for label, url, base, *before in pages_to_measure(home, baseline, n):
            row = {"database": connection.vendor, "articles": n, "page": label}
            if url is None:
                rows.append(
                    {
                        **row,
                        "median_ms": "–",
                        "p95_ms": "–",
                        "queries": "–",
                        "baseline": "search app not installed",
                        "baseline_median_ms": "–",
                        "baseline_queries": "–",
                        "ratio": "–",
                    }
                )
                continue
            client = admin_client if label.startswith("admin") else Client()
            measured = time_get(url, repeat=repeat, client=client, before=before[0] if before else None)
            row.update(measured)
            if base:
                base_label, base_url = base
                # Stock Wagtail: without the suite's own middleware (a fresh client loads the stack).
                stock = [m for m in settings.MIDDLEWARE if not m.startswith("wagtail_bhxh.")]
                with override_settings(MIDDLEWARE=stock):
                    base_client = Client()
                    if label.startswith("admin"):
                        base_client.force_login(admin)
                    reference = time_get(base_url, repeat=repeat, client=base_client)
                row.update(
                    baseline=base_label,
                    baseline_median_ms=reference["median_ms"],
                    baseline_queries=reference["queries"],
                    ratio=round(measured["median_ms"] / reference["median_ms"], 2),
                )
            else:
                row.update(baseline="–", baseline_median_ms="–", baseline_queries="–", ratio="–")
            print(f"  {n} {label}: {row}")  # noqa: T201
            rows.append(row)
    return rows
