"""Security hardening: Content-Security-Policy, upload checks, CSRF, escaping, deployment checks."""

import io
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import ArticlePageFactory, NewsIndexPageFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def png_bytes(width=40, height=30):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "red").save(buffer, "PNG")
    return buffer.getvalue()


# --- Content-Security-Policy ---------------------------------------------------------------


def test_public_pages_send_a_content_security_policy_that_allows_the_beacon_and_embeds(home, client):
    news = NewsIndexPageFactory(parent=home)
    article = ArticlePageFactory(parent=news)
    for url in (home.url, news.url, article.url):
        policy = client.get(url)["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'"
        assert directives["connect-src"] == "'self'"  # the view counter's beacon
        assert "https://www.youtube-nocookie.com" in directives["frame-src"]
        assert directives["object-src"] == "'none'"
        assert "unsafe-inline" not in policy


def test_the_policy_is_configurable_and_can_be_tried_or_turned_off(home, client, settings):
    settings.WAGTAIL_BHXH = {
        "CONTENT_SECURITY_POLICY": {"default-src": ["'self'"], "frame-src": ["https://video.vtv.vn"]},
        "CONTENT_SECURITY_POLICY_REPORT_ONLY": True,
    }
    response = client.get(home.url)
    assert "Content-Security-Policy" not in response
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'self'; frame-src https://video.vtv.vn"
    settings.WAGTAIL_BHXH = {"CONTENT_SECURITY_POLICY": {}}
    response = client.get(home.url)
    assert "Content-Security-Policy" not in response and "Content-Security-Policy-Report-Only" not in response


def test_an_invalid_policy_setting_is_reported_by_the_system_checks(settings):
    from django.core import checks

    settings.WAGTAIL_BHXH = {"CONTENT_SECURITY_POLICY": {"script-src": "'self'"}}
    messages = [m for m in checks.run_checks() if m.id.startswith("wagtail_bhxh.")]
    assert any("CONTENT_SECURITY_POLICY" in m.msg for m in messages)


# --- Uploads -------------------------------------------------------------------------------


def upload_document(client, name, content, title="Tài liệu"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("quyet-dinh.pdf", PROGRAM),
        ("bao-cao.docx", b"PK\x03\x04 not really a zip"),
        ("huong-dan.txt", b"<!doctype html><script>alert(1)</script>"),
        ("phu-de.vtt", b"<svg onload=alert(1)>"),
    ],
)
def test_a_document_whose_content_is_not_what_its_name_says_is_refused(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "không phải là tệp" in errors or "is not a" in errors, errors
    assert not get_document_model().objects.exists()


def test_a_real_pdf_is_accepted(admin_client):
    response = upload_document(admin_client, "quyet-dinh.pdf", PDF, title="Quyết định 595")
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Quyết định 595"


def test_a_document_over_the_size_limit_is_refused_with_the_limit_named(admin_client, settings):
    settings.WAGTAIL_BHXH = {"DOCUMENT_MAX_UPLOAD_MB": 1}
    response = upload_document(admin_client, "lon.pdf", PDF + b"0" * (1024 * 1024 + 10))
    errors = " ".join(response.context["form"].errors["file"])
    assert "1 MB" in errors
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [("logo.svg", SVG), ("anh.png", b"<html><script>alert(1)</script></html>"), ("anh.png", PROGRAM)],
)
def test_svg_and_disguised_images_are_refused(admin_client, name, content):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh", "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh lớn",
            "file": SimpleUploadedFile("lon.png", png_bytes(400, 400)),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_the_admin_sends_no_editors_address_hash_to_gravatar(admin_client, home):
    # The example site sets WAGTAIL_GRAVATAR_PROVIDER_URL = None, as the install guide recommends.
    for url in ("/admin/", f"/admin/pages/{home.pk}/", "/admin/account/"):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "gravatar" not in response.content.decode(), url


# --- CSRF and escaping -----------------------------------------------------------------------


def test_forms_refuse_a_post_without_the_csrf_token(home):
    user = UserFactory(is_superuser=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    for url in (
        reverse("wagtaildocs:add"),
        reverse("wagtail_bhxh_takedown:add"),
        reverse("wagtailadmin_pages:edit", args=(home.pk,)),
    ):
        assert client.post(url, {"title": "Giả mạo"}).status_code == 403, url


#: Views that take a POST without a CSRF token, and why that is safe.
CSRF_EXEMPT = {
    # The view beacon: anonymous, writes one counter row, reads no form; cross-site posts are not counted.
    "wagtail_bhxh.analytics.views.public.beacon",
}


def every_view(resolver=None, prefix=""):
    """(route, view function) of every URL the example site answers."""
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from every_view(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_no_view_of_the_suite_or_wagtail_skips_the_csrf_check(settings):
    """Every form of the suite is protected: the middleware is on and no view opts out but the beacon."""
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    exempt, views = set(), 0
    for route, view in every_view():
        target = getattr(view, "view_class", None) or view
        if not hasattr(target, "__qualname__"):  # a callable instance (a feed)
            target = type(target)
        name = f"{target.__module__}.{target.__qualname__}"
        views += 1
        # Wagtail's own exempt views are its read-only API (Django REST framework enforces CSRF itself).
        if getattr(view, "csrf_exempt", False) and name.startswith("wagtail_bhxh"):
            exempt.add(name)
            assert name in CSRF_EXEMPT, f"{route} ({name}) accepts posts without a CSRF token"
    assert views > 300  # the admin's views are included
    assert exempt == CSRF_EXEMPT


def test_the_suites_admin_forms_refuse_a_post_without_the_csrf_token(home):
    from django.apps import apps

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(is_superuser=True))
    urls = [
        reverse("wagtailsnippets_wagtail_bhxh_topic:add"),
        reverse("wagtailimages:add"),
        reverse("wagtailadmin_pages:add", args=("wagtail_bhxh", "newsindexpage", home.pk)),
        reverse("wagtail_bhxh_corrections:add"),
    ]
    if apps.is_installed("wagtail_bhxh_royalties"):
        urls.append(reverse("wagtail_bhxh_royalties_statements:add"))
    for url in urls:
        assert client.post(url, {"title": "Giả mạo", "name": "Giả mạo"}).status_code == 403, url


XSS_PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">bấm</a>',
    "'-alert(1)-'",
    "{{ 7*7 }}<iframe src=//example.com>",
]


class InjectedMarkup(HTMLParser):
    """Elements and attributes a payload would have created had it not been escaped."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert" in value:
                self.found.append(f"<{tag} {name}={value}>")
            if name in ("href", "src") and (value.startswith("javascript:") or value.startswith("//example.com")):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in ("svg", "iframe") and any("alert" in (v or "") or "example.com" in (v or "") for _n, v in attrs):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_in_page_and_snippet_fields_are_shown_as_text(home, client, payload):
    news = NewsIndexPageFactory(parent=home, title=f"Tin tức {payload}")
    topic = TopicFactory(name=f"Chuyên đề {payload}")
    article = ArticlePageFactory(parent=news, title=f"Tin {payload}", intro=f"Sapo {payload}", seo_title="")
    article.topics.add(topic)
    article.save_revision().publish()
    for url in (article.url, news.url, home.url):
        parser = InjectedMarkup()
        parser.feed(client.get(url).content.decode())
        assert not parser.found, (url, parser.found)


# --- Deployment ----------------------------------------------------------------------------


def test_check_deploy_is_clean_for_the_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
        "DJANGO_SECRET_KEY": "k3x-" + "9f8a7b6c5d4e3f2a1b0c" * 3,
        "REDIS_URL": "redis://127.0.0.1:6379/9",
        "DJANGO_ALLOWED_HOSTS": "bhxh.example.gov.vn",
        # The suite from this checkout, however it is installed.
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # a developer's shell may set it; production never does
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT / "example_site",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
