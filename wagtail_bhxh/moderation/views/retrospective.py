"""Urgent publications awaiting (or given) their retrospective approval."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.admin import messages
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn, TitleColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from ...models.moderation import RetrospectiveApproval
from ..forms import RetrospectiveApprovalForm
from ..policies import retrospective_policy
from ..publishing import approve_retrospectively
from ..roles import RETROSPECTIVE_APPROVER_ROLES, user_has_any_role


def can_approve(user, approval):
    return (
        approval.is_pending
        and approval.published_by_id != user.pk
        and user_has_any_role(user, RETROSPECTIVE_APPROVER_ROLES)
    )


class RetrospectiveIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("published_by__wagtail_userprofile", "approved_by__wagtail_userprofile")
        )


class RetrospectiveApproveView(WagtailAdminTemplateMixin, FormView):
    form_class = RetrospectiveApprovalForm
    template_name = "wagtail_bhxh/moderation/retrospective_approve.html"
    page_title = gettext_lazy("Retrospective approval")
    header_icon = "time"

    def dispatch(self, request, pk):
        self.approval = get_object_or_404(RetrospectiveApproval.objects.select_related("page", "published_by"), pk=pk)
        if not self.approval.is_pending:
            messages.error(request, _("This publication has already been approved."))
            return redirect("wagtail_bhxh_retrospective:index")
        if not can_approve(request.user, self.approval):
            raise PermissionDenied(_("A deputy head or head other than the publisher gives this approval."))
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.approval.page_title

    def get_context_data(self, **kwargs):
        return super().get_context_data(approval=self.approval, **kwargs)

    def form_valid(self, form):
        approve_retrospectively(self.approval, self.request.user, form.cleaned_data["comment"].strip())
        messages.success(self.request, _("Publication of '%(title)s' approved.") % {"title": self.approval.page_title})
        return redirect("wagtail_bhxh_retrospective:index")


class RetrospectiveApprovalViewSet(ModelViewSet):
    model = RetrospectiveApproval
    name = "retrospective"
    url_prefix = "bhxh/retrospective-approvals"
    url_namespace = "wagtail_bhxh_retrospective"
    icon = "time"
    menu_label = gettext_lazy("Urgent publications")
    menu_order = 330
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RetrospectiveIndexView
    list_filter = ["status"]
    ordering = ["-published_at"]
    form_fields = ["comment"]
    inspect_view_fields = [
        "page_title",
        "published_by",
        "published_at",
        "scheduled_for",
        "status",
        "approved_by",
        "approved_at",
        "comment",
    ]
    list_display = [
        TitleColumn(
            "page_title",
            label=gettext_lazy("Page"),
            get_url=lambda approval: (
                reverse("wagtail_bhxh_retrospective:approve", args=(approval.pk,))
                if approval.is_pending
                else reverse("wagtail_bhxh_retrospective:inspect", args=(approval.pk,))
            ),
        ),
        UserColumn("published_by", label=gettext_lazy("Published by")),
        DateColumn("published_at", label=gettext_lazy("Published")),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda approval: approval.is_pending,
        ),
        UserColumn("approved_by", label=gettext_lazy("Approved by")),
    ]
    list_export = ["page_title", "published_by", "published_at", "status", "approved_by", "approved_at", "comment"]

    if WAGTAIL_VERSION < (8, 0):
        permission_policy = retrospective_policy

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", RetrospectiveApproveView.as_view(), name="approve"),
        ]
