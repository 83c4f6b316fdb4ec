"""The head's urgent "publish now": allowed, then tracked until someone else approves it."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from tests.factories import OrganisationPageFactory
from wagtail_bhxh.models import RetrospectiveApproval
from wagtail_bhxh.moderation.publishing import record_urgent_publication

from .conftest import edit_form_data, good_article

pytestmark = pytest.mark.django_db


def publish_now(client, page):
    data = edit_form_data(client, page)
    data["action-publish"] = "Publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    page.refresh_from_db()
    return response


def test_the_head_publishes_urgently_and_someone_else_approves_later(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)

    assert publish_now(as_user(users.head), page).status_code == 302
    assert page.live

    approval = RetrospectiveApproval.objects.get()
    assert approval.is_pending and approval.published_by == users.head and approval.revision == page.live_revision
    assert PageLogEntry.objects.filter(page=page, action="wagtail_bhxh.publish.urgent", user=users.head).exists()
    told = sorted(a for m in mail.outbox if "Cần duyệt bổ sung" in m.subject for a in m.to)
    assert told == sorted([users.deputy.email, users.deputy2.email, users.head2.email])

    # Still pending until someone other than the publisher approves it.
    head_home = as_user(users.head).get(reverse("wagtailadmin_home")).content.decode()
    assert "do bạn xuất bản; chờ người khác duyệt" in head_home
    response = as_user(users.deputy).post(
        reverse("wagtail_bhxh_retrospective:approve", args=(approval.pk,)), {"comment": "Nội dung chính xác."}
    )
    assert response.status_code == 302
    approval.refresh_from_db()
    assert not approval.is_pending and approval.approved_by == users.deputy
    entry = PageLogEntry.objects.get(page=page, action="wagtail_bhxh.publish.retrospective_approval")
    assert entry.user == users.deputy and entry.data["comment"] == "Nội dung chính xác."


def test_publishing_over_a_workflow_in_progress_cancels_it_and_is_tracked(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)
    client = as_user(users.contributor)
    data = edit_form_data(client, page)
    data["action-submit"] = "Submit"
    client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    publish_now(as_user(users.head), page)

    assert page.live
    assert page.workflow_states.get().status == WorkflowState.STATUS_CANCELLED
    assert RetrospectiveApproval.objects.pending().filter(page=page).exists()


def test_bulk_publishing_by_the_head_is_tracked_too(editorial, as_user):
    users = editorial.users
    first = good_article(editorial.news, users.contributor, slug="mot")
    second = good_article(editorial.news, users.contributor, slug="hai")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={first.pk}&id={second.pk}"
    response = as_user(users.head).post(url, {"include_descendants": ""})
    assert response.status_code == 302
    assert sorted(RetrospectiveApproval.objects.values_list("page_id", flat=True)) == sorted([first.pk, second.pk])


def test_pages_outside_the_moderated_sections_are_not_tracked(editorial):
    organisation = OrganisationPageFactory(parent=editorial.home)
    organisation.save_revision(user=editorial.users.head).publish(user=editorial.users.head)
    assert record_urgent_publication(editorial.users.head, organisation) is None
    assert not RetrospectiveApproval.objects.exists()
