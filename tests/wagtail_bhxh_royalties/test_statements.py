"""The monthly statement: grouping, tax, totals equal to the lines, approval and lock, exports, payments."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from wagtail_bhxh_royalties.calculation import get_calculator
from wagtail_bhxh_royalties.models import Contributor, RoyaltyEntry, Statement, WorkKind
from wagtail_bhxh_royalties.statements import build_statement

from .conftest import assert_refused


def approved(person, amount=None, *, on=datetime.date(2024, 9, 10), coefficient=Decimal(5), kind="tin", **fields):
    """An approved entry of ``person`` (a user, a Contributor or a name)."""
    entry = RoyaltyEntry(
        title=fields.pop("title", f"Tin ngày {on:%d/%m}"),
        published_on=on,
        kind=WorkKind.objects.get(code=kind),
        coefficient=coefficient,
        status=fields.pop("status", RoyaltyEntry.Status.APPROVED),
        **fields,
    )
    if isinstance(person, Contributor):
        entry.contributor, entry.person_name = person, person.name
    elif isinstance(person, str):
        entry.person_name = person
    else:
        entry.user, entry.person_name = person, f"{person.last_name} {person.first_name}"
    entry.amount = amount if amount is not None else get_calculator().amount(entry)
    entry.save()
    return entry


@pytest.fixture
def september(royalties):
    users = royalties.users
    outsider = Contributor.objects.create(name="Trần Văn Ảnh", id_number="012345678912", bank_account="1903123456789")
    return {
        "staff": [
            approved(users.contributor, coefficient=Decimal(10)),
            approved(users.contributor, coefficient=Decimal(8)),
        ],
        # 5 + 4 coefficient points = 9 × 234,000 = 2,106,000 ≥ 2,000,000: tax withheld.
        "outsider": [
            approved(outsider, coefficient=Decimal(5)),
            approved(outsider, coefficient=Decimal(4), kind="anh"),
        ],
        # 8 × 234,000 = 1,872,000 < 2,000,000: no tax.
        "small": [approved("Ngô Thị Lan", coefficient=Decimal(8))],
    }


def test_statement_groups_by_person_withholds_tax_and_totals_equal_lines(royalties, september):
    statement = build_statement(2024, 9)
    people = {person.name: person for person in statement.people.all()}
    assert set(people) == {"Lê Thị Hoa", "Trần Văn Ảnh", "Ngô Thị Lan"}
    staff, outsider, small = people["Lê Thị Hoa"], people["Trần Văn Ảnh"], people["Ngô Thị Lan"]
    assert (staff.gross, staff.tax) == (Decimal(4_212_000), 0)  # staff: taxed with their salary
    assert (outsider.gross, outsider.tax, outsider.net) == (Decimal(2_106_000), Decimal(210_600), Decimal(1_895_400))
    assert (small.gross, small.tax) == (Decimal(1_872_000), 0)
    lines = RoyaltyEntry.objects.filter(statement=statement)
    assert lines.count() == 5
    assert statement.total_gross == sum(entry.amount for entry in lines) == sum(p.gross for p in people.values())
    assert statement.total_tax == sum(p.tax for p in people.values())
    assert statement.total_net == statement.total_gross - statement.total_tax


def test_only_approved_entries_of_the_month_and_late_ones_are_carried(royalties, september):
    proposed = approved(royalties.users.contributor2, status=RoyaltyEntry.Status.PROPOSED)
    october = approved(royalties.users.contributor2, on=datetime.date(2024, 10, 1))
    statement = build_statement(2024, 9)
    assert not RoyaltyEntry.objects.filter(pk__in=[proposed.pk, october.pk], statement=statement).exists()
    build_statement(2024, 9)  # rebuilding a draft is idempotent
    assert RoyaltyEntry.objects.filter(statement=statement).count() == 5


def test_mid_month_base_salary_change_on_one_statement(royalties):
    from wagtail_bhxh_royalties.models import BaseSalary

    BaseSalary.objects.create(effective_from=datetime.date(2025, 3, 15), amount=Decimal(2_500_000))
    approved("Ngô Thị Lan", on=datetime.date(2025, 3, 14), coefficient=Decimal(5))
    approved("Ngô Thị Lan", on=datetime.date(2025, 3, 20), coefficient=Decimal(5))
    statement = build_statement(2025, 3)
    assert statement.total_gross == Decimal(1_170_000 + 1_250_000)
    assert statement.total_tax == Decimal(242_000)


def test_head_approves_then_the_statement_refuses_changes(client, royalties, september):
    users = royalties.users
    client.force_login(users.accountant)
    response = client.post(reverse("wagtail_bhxh_royalties_statements:add"), {"year": 2024, "month": 9})
    statement = Statement.objects.get(year=2024, month=9)
    assert response.status_code == 302 and statement.people.count() == 3
    approve_url = reverse("wagtail_bhxh_royalties_statements:approve", args=(statement.pk,))
    for who in ("accountant", "secretary", "contributor"):
        client.force_login(getattr(users, who))
        assert_refused(client.post(approve_url))
    statement.refresh_from_db()
    assert statement.status == Statement.Status.DRAFT
    client.force_login(users.head)
    client.post(approve_url)
    statement.refresh_from_db()
    assert statement.is_locked and statement.approved_by == users.head
    assert ModelLogEntry.objects.filter(action="wagtail_bhxh_royalties.statement_approve").count() == 1
    # Locked: a forged rebuild changes nothing, even with new approved entries waiting.
    approved("Người Mới", coefficient=Decimal(3))
    client.force_login(users.accountant)
    response = client.post(reverse("wagtail_bhxh_royalties_statements:rebuild", args=(statement.pk,)), follow=True)
    assert "đã được duyệt và khóa" in response.content.decode()
    statement.refresh_from_db()
    assert statement.people.count() == 3 and statement.total_gross == Decimal(4_212_000 + 2_106_000 + 1_872_000)
    # An entry on it cannot be reopened, nor changed by the secretary.
    entry = september["small"][0]
    client.force_login(users.head)
    client.post(reverse("wagtail_bhxh_royalties_entries:reopen", args=(entry.pk,)), {"reason": "Sửa"})
    entry.refresh_from_db()
    assert entry.status == RoyaltyEntry.Status.APPROVED
    # Nor deleted.
    client.force_login(users.accountant)
    assert_refused(client.post(reverse("wagtail_bhxh_royalties_statements:delete", args=(statement.pk,))))
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_statements_only_for_the_accountant_and_the_head(client, royalties, september):
    statement = build_statement(2024, 9)
    urls = [
        reverse("wagtail_bhxh_royalties_statements:edit", args=(statement.pk,)),
        reverse("wagtail_bhxh_royalties_statements:xlsx", args=(statement.pk,)),
        reverse("wagtail_bhxh_royalties_statements:print", args=(statement.pk,)),
    ]
    for who in ("secretary", "contributor", "editor"):
        client.force_login(getattr(royalties.users, who))
        for url in urls:
            assert_refused(client.get(url))
    client.force_login(royalties.users.secretary)
    assert_refused(client.post(reverse("wagtail_bhxh_royalties_statements:add"), {"year": 2024, "month": 10}))
    assert not Statement.objects.filter(month=10).exists()
    for who in ("accountant", "head"):
        client.force_login(getattr(royalties.users, who))
        for url in urls:
            assert client.get(url).status_code == 200


def test_xlsx_export_as_an_accountant_expects(client, royalties, september):
    statement = build_statement(2024, 9)
    client.force_login(royalties.users.accountant)
    response = client.get(reverse("wagtail_bhxh_royalties_statements:xlsx", args=(statement.pk,)))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "bang-ke-nhuan-but-2024-09.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    text = "\n".join(" ".join(str(v) for v in row if v is not None) for row in rows)
    assert "Tổng cộng" in text or "Total" in text
    total_row = next(row for row in rows if row[1] in ("Total", "Tổng cộng"))
    assert total_row[7] == 8_190_000 and total_row[8] == 210_600 and total_row[9] == 7_979_400
    assert "Tám triệu một trăm chín mươi nghìn đồng" in text
    money_cells = [
        cell for row in sheet.iter_rows() for cell in row if cell.column == 8 and isinstance(cell.value, int)
    ]
    assert money_cells and all(cell.number_format == "#,##0" for cell in money_cells)
    person_rows = [row for row in rows if isinstance(row[0], int)]
    assert sum(row[7] for row in person_rows) == total_row[7]
    # Printed: A4 landscape, the header row frozen and repeated on every page, one bold line per payee.
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape")
    assert sheet.freeze_panes == "A5" and sheet.print_title_rows == "$4:$4"
    assert sheet["A4"].value in ("STT", "No.") and sheet["A4"].font.b and sheet["A4"].border.left.style == "thin"
    payee_cells = [row[1] for row in sheet.iter_rows(min_row=5) if isinstance(row[0].value, int)]
    assert len(payee_cells) == 3 and all(cell.font.b for cell in payee_cells)
    dates = [row[4].value for row in sheet.iter_rows(min_row=5) if row[4].value is not None]
    assert dates and all(value.date() == datetime.date(2024, 9, 10) for value in dates)
    assert sheet.cell(row=6, column=5).number_format == "DD/MM/YYYY"


def test_printable_statement_with_signature_blocks(client, royalties, september):
    statement = build_statement(2024, 9)
    client.force_login(royalties.users.head)
    content = client.get(
        reverse("wagtail_bhxh_royalties_statements:print", args=(statement.pk,)), HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()
    assert "8.190.000" in content and "210.600" in content
    for title in ("Người lập biểu", "Kế toán trưởng", "Trưởng ban biên tập"):
        assert title in content
    assert "Tám triệu một trăm chín mươi nghìn đồng" in content
    # Print CSS: A4 landscape, headings repeated on each page, a payee's lines kept together.
    assert "size: A4 landscape" in content and "thead { display: table-header-group; }" in content
    assert content.count('<tbody class="payee">') == 3


def test_payment_tracking_after_approval(client, royalties, september):
    statement = build_statement(2024, 9)
    person = statement.people.get(name="Trần Văn Ảnh")
    url = reverse("wagtail_bhxh_royalties_statements:payment", args=(person.pk,))
    client.force_login(royalties.users.accountant)
    client.post(url, {"paid_on": "2024-10-05"})
    person.refresh_from_db()
    assert person.paid_on is None  # not before the head's approval
    statement.status = Statement.Status.APPROVED
    statement.save()
    client.force_login(royalties.users.secretary)
    assert_refused(client.post(url, {"paid_on": "2024-10-05"}))
    client.force_login(royalties.users.accountant)
    response = client.post(url, {"paid_on": "2999-01-01"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200 and "Ngày chi trả không được ở tương lai" in response.content.decode()
    person.refresh_from_db()
    assert person.paid_on is None
    client.post(url, {"paid_on": "2024-10-05"})
    person.refresh_from_db()
    assert person.paid_on == datetime.date(2024, 10, 5)
    log = ModelLogEntry.objects.get(action="wagtail_bhxh_royalties.payment")
    assert log.user == royalties.users.accountant and log.data["paid_on"] == "2024-10-05"
    # Notices and carry-over are no longer typed in by hand: posting them changes nothing.
    client.post(url, {"paid_on": "", "notices_sent": 3, "carried_to_year": 2025})
    person.refresh_from_db()
    assert (person.paid_on, person.notices_sent, person.carried_to_year) == (None, 0, None)


def _queries(client, url, warm=False):
    if warm:  # the first admin request fills the per-site caches (site, settings) a later one reuses
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_statement_views_take_a_constant_number_of_queries(client, royalties):
    client.force_login(royalties.users.accountant)
    for n in range(3):
        approved(f"Người {n}", coefficient=Decimal(3))
    statement = build_statement(2024, 9)
    urls = [
        reverse(name, args=(statement.pk,))
        for name in (
            "wagtail_bhxh_royalties_statements:edit",
            "wagtail_bhxh_royalties_statements:print",
            "wagtail_bhxh_royalties_statements:xlsx",
        )
    ]
    small = [_queries(client, url, warm=True) for url in urls]
    for n in range(40):
        approved(f"Người {n}", coefficient=Decimal(2))
        approved(royalties.users.contributor, coefficient=Decimal(2))
    with CaptureQueriesContext(connection) as build_queries:
        build_statement(2024, 9)
    large = [_queries(client, url) for url in urls]
    assert large == small
    assert len(build_queries) < 25


def test_entry_list_and_my_royalties_take_a_constant_number_of_queries(client, royalties):
    urls = [reverse("wagtail_bhxh_royalties_entries:index"), reverse("wagtail_bhxh_royalties_entries:mine")]
    client.force_login(royalties.users.contributor)
    approved(royalties.users.contributor)
    mine_small = _queries(client, urls[1], warm=True)
    client.force_login(royalties.users.head)
    small = _queries(client, urls[0], warm=True)
    for n in range(30):
        approved(royalties.users.contributor, title=f"Tin {n}")
        approved(f"Người {n}", kind="anh")
    assert _queries(client, urls[0]) == small
    client.force_login(royalties.users.contributor)
    assert _queries(client, urls[1]) == mine_small


def test_forged_posts_to_an_approved_statement_change_nothing(client, royalties, september):
    statement = build_statement(2024, 9)
    client.force_login(royalties.users.head)
    client.post(reverse("wagtail_bhxh_royalties_statements:approve", args=(statement.pk,)))
    before = list(statement.people.values_list("name", "gross", "tax", "net"))
    client.force_login(royalties.users.accountant)
    # The statement's page takes no POST (its month cannot be changed), a second approval is refused.
    response = client.post(reverse("wagtail_bhxh_royalties_statements:edit", args=(statement.pk,)), {"month": 10})
    assert response.status_code == 405
    client.force_login(royalties.users.head)
    response = client.post(reverse("wagtail_bhxh_royalties_statements:approve", args=(statement.pk,)), follow=True)
    assert "Bảng kê này đã được duyệt" in response.content.decode()
    # Entries on it: the secretary's forged proposal is refused.
    entry = september["small"][0]
    client.force_login(royalties.users.secretary)
    client.post(
        reverse("wagtail_bhxh_royalties_entries:edit", args=(entry.pk,)),
        {"kind": entry.kind_id, "coefficient": "10", "share_percent": "100", "bonus_percent": "0"},
    )
    entry.refresh_from_db()
    statement.refresh_from_db()
    assert entry.coefficient == Decimal(8) and entry.status == RoyaltyEntry.Status.APPROVED
    assert statement.month == 9 and statement.approved_by == royalties.users.head
    assert list(statement.people.values_list("name", "gross", "tax", "net")) == before


def test_a_contributor_cannot_open_anyone_elses_entry(client, royalties, september):
    other = september["outsider"][0]
    own = september["staff"][0]
    client.force_login(royalties.users.contributor)
    for entry in (other, own):  # entries are opened by the secretary and the head; contributors read "My royalties"
        assert_refused(client.get(reverse("wagtail_bhxh_royalties_entries:edit", args=(entry.pk,))))
        assert_refused(client.get(reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,))))
    content = client.get(reverse("wagtail_bhxh_royalties_entries:mine")).content.decode()
    assert "2.340.000" in content and "Trần Văn Ảnh" not in content
