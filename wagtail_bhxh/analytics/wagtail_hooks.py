"""The only module that registers the visitor statistics' hooks, menus and admin views."""

from django.contrib.auth.models import Permission
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..conf import bhxh_settings
from .permissions import PERMISSION_CODENAME, can_view_statistics
from .templatetags.bhxh_analytics import bhxh_site_counter, bhxh_view_count, should_count
from .views import dashboard
from .views.panels import StatisticsPanel

# --- Public pages ---------------------------------------------------------------


@hooks.register("bhxh_public_head")
def counter_styles(request, page):
    if bhxh_settings.ANALYTICS_SHOW_SITE_COUNTER or bhxh_settings.ANALYTICS_SHOW_VIEW_COUNT:
        return render_to_string("wagtail_bhxh_analytics/head.html", request=request)
    return ""


@hooks.register("bhxh_public_body_end")
def statistics_beacon(request, page):
    if not should_count(request, page):
        return ""
    return render_to_string("wagtail_bhxh_analytics/beacon.html", {"page": page}, request=request)


@hooks.register("bhxh_page_meta")
def view_count(request, page):
    if not bhxh_settings.ANALYTICS_SHOW_VIEW_COUNT or page is None:
        return ""
    return bhxh_view_count({"request": request}, page)


@hooks.register("bhxh_public_footer")
def site_counter(request, page):
    if not bhxh_settings.ANALYTICS_SHOW_SITE_COUNTER:
        return ""
    return bhxh_site_counter({"request": request})


# --- Admin ----------------------------------------------------------------------------


@hooks.register("register_permissions")
def register_statistics_permission():
    return Permission.objects.filter(content_type__app_label="wagtail_bhxh_analytics", codename=PERMISSION_CODENAME)


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    urlpatterns = [path("", dashboard.DashboardView.as_view(), name="dashboard")]
    return [
        path(
            "bhxh/statistics/",
            include((urlpatterns, "wagtail_bhxh_analytics"), namespace="wagtail_bhxh_analytics"),
        )
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_statistics(request.user)


@hooks.register("register_reports_menu_item")
def register_dashboard_menu_item():
    return StatisticsMenuItem(
        _("Visitor statistics"), reverse("wagtail_bhxh_analytics:dashboard"), icon_name="table", order=800
    )


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    if can_view_statistics(request.user):
        panels.append(StatisticsPanel(request))


# --- Setup ----------------------------------------------------------------------------

#: Roles of Decision 2474 who report on the portal's audience.
STATISTICS_ROLES = ("editor", "secretary", "deputy_head", "head", "director")


def grant_statistics_to_board():
    from ..moderation import roles

    granted = []
    for code in STATISTICS_ROLES:
        granted += roles.grant_role_permissions(code, [f"wagtail_bhxh_analytics.{PERMISSION_CODENAME}"])
    return granted


@hooks.register("wagtail_bhxh_setup")
def register_statistics_setup():
    from ..setup import SetupStep

    # After the roles exist (order 50).
    return SetupStep("visitor statistics permission", grant_statistics_to_board, order=60)
