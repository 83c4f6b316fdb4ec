"""The norms dashboard (month and year, with XLSX/CSV export) and the occasions calendar."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .. import norms, occasions, training
from ..kinds import kind_label
from ..permissions import can_view_planning


class PeriodForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].error_messages.update(
            invalid=_("Enter a year such as 2026."),
            min_value=_("Enter a year from 2000 to 2100."),
            max_value=_("Enter a year from 2000 to 2100."),
        )
        self.fields["month"].error_messages.update(
            invalid=_("Enter a month from 1 to 12."),
            min_value=_("Enter a month from 1 to 12."),
            max_value=_("Enter a month from 1 to 12."),
        )


class Exporter(SpreadsheetExportMixin):
    """Wagtail's spreadsheet writer, fed with rows (dicts) rather than a queryset."""

    def __init__(self, list_export, headings, filename):
        self.list_export = list_export
        self.export_headings = headings
        self.export_filename = filename


def scope_label(line):
    if line.author is not None:
        from wagtail_bhxh.models.page_relations import vietnamese_full_name

        return vietnamese_full_name(line.author)
    if line.unit is not None:
        return line.unit.name
    return str(_("Whole portal"))


class PlanningView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_planning(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = timezone.localdate()
        self.form = PeriodForm(request.GET)
        data = self.form.cleaned_data if self.form.is_valid() else {}
        self.year = data.get("year") or self.today.year
        self.month = data.get("month") or (self.today.month if self.year == self.today.year else 12)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class NormsDashboardView(PlanningView):
    template_name = "wagtail_bhxh_editorial/admin/dashboard.html"
    page_title = _("Monthly norms")

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in SpreadsheetExportMixin.FORMATS and self.form.is_valid():
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan, reports = norms.year_reports(self.year)
        report = reports[self.month - 1]
        context.update(
            form=self.form,
            year=self.year,
            plan=plan,
            report=report,
            reports=reports,
            kinds=[(line.kind, kind_label(line.kind)) for line in report.lines],
            scoped=[(scope_label(line), line) for line in report.scoped],
            upcoming=occasions.upcoming(self.today),
            training=training.yearly_summary(self.year, plan),
            today=self.today,
            this_month=norms.month_start(self.today),
            export_formats=SpreadsheetExportMixin.FORMATS,
        )
        return context

    def export(self, spreadsheet_format):
        plan, reports = norms.year_reports(self.year)
        rows = []
        for report in reports:
            for line in report.lines:
                rows.append(self._row(report, line, str(_("Whole portal"))))
            for line in report.scoped:
                rows.append(self._row(report, line, scope_label(line)))
        exporter = Exporter(
            ["month", "scope", "kind", "target", "count", "shortfall", "percent"],
            {
                "month": _("Month"),
                "scope": _("For"),
                "kind": _("Kind"),
                "target": _("Monthly target"),
                "count": _("Published (counted)"),
                "shortfall": _("Shortfall"),
                "percent": _("Share of target (%)"),
            },
            f"norms-{self.year}",
        )
        return exporter.as_spreadsheet(rows, spreadsheet_format)

    @staticmethod
    def _row(report, line, scope):
        return {
            "month": report.month.strftime("%m/%Y"),
            "scope": scope,
            "kind": str(kind_label(line.kind)),
            "target": line.target,
            "count": line.count,
            "shortfall": line.shortfall,
            "percent": "" if line.percent is None else line.percent,
        }


class OccasionsCalendarView(PlanningView):
    template_name = "wagtail_bhxh_editorial/admin/occasions.html"
    page_title = _("Occasions calendar")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            year=self.year,
            entries=occasions.calendar_for(self.year),
            today=self.today,
            previous_year=self.year - 1 if self.year > 2000 else None,
            next_year=self.year + 1 if self.year < 2100 else None,
        )
        return context
