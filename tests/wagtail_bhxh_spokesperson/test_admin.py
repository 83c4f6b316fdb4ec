"""The spokesperson in the admin: roles, forged requests, and the Decision 2474 workflow on the snippet."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Revision, WorkflowState
from wagtail.users.models import UserProfile

from wagtail_bhxh_spokesperson.models import Authorisation, Spokesperson

from .conftest import make_authorisation, make_spokesperson

pytestmark = pytest.mark.django_db

URLS = "wagtailsnippets_wagtail_bhxh_spokesperson_spokesperson"
AUTH_URLS = "wagtailsnippets_wagtail_bhxh_spokesperson_authorisation"


@pytest.fixture
def as_user(client):
    def login(user):
        client.cookies.pop("messages", None)
        client.force_login(user)
        return client

    return login


def form_data(person, **changes):
    data = {
        "site": person.site_id,
        "full_name": person.full_name,
        "position": person.position,
        "unit": person.unit,
        "phone": person.phone,
        "email": person.email,
        "photo": "",
        "term_start": person.term_start.isoformat(),
        "term_end": person.term_end.isoformat() if person.term_end else "",
        "appointing_document_number": person.appointing_document_number,
        "signed_at": person.signed_at.strftime("%Y-%m-%d %H:%M") if person.signed_at else "",
        "appointing_document": "",
    }
    data.update(changes)
    return data


def state(person):
    row = Spokesperson.objects.filter(pk=person.pk).values().first()
    return {
        "row": row,
        "count": Spokesperson.objects.count(),
        "revisions": Revision.objects.count(),
        "workflows": sorted(WorkflowState.objects.values_list("id", "status")),
    }


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home"), response["Location"]
    else:
        assert response.status_code == 403, response.status_code


@pytest.mark.parametrize("role", ["contributor", "accountant"])
def test_users_without_the_role_cannot_change_the_spokesperson(editorial, as_user, role):
    person = make_spokesperson()
    client = as_user(getattr(editorial, role))
    before = state(person)
    assert_refused(client.get(reverse(f"{URLS}:list")))
    forged = form_data(person, full_name="Kẻ mạo danh", phone="0999 999 999")
    assert_refused(client.post(reverse(f"{URLS}:edit", args=(person.pk,)), forged))
    assert_refused(client.post(reverse(f"{URLS}:edit", args=(person.pk,)), {**forged, "action-publish": "1"}))
    assert_refused(client.post(reverse(f"{URLS}:add"), {**forged, "term_start": "2030-01-01"}))
    assert_refused(client.post(reverse(f"{URLS}:delete", args=(person.pk,))))
    assert_refused(client.post(reverse(f"{URLS}:unpublish", args=(person.pk,))))
    assert state(person) == before


def test_an_editor_cannot_publish_or_delete_directly(editorial, as_user):
    person = make_spokesperson()
    client = as_user(editorial.editor)
    before_row = Spokesperson.objects.filter(pk=person.pk).values().first()
    response = client.post(
        reverse(f"{URLS}:edit", args=(person.pk,)), {**form_data(person, phone="0912 111 222"), "action-publish": "1"}
    )
    assert response.status_code in (200, 302, 403)
    # The live details are unchanged: a forged "publish" at most saved a draft.
    assert Spokesperson.objects.filter(pk=person.pk).values().first()["phone"] == before_row["phone"]
    assert_refused(client.post(reverse(f"{URLS}:delete", args=(person.pk,))))
    assert_refused(client.post(reverse(f"{URLS}:unpublish", args=(person.pk,))))
    assert Spokesperson.objects.get(pk=person.pk).live


def test_invalid_contact_details_are_refused_with_a_message(editorial, as_user, settings):
    settings.WAGTAIL_BHXH_SPOKESPERSON = {"OFFICIAL_EMAIL_DOMAINS": ["vss.gov.vn"]}
    person = make_spokesperson()
    client = as_user(editorial.editor)
    before = state(person)
    response = client.post(
        reverse(f"{URLS}:edit", args=(person.pk,)), form_data(person, phone="12345", email="lan@gmail.com")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nhập số điện thoại Việt Nam gồm 10 hoặc 11 chữ số" in content
    assert "thư điện tử công vụ có đuôi @vss.gov.vn" in content
    assert state(person) == before


def test_the_vietnamese_admin_explains_an_overlapping_term(editorial, as_user):
    make_spokesperson()
    profile = UserProfile.get_for_user(editorial.editor)
    profile.preferred_language = "vi"
    profile.save()
    client = as_user(editorial.editor)
    draft = Spokesperson(
        site=editorial.home.get_site(),
        full_name="Lê Văn Hùng",
        position="Phó Giám đốc",
        unit="BHXH tỉnh Demo",
        phone="0912 000 111",
        email="hung@demo.vss.gov.vn",
        term_start=datetime.date(2026, 7, 1),
        appointing_document_number="99/QĐ-BHXH",
    )
    count = Spokesperson.objects.count()
    response = client.post(reverse(f"{URLS}:add"), form_data(draft))
    assert response.status_code == 200
    assert "tại mỗi thời điểm chỉ có một người phát ngôn" in response.content.decode()
    assert Spokesperson.objects.count() == count


def test_the_workflow_publishes_a_new_spokesperson_after_approval(editorial, as_user):
    editor, secretary, deputy = editorial.editor, editorial.secretary, editorial.deputy
    client = as_user(editor)
    draft = Spokesperson(
        site=editorial.home.get_site(),
        full_name="Lê Văn Hùng",
        position="Phó Giám đốc",
        unit="BHXH tỉnh Demo",
        phone="0912 000 111",
        email="hung@demo.vss.gov.vn",
        term_start=datetime.date(2026, 7, 1),
        appointing_document_number="99/QĐ-BHXH",
    )
    response = client.post(reverse(f"{URLS}:add"), {**form_data(draft), "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Spokesperson.objects.get(full_name="Lê Văn Hùng")
    assert not person.live
    workflow_state = person.current_workflow_state
    assert workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    def act(user, action="approve"):
        task_state = Spokesperson.objects.get(pk=person.pk).current_workflow_task_state
        return as_user(user).post(
            reverse(f"{URLS}:workflow_action", args=(person.pk, action, task_state.pk)), {"comment": ""}
        )

    # Four eyes: the editor who submitted cannot approve their own submission.
    task_state = person.current_workflow_task_state
    response = act(editor)
    assert response.status_code in (302, 403)
    assert not Spokesperson.objects.get(pk=person.pk).live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS
    # The secretary approves the editor step, the deputy head the next; the head step is skipped.
    assert act(secretary).status_code in (200, 302)
    assert not Spokesperson.objects.get(pk=person.pk).live
    assert act(deputy).status_code in (200, 302)
    person.refresh_from_db()
    assert person.live
    assert Spokesperson.objects.current(person.site, datetime.date(2026, 7, 2)) == person
    # The approvers were told by email along the way.
    assert mail.outbox


def test_the_head_publishes_directly(editorial, as_user):
    person = make_spokesperson(live=False)
    client = as_user(editorial.head)
    response = client.post(reverse(f"{URLS}:edit", args=(person.pk,)), {**form_data(person), "action-publish": "1"})
    assert response.status_code == 302
    assert Spokesperson.objects.get(pk=person.pk).live


def test_authorisations_are_refused_to_users_without_the_role(editorial, as_user):
    item = make_authorisation()
    client = as_user(editorial.contributor)
    before = list(Authorisation.objects.values())
    assert_refused(client.post(reverse(f"{AUTH_URLS}:edit", args=(item.pk,)), {"full_name": "Kẻ mạo danh"}))
    assert_refused(client.post(reverse(f"{AUTH_URLS}:add"), {"full_name": "Kẻ mạo danh"}))
    assert list(Authorisation.objects.values()) == before
