"""Outside contributors (masked, private), remuneration rules, payment deadline flag and reports."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageLogEntry

from wagtail_bhxh_royalties.models import Contributor, RemunerationRule, RoyaltyBudget, RoyaltyEntry, Statement
from wagtail_bhxh_royalties.remuneration import generate_remuneration, split
from wagtail_bhxh_royalties.statements import build_statement, statement_lines

from .conftest import assert_refused, publish_item
from .test_statements import approved


@pytest.fixture
def outsider(royalties):
    return Contributor.objects.create(
        name="Trần Văn Ảnh", id_number="012345678912", bank_account="1903123456789", bank_name="Vietcombank"
    )


def test_contributor_list_masks_the_id_number_and_only_accountant_and_head_see_it(client, royalties, outsider):
    index = reverse("contributors:index")
    client.force_login(royalties.users.accountant)
    content = client.get(index).content.decode()
    assert "Trần Văn Ảnh" in content and "*********912" in content
    assert "012345678912" not in content and "1903123456789" not in content
    client.force_login(royalties.users.head)
    assert client.get(index).status_code == 200
    inspect = client.get(reverse("contributors:inspect", args=(outsider.pk,))).content.decode()
    assert "012345678912" in inspect
    for who in ("secretary", "contributor", "editor"):
        client.force_login(getattr(royalties.users, who))
        assert_refused(client.get(index))
        assert_refused(client.get(reverse("contributors:inspect", args=(outsider.pk,))))
        assert_refused(client.post(reverse("contributors:add"), {"name": "Giả Mạo", "id_number": "1"}))
    assert not Contributor.objects.filter(name="Giả Mạo").exists()


def test_recording_a_contributor_links_their_earlier_entries(royalties):
    page = publish_item(royalties.news, [("photographer", None, "Đinh Văn Chụp")])
    entry = RoyaltyEntry.objects.get(page_id=page.pk)
    assert entry.contributor is None
    contributor = Contributor.objects.create(name="Đinh Văn Chụp", id_number="001")
    entry.refresh_from_db()
    assert entry.contributor == contributor


def test_split_is_exact_in_whole_dong():
    assert split(Decimal(100), [1, 1, 1]) == [Decimal(34), Decimal(33), Decimal(33)]
    assert sum(split(Decimal(1_000_001), [Decimal(3), Decimal(5), Decimal(7)])) == 1_000_001


def test_share_rule_capped_and_split_between_the_role(royalties):
    for n in range(3):
        approved(f"Tác giả {n}", coefficient=Decimal(10))  # 3 × 2,340,000 = 7,020,000
    RemunerationRule.objects.create(
        name="Thù lao biên tập",
        role="editor",
        mode=RemunerationRule.Mode.SHARE,
        percent=Decimal(10),
        cap=Decimal(500_000),
        effective_from=datetime.date(2024, 1, 1),
    )
    from .conftest import user_with_role

    user_with_role("editor", "bientap_b")
    lines = generate_remuneration(2024, 9)
    assert sorted(line.amount for line in lines) == [Decimal(250_000), Decimal(250_000)]  # 702,000 capped at 500,000
    statement = build_statement(2024, 9)
    assert statement.remuneration_lines.count() == 2
    editor = statement.people.get(user=royalties.users.editor)
    assert editor.remuneration == Decimal(250_000) and editor.royalties == 0
    assert statement.total_gross == Decimal(7_020_000 + 500_000)


def test_per_item_rule_counts_workflow_approvals_of_the_month(royalties):
    RemunerationRule.objects.create(
        name="Thù lao duyệt bài",
        role="head",
        mode=RemunerationRule.Mode.PER_ITEM,
        rate=Decimal(50_000),
        effective_from=datetime.date(2024, 1, 1),
    )
    pages = [publish_item(royalties.news, [("author", None, f"T{n}")]) for n in range(3)]
    when = timezone.make_aware(datetime.datetime(2024, 9, 12, 9, 0))
    for page in pages:
        PageLogEntry.objects.create(
            page=page, action="wagtail.workflow.approve", user=royalties.users.head, timestamp=when, label=page.title
        )
    PageLogEntry.objects.create(
        page=pages[0],
        action="wagtail.workflow.approve",
        user=royalties.users.head,
        timestamp=when + datetime.timedelta(days=30),
        label="next month",
    )
    (line,) = generate_remuneration(2024, 9)
    assert line.user == royalties.users.head and line.amount == Decimal(150_000)


def test_unpaid_payment_past_60_days_is_flagged(client, royalties):
    approved("Ngô Thị Lan", on=datetime.date(2024, 9, 10))
    statement = build_statement(2024, 9)
    statement.status = Statement.Status.APPROVED
    statement.save()
    with freeze_time("2024-11-09"):
        (group,) = statement_lines(statement)
        assert group.payment_deadline == datetime.date(2024, 11, 9) and not group.is_overdue
    with freeze_time("2024-11-10"):
        (group,) = statement_lines(statement)
        assert group.is_overdue
        client.force_login(royalties.users.accountant)
        content = client.get(reverse("wagtail_bhxh_royalties_statements:edit", args=(statement.pk,))).content.decode()
        assert "quá hạn" in content
    statement.people.update(paid_on=datetime.date(2024, 11, 20))
    with freeze_time("2024-12-01"):
        (group,) = statement_lines(statement)
        assert not group.is_overdue


def test_reports_by_person_kind_month_and_budget(client, royalties):
    approved("Ngô Thị Lan", on=datetime.date(2024, 2, 10), coefficient=Decimal(10))
    approved("Ngô Thị Lan", on=datetime.date(2024, 5, 10), coefficient=Decimal(5), kind="anh")
    approved("Vũ Ba", on=datetime.date(2024, 5, 11), coefficient=Decimal(5))
    approved("Vũ Ba", on=datetime.date(2024, 5, 12), coefficient=Decimal(5), status=RoyaltyEntry.Status.PROPOSED)
    RoyaltyBudget.objects.create(year=2024, amount=Decimal(100_000_000))
    statement = build_statement(2024, 2)
    statement.people.update(paid_on=datetime.date(2024, 3, 1))
    url = reverse("wagtail_bhxh_royalties_reports:index")
    for who in ("secretary", "contributor"):
        client.force_login(getattr(royalties.users, who))
        assert_refused(client.get(url))
    client.force_login(royalties.users.accountant)
    response = client.get(url, {"year": 2024})
    report = response.context["report"]
    # Before July 2024 one coefficient point is 10 % of 1,800,000 đồng.
    assert report["committed"] == Decimal(1_800_000 + 900_000 + 900_000)
    assert report["paid"] == Decimal(1_800_000)  # Feb 2024: 10 × 180,000
    assert report["remaining"] == Decimal(100_000_000 - 3_600_000)
    assert {row["person_name"]: row["total"] for row in report["by_person"]} == {
        "Ngô Thị Lan": Decimal(2_700_000),
        "Vũ Ba": Decimal(900_000),
    }
    assert report["by_month"][4]["items"] == 2
    assert {row["kind__name"] for row in report["by_kind"]} == {"Tin", "Ảnh"}
    quarter = client.get(url, {"year": 2024, "quarter": 2}).context["report"]
    assert quarter["committed"] == Decimal(1_800_000) and len(quarter["by_month"]) == 3
    assert "100.000.000" in response.content.decode()


def test_rule_listings_take_a_constant_number_of_queries(client, royalties):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_bhxh_royalties.models import CoefficientFrame, WorkKind

    client.force_login(royalties.users.accountant)
    urls = [reverse("coefficient_frames:index"), reverse("budgets:index")]
    RoyaltyBudget.objects.create(year=2024, amount=Decimal(1_000_000))

    def count(url):
        client.get(url)  # warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = [count(url) for url in urls]
    for n in range(8):
        kind = WorkKind.objects.create(code=f"k{n}", name=f"Thể loại {n}")
        CoefficientFrame.objects.create(
            kind=kind, effective_from=datetime.date(2024, 1, 1), minimum=Decimal(1), maximum=Decimal(9)
        )
        RoyaltyBudget.objects.create(year=2030 + n, amount=Decimal(1_000_000))
    assert [count(url) for url in urls] == small
