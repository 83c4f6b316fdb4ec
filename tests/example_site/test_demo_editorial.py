"""`make demo` shows the Decision 2474 process: users for each role, the workflow on the sections, work in progress."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail_bhxh.models import LegalDocumentIndexPage, MediaIndexPage, NewsIndexPage, PageNotice, TakedownRequest
from wagtail_bhxh.moderation import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_output():
    call_command("bhxh_setup", verbosity=0)
    out = StringIO()
    call_command("bhxh_load_demo", password="demo-password", staff_password="staff-password", stdout=out)
    return out.getvalue()


def test_demo_prints_a_user_for_each_role_and_their_password(demo_output):
    for username, label in [
        ("ctv", "Cộng tác viên"),
        ("bientap", "Biên tập viên"),
        ("thuky", "Thư ký tòa soạn"),
        ("photruongban", "Phó Trưởng ban biên tập"),
        ("truongban", "Trưởng ban biên tập"),
        ("ketoan", "Kế toán"),
        ("giamdoc", "Giám đốc"),
    ]:
        assert username in demo_output and label in demo_output
    assert "shared password: staff-password" in demo_output
    User = get_user_model()
    for code in roles.ALL_ROLES:
        assert User.objects.filter(groups=roles.get_role_group(code)).exists(), code


def test_demo_sections_follow_the_workflow(demo_output):
    for model in (NewsIndexPage, MediaIndexPage, LegalDocumentIndexPage):
        section = model.objects.get(locale__language_code="vi")
        assert section.get_workflow().name == "Quy trình Quyết định 2474"


def test_demo_shows_work_in_progress(demo_output, client):
    assert client.login(username="bientap", password="staff-password")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Chờ bạn duyệt (Quyết định 2474)" in home
    assert "Khu công nghiệp Sông Xanh về chính sách mới" in home
    assert PageNotice.objects.corrections().exists()
    assert client.login(username="truongban", password="staff-password")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Yêu cầu gỡ tin chờ bạn quyết định" in home
    assert TakedownRequest.objects.pending().count() == 1


def test_loading_the_demo_again_changes_nothing(demo_output):
    out = StringIO()
    call_command("bhxh_load_demo", password="demo-password", staff_password="staff-password", stdout=out)
    assert "0 item(s) created" in out.getvalue()
