"""Accessibility of the public portal, measured in the browser with axe-core.

The example site's demo content (the portal a province sees after ``make
demo``) is loaded once; each kind of public page is then checked with
axe-core for WCAG 2.1 A/AA rules. Home, listing, article, legal document,
search and press pages are walked with the keyboard (skip link first, focus
moves to the content, every stop shows a focus indicator), and the menu on a
phone's width lets focus through. axe-core is vendored in ``tests/e2e/vendor/`` (see its README).
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


#: Pages walked with the keyboard, by their name in public_pages().
KEYBOARD_PAGES = ("home", "news listing", "article", "legal document", "search results", "press release")
#: Tab stops walked at most per page (the footer's links come after the content).
MAX_TAB_STOPS = 80
PHONE = {"width": 375, "height": 740}

#: The focused element's focus indicator, and the same element's look without focus.
FOCUS_STYLE = """el => {
    const look = () => {
        const s = getComputedStyle(el);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | ');
    };
    const focused = look();
    el.blur();
    const unfocused = look();
    el.focus();
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!el.dataset.bhxhStop) el.dataset.bhxhStop = String(document.querySelectorAll('[data-bhxh-stop]').length + 1);
    return {
        stop: el.dataset.bhxhStop,
        changed: focused !== unfocused,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        ring: !!style.boxShadow && style.boxShadow !== 'none',
        visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
        inViewport: box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight,
        inMenu: !!el.closest('nav.main-menu'),
        inMain: !!el.closest('main'),
        body: el === document.body,
        label: (el.innerText || el.getAttribute('aria-label') || el.name || el.tagName).trim().slice(0, 60),
    };
}"""


def focused(page):
    return page.evaluate(FOCUS_STYLE, page.evaluate_handle("document.activeElement"))


def walk_with_the_keyboard(page, url):
    """Problems a keyboard user meets on ``url``: the skip link, focus indicators, focus order."""
    problems = []
    page.goto(url)
    page.keyboard.press("Tab")
    skip = page.evaluate("() => document.activeElement.getAttribute('href')")
    if skip != "#main":
        problems.append(f"the first Tab stop links to {skip!r}, not to #main")
        return problems
    if not focused(page)["visible"]:
        problems.append("the skip link does not show when focused")
    page.keyboard.press("Enter")
    if page.evaluate("() => document.activeElement.id") != "main":
        problems.append("the skip link does not move focus to the main content")
    page.keyboard.press("Tab")
    if not focused(page)["inMain"]:
        problems.append("after the skip link, Tab does not continue inside the main content")

    # From the top again: every stop, in order, shows that it has focus.
    page.goto(url)
    stops = 0
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focus = focused(page)
        if focus["body"]:
            break  # past the last stop, focus leaves the document
        stops += 1
        if focus["visible"] and not ((focus["outline"] or focus["ring"]) and focus["changed"]):
            problems.append(f"no visible focus indicator on {focus['label']!r}")
        if focus["visible"] and not focus["inViewport"]:
            problems.append(f"{focus['label']!r} has focus out of sight")
    if stops < 5:
        problems.append(f"only {stops} Tab stops")
    return problems


def no_keyboard_trap_in_the_phone_menu(page, url):
    """On a phone's width the menu scrolls sideways: Tab goes through it and out, Shift+Tab back in."""
    problems = []
    page.goto(url)
    page.keyboard.press("Tab")  # the skip link
    in_menu, left_menu = [], False
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focus = focused(page)
        if focus["inMenu"]:
            in_menu.append(focus["label"])
            if not focus["inViewport"]:
                problems.append(f"the menu item {focus['label']!r} has focus out of sight")
        elif in_menu:
            left_menu = not focus["body"]  # the banners or the content after the menu
            break
    if not in_menu:
        problems.append("Tab never reaches the main menu")
    elif not left_menu:
        problems.append(f"Tab does not leave the main menu for what follows it (menu stops: {in_menu})")
    else:
        page.keyboard.press("Shift+Tab")
        if focused(page)["label"] != in_menu[-1]:
            problems.append("Shift+Tab from the content does not return to the menu's last item")
    return problems


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

    # Keyboard: on each kind of page the first stop skips to the content, and every stop shows focus.
    urls = public_pages()
    keyboard = {}
    for name in KEYBOARD_PAGES:
        if name in urls:
            problems = walk_with_the_keyboard(citizen, urls[name])
            if problems:
                keyboard[name] = problems
    steps.shot(citizen, "keyboard-focus")
    phone = new_page(citizen=True, viewport=PHONE)
    for name in ("home", "article"):
        problems = no_keyboard_trap_in_the_phone_menu(phone, urls[name])
        if problems:
            keyboard[f"{name} on a phone"] = problems
    steps.shot(phone, "phone-menu-keyboard")
    assert not keyboard, "keyboard problems:\n" + "\n".join(
        f"- {page}:\n    " + "\n    ".join(lines) for page, lines in keyboard.items()
    )


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


def test_the_keyboard_check_reports_what_keyboard_users_would_meet(chromium):
    """The walk above can fail: a page without a skip link, a link without a focus indicator."""
    bad = (
        '<!doctype html><html lang="vi"><head><title>Thử</title><style>a:focus { outline: none; }</style></head>'
        '<body><a href="/">Trang chủ</a><main id="main">'
        + "".join(f'<a href="/{n}">Tin {n}</a> ' for n in range(6))
        + "</main></body></html>"
    )
    skip_only = bad.replace("<body>", '<body><a href="#main" style="outline: 3px solid red">Bỏ qua</a>')
    context = chromium.new_context()
    page = context.new_page()
    page.route("http://portal.test/**", lambda route: route.fulfill(body=bad, content_type="text/html"))
    assert walk_with_the_keyboard(page, "http://portal.test/") == ["the first Tab stop links to '/', not to #main"]
    page.unroute("http://portal.test/**")
    page.route("http://portal.test/**", lambda route: route.fulfill(body=skip_only, content_type="text/html"))
    problems = walk_with_the_keyboard(page, "http://portal.test/")
    context.close()
    assert "the skip link does not move focus to the main content" in problems  # <main> has no tabindex
    assert "no visible focus indicator on 'Tin 0'" in problems
