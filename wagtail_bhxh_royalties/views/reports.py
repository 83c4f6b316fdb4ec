"""The royalty reports page (accountant and head)."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from ..permissions import can_see_amounts
from ..reports import year_report


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_bhxh_royalties/admin/reports.html"
    page_title = gettext_lazy("Royalty reports")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_amounts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        year = self.request.GET.get("year", "")
        year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else today.year
        quarter = self.request.GET.get("quarter", "")
        quarter = int(quarter) if quarter in {"1", "2", "3", "4"} else None
        return super().get_context_data(report=year_report(year, quarter), years=range(today.year, 2019, -1), **kwargs)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_amounts(request.user)


class ReportViewSet(ViewSet):
    name = "royalty_reports"
    url_prefix = "bhxh/royalties/reports"
    url_namespace = "wagtail_bhxh_royalties_reports"
    icon = "table"
    menu_label = gettext_lazy("Royalty reports")
    menu_order = 350
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return [path("", ReportView.as_view(), name="index")]
