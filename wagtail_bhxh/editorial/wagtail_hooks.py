"""The only module that registers the editorial planning app's admin hooks, menus and viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .setup import STEPS
from .views.plan import AnnualPlanViewSet


class EditorialPlanningViewSetGroup(SnippetViewSetGroup):
    items = (AnnualPlanViewSet,)
    menu_label = _("Editorial planning")
    menu_icon = "date"
    menu_name = "bhxh-editorial-planning"
    menu_order = 245


register_snippet(EditorialPlanningViewSetGroup)


@hooks.register("wagtail_bhxh_setup")
def editorial_setup_steps():
    return STEPS
