"""The Dispatch 3216 compliance page, exportable as a report for the Director."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .. import compliance
from ..permissions import can_view_planning
from .dashboard import Exporter


class ComplianceView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_bhxh_editorial/admin/compliance.html"
    page_title = _("Dispatch 3216 compliance")
    header_icon = "success"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_planning(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        self.items = compliance.collect(request, self.today)
        export = request.GET.get("export")
        if export in SpreadsheetExportMixin.FORMATS:
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "items": self.items,
            "today": self.today,
            "export_formats": SpreadsheetExportMixin.FORMATS,
        }

    def export(self, spreadsheet_format):
        rows = [
            {
                "item": item.label,
                "status": str(item.status_label),
                "summary": item.summary,
                "evidence": self.request.build_absolute_uri(item.evidence_url) if item.evidence_url else "",
            }
            for item in self.items
        ]
        exporter = Exporter(
            ["item", "status", "summary", "evidence"],
            {"item": _("Item"), "status": _("Status"), "summary": _("Situation"), "evidence": _("Evidence")},
            f"dispatch-3216-{self.today.isoformat()}",
        )
        return exporter.as_spreadsheet(rows, spreadsheet_format)
