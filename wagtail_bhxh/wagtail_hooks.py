"""The only module that registers the core app's admin hooks, menus and viewsets."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.contrib.settings.registry import register_setting
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet

from .importers import log_actions as import_log_actions
from .models import PortalSettings
from .moderation import buttons as moderation_buttons
from .moderation import guards, publishing
from .moderation import log_actions as moderation_log_actions
from .moderation import public as moderation_public
from .moderation.policies import POLICIES, notice_policy, takedown_policy
from .moderation.setup import STEPS as MODERATION_SETUP_STEPS
from .moderation.views import panels as moderation_panels
from .moderation.views.corrections import CorrectionViewSet
from .moderation.views.reports import CorrectionReportView, TakedownReportView
from .moderation.views.retrospective import RetrospectiveApprovalViewSet
from .moderation.views.standards import StandardsCheckView
from .moderation.views.takedown import TakedownRequestViewSet
from .views import reports
from .views.home_panels import OrganisationReviewPanel
from .views.snippets import PortalViewSetGroup, TaxonomyViewSetGroup

register_snippet(TaxonomyViewSetGroup)
register_snippet(PortalViewSetGroup)
register_setting(PortalSettings, icon="site")

if WAGTAIL_VERSION >= (8, 0):
    # Wagtail 8 reads a model's policy from its registry (7.4 from the viewset).
    from wagtail.permissions import register_permission_policy

    for model, policy in POLICIES.items():
        register_permission_policy(model, policy, exact_class=True)


@hooks.register("register_admin_urls")
def register_report_urls():
    urlpatterns = [
        path("organisation-review/", reports.OrganisationReviewReportView.as_view(), name="organisation_review"),
        path(
            "organisation-review/results/",
            reports.OrganisationReviewReportView.as_view(results_only=True),
            name="organisation_review_results",
        ),
        path("takedowns/", TakedownReportView.as_view(), name="takedowns"),
        path("takedowns/results/", TakedownReportView.as_view(results_only=True), name="takedowns_results"),
        path("corrections/", CorrectionReportView.as_view(), name="corrections"),
        path("corrections/results/", CorrectionReportView.as_view(results_only=True), name="corrections_results"),
    ]
    return [path("bhxh/reports/", include((urlpatterns, "wagtail_bhxh_reports"), namespace="wagtail_bhxh_reports"))]


class EditorsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["change", "publish"])


@hooks.register("register_reports_menu_item")
def register_organisation_review_menu_item():
    return EditorsReportMenuItem(
        _("Contacts to review"),
        reverse("wagtail_bhxh_reports:organisation_review"),
        icon_name="time",
        order=900,
    )


@hooks.register("construct_homepage_panels")
def add_home_panels(request, panels):
    panels.append(OrganisationReviewPanel(request))
    panels.append(moderation_panels.ApprovalQueuePanel(request))
    panels.append(moderation_panels.RetrospectiveApprovalPanel(request))
    panels.append(moderation_panels.TakedownPanel(request))


# --- Decision 2474: the editorial process (wagtail_bhxh.moderation) ----------


@hooks.register("wagtail_bhxh_setup")
def moderation_setup_steps():
    return MODERATION_SETUP_STEPS


class EditorialProcessViewSetGroup(ModelViewSetGroup):
    items = (TakedownRequestViewSet, CorrectionViewSet, RetrospectiveApprovalViewSet)
    menu_label = _("Editorial process")
    menu_icon = "tasks"
    menu_name = "bhxh-editorial-process"
    menu_order = 240


@hooks.register("register_admin_viewset")
def register_editorial_process_viewsets():
    return EditorialProcessViewSetGroup()


@hooks.register("register_admin_urls")
def register_standards_urls():
    urlpatterns = [
        path("page/<int:page_id>/", StandardsCheckView.as_view(), name="page"),
        path("add/<slug:app_label>/<slug:model_name>/<int:parent_page_id>/", StandardsCheckView.as_view(), name="new"),
    ]
    return [
        path("bhxh/standards/", include((urlpatterns, "wagtail_bhxh_standards"), namespace="wagtail_bhxh_standards"))
    ]


class PolicyReportMenuItem(MenuItem):
    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy

    def is_shown(self, request):
        return self.policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_takedown_report_menu_item():
    return PolicyReportMenuItem(
        _("Takedowns"),
        reverse("wagtail_bhxh_reports:takedowns"),
        icon_name="warning",
        order=910,
        policy=takedown_policy,
    )


@hooks.register("register_reports_menu_item")
def register_correction_report_menu_item():
    return PolicyReportMenuItem(
        _("Corrections"), reverse("wagtail_bhxh_reports:corrections"), icon_name="edit", order=920, policy=notice_policy
    )


hooks.register("register_log_actions", moderation_log_actions.register)
hooks.register("register_log_actions", import_log_actions.register)
hooks.register("register_page_listing_more_buttons", moderation_buttons.page_buttons)
hooks.register("register_page_header_buttons", moderation_buttons.page_buttons)

# Forged requests are refused before anything changes (see moderation/guards.py).
hooks.register("before_edit_page", guards.before_edit_page)
hooks.register("before_create_page", guards.before_create_page)
hooks.register("before_delete_page", guards.before_delete_page)
hooks.register("before_unpublish_page", guards.before_unpublish_page)
hooks.register("before_move_page", guards.before_move_page)
hooks.register("before_bulk_action", guards.before_bulk_action)

# Publications outside the workflow wait for a retrospective approval.
hooks.register("after_publish_page", publishing.after_publish_page)
hooks.register("after_bulk_action", publishing.after_bulk_action)
hooks.register("after_edit_page", publishing.standards_feedback_after_submit)
hooks.register("after_create_page", publishing.standards_feedback_after_submit)

# Public pages: withdrawal banner and corrections; withdrawn pages are not indexed.
hooks.register("bhxh_page_notices", moderation_public.render_page_notices)
hooks.register("bhxh_public_head", moderation_public.render_noindex_for_withdrawn)
