"""How much of Wagtail's admin an editor meets in Vietnamese, measured on the screens of the journey.

Wagtail's own Vietnamese catalogue covers a small part of its admin; the
suite's ``wagtail_bhxh.wagtail_vi`` catalogue fills the rest of what these
screens show. The test lists, per screen, every Wagtail message still shown
in English.
"""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Collection

from tests.factories import ArticlePageFactory, DocumentFactory, ImageFactory, TopicFactory

from .admin_strings import VISIBLE_STRINGS_JS, classify
from .conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

#: The share of Wagtail's visible messages on these screens that must read in Vietnamese.
REQUIRED_COVERAGE = 0.95


def screens(site, article, image, document, topic):
    urls = {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{site.news.pk}/",
        "page editor": f"/admin/pages/{article.pk}/edit/",
        "new page": f"/admin/pages/add/wagtail_bhxh/articlepage/{site.news.pk}/",
        "page history": f"/admin/pages/{article.pk}/history/",
        "workflow history": f"/admin/pages/{article.pk}/workflow_history/",
        "workflows report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "snippet listing": reverse("wagtailsnippets_wagtail_bhxh_topic:list"),
        "snippet editor": reverse("wagtailsnippets_wagtail_bhxh_topic:edit", args=(topic.pk,)),
        "images": reverse("wagtailimages:index"),
        "image editor": reverse("wagtailimages:edit", args=(image.pk,)),
        "image upload": reverse("wagtailimages:add_multiple"),
        "documents": reverse("wagtaildocs:index"),
        "document editor": reverse("wagtaildocs:edit", args=(document.pk,)),
        "document upload": reverse("wagtaildocs:add_multiple"),
        "locked pages report": reverse("wagtailadmin_reports:locked_pages"),
        "aging pages report": reverse("wagtailadmin_reports:aging_pages"),
        "site history report": reverse("wagtailadmin_reports:site_history"),
        # The suite's own screens are built from Wagtail's listings, filters and buttons.
        "takedown requests": reverse("wagtail_bhxh_takedown:index"),
    }
    if apps.is_installed("wagtail_bhxh_royalties"):
        urls["royalty entries"] = reverse("wagtail_bhxh_royalties_entries:index")
    return urls


def test_the_editor_meets_wagtail_in_vietnamese(editorial_site, new_page, steps):
    from .test_journey import BODY, INTRO, TITLE  # noqa: F401 - the same news item as the journey

    users = editorial_site.users
    article = ArticlePageFactory(parent=editorial_site.news, title=TITLE, intro=INTRO, owner=users.contributor)
    article.save_revision(user=users.contributor)
    root = Collection.get_first_root_node()
    image = ImageFactory(title="Hội nghị đối thoại với doanh nghiệp", collection=root)
    document = DocumentFactory(title="Báo cáo tháng 3", collection=root)
    topic = TopicFactory(name="Bảo hiểm xã hội tự nguyện")

    # The editorial secretary sees the most of the journey's screens (snippets, locked pages).
    page = new_page(users.secretary)
    english, total = {}, 0
    for name, url in screens(editorial_site, article, image, document, topic).items():
        response = page.goto(url)
        assert response.status < 400, f"{name} ({url}) answered {response.status}"
        page.wait_for_load_state("networkidle")
        translated, untranslated = classify(page.evaluate(VISIBLE_STRINGS_JS))
        total += len(translated) + len(untranslated)
        if untranslated:
            english[name] = sorted(untranslated)
        steps.shot(page, name.replace(" ", "-"))

    shown_in_english = sum(len(strings) for strings in english.values())
    coverage = 1 - shown_in_english / total
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "admin-translation-coverage.txt").write_text(
        f"Wagtail admin messages on the journey's screens: {total}, in Vietnamese: {coverage:.1%}\n"
        + "".join(f"  still in English on {name}: {strings}\n" for name, strings in english.items()),
        encoding="utf-8",
    )
    assert total > 200, "the screens show too few of Wagtail's messages to measure"
    assert coverage >= REQUIRED_COVERAGE, (
        f"only {coverage:.1%} of Wagtail's messages on these screens read in Vietnamese; still in English: {english}"
    )
