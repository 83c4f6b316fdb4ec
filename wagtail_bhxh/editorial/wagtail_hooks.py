"""The only module that registers the editorial planning app's admin hooks, menus and viewsets."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from . import compliance, urls
from .nominations import can_nominate
from .permissions import can_view_planning
from .setup import STEPS
from .views.panels import NormsPanel
from .views.plan import AnnualPlanViewSet, TrainingSessionViewSet
from .views.review import PageReviewViewSet


class PlanningMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_planning(request.user)


class NominationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_planning(request.user) or can_nominate(request.user)


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_bhxh_editorial.view_pagereview")


class EditorialPlanningViewSetGroup(SnippetViewSetGroup):
    items = (AnnualPlanViewSet, TrainingSessionViewSet, PageReviewViewSet)
    menu_label = _("Editorial planning")
    menu_icon = "date"
    menu_name = "bhxh-editorial-planning"
    menu_order = 245

    def get_submenu_items(self):
        # Wagtail 7.4 has no submenu_hook: the screens that are not viewsets are added here.
        items = super().get_submenu_items()
        order = len(items) + 1
        items += [
            PlanningMenuItem(
                _("Monthly norms"), reverse_lazy("wagtail_bhxh_editorial:norms"), icon_name="tasks", order=order
            ),
            PlanningMenuItem(
                _("Occasions calendar"),
                reverse_lazy("wagtail_bhxh_editorial:occasions"),
                icon_name="date",
                order=order + 1,
            ),
            NominationsMenuItem(
                _("Model articles"),
                reverse_lazy("wagtail_bhxh_editorial:nominations"),
                icon_name="mail",
                order=order + 2,
            ),
            PlanningMenuItem(
                _("Dispatch 3216 compliance"),
                reverse_lazy("wagtail_bhxh_editorial:compliance"),
                icon_name="success",
                order=order + 3,
            ),
            ReviewMenuItem(
                _("Pages due for review"),
                reverse_lazy("wagtail_bhxh_editorial:reviews"),
                icon_name="time",
                order=order + 4,
            ),
        ]
        return items


register_snippet(EditorialPlanningViewSetGroup)


@hooks.register("register_admin_urls")
def register_planning_urls():
    return [path("bhxh/editorial/", include((urls.urlpatterns, urls.app_name), namespace=urls.app_name))]


@hooks.register("construct_homepage_panels")
def add_norms_panel(request, panels):
    panels.append(NormsPanel(request))


@hooks.register("wagtail_bhxh_setup")
def editorial_setup_steps():
    return STEPS


# The items of the Dispatch 3216 compliance page this app and the core own;
# other apps (spokesperson) register theirs with the same hook.
hooks.register("wagtail_bhxh_compliance_items", compliance.editorial_items)
