"""The Decision 2474 workflow driven through the admin by a user of each role."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from tests.factories import LegalDocumentIndexPageFactory, MediaIndexPageFactory, TopicFactory
from wagtail_bhxh.models import (
    ArticlePage,
    ContentStandardsTaskState,
    HeadApprovalTaskState,
    RetrospectiveApproval,
)

from .conftest import edit_form_data, good_article, workflow_action_url

pytestmark = pytest.mark.django_db


def submit(as_user, user, page, **changes):
    client = as_user(user)
    data = edit_form_data(client, page, **changes)
    data["action-submit"] = "Submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    return response


def act(as_user, user, page, action, comment=""):
    client = as_user(user)
    response = client.post(workflow_action_url(page, action), {"comment": comment})
    page.refresh_from_db()
    return response


def current_task_name(page):
    state = page.current_workflow_state
    return state.current_task_state.task.name if state and state.current_task_state else None


def recipients(subject_part=None):
    return sorted(
        address
        for message in mail.outbox
        for address in message.to
        if not subject_part or subject_part in message.subject
    )


def log_actions(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", flat=True))


def test_draft_goes_live_through_each_role_and_skips_the_head(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)

    submit(as_user, users.contributor, page)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert current_task_name(page) == "Biên tập viên duyệt"
    standards_state = ContentStandardsTaskState.objects.get(workflow_state=state)
    assert standards_state.status == TaskState.STATUS_APPROVED
    # The editor step's group (editors and the secretary) is emailed; not the submitter.
    assert recipients() == sorted([users.editor.email, users.editor2.email, users.secretary.email])

    mail.outbox.clear()
    assert act(as_user, users.editor, page, "approve").status_code == 302
    assert current_task_name(page) == "Phó Trưởng ban biên tập duyệt"
    assert recipients() == sorted([users.deputy.email, users.deputy2.email])

    mail.outbox.clear()
    assert act(as_user, users.deputy, page, "approve").status_code == 302
    assert page.live
    assert page.current_workflow_state is None
    head_state = HeadApprovalTaskState.objects.get(workflow_state=state)
    assert head_state.status == TaskState.STATUS_SKIPPED
    assert users.head.email not in recipients()
    skipped = PageLogEntry.objects.get(page=page, action="wagtail_bhxh.workflow.head_skipped")
    assert "không được đánh dấu nhạy cảm" in skipped.data["reason"]
    actions = log_actions(page)
    assert actions.index("wagtail_bhxh.standards.checked") < actions.index("wagtail_bhxh.workflow.head_skipped")
    assert actions.index("wagtail_bhxh.workflow.head_skipped") < actions.index("wagtail.publish")
    assert not RetrospectiveApproval.objects.exists()
    response = as_user(users.contributor).get(page.url)
    assert response.status_code == 200


def test_a_page_marked_sensitive_waits_for_the_head(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)

    submit(as_user, users.contributor, page, is_sensitive="on")
    act(as_user, users.editor, page, "approve")
    mail.outbox.clear()
    act(as_user, users.deputy, page, "approve")

    assert not page.live
    assert current_task_name(page) == "Trưởng ban biên tập duyệt (nội dung nhạy cảm)"
    head_state = page.current_workflow_task_state
    assert head_state.reasons == ["đánh dấu là nội dung nhạy cảm"]
    assert recipients() == sorted([users.head.email, users.head2.email])
    assert PageLogEntry.objects.filter(page=page, action="wagtail_bhxh.workflow.head_required").exists()

    act(as_user, users.head, page, "approve")
    assert page.live


def test_site_rules_send_a_topic_to_the_head(editorial, as_user, settings):
    settings.WAGTAIL_BHXH = {"HEAD_APPROVAL_TOPICS": ["bau-cu"]}
    users = editorial.users
    topic = TopicFactory(name="Bầu cử đại biểu Quốc hội", slug="bau-cu")
    page = good_article(editorial.news, users.contributor)
    page.topics.add(topic)
    page.save_revision(user=users.contributor)

    submit(as_user, users.contributor, page, topics=str(topic.pk))
    act(as_user, users.editor, page, "approve")
    act(as_user, users.deputy, page, "approve")

    assert not page.live
    assert page.current_workflow_task_state.reasons == ["chuyên đề “Bầu cử đại biểu Quốc hội”"]


def test_rejection_needs_a_comment_and_reaches_every_author_once(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)
    submit(as_user, users.contributor, page)

    # No comment: the request is refused and nothing changes.
    act(as_user, users.editor, page, "reject", comment="   ")
    assert current_task_name(page) == "Biên tập viên duyệt"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The editor fixes a detail during review; another editor approves it.
    client = as_user(users.editor)
    data = edit_form_data(client, page, intro=page.intro + " Hội nghị kết thúc lúc 11 giờ.")
    assert client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data).status_code == 302
    act(as_user, users.editor2, page, "approve")
    assert current_task_name(page) == "Phó Trưởng ban biên tập duyệt"

    mail.outbox.clear()
    act(as_user, users.deputy, page, "reject", comment="Bổ sung số liệu tháng 3 vào đoạn thứ hai.")
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # The submitter and the editor who last changed it each get the comment, once.
    with_comment = [m for m in mail.outbox if "Bổ sung số liệu tháng 3" in m.body]
    assert sorted(address for m in with_comment for address in m.to) == sorted(
        [users.contributor.email, users.editor.email]
    )

    # The author fixes it and resubmits: the workflow resumes at the step that sent it back.
    submit(as_user, users.contributor, page, intro=page.intro + " Số liệu tháng 3 đã được bổ sung.")
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert current_task_name(page) == "Phó Trưởng ban biên tập duyệt"
    act(as_user, users.deputy, page, "approve")
    assert page.live


def test_approval_with_comment_is_emailed_to_the_author(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)
    submit(as_user, users.contributor, page)
    mail.outbox.clear()

    act(as_user, users.editor, page, "approve", comment="Lần sau ghi rõ nguồn số liệu.")

    to_author = [m for m in mail.outbox if users.contributor.email in m.to]
    assert len(to_author) == 1
    assert "Lần sau ghi rõ nguồn số liệu." in to_author[0].body


def test_nobody_approves_what_they_submitted_or_last_edited(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.editor)
    submit(as_user, users.editor, page)
    task = page.current_workflow_task

    assert task.get_actions(page, users.editor) == []
    assert [name for name, _label, _modal in task.get_actions(page, users.editor2)] == ["reject", "approve", "approve"]
    assert task.get_actions(page, users.contributor) == []

    # The secretary edits during review: now only the second editor may approve.
    client = as_user(users.secretary)
    data = edit_form_data(client, page, feature_image_caption="Toàn cảnh hội nghị sáng 12/3")
    client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    page = ArticlePage.objects.get(pk=page.pk)  # as a new request would load it
    assert page.current_workflow_task.get_actions(page, users.secretary) == []
    act(as_user, users.editor2, page, "approve")
    assert current_task_name(page) == "Phó Trưởng ban biên tập duyệt"


def test_superusers_are_bound_by_four_eyes_too(editorial, as_user, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "quantri@demo.vss.gov.vn", "password")
    page = good_article(editorial.news, admin)
    submit(as_user, admin, page)
    assert page.current_workflow_task.get_actions(page, admin) == []


def test_the_standards_check_sends_back_a_page_with_errors(editorial, as_user, client):
    users = editorial.users
    page = good_article(editorial.news, users.contributor, intro="", feature_image=None)
    mail.outbox.clear()

    response = submit(as_user, users.contributor, page)

    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    standards_state = state.current_task_state.specific
    assert isinstance(standards_state, ContentStandardsTaskState)
    assert {finding["check"] for finding in standards_state.findings} >= {"lead", "feature_image"}
    assert "Sapo đang để trống" in standards_state.comment
    # The author learns it at once in the admin, and by email, with the findings.
    messages = [str(m) for m in client.get(response.url).context["messages"]]
    assert any("chưa đạt chuẩn nội dung" in m for m in messages)
    to_author = [m for m in mail.outbox if users.contributor.email in m.to]
    assert len(to_author) == 1 and "Sapo đang để trống" in to_author[0].body
    # Nobody downstream was asked to review it.
    assert users.editor.email not in recipients()


def test_errors_introduced_after_a_rejection_are_caught_on_resubmission(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)
    submit(as_user, users.contributor, page)
    act(as_user, users.editor, page, "approve")
    act(as_user, users.deputy, page, "reject", comment="Viết lại sapo.")

    submit(as_user, users.contributor, page, intro="Ngắn quá.")

    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Sapo" in state.current_task_state.comment


def test_scheduled_publishing_goes_through_the_workflow(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.contributor)
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)

    submit(as_user, users.contributor, page, go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"))
    act(as_user, users.editor, page, "approve")
    act(as_user, users.deputy, page, "approve")

    assert not page.live
    scheduled = page.scheduled_revision
    assert scheduled is not None and scheduled.approved_go_live_at == go_live.replace(second=0)

    with freeze_time(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    assert not RetrospectiveApproval.objects.exists()


def test_new_sections_get_the_workflow(editorial):
    media = MediaIndexPageFactory(parent=editorial.home)
    documents = LegalDocumentIndexPageFactory(parent=editorial.home)
    for section in (editorial.news, media, documents):
        assert section.get_workflow().name == "Quy trình Quyết định 2474"
