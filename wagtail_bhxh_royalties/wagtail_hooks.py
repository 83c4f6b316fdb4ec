"""The only module that registers the royalties app's admin views, menus, log actions and setup steps."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSetGroup

from . import log_actions
from .seed import grant_permissions, seed_rules
from .views.entries import RoyaltyEntryViewSet
from .views.reports import ReportViewSet
from .views.rules import (
    BaseSalaryViewSet,
    CoefficientFrameViewSet,
    CoefficientUnitViewSet,
    ContributorViewSet,
    RemunerationRuleViewSet,
    RoyaltyBudgetViewSet,
    WorkKindViewSet,
)
from .views.statements import StatementViewSet


class MyRoyaltiesMenuItem(MenuItem):
    """Every admin user's own entries."""


class RoyaltiesViewSetGroup(ModelViewSetGroup):
    items = (
        RoyaltyEntryViewSet,
        StatementViewSet,
        ContributorViewSet,
        ReportViewSet,
        BaseSalaryViewSet,
        CoefficientUnitViewSet,
        WorkKindViewSet,
        CoefficientFrameViewSet,
        RemunerationRuleViewSet,
        RoyaltyBudgetViewSet,
    )
    menu_label = _("Royalties")
    menu_icon = "doc-full"
    menu_name = "bhxh-royalties"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_royalty_viewsets():
    return RoyaltiesViewSetGroup()


@hooks.register("register_admin_menu_item")
def register_my_royalties_menu_item():
    return MyRoyaltiesMenuItem(
        _("My royalties"), reverse("wagtail_bhxh_royalties_entries:mine"), icon_name="doc-full", order=265
    )


@hooks.register("register_log_actions")
def register_royalty_log_actions(actions):
    log_actions.register(actions)


@hooks.register("wagtail_bhxh_setup")
def royalty_setup_steps():
    from wagtail_bhxh.setup import SetupStep

    return [
        SetupStep("royalty rules (Decree 18/2014)", seed_rules, order=60),
        # After the roles exist (order 50).
        SetupStep("royalty permissions", grant_permissions, order=61),
    ]
