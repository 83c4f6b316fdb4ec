"""Accessibility of the public portal, measured in the browser with axe-core.

The example site's demo content (the portal a province sees after ``make
demo``) is loaded once; each kind of public page is then checked with
axe-core for WCAG 2.1 A/AA rules, and the home page is walked with the
keyboard. axe-core is vendored in ``tests/e2e/vendor/`` (see its README).
"""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from wagtail_bhxh.models import (
    ArticlePage,
    InfographicPage,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    NewsIndexPage,
    PortalHomePage,
    VideoPage,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
BLOCKING_IMPACTS = {"serious", "critical"}


def axe_violations(page):
    """axe-core's serious and critical violations on the page as loaded, one line each."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in violation["nodes"][:5]
        )
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def public_pages():
    first = {
        "home": PortalHomePage.objects.live().first(),
        "news listing": NewsIndexPage.objects.live().first(),
        "article": ArticlePage.objects.live().order_by("-first_published_at").first(),
        "infographic": InfographicPage.objects.live().first(),
        "video": VideoPage.objects.live().first(),
        "legal documents listing": LegalDocumentIndexPage.objects.live().first(),
        "legal document": LegalDocumentPage.objects.live().first(),
    }
    if apps.is_installed("wagtail_bhxh_spokesperson"):
        from wagtail_bhxh_spokesperson.models import PressIndexPage, PressReleasePage

        first["press section"] = PressIndexPage.objects.live().first()
        first["press release"] = PressReleasePage.objects.live().first()
    missing = [name for name, page in first.items() if page is None]
    assert not missing, f"the demo content has no {missing}"
    urls = {name: page.url for name, page in first.items()}
    if apps.is_installed("wagtail_bhxh.search"):
        search = reverse("wagtail_bhxh:search")
        urls["search results"] = f"{search}?q=the+bhyt"
        urls["search without results"] = f"{search}?q=xyzzy+khong+co"
    return urls


FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {outline, ring, visible: box.width > 0 && box.height > 0,
            label: (el.innerText || el.getAttribute('aria-label') || el.name || el.tagName).trim().slice(0, 60)};
}"""


def test_public_pages_have_no_serious_accessibility_violations(new_page, steps):
    call_command("bhxh_setup", verbosity=0)
    call_command("bhxh_load_demo", password="demo-password", stdout=StringIO())
    citizen = new_page(citizen=True, bypass_csp=True)

    report = {}
    for name, url in public_pages().items():
        response = citizen.goto(url)
        assert response.status == 200, f"{name} at {url} answered {response.status}"
        steps.shot(citizen, name.replace(" ", "-"))
        violations = axe_violations(citizen)
        if violations:
            report[f"{name} ({url})"] = violations
    assert not report, "serious or critical axe-core violations:\n" + "\n".join(
        f"- {page}:\n    " + "\n    ".join(lines) for page, lines in report.items()
    )

    # Keyboard: the first stop skips to the content, and every stop shows where focus is.
    citizen.goto("/")
    citizen.keyboard.press("Tab")
    first = citizen.evaluate_handle("document.activeElement")
    assert citizen.evaluate("el => el.getAttribute('href')", first) == "#main", "the first Tab stop is a skip link"
    assert citizen.evaluate(FOCUS_STYLE, first)["visible"], "the skip link shows when focused"
    unmarked = []
    for _ in range(25):
        focus = citizen.evaluate(FOCUS_STYLE, citizen.evaluate_handle("document.activeElement"))
        if focus["visible"] and not (focus["outline"] or focus["ring"]):
            unmarked.append(focus["label"])
        citizen.keyboard.press("Tab")
    steps.shot(citizen, "keyboard-focus")
    assert not unmarked, f"focused without a visible focus indicator: {unmarked}"


def test_the_axe_check_reports_what_citizens_would_meet(chromium):
    """The check above can fail: an image without alt text and an unlabelled field are reported."""
    page = chromium.new_page()
    page.set_content(
        '<!doctype html><html lang="vi"><head><title>Thử</title></head><body><main>'
        '<h1>Thử</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    violations = " ".join(axe_violations(page))
    page.close()
    assert "image-alt (critical)" in violations
    assert "label (critical)" in violations
