"""Payment notices by email and printed letter, once per interval, then carry-over to the next year."""

import datetime
import smtplib
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from wagtail_bhxh_royalties.models import Contributor, PaymentNotice, Statement, StatementPerson
from wagtail_bhxh_royalties.statements import build_statement

from .conftest import assert_refused
from .test_statements import approved


@pytest.fixture
def approved_september(royalties):
    """Approved 09/2024 statement: a staff member, an outside contributor with email, a payee without email."""
    users = royalties.users
    outsider = Contributor.objects.create(name="Trần Văn Ảnh", id_number="012345678912", email="anh@example.vn")
    approved(users.contributor, coefficient=Decimal(10))
    approved(outsider, coefficient=Decimal(5))
    approved(outsider, coefficient=Decimal(4), kind="anh")
    approved("Ngô Thị Lan", coefficient=Decimal(8))
    statement = build_statement(2024, 9)
    statement.status = Statement.Status.APPROVED
    statement.save()
    return statement


def url(name, statement):
    return reverse(f"wagtail_bhxh_royalties_statements:{name}", args=(statement.pk,))


def person(statement, name):
    return StatementPerson.objects.get(statement=statement, name=name)


@freeze_time("2024-10-20 09:00")
def test_notices_emailed_to_unpaid_payees_once_and_recorded(client, royalties, approved_september):
    statement = approved_september
    client.force_login(royalties.users.accountant)
    response = client.post(url("send_notices", statement), follow=True, HTTP_ACCEPT_LANGUAGE="vi")
    content = response.content.decode()
    assert "Đã gửi email 2 thông báo nhận nhuận bút." in content
    assert "Ngô Thị Lan" in content and "in thư thông báo" in content  # no email: a letter is needed
    assert sorted(message.to[0] for message in mail.outbox) == ["anh@example.vn", "ctv@demo.vss.gov.vn"]
    outsider_mail = next(message for message in mail.outbox if message.to == ["anh@example.vn"])
    assert outsider_mail.subject == "Nhuận bút tháng 09/2024 đang chờ ông/bà nhận (thông báo lần 1)"
    # 9 × 234,000 = 2,106,000; 10 % withheld.
    assert "1.895.400 đồng (Một triệu tám trăm chín mươi lăm nghìn bốn trăm đồng)" in outsider_mail.body
    notices = PaymentNotice.objects.order_by("person__name")
    assert [(n.person.name, n.channel, n.number, n.sent_by) for n in notices] == [
        ("Lê Thị Hoa", "email", 1, royalties.users.accountant),
        ("Trần Văn Ảnh", "email", 1, royalties.users.accountant),
    ]
    assert person(statement, "Trần Văn Ảnh").notices_sent == 1
    log = ModelLogEntry.objects.get(action="wagtail_bhxh_royalties.notice")
    assert log.user == royalties.users.accountant and log.data["count"] == 2
    # A retry (button or cron) on the same day sends nothing twice.
    mail.outbox.clear()
    client.post(url("send_notices", statement))
    call_command("bhxh_royalty_notices", stdout=StringIO())
    assert mail.outbox == [] and PaymentNotice.objects.count() == 2
    page = client.get(url("edit", statement), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "1 lần thông báo (lần cuối 20/10/2024)" in page


def test_cron_sends_the_next_notice_after_the_interval_only(royalties, approved_september):
    with freeze_time("2024-10-01"):
        call_command("bhxh_royalty_notices", stdout=StringIO())
    assert len(mail.outbox) == 2
    with freeze_time("2024-10-15"):  # 14 days later: not yet (NOTICE_INTERVAL_DAYS = 15)
        out = StringIO()
        call_command("bhxh_royalty_notices", "--dry-run", stdout=out)
        assert "0 notice(s) to send" in out.getvalue()
        call_command("bhxh_royalty_notices", stdout=StringIO())
    assert len(mail.outbox) == 2
    with freeze_time("2024-10-16"):
        out = StringIO()
        call_command("bhxh_royalty_notices", "--dry-run", stdout=out)
        assert "would email: Trần Văn Ảnh" in out.getvalue() and "print a letter: Ngô Thị Lan" in out.getvalue()
        assert len(mail.outbox) == 2  # a dry run sends and records nothing
        call_command("bhxh_royalty_notices", stdout=StringIO())
    assert len(mail.outbox) == 4
    second = PaymentNotice.objects.filter(number=2)
    assert second.count() == 2 and {n.sent_by for n in second} == {None}
    assert "(thông báo lần 2)" in mail.outbox[-1].subject


def test_draft_paid_and_carried_payees_are_not_noticed(client, royalties, approved_september):
    statement = approved_september
    approved(Contributor.objects.create(name="Người Tháng Mười", email="x@example.vn"), on=datetime.date(2024, 10, 2))
    build_statement(2024, 10)  # a draft: amounts are not final
    StatementPerson.objects.filter(statement=statement, name="Lê Thị Hoa").update(paid_on=datetime.date(2024, 10, 1))
    StatementPerson.objects.filter(statement=statement, name="Ngô Thị Lan").update(carried_to_year=2025)
    client.force_login(royalties.users.accountant)
    client.post(url("send_notices", statement))
    assert [message.to for message in mail.outbox] == [["anh@example.vn"]]
    draft = Statement.objects.get(year=2024, month=10)
    response = client.post(url("send_notices", draft), follow=True, HTTP_ACCEPT_LANGUAGE="vi")
    assert "sau khi bảng kê được duyệt" in response.content.decode()
    assert len(mail.outbox) == 1 and PaymentNotice.objects.count() == 1


@pytest.mark.parametrize("who", ["secretary", "contributor", "editor"])
def test_forged_payment_posts_from_others_are_refused(client, royalties, approved_september, who):
    statement = approved_september
    lan = person(statement, "Ngô Thị Lan")
    lan.notices_sent = 5
    lan.save()
    client.force_login(getattr(royalties.users, who))
    assert_refused(client.post(url("send_notices", statement)))
    assert_refused(client.post(url("letters", statement), {"person": [lan.pk]}))
    assert_refused(client.get(url("letters", statement)))
    assert_refused(client.post(url("carry_over", statement)))
    assert mail.outbox == [] and not PaymentNotice.objects.exists()
    assert not StatementPerson.objects.filter(carried_to_year__isnull=False).exists()


def test_the_head_may_send_notices(client, royalties, approved_september):
    client.force_login(royalties.users.head)
    client.post(url("send_notices", approved_september))
    assert len(mail.outbox) == 2


@freeze_time("2024-10-20 09:00")
def test_printed_letters_for_payees_without_email(client, royalties, approved_september):
    statement = approved_september
    client.force_login(royalties.users.accountant)
    content = client.get(url("letters", statement), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "THÔNG BÁO NHẬN NHUẬN BÚT" in content and "Ngô Thị Lan" in content
    assert "1.872.000" in content and "Một triệu tám trăm bảy mươi hai nghìn đồng" in content
    assert "Trần Văn Ảnh" not in content  # has an email
    assert "@page" in content and "break-before: page" in content
    lan, hoa = person(statement, "Ngô Thị Lan"), person(statement, "Lê Thị Hoa")
    hoa.paid_on = datetime.date(2024, 10, 1)
    hoa.save()
    # A forged id (a paid payee) is ignored; the letter to Lan counts as her first notice.
    client.post(url("letters", statement), {"person": [lan.pk, hoa.pk, "x"]})
    notice = PaymentNotice.objects.get()
    assert (notice.person, notice.channel, notice.number) == (lan, "letter", 1)
    client.post(url("letters", statement), {"person": [lan.pk]})  # twice the same day: one notice
    assert PaymentNotice.objects.count() == 1
    # Any unpaid payee's letter can be reprinted.
    reprint = client.get(url("letters", statement), {"person": lan.pk}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "thông báo lần 2" in reprint


def test_smtp_failure_records_no_notice(client, royalties, approved_september, monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    client.force_login(royalties.users.accountant)
    response = client.post(url("send_notices", approved_september), follow=True, HTTP_ACCEPT_LANGUAGE="vi")
    assert "Không gửi được email" in response.content.decode()
    assert not PaymentNotice.objects.exists()


def _notice(statement, name, count):
    payee = person(statement, name)
    for number in range(payee.notices_sent + 1, count + 1):
        PaymentNotice.objects.create(
            person=payee, sent_on=datetime.date(2024, 10, number), channel="email", number=number
        )
    payee.notices_sent = count
    payee.save()
    return payee


def test_carry_over_only_after_the_configured_number_of_notices(client, royalties, approved_september):
    statement = approved_september
    outsider = _notice(statement, "Trần Văn Ảnh", 2)
    client.force_login(royalties.users.accountant)
    response = client.post(url("carry_over", statement), follow=True, HTTP_ACCEPT_LANGUAGE="vi")
    assert "chưa có khoản chưa chi nào đã được thông báo 3 lần" in response.content.decode()
    outsider.refresh_from_db()
    assert outsider.carried_to_year is None
    outsider = _notice(statement, "Trần Văn Ảnh", 3)
    with freeze_time("2024-12-31"):
        client.post(url("carry_over", statement))
    outsider.refresh_from_db()
    assert (outsider.carried_to_year, outsider.carried_on) == (2025, datetime.date(2024, 12, 31))
    assert StatementPerson.objects.filter(carried_to_year__isnull=False).count() == 1
    log = ModelLogEntry.objects.get(action="wagtail_bhxh_royalties.carry_over")
    assert log.data["names"] == ["Trần Văn Ảnh"] and log.data["to_year"] == 2025
    # Carried: no more notices.
    client.post(url("send_notices", statement))
    assert "anh@example.vn" not in [message.to[0] for message in mail.outbox]


def test_year_end_command_and_reports_of_both_years(client, royalties, approved_september):
    from wagtail_bhxh_royalties.models import RoyaltyBudget

    statement = approved_september
    _notice(statement, "Trần Văn Ảnh", 3)
    _notice(statement, "Lê Thị Hoa", 1)
    RoyaltyBudget.objects.create(year=2024, amount=Decimal(50_000_000))
    RoyaltyBudget.objects.create(year=2025, amount=Decimal(60_000_000))
    out = StringIO()
    with freeze_time("2025-01-01"):
        call_command("bhxh_royalty_carry_over", "--dry-run", stdout=out)
        assert "would carry to 2025: Trần Văn Ảnh" in out.getvalue()
        assert not StatementPerson.objects.filter(carried_to_year__isnull=False).exists()
        call_command("bhxh_royalty_carry_over", stdout=StringIO())
        call_command("bhxh_royalty_carry_over", stdout=StringIO())  # again: nothing changes
    assert list(StatementPerson.objects.filter(carried_to_year=2025).values_list("name", flat=True)) == ["Trần Văn Ảnh"]
    client.force_login(royalties.users.accountant)
    reports = reverse("wagtail_bhxh_royalties_reports:index")
    report = client.get(reports, {"year": 2024}).context["report"]
    committed = Decimal(2_340_000 + 2_106_000 + 1_872_000)
    assert report["committed"] == committed and report["carried"] == Decimal(2_106_000)
    assert report["remaining"] == Decimal(50_000_000) - committed + Decimal(2_106_000)
    response = client.get(reports, {"year": 2025}, HTTP_ACCEPT_LANGUAGE="vi")
    report = response.context["report"]
    assert [p.name for p in report["carried_in"]] == ["Trần Văn Ảnh"]
    assert report["carried_in_total"] == Decimal(2_106_000) and report["carried_in_paid"] == 0
    assert report["remaining"] == Decimal(60_000_000 - 2_106_000)
    assert "Chuyển từ các năm trước" in response.content.decode()
    # The next year's fund lists what it must pay for earlier years.
    budgets = client.get(reverse("budgets:index"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "2.106.000" in budgets
    # Paid when the payee turns up in 2025: shown as paid among the amounts carried in.
    outsider = person(statement, "Trần Văn Ảnh")
    with freeze_time("2025-02-03"):
        client.post(
            reverse("wagtail_bhxh_royalties_statements:payment", args=(outsider.pk,)), {"paid_on": "2025-02-03"}
        )
    assert client.get(reports, {"year": 2025}).context["report"]["carried_in_paid"] == Decimal(2_106_000)
    assert client.get(reports, {"year": 2024}).context["report"]["paid"] == 0


def test_contributor_email_is_kept_with_their_private_data(client, royalties):
    client.force_login(royalties.users.accountant)
    client.post(reverse("contributors:add"), {"name": "Đỗ Thư", "email": "khong-hop-le"})
    assert not Contributor.objects.filter(name="Đỗ Thư").exists()
    client.post(reverse("contributors:add"), {"name": "Đỗ Thư", "email": "thu@example.vn"})
    assert Contributor.objects.get(name="Đỗ Thư").email == "thu@example.vn"
