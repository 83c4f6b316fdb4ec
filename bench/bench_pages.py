"""Server time and queries of the public pages as the number of articles grows."""

from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from .measure import time_get


def add_arguments(parser):
    parser.add_argument("--sizes", default="200,1000", help="numbers of articles, comma separated")


def build(n):
    from tests.factories import ArticlePageFactory, ImageFactory, NewsIndexPageFactory, PortalHomePageFactory

    with transaction.atomic():
        Page.objects.filter(depth__gt=1).delete()
        root = Page.get_first_root_node()
        home = PortalHomePageFactory(parent=root, slug="home")
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "testserver"})
        Site.clear_site_root_paths_cache()
        news = NewsIndexPageFactory(parent=home, slug="tin-tuc")
        images = [ImageFactory() for _ in range(10)]
        article = None
        for i in range(n):
            article = ArticlePageFactory(parent=news, feature_image=images[i % 10])
    return home, news, article


def run(args):
    call_command("migrate", verbosity=0)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        sizes = [50]
    rows = []
    for n in sizes:
        home, news, article = build(n)
        for label, url in (
            ("home", home.url),
            ("news listing, first page", news.url),
            ("news listing, last page", f"{news.url}?page={max(1, -(-n // 12))}"),
            ("article", article.url),
        ):
            rows.append({"articles": n, "page": label, **time_get(url)})
    return rows
