"""The Dispatch 3216 compliance page: one screen, red/amber/green per item, with evidence and an export."""

from io import BytesIO, StringIO

from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from wagtail import hooks

from tests.factories import PartnerLinkFactory
from wagtail_bhxh.editorial import compliance
from wagtail_bhxh.editorial.compliance import GREEN, ComplianceItem
from wagtail_bhxh.editorial.models import PartnerLinkCheck
from wagtail_bhxh.standards import links

from .conftest import approve_plan, make_plan


def statuses(client):
    response = client.get(reverse("wagtail_bhxh_editorial:compliance"))
    assert response.status_code == 200
    return response, {item.key: item for item in response.context["items"]}


def test_every_item_of_the_dispatch_is_shown_and_unreported_ones_are_red(editorial, as_user, monkeypatch):
    monkeypatch.setitem(compliance.EXPECTED, "press_archive", "Press archive kept")
    response, items = statuses(as_user(editorial.users.director))
    assert list(items)[: len(compliance.EXPECTED)] == list(compliance.EXPECTED)
    assert items["press_archive"].status == "red"
    assert "Chưa kiểm tra" in items["press_archive"].summary
    # The spokesperson app reports its own item: nobody is in office yet.
    assert items["spokesperson"].status == "red"
    assert items["plan_approved"].status == "red"
    html = response.content.decode()
    assert "Người phát ngôn" in html or "phát ngôn" in html


def test_other_apps_report_through_the_hook(editorial, as_user, monkeypatch):
    monkeypatch.setitem(compliance.EXPECTED, "press_archive", "Press archive kept")

    def press_archive(request, today):
        return [ComplianceItem("press_archive", GREEN, "Lưu trữ thông cáo báo chí đầy đủ", "/admin/x/")]

    with hooks.register_temporarily("wagtail_bhxh_compliance_items", press_archive):
        _response, items = statuses(as_user(editorial.users.director))
    assert items["press_archive"].status == "green"
    assert items["press_archive"].evidence_url == "/admin/x/"


def test_plan_item_follows_the_approval(editorial, as_user):
    import datetime

    plan = make_plan(datetime.date.today().year)
    _response, items = statuses(as_user(editorial.users.director))
    assert items["plan_approved"].status == "amber"
    approve_plan(plan)
    _response, items = statuses(as_user(editorial.users.director))
    assert items["plan_approved"].status == "green"
    assert items["plan_approved"].evidence_url == reverse("wagtail_bhxh_editorial_plans:edit", args=(plan.pk,))


def test_partner_links_are_checked_by_the_command(editorial, as_user, monkeypatch):
    alive = PartnerLinkFactory(url="https://baohiemxahoi.gov.vn/")
    dead = PartnerLinkFactory(url="https://example.org/gone")
    _response, items = statuses(as_user(editorial.users.head))
    assert items["partner_links"].status == "amber"  # never checked

    monkeypatch.setattr(links, "fetch_status", lambda url, timeout: 404 if "gone" in url else 200)
    monkeypatch.setattr(links, "is_public_http_url", lambda url: True)
    from wagtail_bhxh.editorial.management.commands import bhxh_check_partner_links

    monkeypatch.setattr(bhxh_check_partner_links, "fetch_status", links.fetch_status)
    monkeypatch.setattr(bhxh_check_partner_links, "is_public_http_url", links.is_public_http_url)
    call_command("bhxh_check_partner_links", verbosity=0, stdout=StringIO())
    assert PartnerLinkCheck.objects.get(link=alive).ok
    assert PartnerLinkCheck.objects.get(link=dead).status_code == 404
    _response, items = statuses(as_user(editorial.users.head))
    assert items["partner_links"].status == "red"


def test_report_exports_for_the_director_and_is_refused_to_others(editorial, as_user):
    response = as_user(editorial.users.director).get(reverse("wagtail_bhxh_editorial:compliance"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(rows) == 1 + len(compliance.EXPECTED)
    assert rows[0][:2] == ["Nội dung", "Tình trạng"]
    assert as_user(editorial.users.accountant).get(reverse("wagtail_bhxh_editorial:compliance")).status_code in (
        302,
        403,
    )
