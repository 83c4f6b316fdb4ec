"""Browser end-to-end tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Run with ``make test-e2e``. The browser is the system's Chromium
(``apt-get install chromium``), never one downloaded by ``playwright install``;
its path can be changed with ``BHXH_E2E_CHROMIUM``. Without it the tests skip
locally and ``.ci/run`` installs it.

Each test records a screenshot per step with ``steps.shot(page, "name")``. When
a test fails, those screenshots and one of every page still open are written
to ``test-artifacts/<test name>/`` (or ``$BHXH_E2E_ARTIFACTS/<test name>/``).

The tests run on SQLite by default and on PostgreSQL with ``DATABASE_URL``
set (``DATABASE_URL=postgres://... make test-e2e``), as ``.ci/run`` does. With ``BHXH_DOCS_SCREENSHOTS=1`` the steps
the editor guide shows (``steps.shot(..., docs="name")``) are also written to
``docs/vi/_static/huong-dan/``.
"""

import io
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer

from tests.factories import NewsIndexPageFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
#: Where screenshots of failed tests go; .ci/run gives the PostgreSQL run a directory of its own.
ARTIFACTS = ROOT / os.environ.get("BHXH_E2E_ARTIFACTS", "test-artifacts")
DOCS_SCREENSHOTS = ROOT / "docs" / "vi" / "_static" / "huong-dan"
CHROMIUM = os.environ.get("BHXH_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: What a citizen's desktop browser announces (the statistics ignore "HeadlessChrome" as a bot).
CITIZEN_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
)
PASSWORD = "mat-khau-e2e-2474"
VIEWPORT = {"width": 1280, "height": 860}


class SerialWSGIServer(ThreadedWSGIServer):
    """The live server running one request through Django at a time.

    The tests' in-memory SQLite database is one connection shared with the
    server's threads; the browser's parallel requests (the page editor's
    checks and previews, the beacon) must not use it at the same moment.
    On PostgreSQL each thread has its own connection and this only keeps
    the two databases' runs alike.
    Connections stay open (keep-alive) and static files are served freely.
    """

    def set_app(self, application):
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


@pytest.fixture(autouse=True)
def wagtail_baseline(transactional_db):
    """What Wagtail's migrations create (the content locale, the root page and collection, a default site).

    Each browser test runs in a transactional database that is emptied
    afterwards, taking these rows with it; the next test gets them back here.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page, Site

    locale = Locale.objects.first() or Locale.objects.create(language_code="vi")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(
                title="Root", slug="root", locale=locale, content_type=ContentType.objects.get_for_model(Page)
            )
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="Root"))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


@pytest.fixture(scope="session")
def serial_live_server():
    """Make pytest-django's ``live_server`` serial; requested before it."""
    from django.test.testcases import LiveServerThread

    original = LiveServerThread.server_class
    LiveServerThread.server_class = SerialWSGIServer
    yield
    LiveServerThread.server_class = original


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: .ci/run installs Debian's chromium before these tests.")
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install Debian's (apt-get install -y chromium) "
            "or set BHXH_E2E_CHROMIUM; never `playwright install`."
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="the dev extra (playwright) is not installed")
    # Playwright's synchronous API keeps an asyncio loop in the test's thread; the
    # ORM calls the tests make between browser steps are ordinary synchronous ones.
    # Set here, not at import, so the rest of the suite keeps Django's protection.
    unsafe_before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _launch_chromium(sync_api)
    finally:
        if unsafe_before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = unsafe_before


def _launch_chromium(sync_api):
    with sync_api.sync_playwright() as playwright:
        # Automation is not announced, so the view counter treats the citizen's browser as a person's.
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--disable-blink-features=AutomationControlled"]
        )
        yield browser
        browser.close()


def save_small_png(png, path, width=960, colours=128):
    """A screenshot for the docs: scaled down and reduced to a palette, so the repository stays small."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


class Steps:
    """Screenshots of each step of a test, written out when it fails (and for the docs on request)."""

    def __init__(self, name):
        self.name = re.sub(r"[^\w.-]+", "_", name)[:120]
        self.shots = []
        self.pages = []
        #: What the browser saw go wrong (failed responses, script errors, dialogs), reported on failure.
        self.events = []

    def watch(self, page, who):
        """Record the events of ``page`` that explain a step that never finished."""

        def on_response(response):
            if response.status >= 400:
                self.events.append(f"{who}: {response.status} {response.request.method} {response.url}")

        page.on("response", on_response)
        page.on(
            "requestfailed",
            lambda request: self.events.append(f"{who}: failed {request.method} {request.url}: {request.failure}"),
        )
        page.on("pageerror", lambda error: self.events.append(f"{who}: script error {error}"))
        # Dialogs are still dismissed, as Playwright does by default: a dialog no one expects is a finding.
        page.on("dialog", lambda dialog: self.events.append(f"{who}: {dialog.type} dialog {dialog.message!r}"))

    def shot(self, page, label, docs=None):
        png = page.screenshot(full_page=False)
        self.shots.append((f"{len(self.shots) + 1:02d}-{label}.png", png))
        if docs and os.environ.get("BHXH_DOCS_SCREENSHOTS"):
            DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            save_small_png(png, DOCS_SCREENSHOTS / f"{docs}.png")

    def save(self):
        directory = ARTIFACTS / self.name
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True, exist_ok=True)
        for filename, png in self.shots:
            (directory / filename).write_bytes(png)
        for number, page in enumerate(self.pages, start=1):
            try:
                if not page.is_closed():
                    page.screenshot(path=str(directory / f"zz-failure-{number}.png"), full_page=True)
                    (directory / f"zz-failure-{number}.html").write_text(page.content(), encoding="utf-8")
            except Exception as error:  # noqa: BLE001 - a broken page must not hide the test's own failure
                (directory / f"zz-failure-{number}.txt").write_text(repr(error), encoding="utf-8")
        return directory


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    steps = getattr(item, "_bhxh_steps", None)
    if steps is not None and report.when == "call" and report.failed:
        directory = steps.save()
        report.sections.append(("browser screenshots", f"saved to {directory}"))
        if steps.events:
            report.sections.append(("browser events", "\n".join(steps.events[-50:])))
    return report


@pytest.fixture
def steps(request):
    recorder = Steps(request.node.nodeid.split("::", 1)[-1])
    request.node._bhxh_steps = recorder
    return recorder


@pytest.fixture
def new_page(serial_live_server, chromium, live_server, steps):
    """``new_page(user=None, citizen=False, bypass_csp=False)``: a page in a browser context of its own, logged in as ``user``."""
    contexts = []

    def open_page(user=None, *, citizen=False, viewport=VIEWPORT, bypass_csp=False):
        # bypass_csp: for injecting axe-core, which the portal's Content-Security-Policy refuses.
        options = {"base_url": live_server.url, "viewport": viewport, "locale": "vi-VN", "bypass_csp": bypass_csp}
        if citizen:
            options["user_agent"] = CITIZEN_USER_AGENT
        context = chromium.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        steps.pages.append(page)
        steps.watch(page, user.username if user is not None else "citizen" if citizen else "visitor")
        if user is not None:
            log_in(page, user)
        return page

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, user):
    """Log in through Wagtail's login form, as a person would."""
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def user_with_role(code, username, **extra):
    from wagtail_bhxh.moderation import roles

    user = UserFactory(username=username, password=PASSWORD, **extra)
    roles.get_role_group(code).user_set.add(user)
    return user


@pytest.fixture
def editorial_site(transactional_db, home):
    """``bhxh_setup`` has run; a news section; one person per role of Decision 2474."""
    from types import SimpleNamespace

    from wagtail_bhxh.moderation import roles

    call_command("bhxh_setup", verbosity=0)
    news = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    users = SimpleNamespace(
        contributor=user_with_role(roles.CONTRIBUTOR, "ctv", first_name="Thị Hoa", last_name="Lê"),
        editor=user_with_role(roles.EDITOR, "bientap", first_name="Văn Bình", last_name="Trần"),
        secretary=user_with_role(roles.SECRETARY, "thuky", first_name="Thanh Mai", last_name="Vũ"),
        deputy=user_with_role(roles.DEPUTY_HEAD, "photruongban", first_name="Minh", last_name="Phạm"),
        head=user_with_role(roles.HEAD, "truongban", first_name="Quốc Hùng", last_name="Nguyễn"),
        accountant=user_with_role(roles.ACCOUNTANT, "ketoan", first_name="Thu", last_name="Đỗ"),
    )
    return SimpleNamespace(home=home, news=news, users=users)


def wait_for_success(page, action, timeout=30_000):
    """Wait for Wagtail's success message after ``action``, or fail saying what the page shows instead.

    The screenshots of a failed CI run stay on the CI machine: the failure
    message itself must tell a validation error from a slow server.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        page.locator(".messages .success").first.wait_for(timeout=timeout)
    except PlaywrightTimeoutError:
        raise AssertionError(f"{action}: no success message within {timeout // 1000} s; {describe(page)}") from None


def describe(page):
    """The address, messages, field errors and invalid inputs of ``page``, in one line."""

    def texts(selector):
        return [" ".join(text.split())[:200] for text in page.locator(selector).all_inner_texts() if text.strip()]

    invalid = [
        handle.get_attribute("name") or handle.get_attribute("id") or "?"
        for handle in page.locator("form :invalid").element_handles()
    ]
    return (
        f"page {page.url}; messages {texts('.messages li')}; "
        f"field errors {texts('.error-message, .help-critical, .w-field__errors')}; invalid inputs {invalid}"
    )


def expect_text(locator, text, timeout=15_000):
    """Wait until ``locator`` reads ``text`` (whitespace trimmed).

    Unlike ``page.wait_for_function("...")``, this keeps working under the
    portal's Content-Security-Policy, which refuses the eval Playwright's
    polling of a string predicate needs.
    """
    from playwright.sync_api import expect

    expect(locator).to_have_text(text, timeout=timeout)
