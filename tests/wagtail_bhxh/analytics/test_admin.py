"""The statistics dashboard, its exports and the admin home panel."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import ArticlePageFactory, PolicyAreaFactory, UserFactory, VideoPageFactory
from wagtail_bhxh.analytics.models import PageDailyStats, SiteDailyStats, Visit
from wagtail_bhxh.analytics.recording import LivePage, record_view
from wagtail_bhxh.analytics.sealing import PageRow, seal_day

pytestmark = pytest.mark.django_db

URL = "/admin/bhxh/statistics/"


@pytest.fixture
def editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def outsider():
    """May use the admin, but was never given the statistics permission."""
    user = UserFactory()
    group = Group.objects.create(name="Cộng tác viên")
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def statistics(news):
    """Two sealed days and today's live visits over two articles and a video."""
    area = PolicyAreaFactory(name="Bảo hiểm y tế", slug="bhyt")
    first = ArticlePageFactory(parent=news, title="Cấp thẻ BHYT cho trẻ em")
    first.policy_areas.add(area)
    first.save()
    second = ArticlePageFactory(parent=news, title="Lịch chi trả lương hưu")
    site_id = news.get_site().pk
    today = timezone.localdate()
    for offset, (a, b) in ((2, (40, 10)), (1, (30, 20))):
        seal_day(
            site_id,
            today - datetime.timedelta(days=offset),
            [PageRow(first.pk, first.content_type_id, a, a - 5), PageRow(second.pk, second.content_type_id, b, b - 2)],
            a,
        )
    for visitor in range(7):
        record_view(LivePage(first.pk, site_id), visitor)
    return first, second


def test_editors_see_the_dashboard(client, editor, statistics):
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thống kê truy cập" in html
    assert "<svg" in html and "<rect" in html
    assert "Cấp thẻ BHYT cho trẻ em" in html
    assert "Bảo hiểm y tế" in html
    # 40 + 10 + 30 + 20 sealed, 7 live today.
    assert ">107<" in html


@pytest.mark.parametrize("params", ["", "?export=csv", "?export=xlsx&table=pages", "?period=365"])
def test_users_without_the_permission_are_refused(client, outsider, statistics, params):
    client.force_login(outsider)
    response = client.get(URL + params)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "Content-Disposition" not in response


def test_anonymous_users_are_sent_to_log_in(client, statistics):
    response = client.get(URL + "?export=csv")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_no_request_changes_a_count(client, editor, statistics):
    client.force_login(editor)
    before = (list(SiteDailyStats.objects.values()), list(PageDailyStats.objects.values()), Visit.objects.count())
    for method in ("post", "put", "delete"):
        response = getattr(client, method)(URL, {"views": 1_000_000})
        assert response.status_code == 405
    assert (
        list(SiteDailyStats.objects.values()),
        list(PageDailyStats.objects.values()),
        Visit.objects.count(),
    ) == before


def test_the_menu_item_and_home_panel_show_only_with_the_permission(client, editor, outsider):
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "bhxh-statistics" in home
    assert home.count(URL) >= 2  # the reports menu and the panel's link
    client.force_login(outsider)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "bhxh-statistics" not in home
    assert URL not in home


def test_hostile_query_strings_fall_back_with_a_message(client, editor, statistics):
    client.force_login(editor)
    response = client.get(URL + "?period=99999&site=abc&table=<script>")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chọn khoảng thời gian 30, 90 hoặc 365 ngày." in html
    # The export links carry only known values, never what was sent.
    assert "&amp;table=days&amp;export=csv" in html and "&amp;table=&lt;script" not in html
    assert "30 ngày qua" in html


def test_csv_export_of_days(client, editor, statistics):
    client.force_login(editor)
    response = client.get(URL + "?period=30&export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Ngày", "Lượt xem", "Người truy cập", "Đã niêm phong", "Mã niêm phong (SHA-256)", "Dữ liệu mẫu"]
    assert len(rows) == 31
    today = timezone.localdate()
    by_day = {row[0]: row for row in rows[1:]}
    yesterday = by_day[(today - datetime.timedelta(days=1)).isoformat()]
    assert yesterday[1:4] == ["50", "30", "có"]
    assert len(yesterday[4]) == 64
    assert by_day[today.isoformat()][1:4] == ["7", "7", "không"]


def test_xlsx_export_of_pages(client, editor, statistics):
    first, second = statistics
    client.force_login(editor)
    response = client.get(URL + "?period=30&table=pages&export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    assert rows[0] == ("ID trang", "Trang", "Địa chỉ", "Loại trang", "Lượt xem", "Người truy cập theo ngày (cộng dồn)")
    assert rows[1][:2] == (first.pk, "Cấp thẻ BHYT cho trẻ em")
    assert rows[1][4:] == (77, 7 + 35 + 25)
    assert rows[1][2].endswith(first.url)
    assert rows[2][:2] == (second.pk, "Lịch chi trả lương hưu")
    assert rows[2][4:] == (30, 8 + 18)


def build(news, n):
    site_id = news.get_site().pk
    today = timezone.localdate()
    area = PolicyAreaFactory()
    pages = [ArticlePageFactory(parent=news) for _ in range(n // 2)]
    media = news.get_parent().add_child(
        instance=__import__("wagtail_bhxh.models", fromlist=["MediaIndexPage"]).MediaIndexPage(
            title="Media", slug=f"media-{n}"
        )
    )
    pages += [VideoPageFactory(parent=media) for _ in range(n - n // 2)]
    for page in pages[::3]:
        page.policy_areas.add(area)
        page.save()
    last = SiteDailyStats.objects.order_by("-day").first()
    start = last.day + datetime.timedelta(days=1) if last else today - datetime.timedelta(days=3)
    day = start
    while day < today:
        seal_day(site_id, day, [PageRow(p.pk, p.content_type_id, 5, 4) for p in pages], 3 * n)
        day += datetime.timedelta(days=1)
    for visitor, page in enumerate(pages):
        record_view(LivePage(page.pk, site_id), visitor)


@pytest.mark.parametrize("params", ["", "?export=csv&table=pages", "?export=xlsx"])
def test_dashboard_queries_do_not_grow_with_pages(client, news, editor, settings, params):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_COUNTER_CACHE_SECONDS": 0}
    client.force_login(editor)
    counts = []
    for n in (10, 200):
        build(news, n)
        client.get(URL + params)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL + params)
            if params:
                b"".join(response.streaming_content)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_home_panel_queries_do_not_grow(client, news, editor, settings):
    settings.WAGTAIL_BHXH = {**settings.WAGTAIL_BHXH, "ANALYTICS_COUNTER_CACHE_SECONDS": 0}
    client.force_login(editor)
    counts = []
    for n in (10, 200):
        build(news, n)
        client.get(reverse("wagtailadmin_home"))
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("wagtailadmin_home"))
        counts.append(len([q for q in queries if "bhxh_analytics" in q["sql"]]))
    assert counts[0] == counts[1], counts


def test_setup_lets_the_editorial_board_and_the_director_see_the_statistics(db):
    from django.core.management import call_command

    from tests.factories import UserFactory
    from wagtail_bhxh.analytics.permissions import can_view_statistics
    from wagtail_bhxh.moderation import roles

    call_command("bhxh_setup", verbosity=0)
    for code, allowed in (
        ("director", True),
        ("head", True),
        ("editor", True),
        ("contributor", False),
        ("accountant", False),
    ):
        user = UserFactory(username=f"stats-{code}")
        user.groups.add(roles.get_role_group(code))
        assert can_view_statistics(user) is allowed, code
