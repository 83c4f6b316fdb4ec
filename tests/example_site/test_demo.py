"""`make demo`: the demo content loads, twice, and its pages answer 200."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from wagtail_bhxh.models import (
    ArticlePage,
    InfographicPage,
    LegalDocumentPage,
    OrganisationPage,
    PartnerLink,
    VideoPage,
)
from wagtail_bhxh_spokesperson.models import PressReleasePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_db_setup, django_db_blocker):
    call_command("bhxh_setup", verbosity=0)
    call_command("bhxh_load_demo", password="demo-password", stdout=StringIO())


def test_demo_serves_every_kind_of_page(demo, client):
    assert ArticlePage.objects.filter(kind="tin").count() >= 20
    assert ArticlePage.objects.filter(kind="bai").count() >= 10
    pages = [
        "/",
        "/tin-tuc/",
        ArticlePage.objects.live().first().url,
        "/infographic-video/",
        InfographicPage.objects.live().first().url,
        VideoPage.objects.live().first().url,
        "/van-ban/",
        LegalDocumentPage.objects.get(number="115/2015/NĐ-CP").url,
        OrganisationPage.objects.get(locale__language_code="vi").url,
        OrganisationPage.objects.get(locale__language_code="en").url,
        "/rss/",
        "/thong-tin-bao-chi/",
        PressReleasePage.objects.live().first().url,
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert PartnerLink.objects.count() >= 10
    # The spokesperson's card is in the footer, and the press section lists every kind of press information.
    assert "Nguyễn Thị Thu Hà" in client.get("/").content.decode()
    assert PressReleasePage.objects.live().values("kind").distinct().count() == 4


def test_demo_admin_can_log_in_and_sees_vietnamese(demo, client):
    assert client.login(username="admin", password="demo-password")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Trang tổng quan" in response.content.decode()


def test_loading_the_demo_again_creates_nothing(demo):
    from io import StringIO

    out = StringIO()
    call_command("bhxh_load_demo", password="demo-password", stdout=out)
    assert "0 item(s) created" in out.getvalue()


def test_demo_has_sealed_statistics_marked_as_demo(demo, client):
    from wagtail_bhxh.analytics.models import SiteDailyStats
    from wagtail_bhxh.analytics.sealing import verify

    days = SiteDailyStats.objects.all()
    assert days.count() == 42
    assert all(day.is_demo for day in days)
    assert verify().ok
    article = ArticlePage.objects.live().first()
    html = client.get(article.url).content.decode()
    assert 'data-bhxh-count="views">0<' not in html
    assert 'data-bhxh-count="total">0<' not in html


def test_demo_norms_dashboard_and_occasions_calendar_render(demo, client):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from wagtail_bhxh.editorial import norms

    year = timezone.localdate().year
    plan = norms.approved_plan(year)
    assert plan is not None and plan.locked
    assert sum(line.count for report in norms.year_reports(year)[1] for line in report.lines) >= 20
    client.force_login(get_user_model().objects.get(username="truongban"))
    response = client.get(reverse("wagtail_bhxh_editorial:norms"), {"year": year, "month": 9})
    assert response.status_code == 200
    assert "Kế hoạch hoạt động năm" in response.content.decode()
    response = client.get(reverse("wagtail_bhxh_editorial:occasions"), {"year": year})
    assert response.status_code == 200
    assert "Ngày thành lập Quân đội nhân dân Việt Nam" in response.content.decode()
    assert client.get(reverse("wagtail_bhxh_editorial:nominations")).status_code == 200
