"""Hand-made POSTs to every admin URL that publishes, unpublishes, deletes, moves or approves.

Each is refused with 403 or Wagtail's permission-denied redirect, and
nothing changes: the page, its revisions, its workflow, the takedown and
approval records are exactly as before.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision, TaskState, WorkflowState

from tests.factories import NewsIndexPageFactory
from wagtail_bhxh.models import PageNotice, RetrospectiveApproval, TakedownRequest

from .conftest import edit_form_data, good_article, workflow_action_url

pytestmark = pytest.mark.django_db


def state_of(page):
    """Everything a forged request could have changed."""
    page = Page.objects.get(pk=page.pk)
    return {
        "page": (page.live, page.live_revision_id, page.latest_revision_id, page.path, page.url_path, page.title),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "workflows": sorted(WorkflowState.objects.values_list("id", "status", "current_task_state_id")),
        "tasks": sorted(TaskState.objects.values_list("id", "status")),
        "takedowns": sorted(TakedownRequest.objects.values_list("id", "status", "outcome")),
        "notices": PageNotice.objects.count(),
        "retrospective": sorted(RetrospectiveApproval.objects.values_list("id", "status")),
        "restrictions": PageViewRestriction.objects.count(),
        "log": PageLogEntry.objects.count(),
    }


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home"), response["Location"]
    else:
        assert response.status_code == 403, response.status_code


def refused_without_change(client, page, url, data=None):
    before = state_of(page)
    response = client.post(url, data or {})
    assert_refused(response)
    assert state_of(page) == before


@pytest.fixture
def live_article(editorial):
    return good_article(editorial.news, editorial.users.contributor, live=True)


@pytest.fixture
def in_review(editorial, as_user):
    """A draft submitted by the contributor, waiting at the editor step."""
    page = good_article(editorial.news, editorial.users.contributor)
    client = as_user(editorial.users.contributor)
    data = edit_form_data(client, page)
    data["action-submit"] = "Submit"
    client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return page


def superuser():
    return get_user_model().objects.create_superuser("quantri", "quantri@demo.vss.gov.vn", "password")


# --- Publishing ----------------------------------------------------------------


@pytest.mark.parametrize("role", ["contributor", "editor", "secretary", "deputy"])
def test_publish_from_the_editor(editorial, as_user, role):
    page = good_article(editorial.news, editorial.users.contributor)
    client = as_user(getattr(editorial.users, role))
    data = edit_form_data(client, page)
    data["action-publish"] = "Publish"
    refused_without_change(client, page, reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def test_publish_a_new_page_from_the_create_view(editorial, as_user):
    client = as_user(editorial.users.editor)
    url = reverse("wagtailadmin_pages:add", args=("wagtail_bhxh", "articlepage", editorial.news.pk))
    refused_without_change(client, editorial.news, url, {"title": "Tin mới", "slug": "tin-moi", "action-publish": "1"})


def test_publish_an_old_revision_through_revert(editorial, as_user, live_article):
    old_revision = live_article.live_revision
    live_article.title = "Tiêu đề đã sửa trong bản nháp mới của tin"
    live_article.save_revision(user=editorial.users.editor)
    client = as_user(editorial.users.editor)
    url = reverse("wagtailadmin_pages:revisions_revert", args=(live_article.pk, old_revision.pk))
    data = edit_form_data(client, live_article)
    data["action-publish"] = "Publish"
    refused_without_change(client, live_article, url, data)


def test_unschedule_a_scheduled_revision(editorial, as_user, live_article):
    revision = live_article.live_revision
    client = as_user(editorial.users.deputy)
    url = reverse("wagtailadmin_pages:revisions_unschedule", args=(live_article.pk, revision.pk))
    refused_without_change(client, live_article, url)


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete"])
def test_bulk_actions(editorial, as_user, live_article, action):
    draft = good_article(editorial.news, editorial.users.contributor, slug="ban-nhap")
    client = as_user(editorial.users.editor)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    ids = f"?id={live_article.pk}&id={draft.pk}"
    refused_without_change(client, live_article, url + ids)


def test_bulk_move(editorial, as_user, live_article):
    other = NewsIndexPageFactory(parent=editorial.home, slug="tin-dia-phuong")
    client = as_user(editorial.users.deputy)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move")) + f"?id={live_article.pk}"
    refused_without_change(client, live_article, url, {"chooser": other.pk})


# --- Unpublishing, deleting, moving, hiding -----------------------------------------


@pytest.mark.parametrize("role", ["contributor", "editor", "secretary", "deputy", "superuser"])
def test_unpublish_a_live_article(editorial, as_user, live_article, role):
    user = superuser() if role == "superuser" else getattr(editorial.users, role)
    client = as_user(user)
    refused_without_change(client, live_article, reverse("wagtailadmin_pages:unpublish", args=(live_article.pk,)))


@pytest.mark.parametrize("role", ["contributor", "editor", "deputy", "superuser"])
def test_delete_a_live_article(editorial, as_user, live_article, role):
    user = superuser() if role == "superuser" else getattr(editorial.users, role)
    client = as_user(user)
    refused_without_change(client, live_article, reverse("wagtailadmin_pages:delete", args=(live_article.pk,)))


def test_delete_an_article_the_head_unpublished(editorial, as_user, live_article):
    live_article.unpublish()
    client = as_user(editorial.users.editor)
    refused_without_change(client, live_article, reverse("wagtailadmin_pages:delete", args=(live_article.pk,)))


def test_delete_the_section_holding_published_news(editorial, as_user, live_article):
    client = as_user(superuser())
    refused_without_change(client, live_article, reverse("wagtailadmin_pages:delete", args=(editorial.news.pk,)))


@pytest.mark.parametrize("role", ["deputy", "superuser"])
def test_move_a_live_article_out(editorial, as_user, live_article, role):
    other = NewsIndexPageFactory(parent=editorial.home, slug="luu-tru")
    user = superuser() if role == "superuser" else getattr(editorial.users, role)
    url = reverse("wagtailadmin_pages:move_confirm", args=(live_article.pk, other.pk))
    refused_without_change(as_user(user), live_article, url)


def test_make_a_live_article_private(editorial, as_user, live_article):
    url = reverse("wagtailadmin_pages:set_privacy", args=(live_article.pk,))
    refused_without_change(as_user(editorial.users.deputy), live_article, url, {"restriction_type": "login"})


def test_reorder_a_section(editorial, as_user, live_article):
    url = reverse("wagtailadmin_pages:set_page_position", args=(live_article.pk,)) + "?position=0"
    refused_without_change(as_user(editorial.users.editor), live_article, url)


# --- Workflow actions ------------------------------------------------------------


def test_approve_outside_ones_group(editorial, as_user, in_review):
    for user in (editorial.users.contributor, editorial.users.deputy, editorial.users.accountant):
        refused_without_change(as_user(user), in_review, workflow_action_url(in_review, "approve"))


def test_approve_what_one_submitted(editorial, as_user):
    page = good_article(editorial.news, editorial.users.editor)
    client = as_user(editorial.users.editor)
    data = edit_form_data(client, page)
    data["action-submit"] = "Submit"
    client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    page.refresh_from_db()
    refused_without_change(client, page, workflow_action_url(page, "approve"))


def test_approve_another_pages_step_through_this_pages_url(editorial, as_user, in_review):
    """The URL names a page the editor may approve, the task state belongs to one they submitted."""
    own = good_article(editorial.news, editorial.users.editor, slug="tin-cua-bien-tap")
    client = as_user(editorial.users.editor)
    data = edit_form_data(client, own)
    data["action-submit"] = "Submit"
    client.post(reverse("wagtailadmin_pages:edit", args=(own.pk,)), data)
    own.refresh_from_db()
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(in_review.pk, "approve", own.current_workflow_task_state.pk)
    )
    refused_without_change(client, own, url)


def test_workflow_actions_through_the_editor(editorial, as_user, in_review):
    client = as_user(editorial.users.contributor)
    data = edit_form_data(client, in_review)
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    refused_without_change(client, in_review, reverse("wagtailadmin_pages:edit", args=(in_review.pk,)), data)


def test_request_changes_without_a_comment_through_the_editor(editorial, as_user, in_review):
    client = as_user(editorial.users.editor)
    data = edit_form_data(client, in_review)
    data.update(
        {
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": ""}',
        }
    )
    refused_without_change(client, in_review, reverse("wagtailadmin_pages:edit", args=(in_review.pk,)), data)


# --- Takedowns, corrections, retrospective approvals -------------------------------------


@pytest.fixture
def pending_takedown(editorial, live_article):
    return TakedownRequest.objects.create(
        page=live_article,
        page_title=live_article.title,
        reason=TakedownRequest.Reason.INACCURATE,
        requested_by=editorial.users.editor,
    )


@pytest.mark.parametrize("role", ["contributor", "editor", "deputy", "superuser"])
def test_decide_a_takedown(editorial, as_user, pending_takedown, live_article, role):
    user = superuser() if role == "superuser" else getattr(editorial.users, role)
    url = reverse("wagtail_bhxh_takedown:decide", args=(pending_takedown.pk,))
    data = {"decision": "approve", "outcome": "removed", "comment": "Gỡ theo yêu cầu."}
    refused_without_change(as_user(user), live_article, url, data)


def test_withdraw_someone_elses_takedown_request(editorial, as_user, pending_takedown, live_article):
    url = reverse("wagtail_bhxh_takedown:cancel", args=(pending_takedown.pk,))
    refused_without_change(as_user(editorial.users.secretary), live_article, url)


def test_add_a_correction_without_the_role(editorial, as_user, live_article):
    url = reverse("wagtail_bhxh_corrections:add")
    data = {"page": live_article.pk, "text": "Đính chính giả mạo.", "published_at": "2026-01-01 08:00"}
    for user in (editorial.users.contributor, editorial.users.editor):
        refused_without_change(as_user(user), live_article, url, data)


def test_approve_an_urgent_publication_without_the_role_or_as_its_publisher(editorial, as_user, live_article):
    approval = RetrospectiveApproval.objects.create(
        page=live_article, page_title=live_article.title, published_by=editorial.users.head
    )
    url = reverse("wagtail_bhxh_retrospective:approve", args=(approval.pk,))
    for user in (editorial.users.editor, editorial.users.secretary, editorial.users.head):
        refused_without_change(as_user(user), live_article, url, {"comment": "Đồng ý"})


# --- What stays allowed ----------------------------------------------------------


def test_the_head_unpublishes_and_contributors_delete_their_own_drafts(editorial, as_user, live_article):
    response = as_user(editorial.users.head).post(reverse("wagtailadmin_pages:unpublish", args=(live_article.pk,)))
    assert response.status_code == 302
    live_article.refresh_from_db()
    assert not live_article.live

    draft = good_article(editorial.news, editorial.users.contributor, slug="nhap-cua-ctv")
    response = as_user(editorial.users.contributor).post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()
