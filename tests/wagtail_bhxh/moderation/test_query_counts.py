"""Queries of the editorial process's admin views, panels and public pages stay constant as records grow."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.factories import ImageFactory
from wagtail_bhxh.models import PageNotice, RetrospectiveApproval, TakedownRequest
from wagtail_bhxh.moderation.views.panels import ApprovalQueuePanel, RetrospectiveApprovalPanel, TakedownPanel

from .conftest import GOOD_BODY, good_article

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 15


def count(client, url, data=None):
    client.get(url, data)  # warm per-process caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, data)
    assert response.status_code in (200, 410), (url, response.status_code)
    return len(context)


def add_takedowns(editorial, n, status=TakedownRequest.Status.PENDING):
    for i in range(n):
        page = good_article(editorial.news, editorial.users.contributor, live=True, slug=f"gỡ-{status}-{i}-{n}")
        TakedownRequest.objects.create(
            page=page,
            page_title=page.title,
            reason=TakedownRequest.Reason.EXPIRED,
            requested_by=editorial.users.editor,
            status=status,
            decided_by=editorial.users.head if status != TakedownRequest.Status.PENDING else None,
            decided_at=timezone.now() if status != TakedownRequest.Status.PENDING else None,
        )


def add_corrections(editorial, page, n):
    PageNotice.objects.bulk_create(
        PageNotice(page=page, text=f"Đính chính số {i}", created_by=editorial.users.secretary) for i in range(n)
    )


def add_approvals(editorial, n):
    for i in range(n):
        page = good_article(editorial.news, editorial.users.contributor, live=True, slug=f"khan-{i}-{n}")
        RetrospectiveApproval.objects.create(page=page, page_title=page.title, published_by=editorial.users.head)


ADMIN_VIEWS = {
    "takedown requests": (add_takedowns, lambda: reverse("wagtail_bhxh_takedown:index")),
    "takedown report": (
        lambda e, n: add_takedowns(e, n, TakedownRequest.Status.REJECTED),
        lambda: reverse("wagtail_bhxh_reports:takedowns"),
    ),
    "urgent publications": (add_approvals, lambda: reverse("wagtail_bhxh_retrospective:index")),
}


@pytest.mark.parametrize("name", ADMIN_VIEWS)
def test_admin_listings(editorial, as_user, name):
    build, url = ADMIN_VIEWS[name]
    client = as_user(editorial.users.head)
    build(editorial, SMALL)
    small = count(client, url())
    build(editorial, LARGE)
    large = count(client, url())
    assert small == large, f"{name}: {small} queries with {SMALL} records, {large} with {SMALL + LARGE}"


@pytest.mark.parametrize("url_name", ["wagtail_bhxh_corrections:index", "wagtail_bhxh_reports:corrections"])
def test_correction_listings(editorial, as_user, url_name):
    client = as_user(editorial.users.head)
    page = good_article(editorial.news, editorial.users.contributor, live=True)
    add_corrections(editorial, page, SMALL)
    small = count(client, reverse(url_name))
    add_corrections(editorial, page, LARGE)
    assert count(client, reverse(url_name)) == small


def article_with(editorial, n, slug):
    """An article whose body has n paragraphs, n images and n links to live pages."""
    targets = [
        good_article(editorial.news, editorial.users.contributor, live=True, slug=f"{slug}-dich-{i}") for i in range(n)
    ]
    links = " ".join(f'<a linktype="page" id="{t.pk}">liên kết</a>' for t in targets)
    body = [("paragraph", RichText(GOOD_BODY.replace("</p>", f" {links}</p>")))]
    body += [
        ("image", {"image": ImageFactory(), "alt_text": "Ảnh", "caption": "Chú thích", "credit": "Ảnh: A"})
        for _ in range(n)
    ]
    return good_article(editorial.news, editorial.users.contributor, slug=slug, body=body)


def test_live_standards_check(editorial, as_user):
    client = as_user(editorial.users.editor)
    small = article_with(editorial, SMALL, "nho")
    large = article_with(editorial, LARGE, "lon")
    small_count = count(client, reverse("wagtail_bhxh_standards:page", args=(small.pk,)))
    large_count = count(client, reverse("wagtail_bhxh_standards:page", args=(large.pk,)))
    assert small_count == large_count


def render_queries(panel_class, user):
    request = RequestFactory().get("/admin/")
    request.user = type(user).objects.get(pk=user.pk)  # a new request's user
    with CaptureQueriesContext(connection) as context:
        panel_class(request).render_html({})
    return len(context)


def submit_many(editorial, n, start):
    from wagtail_bhxh.moderation.workflow import get_editorial_workflow

    workflow = get_editorial_workflow()
    for i in range(n):
        page = good_article(editorial.news, editorial.users.contributor, slug=f"cho-duyet-{start + i}")
        workflow.start(page, editorial.users.contributor)


@pytest.mark.parametrize(
    "panel_class, build, role",
    [
        (ApprovalQueuePanel, submit_many, "editor"),
        (RetrospectiveApprovalPanel, lambda e, n, start: add_approvals(e, n + start), "deputy"),
        (TakedownPanel, lambda e, n, start: add_takedowns(e, n + start), "head"),
    ],
)
def test_dashboard_panels(editorial, panel_class, build, role):
    user = getattr(editorial.users, role)
    build(editorial, SMALL, 0)
    small = render_queries(panel_class, user)
    build(editorial, LARGE, 100)
    assert render_queries(panel_class, user) == small


def test_approval_queue_panel_lists_pages_by_step(editorial, as_user):
    submit_many(editorial, 2, 0)
    own = good_article(editorial.news, editorial.users.editor, slug="cua-bien-tap")
    from wagtail_bhxh.moderation.workflow import get_editorial_workflow

    get_editorial_workflow().start(own, editorial.users.editor)
    content = as_user(editorial.users.editor).get(reverse("wagtailadmin_home")).content.decode()
    assert "Chờ bạn duyệt (Quyết định 2474)" in content
    assert "Biên tập viên duyệt" in content
    assert "Bạn đã gửi duyệt trang này" in content  # the editor's own page: someone else approves it


# --- Public pages ----------------------------------------------------------------------


def test_article_with_corrections(editorial, client):
    small = good_article(editorial.news, editorial.users.contributor, live=True, slug="it-dinh-chinh")
    large = good_article(editorial.news, editorial.users.contributor, live=True, slug="nhieu-dinh-chinh")
    add_corrections(editorial, small, SMALL)
    add_corrections(editorial, large, SMALL + LARGE)
    assert count(client, small.url) == count(client, large.url)


def withdraw(page):
    takedown = TakedownRequest.objects.create(
        page=page, page_title=page.title, reason="expired", status="approved", outcome="withdrawn"
    )
    PageNotice.objects.create(page=page, kind=PageNotice.Kind.WITHDRAWAL, text="", takedown=takedown)


@pytest.mark.parametrize("where", ["news", "home"])
def test_listings_with_withdrawn_pages(editorial, client, where):
    def build(n, start):
        for i in range(n):
            good_article(editorial.news, editorial.users.contributor, live=True, slug=f"con-{start + i}")
            withdraw(good_article(editorial.news, editorial.users.contributor, live=True, slug=f"thu-hoi-{start + i}"))

    url = (editorial.news if where == "news" else editorial.home).url
    build(SMALL, 0)
    small = count(client, url)
    build(LARGE, 100)
    assert count(client, url) == small


def test_removed_page_notice(editorial, client):
    pages = []
    for i in range(2):
        page = good_article(editorial.news, editorial.users.contributor, live=True, slug=f"go-bo-{i}")
        TakedownRequest.objects.create(
            page=page,
            page_title=page.title,
            reason="inaccurate",
            status="approved",
            outcome="removed",
            decided_at=timezone.now(),
        )
        url = page.url
        page.unpublish()
        pages.append(url)
    assert count(client, pages[0]) == count(client, pages[1])
