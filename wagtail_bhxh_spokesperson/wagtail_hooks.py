"""The only module that registers the spokesperson app's admin hooks, menus, viewsets and public hooks."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .conf import spokesperson_settings
from .models import Authorisation, PressIndexPageMixin, Spokesperson
from .panels import DeadlinePanel
from .policies import PressContactPermissionPolicy
from .setup import STEP
from .templatetags.bhxh_spokesperson import render_cached_card

spokesperson_policy = PressContactPermissionPolicy(Spokesperson)
authorisation_policy = PressContactPermissionPolicy(Authorisation)

if WAGTAIL_VERSION >= (8, 0):
    # Wagtail 8 reads a model's policy from its registry (7.4 from the viewset).
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Spokesperson, spokesperson_policy, exact_class=True)
    register_permission_policy(Authorisation, authorisation_policy, exact_class=True)


class InOfficeColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_in_office()


class ValidColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_valid_on()


class SpokespersonViewSet(SnippetViewSet):
    model = Spokesperson
    icon = "user"
    menu_label = _("Spokesperson")
    list_display = [
        "full_name",
        "position",
        Column("term_start", label=_("term starts")),
        Column("term_end", label=_("term ends")),
        InOfficeColumn("is_in_office", label=_("In office today")),
    ]
    list_filter = ["site", "live"]
    search_fields = ["full_name", "position", "appointing_document_number"]
    list_export = ["full_name", "position", "unit", "phone", "email", "term_start", "term_end", "live"]
    ordering = ["-term_start", "-pk"]
    if WAGTAIL_VERSION < (8, 0):
        permission_policy = spokesperson_policy


class AuthorisationViewSet(SnippetViewSet):
    model = Authorisation
    icon = "doc-full"
    menu_label = _("Authorisations to speak")
    list_display = [
        "full_name",
        "scope",
        Column("valid_from", label=_("valid from")),
        Column("valid_until", label=_("valid until")),
        ValidColumn("is_valid_on", label=_("Valid today")),
    ]
    list_filter = ["site", "live"]
    search_fields = ["full_name", "scope", "document_number"]
    list_export = ["full_name", "position", "unit", "phone", "email", "scope", "valid_from", "valid_until", "live"]
    ordering = ["-valid_from", "-pk"]
    if WAGTAIL_VERSION < (8, 0):
        permission_policy = authorisation_policy


class PressViewSetGroup(SnippetViewSetGroup):
    items = (SpokespersonViewSet, AuthorisationViewSet)
    menu_label = _("Spokesperson and press")
    menu_icon = "user"
    menu_name = "bhxh-spokesperson"
    menu_order = 250


register_snippet(PressViewSetGroup)


@hooks.register("wagtail_bhxh_setup")
def spokesperson_setup_step():
    return STEP


@hooks.register("wagtail_bhxh_workflow_sections")
def press_sections():
    return (PressIndexPageMixin,)


@hooks.register("construct_homepage_panels")
def add_deadline_panel(request, panels):
    panels.append(DeadlinePanel(request))


@hooks.register("bhxh_public_footer")
def spokesperson_footer_card(request, page):
    if not spokesperson_settings.SHOW_CARD_IN_FOOTER:
        return ""
    return render_cached_card(request, heading_level=2, card_id="bhxh-footer-spokesperson")


@hooks.register("bhxh_public_head")
def spokesperson_stylesheet(request, page):
    return format_html('<link rel="stylesheet" href="{}">', static("wagtail_bhxh_spokesperson/css/press.css"))


@hooks.register("wagtail_bhxh_compliance_items")
def spokesperson_compliance(request, today):
    # Called only by wagtail_bhxh.editorial's compliance page, so it may import that app.
    from .compliance import spokesperson_items

    return spokesperson_items(request, today)
