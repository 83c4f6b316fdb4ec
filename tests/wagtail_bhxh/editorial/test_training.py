"""Training records and their yearly summary against the plan."""

import datetime

from django.urls import reverse

from tests.factories import DocumentFactory
from wagtail_bhxh.editorial.models import TrainingMaterial, TrainingSession
from wagtail_bhxh.editorial.training import yearly_summary

from .conftest import approve_plan, make_plan


def session(date, topic, staff=(), external="", documents=()):
    record = TrainingSession.objects.create(date=date, topic=topic, trainer="Trung tâm Truyền thông BHXH VN")
    record.attendees.set(staff)
    record.external_attendees = external
    record.save()
    for document in documents:
        TrainingMaterial.objects.create(session=record, document=document)
    return record


def test_yearly_summary_counts_sessions_staff_and_attendances(editorial):
    users = editorial.users
    plan = approve_plan(make_plan(2026, training_sessions=2))
    session(datetime.date(2026, 3, 10), "Viết tin ngắn", [users.editor, users.contributor], "Nguyễn Văn B\n\nTrần C")
    session(datetime.date(2025, 12, 1), "Năm trước", [users.editor])
    summary = yearly_summary(2026, plan)
    assert (summary.held, summary.planned, summary.met) == (1, 2, False)
    assert (summary.staff_trained, summary.attendances) == (2, 4)


def test_dashboard_shows_the_training_summary_with_materials(editorial, as_user):
    approve_plan(make_plan(2026, training_sessions=1))
    document = DocumentFactory(title="Tài liệu tập huấn viết tin")
    session(datetime.date(2026, 4, 2), "Kỹ năng viết tin", [editorial.users.editor], documents=[document])
    html = as_user(editorial.users.editor).get(reverse("wagtail_bhxh_editorial:norms"), {"year": 2026}).content.decode()
    assert "Kỹ năng viết tin" in html and "Tài liệu tập huấn viết tin" in html
    assert "1/1" in html or "1 trên 1" in html or "Đã tổ chức 1/1" in html


def test_editors_see_training_but_only_the_secretary_and_heads_record_it(editorial, as_user):
    add_url = reverse("wagtail_bhxh_editorial_training:add")
    data = {
        "date": "2026-05-05",
        "topic": "Tập huấn chuyển đổi số",
        "trainer": "Phòng CNTT",
        "external_attendees": "",
        "notes": "",
        "materials-TOTAL_FORMS": "0",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
    }
    as_user(editorial.users.editor).post(add_url, data)
    assert not TrainingSession.objects.exists()
    assert as_user(editorial.users.editor).get(reverse("wagtail_bhxh_editorial_training:list")).status_code == 200
    response = as_user(editorial.users.secretary).post(add_url, data)
    assert response.status_code == 302
    assert TrainingSession.objects.get().topic == "Tập huấn chuyển đổi số"
