"""The statistics dashboard of the Wagtail admin (read-only), with CSV/XLSX export."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Site

from .. import stats
from ..charts import bar_chart
from ..permissions import can_view_statistics

PERIODS = ((30, _("Last 30 days")), (90, _("Last 90 days")), (365, _("Last 365 days")))


class DashboardFilterForm(forms.Form):
    period = forms.TypedChoiceField(
        label=_("Period"), choices=[(str(days), label) for days, label in PERIODS], coerce=int, required=False
    )
    site = forms.ModelChoiceField(
        label=_("Site"),
        queryset=Site.objects.order_by("-is_default_site", "hostname"),
        required=False,
        empty_label=None,
    )
    table = forms.ChoiceField(label=_("Table"), choices=[("days", _("Days")), ("pages", _("Pages"))], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].error_messages["invalid_choice"] = _("There is no such site.")
        self.fields["period"].error_messages["invalid_choice"] = _("Choose a period of 30, 90 or 365 days.")


class Exporter(SpreadsheetExportMixin):
    """Wagtail's spreadsheet writer, fed with rows (dicts) rather than a queryset."""

    def __init__(self, list_export, headings, filename):
        self.list_export = list_export
        self.export_headings = headings
        self.export_filename = filename


class DashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_bhxh_analytics/admin/dashboard.html"
    page_title = _("Visitor statistics")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_statistics(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    # --- what is shown ------------------------------------------------------

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.form = DashboardFilterForm(request.GET)
        valid = self.form.is_valid()
        data = self.form.cleaned_data if valid else {}
        self.days = data.get("period") or 30
        self.site = data.get("site") or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        self.table = data.get("table") or "days"
        self.today = timezone.localdate()
        self.start = self.today - datetime.timedelta(days=self.days - 1)
        self.previous_start = self.start - datetime.timedelta(days=self.days)

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in SpreadsheetExportMixin.FORMATS and self.form.is_valid() and self.site is not None:
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["site"] = self.site
        if self.site is None:
            return context
        site_id = self.site.pk
        series = stats.daily_series(site_id, self.start, self.today)
        previous = stats.daily_series(site_id, self.previous_start, self.start - datetime.timedelta(days=1))
        week_start = self.today - datetime.timedelta(days=self.today.weekday())
        month_start = self.today.replace(day=1)
        context.update(
            days=self.days,
            start=self.start,
            today=self.today,
            series=series,
            chart=bar_chart(series),
            comparison=stats.period_comparison(series, previous),
            counters=stats.site_counters(site_id),
            top_week=stats.top_pages(site_id, week_start, self.today),
            top_month=stats.top_pages(site_id, month_start, self.today),
            week_start=week_start,
            month_start=month_start,
            by_type=stats.content_type_totals(site_id, self.start, self.today),
            by_area=stats.policy_area_totals(site_id, self.start, self.today),
            has_demo_data=any(day.is_demo for day in series),
            latest_seal=next((day for day in reversed(series) if day.sealed), None),
            export_links=[
                (table, label, fmt)
                for table, label in (("days", _("Days")), ("pages", _("Pages")))
                for fmt in SpreadsheetExportMixin.FORMATS
            ],
        )
        return context

    # --- export -------------------------------------------------------------

    def export(self, spreadsheet_format):
        site_id = self.site.pk
        name = f"statistics-{self.table}-{self.start.isoformat()}-{self.today.isoformat()}"
        if self.table == "pages":
            totals = stats.page_totals(site_id, self.start, self.today)
            pages = stats.BasePage.objects.filter(pk__in=list(totals)).select_related("locale").in_bulk()
            rows = []
            for entry in sorted(totals.values(), key=lambda t: (-t.views, t.page_id)):
                page = pages.get(entry.page_id)
                rows.append(
                    {
                        "page_id": entry.page_id,
                        "title": page.title if page else _("(deleted page)"),
                        "url": (page.get_full_url(self.request) or "") if page else "",
                        "type": str(page.specific_class._meta.verbose_name) if page and page.specific_class else "",
                        "views": entry.views,
                        "visitors": entry.visitors,
                    }
                )
            exporter = Exporter(
                ["page_id", "title", "url", "type", "views", "visitors"],
                {
                    "page_id": _("Page ID"),
                    "title": _("Page"),
                    "url": _("Address"),
                    "type": _("Page type"),
                    "views": _("Views"),
                    "visitors": _("Daily visitors (sum)"),
                },
                name,
            )
        else:
            rows = [
                {
                    "day": day.day,
                    "views": day.views,
                    "visitors": day.visitors,
                    "sealed": _("yes") if day.sealed else _("no"),
                    "seal": day.seal,
                    "demo": _("yes") if day.is_demo else "",
                }
                for day in stats.daily_series(site_id, self.start, self.today)
            ]
            exporter = Exporter(
                ["day", "views", "visitors", "sealed", "seal", "demo"],
                {
                    "day": _("Day"),
                    "views": _("Views"),
                    "visitors": _("Visitors"),
                    "sealed": _("Sealed"),
                    "seal": _("Seal (SHA-256)"),
                    "demo": _("Demo data"),
                },
                name,
            )
        return exporter.as_spreadsheet(rows, spreadsheet_format)
