"""Costs of the editorial process (Decision 2474).

- the content standards checks, as the editor's panel runs them every few
  seconds, for a short item and a long one with many images and links;
- the news listing and home page with withdrawn items excluded, against the
  same pages with nothing withdrawn (the exclusion is a subquery).
"""

import statistics
import time

from django.core.management import call_command
from django.db import transaction
from django.test import Client
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from .measure import percentile, time_get


def add_arguments(parser):
    parser.add_argument("--articles", type=int, default=1000, help="articles in the news section")
    parser.add_argument("--withdrawn", type=int, default=100, help="of which withdrawn")


def build_site(n):
    from tests.factories import ArticlePageFactory, ImageFactory, NewsIndexPageFactory, PortalHomePageFactory

    with transaction.atomic():
        Page.objects.filter(depth__gt=1).delete()
        root = Page.get_first_root_node()
        home = PortalHomePageFactory(parent=root, slug="home")
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "testserver"})
        Site.clear_site_root_paths_cache()
        news = NewsIndexPageFactory(parent=home, slug="tin-tuc")
        images = [ImageFactory() for _ in range(10)]
        articles = [ArticlePageFactory(parent=news, feature_image=images[i % 10]) for i in range(n)]
    return home, news, articles


def withdraw(pages):
    from wagtail_bhxh.models import PageNotice, TakedownRequest

    for page in pages:
        takedown = TakedownRequest.objects.create(
            page=page, page_title=page.title, reason="expired", status="approved", outcome="withdrawn"
        )
        PageNotice.objects.create(page=page, kind=PageNotice.Kind.WITHDRAWAL, text="", takedown=takedown)


def time_checks(page, repeat=30):
    from wagtail_bhxh.standards import registry

    registry.run(page)  # warm
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        registry.run(page)
        timings.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(timings), 2), "p95_ms": round(percentile(timings, 0.95), 2)}


def article_with_blocks(news, blocks):
    from tests.factories import ArticlePageFactory, ImageFactory

    targets = list(Page.objects.filter(depth=4)[:blocks])
    links = " ".join(f'<a linktype="page" id="{t.pk}">x</a>' for t in targets)
    paragraph = "<p>" + "Bảo hiểm xã hội (BHXH) tỉnh tổ chức hội nghị đối thoại với doanh nghiệp. " * 10 + "</p>"
    body = [("paragraph", RichText(paragraph)) for _ in range(blocks)]
    body[0] = ("paragraph", RichText(paragraph.replace("</p>", f" {links}</p>")))
    body += [
        ("image", {"image": ImageFactory(), "alt_text": "Ảnh", "caption": "Chú thích", "credit": "A"})
        for _ in range(blocks)
    ]
    return ArticlePageFactory(parent=news, body=body, feature_image=ImageFactory())


def run(args):
    from wagtail_bhxh.standards import links

    call_command("migrate", verbosity=0)
    links.fetch_status = lambda url, timeout: 200  # no network in benchmarks
    n = 100 if args.quick else args.articles
    withdrawn = min(n // 10, args.withdrawn)
    home, news, articles = build_site(n)
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    editor = get_user_model().objects.create_superuser("bench-editor", "bench@example.com", "bench")
    editor_client = Client()
    editor_client.force_login(editor)
    rows = []
    for blocks in (5, 50):
        page = article_with_blocks(news, blocks)
        rows.append(
            {"measure": f"standards checks, {blocks} paragraphs + {blocks} images", **time_checks(page), "queries": ""}
        )
        url = reverse("wagtail_bhxh_standards:page", args=(page.pk,))
        rows.append(
            {
                "measure": f"checks panel view, {blocks} paragraphs + {blocks} images",
                **time_get(url, client=editor_client),
            }
        )

    client = Client()
    before = {"news listing": time_get(news.url, client=client), "home": time_get(home.url, client=client)}
    withdraw(articles[:withdrawn])
    after = {"news listing": time_get(news.url, client=client), "home": time_get(home.url, client=client)}
    for label in before:
        rows.append({"measure": f"{label}, {n} articles, none withdrawn", **before[label]})
        rows.append({"measure": f"{label}, {n} articles, {withdrawn} withdrawn", **after[label]})
        ratio = after[label]["median_ms"] / before[label]["median_ms"]
        rows.append(
            {
                "measure": f"{label}: withdrawn / none (median)",
                "median_ms": round(ratio, 2),
                "p95_ms": "",
                "queries": "",
            }
        )
    return rows
