"""Admin reports of the core app."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..conf import bhxh_settings
from ..models import OrganisationPage


def overdue_organisation_pages(user, today=None):
    """Organisation pages the user may edit whose contacts are overdue for review."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=bhxh_settings.ORGANISATION_REVIEW_DAYS)
    editable_ids = PagePermissionPolicy().instances_user_has_permission_for(user, "change").values("pk")
    return (
        OrganisationPage.objects.filter(pk__in=editable_ids, last_reviewed__lt=cutoff)
        .select_related("locale")
        .order_by("last_reviewed")
    )


class ReviewDueColumn(DateColumn):
    def get_value(self, instance):
        return instance.review_due_on


class OrganisationReviewReportView(ReportView):
    """Organisation pages whose 'last reviewed' date is older than the setting allows."""

    page_title = _("Contacts to review")
    header_icon = "time"
    index_url_name = "wagtail_bhxh_reports:organisation_review"
    index_results_url_name = "wagtail_bhxh_reports:organisation_review_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["change", "publish"]
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        ReviewDueColumn("review_due_on", label=_("Review was due")),
    ]
    list_export = ["title", "last_reviewed", "review_due_on", "url"]
    export_headings = {
        "title": _("Page"),
        "last_reviewed": _("Last reviewed"),
        "review_due_on": _("Review was due"),
        "url": _("Address"),
    }

    def get_filename(self):
        return "organisation-review-" + timezone.localdate().isoformat()

    def get_queryset(self):
        return overdue_organisation_pages(self.request.user)
