"""Corrections (đính chính) on live pages, and the reports of takedowns and corrections by period."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from wagtail_bhxh.models import PageNotice, TakedownRequest

from .conftest import good_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_article(editorial):
    return good_article(editorial.news, editorial.users.contributor, live=True)


def add_correction(client, page, text="Số liệu đúng là 47.200 người, không phải 42.700 người.", **extra):
    data = {"page": page.pk, "text": text, "published_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"), **extra}
    return client.post(reverse("wagtail_bhxh_corrections:add"), data)


def test_a_correction_is_dated_and_shown_at_the_top_of_the_live_article(editorial, as_user, client, live_article):
    response = add_correction(as_user(editorial.users.secretary), live_article)
    assert response.status_code == 302

    notice = PageNotice.objects.corrections().get()
    assert notice.created_by == editorial.users.secretary
    assert PageLogEntry.objects.filter(page=live_article, action="wagtail_bhxh.correction.added").exists()
    live_article.refresh_from_db()
    assert live_article.live and not live_article.has_unpublished_changes

    client.logout()
    content = client.get(live_article.url).content.decode()
    assert "Đính chính" in content
    assert "Số liệu đúng là 47.200 người, không phải 42.700 người." in content
    assert f'datetime="{timezone.localtime(notice.published_at).isoformat()}"' in content
    assert content.index("Số liệu đúng là 47.200") < content.index('class="article__body')


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"text": "   "}, "text", "Hãy nhập nội dung đính chính."),
        ({"published_at": "2099-01-01 08:00"}, "published_at", "Ngày đính chính không được ở tương lai."),
    ],
)
def test_bad_corrections_are_explained(editorial, as_user, live_article, overrides, field, message):
    response = add_correction(as_user(editorial.users.secretary), live_article, **overrides)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not PageNotice.objects.exists()


def test_corrections_only_on_live_pages(editorial, as_user):
    draft = good_article(editorial.news, editorial.users.contributor)
    response = add_correction(as_user(editorial.users.head), draft)
    assert "page" in response.context["form"].errors
    assert not PageNotice.objects.exists()


def make_history(editorial, live_article, days_ago):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    takedown = TakedownRequest.objects.create(
        page=live_article,
        page_title=f"Tin cũ {days_ago} ngày",
        reason=TakedownRequest.Reason.EXPIRED,
        requested_by=editorial.users.editor,
        requested_at=when,
        status=TakedownRequest.Status.APPROVED,
        outcome=TakedownRequest.Outcome.WITHDRAWN,
        decided_by=editorial.users.head,
        decided_at=when,
        decision_comment="Hết hiệu lực.",
    )
    PageNotice.objects.create(page=live_article, text=f"Đính chính {days_ago} ngày trước", published_at=when)
    return takedown


def test_reports_list_takedowns_and_corrections_by_period(editorial, as_user, live_article):
    make_history(editorial, live_article, 40)
    make_history(editorial, live_article, 5)
    client = as_user(editorial.users.head)
    since = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()

    takedowns = client.get(reverse("wagtail_bhxh_reports:takedowns"), {"requested_at_from": since})
    assert takedowns.status_code == 200
    content = takedowns.content.decode()
    assert "Tin cũ 5 ngày" in content and "Tin cũ 40 ngày" not in content

    corrections = client.get(reverse("wagtail_bhxh_reports:corrections"), {"published_at_from": since})
    content = corrections.content.decode()
    assert "Đính chính 5 ngày trước" in content and "Đính chính 40 ngày trước" not in content


def test_reports_export_to_csv_and_xlsx(editorial, as_user, live_article):
    make_history(editorial, live_article, 5)
    client = as_user(editorial.users.deputy)

    csv = client.get(reverse("wagtail_bhxh_reports:takedowns"), {"export": "csv"})
    text = b"".join(csv.streaming_content).decode("utf-8-sig") if csv.streaming else csv.content.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith("Trang,Địa chỉ,Lý do")
    assert "Hết hiệu lực, không còn phù hợp" in text and "Hết hiệu lực." in text

    xlsx = client.get(reverse("wagtail_bhxh_reports:corrections"), {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content))
    rows = list(workbook.active.values)
    assert rows[0][:3] == ("Trang", "Địa chỉ", "Đính chính")
    assert rows[1][2] == "Đính chính 5 ngày trước"


def test_reports_need_the_permission(editorial, as_user):
    for name in ("wagtail_bhxh_reports:takedowns", "wagtail_bhxh_reports:corrections"):
        response = as_user(editorial.users.contributor).get(reverse(name))
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
