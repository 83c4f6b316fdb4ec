"""English works too: with ``LANGUAGE_CODE = "en"`` the portal and the admin speak English, with "vi" Vietnamese.

Besides a few strings looked for by name, every page is checked against the
suite's catalogues as a whole: rendered in English it must show none of
their Vietnamese translations, and rendered in Vietnamese none of their
English messages (both ignore what the editors wrote, which is the content,
not the interface, and messages shorter than two words).
"""

import gettext
import html
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from wagtail.rich_text import RichText

from tests.factories import (
    ArticlePageFactory,
    LegalDocumentIndexPageFactory,
    LegalDocumentPageFactory,
    NewsIndexPageFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
#: The suite's catalogues of its own strings, and the one of Wagtail's admin strings it ships.
OWN_CATALOGUES = [
    "wagtail_bhxh",
    "wagtail_bhxh/search",
    "wagtail_bhxh/analytics",
    "wagtail_bhxh/editorial",
    "wagtail_bhxh_royalties",
    "wagtail_bhxh_spokesperson",
]
WAGTAIL_VI = "wagtail_bhxh/wagtail_vi"

#: What the editors wrote; interface messages that happen to be part of it are not checked.
CONTENT = [
    "Portal of the provincial social insurance",
    "Pension increase from 1 July",
    "Pensions and allowances rise by fifteen percent.",
    "The provincial office pays the new amounts in July.",
    "Decree 115 on compulsory social insurance",
    "Details of the Law on Social Insurance.",
    "Scope of regulation",
    "Press information",
    "Press release on the results of the first half year",
    "The provincial social insurance reports its results.",
    "News",
    "Legal documents",
    "Voluntary social insurance",
]


def catalogue(directory):
    """{English message: Vietnamese translation} of one compiled catalogue."""
    path = ROOT / directory / "locale" / "vi" / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as mo:
        messages = gettext.GNUTranslations(mo)._catalog
    return {
        msgid: msgstr
        for msgid, msgstr in messages.items()
        if isinstance(msgid, str) and msgid and msgstr and msgid != msgstr
    }


def stored_names():
    """Names ``bhxh_setup`` stores once, in the language of the day it ran: data, like the content."""
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    return [
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
        *Group.objects.values_list("name", flat=True),
    ]


def interface_messages(directories):
    """(English messages, their Vietnamese translations) worth looking for on a page."""
    pairs = {}
    for directory in directories:
        if (ROOT / directory).is_dir():
            pairs.update(catalogue(directory))
    written = {text.lower() for text in [*CONTENT, *stored_names()]}

    def checkable(text):
        # Two words or more, no placeholder, no markup, not something the editors wrote.
        return (
            " " in text
            and len(text) >= 12
            and not re.search(r"[%{}<>]", text)
            and "\n" not in text
            and text.lower() not in written
        )

    english = {msgid for msgid in pairs if checkable(msgid)}
    vietnamese = {msgstr for msgstr in pairs.values() if checkable(msgstr)}
    return english - vietnamese, vietnamese - english


def visible_text(response):
    """The page's text nodes and accessible labels, one string each, as a reader or a screen reader meets them."""
    page = response.content.decode()
    page = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", "<>", page)
    labels = re.findall(r'(?i)\b(?:aria-label|title|placeholder|alt)="([^"]*)"', page)
    nodes = re.split(r"(?s)<[^>]*>", page)
    segments = set()
    for segment in [*nodes, *labels]:
        segment = re.sub(r"\s+", " ", html.unescape(segment)).strip().rstrip(":…").strip()
        if segment:
            segments.add(segment)
    return segments


def found_in(segments, messages):
    """Messages shown whole as a text or a label (a message inside a longer sentence is another message)."""
    return sorted(segments & messages)


@pytest.fixture
def portal(home):
    """A small portal written in English words, so its content never passes for interface text."""
    call_command("bhxh_setup", verbosity=0)
    home.title = CONTENT[0]
    home.intro = CONTENT[0]
    home.save_revision().publish()
    news = NewsIndexPageFactory(parent=home, title="News", slug="news")
    article = ArticlePageFactory(
        parent=news,
        title=CONTENT[1],
        slug="pension-increase",
        intro=CONTENT[2],
        body=[("paragraph", RichText(f"<p>{CONTENT[3]}</p>"))],
    )
    documents = LegalDocumentIndexPageFactory(parent=home, title="Legal documents", slug="legal-documents")
    decree = LegalDocumentPageFactory(
        parent=documents,
        title=CONTENT[4],
        slug="decree-115",
        issuer="Government",
        summary=CONTENT[5],
        full_text=[("article", {"number": "1", "heading": CONTENT[6], "text": CONTENT[5]})],
    )
    urls = {"home": home.url, "news listing": news.url, "article": article.url, "legal document": decree.url}
    if apps.is_installed("wagtail_bhxh.search"):
        urls["search"] = reverse("wagtail_bhxh:search") + "?q=pension"
    if apps.is_installed("wagtail_bhxh_spokesperson"):
        from tests.wagtail_bhxh_spokesperson.conftest import make_press_release
        from wagtail_bhxh_spokesperson.models import PressIndexPage

        section = PressIndexPage(title=CONTENT[7], slug="press", intro=CONTENT[7])
        home.add_child(instance=section)
        section.save_revision().publish()
        release = make_press_release(section, title=CONTENT[8], intro=CONTENT[9], slug="press-release")
        urls["press section"] = section.url
        urls["press release"] = release.url
    topic = TopicFactory(name=CONTENT[12])
    return {"urls": urls, "article": article, "news": news, "topic": topic}


def admin_screens(portal):
    article, news = portal["article"], portal["news"]
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "page explorer": reverse("wagtailadmin_explore", args=(news.pk,)),
        "page editor": reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        "snippets": reverse("wagtailsnippets_wagtail_bhxh_topic:list"),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        "workflows report": reverse("wagtailadmin_reports:workflow"),
        "takedown requests": reverse("wagtail_bhxh_takedown:index"),
    }
    if apps.is_installed("wagtail_bhxh_royalties"):
        screens["royalty entries"] = reverse("wagtail_bhxh_royalties_entries:index")
    return screens


def render(client, urls):
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        pages[name] = (response, visible_text(response))
    return pages


def test_the_portal_speaks_english_with_language_code_en(client, settings, portal):
    settings.LANGUAGE_CODE = "en"
    english, vietnamese = interface_messages(OWN_CATALOGUES)
    leaks = {}
    for name, (response, text) in render(client, portal["urls"]).items():
        assert '<html lang="en">' in response.content.decode(), name
        assert {"Skip to main content", "Main menu"} <= text, name
        if found := found_in(text, vietnamese):
            leaks[name] = found
    assert not leaks, f"Vietnamese interface text on English pages: {leaks}"


def test_the_portal_speaks_vietnamese_with_language_code_vi(client, settings, portal):
    settings.LANGUAGE_CODE = "vi"
    english, vietnamese = interface_messages(OWN_CATALOGUES)
    leaks = {}
    for name, (response, text) in render(client, portal["urls"]).items():
        assert '<html lang="vi">' in response.content.decode(), name
        assert {"Chuyển đến nội dung chính", "Menu chính"} <= text, name
        if found := found_in(text, english):
            leaks[name] = found
    assert not leaks, f"English interface text on Vietnamese pages: {leaks}"


def test_the_admin_speaks_english_with_language_code_en(client, settings, portal):
    settings.LANGUAGE_CODE = "en"
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    english, vietnamese = interface_messages([*OWN_CATALOGUES, WAGTAIL_VI])
    leaks = {}
    pages = render(client, admin_screens(portal))
    for name, (response, text) in pages.items():
        assert '<html lang="en"' in response.content.decode(), name
        if found := found_in(text, vietnamese):
            leaks[name] = found
    assert "Dashboard - Wagtail" in pages["dashboard"][1]
    assert "Takedown requests" in pages["takedown requests"][1]
    assert not leaks, f"Vietnamese interface text in the English admin: {leaks}"


def test_the_admin_speaks_vietnamese_with_language_code_vi(client, settings, portal):
    settings.LANGUAGE_CODE = "vi"
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    # Only the suite's own messages: a few of Wagtail's own are still English (see the browser test of coverage).
    english, vietnamese = interface_messages(OWN_CATALOGUES)
    leaks = {}
    pages = render(client, admin_screens(portal))
    for name, (response, text) in pages.items():
        assert '<html lang="vi"' in response.content.decode(), name
        if found := found_in(text, english):
            leaks[name] = found
    assert "Trang tổng quan - Wagtail" in pages["dashboard"][1]
    assert "Yêu cầu gỡ tin" in pages["takedown requests"][1]
    assert not leaks, f"English interface text in the Vietnamese admin: {leaks}"


def test_the_english_version_of_a_vietnamese_portal_speaks_english(client, settings, portal):
    """LANGUAGE_CODE stays "vi"; the site's English locale (under /en/) is English throughout."""
    from wagtail.models import Locale

    settings.LANGUAGE_CODE = "vi"
    english_locale = Locale.objects.get(language_code="en")
    article = portal["article"]
    english_home = article.get_site().root_page.specific.copy_for_translation(english_locale)
    english_home.save_revision().publish()
    english_news = portal["news"].copy_for_translation(english_locale)
    english_news.save_revision().publish()
    english_article = article.copy_for_translation(english_locale)
    english_article.save_revision().publish()
    # The sites' root paths are cached per locale: the new English root must be seen.
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    english, vietnamese = interface_messages(OWN_CATALOGUES)
    for page in (english_home, english_news, english_article):
        assert page.url.startswith("/en/"), page.url
        response = client.get(page.url)
        assert response.status_code == 200
        assert '<html lang="en">' in response.content.decode()
        text = visible_text(response)
        assert {"Skip to main content", "Main menu"} <= text
        assert not found_in(text, vietnamese), page.url
    # The Vietnamese original links to its English version and stays Vietnamese.
    original = client.get(article.url)
    assert f'href="{english_article.url}" lang="en" hreflang="en"' in original.content.decode()
    assert not found_in(visible_text(original), english)
