"""The Wagtail admin as editors use it: in Vietnamese, with the suite's screens."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    BannerFactory,
    LegalDocumentIndexPageFactory,
    MediaIndexPageFactory,
    NewsIndexPageFactory,
    OccasionFactory,
    OrganisationPageFactory,
    PartnerLinkFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@demo.vss.gov.vn", "password")
    client.force_login(user)
    return client


def test_admin_speaks_vietnamese(admin_client, home):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="vi"' in content
    assert "Trang tổng quan" in content


@pytest.mark.parametrize(
    "parent_factory, model",
    [
        (None, "newsindexpage"),
        (NewsIndexPageFactory, "articlepage"),
        (MediaIndexPageFactory, "infographicpage"),
        (MediaIndexPageFactory, "videopage"),
        (LegalDocumentIndexPageFactory, "legaldocumentpage"),
        (None, "organisationpage"),
        (None, "standardpage"),
    ],
)
def test_page_editor_opens_for_every_page_type(admin_client, home, parent_factory, model):
    parent = parent_factory(parent=home) if parent_factory else home
    url = reverse("wagtailadmin_pages:add", args=("wagtail_bhxh", model, parent.pk))
    response = admin_client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["policyarea", "topic", "occasion", "partnerlink", "banner"])
def test_snippet_listings_open(admin_client, model):
    OccasionFactory()
    PartnerLinkFactory()
    BannerFactory()
    response = admin_client.get(reverse(f"wagtailsnippets_wagtail_bhxh_{model}:list"))
    assert response.status_code == 200


def test_occasion_listing_shows_the_next_lunar_date(admin_client):
    OccasionFactory(name="Tết Nguyên đán", calendar="lunar", month=1, day=1)
    content = admin_client.get(reverse("wagtailsnippets_wagtail_bhxh_occasion:list")).content.decode()
    assert "Tết Nguyên đán" in content


def test_partner_links_export_to_csv(admin_client):
    PartnerLinkFactory(name="Sở Y tế tỉnh Demo")
    response = admin_client.get(reverse("wagtailsnippets_wagtail_bhxh_partnerlink:list") + "?export=csv")
    assert response.status_code == 200
    assert (
        "Sở Y tế tỉnh Demo" in b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )


def test_portal_settings_are_editable(admin_client, home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("wagtail_bhxh", "portalsettings", site.pk))
    assert admin_client.get(url).status_code == 200


def test_users_without_snippet_permissions_are_refused(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_wagtail_bhxh_banner:list"))
    assert response.status_code in (302, 403)
    response = client.post(reverse("wagtailsnippets_wagtail_bhxh_banner:add"), {"title": "Chèn trái phép"})
    assert response.status_code in (302, 403)
    from wagtail_bhxh.models import Banner

    assert not Banner.objects.filter(title="Chèn trái phép").exists()


class TestOrganisationReview:
    def test_report_lists_only_overdue_pages(self, admin_client, home, settings):
        settings.WAGTAIL_BHXH = {"ORGANISATION_REVIEW_DAYS": 90}
        stale = OrganisationPageFactory(
            parent=home, title="Cơ cấu tổ chức cũ", last_reviewed=timezone.localdate() - datetime.timedelta(days=200)
        )
        OrganisationPageFactory(parent=home, title="Cơ cấu tổ chức mới", last_reviewed=timezone.localdate())
        content = admin_client.get(reverse("wagtail_bhxh_reports:organisation_review")).content.decode()
        assert stale.title in content
        assert "Cơ cấu tổ chức mới" not in content

    def test_home_panel_flags_overdue_contacts(self, admin_client, home):
        OrganisationPageFactory(
            parent=home, title="Danh bạ quá hạn", last_reviewed=timezone.localdate() - datetime.timedelta(days=400)
        )
        content = admin_client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Danh bạ quá hạn" in content

    def test_report_exports_xlsx(self, admin_client, home):
        OrganisationPageFactory(parent=home, last_reviewed=datetime.date(2020, 1, 1))
        response = admin_client.get(reverse("wagtail_bhxh_reports:organisation_review") + "?export=xlsx")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")

    def test_report_refuses_users_who_cannot_edit_pages(self, client, home):
        user = UserFactory()
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        response = client.get(reverse("wagtail_bhxh_reports:organisation_review"))
        assert response.status_code in (302, 403)

    def test_report_lists_only_pages_the_user_may_edit(self, client, home):
        from wagtail.models import GroupPagePermission

        editors = Group.objects.create(name="Biên tập tin tức")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        news = NewsIndexPageFactory(parent=home)
        GroupPagePermission.objects.create(group=editors, page=news, permission_type="change")
        user = UserFactory()
        user.groups.add(editors)
        OrganisationPageFactory(parent=home, title="Ngoài quyền", last_reviewed=datetime.date(2020, 1, 1))
        client.force_login(user)
        response = client.get(reverse("wagtail_bhxh_reports:organisation_review"))
        assert response.status_code == 200
        assert "Ngoài quyền" not in response.content.decode()
