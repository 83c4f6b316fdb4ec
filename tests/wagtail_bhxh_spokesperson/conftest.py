"""Fixtures of the spokesperson tests: spokespersons, authorisations, the roles and a press section."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from tests.factories import DocumentFactory, UserFactory
from wagtail_bhxh.moderation import roles
from wagtail_bhxh_spokesperson.models import Authorisation, PressIndexPage, PressReleasePage, Spokesperson

TODAY = datetime.date(2026, 6, 15)


def make_spokesperson(site=None, *, live=True, publish=True, **fields):
    """A spokesperson saved as a draft and, unless ``publish`` is False, published through a revision."""
    defaults = {
        "full_name": "Nguyễn Thị Lan",
        "position": "Phó Giám đốc",
        "unit": "Bảo hiểm xã hội tỉnh Demo",
        "phone": "0236 3822 123",
        "email": "lan.nt@demo.vss.gov.vn",
        "term_start": datetime.date(2025, 1, 1),
        "appointing_document_number": "12/QĐ-BHXH",
        "signed_at": timezone.now() - datetime.timedelta(days=1),
    }
    defaults.update(fields)
    person = Spokesperson(site=site or Site.objects.get(is_default_site=True), live=False, **defaults)
    person.save()
    revision = person.save_revision()
    if live and publish:
        revision.publish()
        person.refresh_from_db()
    return person


def make_authorisation(site=None, *, live=True, **fields):
    defaults = {
        "full_name": "Trần Văn Minh",
        "position": "Trưởng phòng Thu",
        "unit": "Bảo hiểm xã hội tỉnh Demo",
        "phone": "0912 345 678",
        "email": "minh.tv@demo.vss.gov.vn",
        "scope": "Chính sách bảo hiểm xã hội tự nguyện năm 2026",
        "valid_from": datetime.date(2026, 6, 1),
        "valid_until": datetime.date(2026, 6, 30),
        "document_number": "45/GUQ-BHXH",
        "document": DocumentFactory(title="Giấy ủy quyền phát ngôn"),
        "signed_at": timezone.now() - datetime.timedelta(days=1),
    }
    defaults.update(fields)
    item = Authorisation(site=site or Site.objects.get(is_default_site=True), live=False, **defaults)
    item.save()
    revision = item.save_revision()
    if live:
        revision.publish()
        item.refresh_from_db()
    return item


def user_with_role(code, username, **extra):
    user = UserFactory(username=username, **extra)
    roles.get_role_group(code).user_set.add(user)
    return user


@pytest.fixture
def editorial(db, home):
    """bhxh_setup has run (roles, workflow, this app's permissions); one user per role."""
    call_command("bhxh_setup", verbosity=0)
    return SimpleNamespace(
        home=home,
        contributor=user_with_role(roles.CONTRIBUTOR, "ctv"),
        editor=user_with_role(roles.EDITOR, "bientap"),
        secretary=user_with_role(roles.SECRETARY, "thuky"),
        deputy=user_with_role(roles.DEPUTY_HEAD, "photruongban"),
        head=user_with_role(roles.HEAD, "truongban"),
        accountant=user_with_role(roles.ACCOUNTANT, "ketoan"),
    )


@pytest.fixture
def press_section(home):
    section = PressIndexPage(title="Thông tin báo chí", slug="thong-tin-bao-chi", intro="Thông cáo, họp báo.")
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_press_release(section, n=0, **fields):
    defaults = {
        "title": f"Thông cáo báo chí số {n + 1} về kết quả thu bảo hiểm xã hội",
        "slug": f"thong-cao-{n + 1}",
        "kind": PressReleasePage.Kind.RELEASE,
        "dated": datetime.date(2026, 5, 1) + datetime.timedelta(days=n),
        "number": f"{n + 1}/TB-BHXH",
        "intro": "Bảo hiểm xã hội tỉnh thông tin kết quả thực hiện chính sách.",
    }
    defaults.update(fields)
    page = PressReleasePage(**defaults)
    section.add_child(instance=page)
    page.save_revision().publish()
    return page
