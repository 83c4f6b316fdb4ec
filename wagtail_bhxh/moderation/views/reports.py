"""Reports of takedowns and corrections by period, exportable to CSV and XLSX."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView

from ...models.takedown import PageNotice, TakedownRequest
from ..policies import notice_policy, takedown_policy


class TakedownReportFilterSet(WagtailFilterSet):
    requested_at = django_filters.DateFromToRangeFilter(label=_("Requested between"), widget=DateRangePickerWidget)
    decided_at = django_filters.DateFromToRangeFilter(label=_("Decided between"), widget=DateRangePickerWidget)

    class Meta:
        model = TakedownRequest
        fields = ["status", "outcome", "reason"]


class TakedownReportView(ReportView):
    page_title = _("Takedowns")
    header_icon = "warning"
    index_url_name = "wagtail_bhxh_reports:takedowns"
    index_results_url_name = "wagtail_bhxh_reports:takedowns_results"
    permission_policy = takedown_policy
    permission_required = "view"
    filterset_class = TakedownReportFilterSet
    columns = [
        TitleColumn("page_title", label=_("Page"), url_name="wagtail_bhxh_takedown:inspect"),
        Column("reason", label=_("Reason"), accessor="get_reason_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("outcome", label=_("Outcome"), accessor="get_outcome_display"),
        UserColumn("requested_by", label=_("Requested by")),
        DateColumn("requested_at", label=_("Requested")),
        UserColumn("decided_by", label=_("Decided by")),
        DateColumn("decided_at", label=_("Decided")),
    ]
    list_export = [
        "page_title",
        "page_url",
        "get_reason_display",
        "reason_text",
        "get_urgency_display",
        "get_status_display",
        "get_outcome_display",
        "requested_by",
        "requested_at",
        "decided_by",
        "decided_at",
        "decision_comment",
    ]
    export_headings = {
        "page_title": _("Page"),
        "page_url": _("Address"),
        "get_reason_display": _("Reason"),
        "reason_text": _("Details"),
        "get_urgency_display": _("Urgency"),
        "get_status_display": _("Status"),
        "get_outcome_display": _("Outcome"),
        "requested_by": _("Requested by"),
        "requested_at": _("Requested"),
        "decided_by": _("Decided by"),
        "decided_at": _("Decided"),
        "decision_comment": _("Decision comment"),
    }

    def get_filename(self):
        return "takedowns-" + timezone.localdate().isoformat()

    def get_queryset(self):
        return TakedownRequest.objects.select_related(
            "requested_by__wagtail_userprofile", "decided_by__wagtail_userprofile"
        ).order_by("-requested_at", "-pk")


class CorrectionReportFilterSet(WagtailFilterSet):
    published_at = django_filters.DateFromToRangeFilter(label=_("Dated between"), widget=DateRangePickerWidget)

    class Meta:
        model = PageNotice
        fields = []


def notice_page_title(notice):
    return notice.page.title


class CorrectionReportView(ReportView):
    page_title = _("Corrections")
    header_icon = "edit"
    index_url_name = "wagtail_bhxh_reports:corrections"
    index_results_url_name = "wagtail_bhxh_reports:corrections_results"
    permission_policy = notice_policy
    permission_required = "view"
    filterset_class = CorrectionReportFilterSet
    columns = [
        TitleColumn("page", label=_("Page"), accessor=notice_page_title, url_name="wagtail_bhxh_corrections:inspect"),
        Column("text", label=_("Correction")),
        DateColumn("published_at", label=_("Date")),
        UserColumn("created_by", label=_("Added by")),
    ]
    list_export = ["page.title", "page.url", "text", "published_at", "created_by"]
    export_headings = {
        "page.title": _("Page"),
        "page.url": _("Address"),
        "text": _("Correction"),
        "published_at": _("Date"),
        "created_by": _("Added by"),
    }

    def get_filename(self):
        return "corrections-" + timezone.localdate().isoformat()

    def get_queryset(self):
        return (
            PageNotice.objects.corrections()
            .select_related("page", "created_by__wagtail_userprofile")
            .order_by("-published_at", "-pk")
        )
