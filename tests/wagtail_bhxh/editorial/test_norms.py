"""The norms counting rule: month boundaries in the site's time zone, the workflow, takedowns."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MediaIndexPageFactory, UserFactory
from wagtail_bhxh.editorial import norms
from wagtail_bhxh.editorial.models import NormReminder, PlanTarget
from wagtail_bhxh.models import RetrospectiveApproval

from .conftest import approve_plan, make_plan
from .helpers import item, local, take_down

MARCH = datetime.date(2026, 3, 1)
APRIL = datetime.date(2026, 4, 1)


def counted(month):
    return sorted(i.page_id for i in norms.counted_items(month))


def test_an_item_counts_in_the_local_month_of_its_first_publication(editorial):
    late_march = item(editorial.news, local(2026, 3, 31, 23, 30))  # 16:30 UTC, still March in Việt Nam
    early_april = item(editorial.news, local(2026, 4, 1, 0, 10))  # 31 March 17:10 UTC
    assert counted(MARCH) == [late_march.pk]
    assert counted(APRIL) == [early_april.pk]


def test_only_items_published_through_the_workflow_or_approved_afterwards_count(editorial):
    users = editorial.users
    through = item(editorial.news, local(2026, 3, 5, 9))
    urgent = item(editorial.news, local(2026, 3, 6, 9), via_workflow=False)
    draft = item(editorial.news, local(2026, 3, 7, 9), live=False)
    assert counted(MARCH) == [through.pk]

    approval = RetrospectiveApproval.objects.create(page=urgent, page_title=urgent.title, published_by=users.head)
    assert counted(MARCH) == [through.pk]  # still awaiting the retrospective approval
    approval.approve(users.deputy)
    assert counted(MARCH) == sorted([through.pk, urgent.pk])
    assert draft.pk not in counted(MARCH)


def test_takedowns_count_only_after_the_end_of_the_month(editorial):
    head = editorial.users.head
    kept = item(editorial.news, local(2026, 3, 10, 9))
    removed_in_march = item(editorial.news, local(2026, 3, 10, 10))
    removed_in_april = item(editorial.news, local(2026, 3, 10, 11))
    withdrawn_in_march = item(editorial.news, local(2026, 3, 10, 12))
    removed_at_midnight = item(editorial.news, local(2026, 3, 10, 13))
    unpublished = item(editorial.news, local(2026, 3, 10, 14), live=False)  # unpublished without a takedown

    take_down(removed_in_march, local(2026, 3, 31, 23, 59), head=head)
    take_down(removed_in_april, local(2026, 4, 2, 8), head=head)
    take_down(withdrawn_in_march, local(2026, 3, 20, 8), outcome="withdrawn", head=head)
    take_down(removed_at_midnight, local(2026, 4, 1, 0, 0), head=head)

    assert counted(MARCH) == sorted([kept.pk, removed_in_april.pk, removed_at_midnight.pk])
    assert unpublished.pk not in counted(MARCH)


def test_month_report_against_the_approved_plan_only(editorial):
    plan = make_plan(2026, targets=(("tin", 3), ("bai", 2), ("video", 1)))
    for day in (2, 3):
        item(editorial.news, local(2026, 3, day, 9))
    item(editorial.news, local(2026, 3, 4, 9), kind="bai")
    media = MediaIndexPageFactory(parent=editorial.home)
    item(media, local(2026, 3, 4, 9), kind="video")
    item(media, local(2026, 3, 4, 10), kind="infographic")

    report = norms.month_report(MARCH)
    assert report.plan is None  # a draft plan sets no target
    assert report.line("tin").target == 0

    approve_plan(plan)
    report = norms.month_report(MARCH)
    assert [(line.kind, line.count, line.target, line.shortfall) for line in report.lines] == [
        ("tin", 2, 3, 1),
        ("bai", 1, 2, 1),
        ("infographic", 1, 0, 0),
        ("video", 1, 1, 0),
    ]
    assert report.has_shortfall


def test_unit_and_author_targets(editorial):
    from django.contrib.auth.models import Group

    unit = Group.objects.create(name="Phòng Truyền thông")
    writer = UserFactory(username="phongvien")
    writer.groups.add(unit)
    outsider = UserFactory(username="khac")
    plan = make_plan(
        2026,
        targets=(("tin", 10),),
        extra_targets=[
            PlanTarget(kind="tin", per_month=2, unit=unit),
            PlanTarget(kind="tin", per_month=1, author=outsider),
        ],
    )
    approve_plan(plan)
    item(editorial.news, local(2026, 3, 2, 9), author=writer)
    item(editorial.news, local(2026, 3, 3, 9), author=writer)
    item(editorial.news, local(2026, 3, 3, 10))

    report = norms.month_report(MARCH)
    scoped = {(line.unit.name if line.unit else line.author.username): line for line in report.scoped}
    assert (scoped["Phòng Truyền thông"].count, scoped["Phòng Truyền thông"].met) == (2, True)
    assert (scoped["khac"].count, scoped["khac"].shortfall) == (0, 1)
    assert report.line("tin").count == 3


def dashboard(client, **params):
    return client.get(reverse("wagtail_bhxh_editorial:norms"), params)


def test_dashboard_shows_shortfalls_and_exports_the_year(editorial, as_user):
    approve_plan(make_plan(2026, targets=(("tin", 20), ("bai", 4))))
    item(editorial.news, local(2026, 3, 2, 9), title="Tin tháng ba về BHYT học sinh")
    client = as_user(editorial.users.editor)
    response = dashboard(client, year=2026, month=3)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tin tháng ba về BHYT học sinh" in html
    assert "Thiếu 19" in html and "Thiếu 4" in html

    response = dashboard(client, year=2026, export="xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["03/2026", "Toàn Cổng", "Tin", 20, 1, 19, 5] in rows

    response = dashboard(client, year="hai nghìn", month=13)
    assert response.status_code == 200
    assert "Nhập năm" in response.content.decode()


def test_dashboard_and_panel_are_refused_without_the_plan_permission(editorial, as_user):
    client = as_user(editorial.users.accountant)
    response = dashboard(client)
    assert response.status_code in (302, 403)
    assert "Định mức tháng này" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Định mức tháng này" in as_user(editorial.users.editor).get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_queries_do_not_grow_with_content(editorial, as_user):
    approve_plan(make_plan(2026, targets=(("tin", 20),)))
    client = as_user(editorial.users.head)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert dashboard(client, year=2026, month=3).status_code == 200
        return len(captured)

    item(editorial.news, local(2026, 3, 2, 9), author=editorial.users.editor)
    queries()  # the first request fills the per-process caches (site, content types, settings)
    few = queries()
    for day in range(3, 23):
        item(editorial.news, local(2026, 3, day, 9), author=editorial.users.editor)
    queries()  # warm again: new pages start a new generation of the cached chrome
    assert queries() == few


def test_reminder_goes_to_the_head_once_when_two_thirds_are_gone(editorial):
    approve_plan(make_plan(2026, targets=(("tin", 10), ("bai", 2))))
    for day in range(1, 6):
        item(editorial.news, local(2026, 3, day, 9))  # 5/10 tin (50 %), 0/2 bài
    item(editorial.news, local(2026, 3, 2, 10), kind="bai")
    item(editorial.news, local(2026, 3, 3, 10), kind="bai")  # 2/2 bài

    call_command("bhxh_norms_reminder", date="2026-03-20", verbosity=0)  # 20/31 < 2/3
    assert not mail.outbox
    call_command("bhxh_norms_reminder", date="2026-03-21", verbosity=0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == sorted([editorial.users.head.email, editorial.users.head2.email])
    assert "03/2026" in message.subject
    assert "Tin: 5/10" in message.body or "5 trên 10" in message.body
    assert "Bài" not in message.body.split("\n\n")[1]
    call_command("bhxh_norms_reminder", date="2026-03-25", verbosity=0)
    assert len(mail.outbox) == 1
    assert NormReminder.objects.get().shortfalls == {"tin": {"count": 5, "target": 10}}
