"""Press information pages and the press section: filters, history, authorisations, search fields, queries."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import DocumentFactory, ImageFactory
from wagtail_bhxh.moderation.workflow import section_models
from wagtail_bhxh_spokesperson.models import PressIndexPage, PressReleasePage

from .conftest import make_authorisation, make_press_release, make_spokesperson

pytestmark = pytest.mark.django_db


def on_day(day):
    return mock.patch("wagtail_bhxh_spokesperson.models.timezone.localdate", return_value=day)


def test_press_section_shows_spokesperson_history_and_valid_authorisations(client, home, press_section):
    make_spokesperson(
        full_name="Phạm Văn Cũ",
        term_start=datetime.date(2023, 1, 1),
        term_end=datetime.date(2024, 12, 31),
        appointing_document_number="1/QĐ-BHXH",
    )
    make_spokesperson(appointing_document=DocumentFactory())
    make_authorisation()
    make_authorisation(
        full_name="Hết Hạn", valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2026, 1, 31)
    )
    make_press_release(press_section)
    with on_day(datetime.date(2026, 6, 15)):
        html = client.get(press_section.url).content.decode()
    assert 'aria-labelledby="press-spokesperson"' in html and "Nguyễn Thị Lan" in html
    assert 'aria-labelledby="press-history"' in html and "Phạm Văn Cũ" in html and "1/QĐ-BHXH" in html
    assert "Trần Văn Minh" in html and "Chính sách bảo hiểm xã hội tự nguyện" in html
    assert "Hết Hạn" not in html
    assert "Thông cáo báo chí số 1" in html


def test_the_index_filters_by_kind_and_year(client, home, press_section):
    make_press_release(press_section, 0)
    make_press_release(
        press_section,
        1,
        title="Thông báo họp báo quý II",
        kind=PressReleasePage.Kind.CONFERENCE_NOTICE,
        event_at=datetime.datetime(2026, 6, 20, 9, 0, tzinfo=datetime.UTC),
        venue="Hội trường BHXH tỉnh",
    )
    make_press_release(press_section, 2, title="Thông cáo năm trước", dated=datetime.date(2025, 3, 1))
    html = client.get(press_section.url, {"kind": "conference_notice"}).content.decode()
    assert "Thông báo họp báo quý II" in html and "Thông cáo báo chí số 1" not in html
    html = client.get(press_section.url, {"year": "2025"}).content.decode()
    assert "Thông cáo năm trước" in html and "Thông báo họp báo quý II" not in html
    # Bad filters are reported and ignored.
    response = client.get(press_section.url, {"kind": "<script>", "year": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html and "Thông cáo năm trước" in html and 'role="alert"' in html


def test_a_press_release_shows_its_date_attachments_and_contact(client, home, press_section):
    make_spokesperson()
    page = make_press_release(
        press_section,
        attachments=[("attachment", {"document": DocumentFactory(title="Thông cáo (PDF)"), "title": ""})],
        contact="Phòng Truyền thông: 0236 3822 456",
    )
    html = client.get(page.url).content.decode()
    assert '<time datetime="2026-05-01">01/05/2026</time>' in html
    assert "Thông cáo (PDF)" in html and 'aria-labelledby="press-attachments"' in html
    assert "Phòng Truyền thông" in html
    assert 'aria-labelledby="press-contact-spokesperson"' in html and "tel:+842363822123" in html


def test_conference_notices_and_corrections_require_their_details(home, press_section):
    page = PressReleasePage(title="Thông báo họp báo", slug="hop-bao", kind=PressReleasePage.Kind.CONFERENCE_NOTICE)
    with pytest.raises(Exception) as excinfo:
        press_section.add_child(instance=page)
    assert "event_at" in str(excinfo.value)
    correction = PressReleasePage(title="Đề nghị cải chính", slug="cai-chinh", kind=PressReleasePage.Kind.CORRECTION)
    with pytest.raises(Exception) as excinfo:
        press_section.add_child(instance=correction)
    assert "press_outlet" in str(excinfo.value)


def test_press_pages_live_only_in_a_press_section(home, press_section):
    assert PressReleasePage.can_create_at(press_section)
    assert not PressReleasePage.can_create_at(home)
    assert PressIndexPage.can_create_at(home)


def test_press_sections_are_moderated_and_press_releases_protected(home):
    assert PressIndexPage in section_models()
    assert PressReleasePage.bhxh_takedown_protected


def test_press_releases_are_searchable_and_typed_for_the_search_api(home, press_section):
    assert PressReleasePage.bhxh_search_type == "press_release"
    names = {getattr(field, "field_name", None) for field in PressReleasePage.get_search_fields()}
    assert {"title", "intro", "body", "number", "kind", "dated"} <= names
    make_press_release(press_section, title="Thông cáo về tăng lương hưu")
    results = PressReleasePage.objects.live().search("lương hưu")
    assert [page.title for page in results] == ["Thông cáo về tăng lương hưu"]


def build_index(home, n):
    section = PressIndexPage(title=f"Báo chí {n}", slug=f"bao-chi-{n}")
    home.add_child(instance=section)
    for i in range(n):
        make_press_release(section, i, slug=f"tc-{n}-{i}", feature_image=ImageFactory() if i < 30 else None)
    for i in range(min(n, 20)):
        make_spokesperson(
            full_name=f"Người phát ngôn {i}",
            term_start=datetime.date(1900 + n + i, 1, 1),
            term_end=datetime.date(1900 + n + i, 12, 31),
        )
        make_authorisation(full_name=f"Được ủy quyền {i}")
    return section


def build_release(home, n):
    section = PressIndexPage(title=f"Báo chí {n}", slug=f"bao-chi-{n}")
    home.add_child(instance=section)
    page = make_press_release(
        section,
        slug=f"tc-{n}",
        attachments=[("attachment", {"document": DocumentFactory(), "title": ""}) for _ in range(n)],
    )
    page.tags.add(*[f"thẻ {i}" for i in range(n)])
    page.save()
    return page


def count_queries(client, page):
    client.get(page.url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(context.captured_queries)


#: Ceilings of queries per view (about 9 are Wagtail's routing, site and locale lookups).
CEILINGS = {"press section": (build_index, 24), "press information": (build_release, 24)}


@pytest.mark.parametrize("name", CEILINGS)
def test_press_pages_queries_do_not_grow_with_content(client, home, name):
    builder, ceiling = CEILINGS[name]
    make_spokesperson(full_name="Đương nhiệm", term_start=datetime.date(2026, 1, 1))
    small = count_queries(client, builder(home, 5))
    large = count_queries(client, builder(home, 40))
    assert small == large, f"{name}: {small} queries with 5 items, {large} with 40"
    assert large <= ceiling, f"{name}: {large} queries"
