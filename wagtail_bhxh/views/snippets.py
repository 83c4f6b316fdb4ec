"""Admin listings of the suite's snippets (Wagtail SnippetViewSets)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import Banner, Occasion, PartnerLink, PolicyArea, Topic


class PolicyAreaViewSet(SnippetViewSet):
    model = PolicyArea
    icon = "folder-open-inverse"
    menu_label = _("Policy areas")
    list_display = ["name", "short_name", "slug", "sort_order"]
    search_fields = ["name", "short_name"]
    ordering = ["sort_order", "name"]
    list_export = ["name", "short_name", "slug", "description", "sort_order"]
    inspect_view_enabled = True


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "folder-inverse"
    menu_label = _("Topics")
    list_display = ["name", "slug", BooleanColumn("is_active", label=_("Active")), "sort_order"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description", "is_active"]
    inspect_view_enabled = True


class NextDateColumn(Column):
    """The next date an occasion falls on, computed from its calendar."""

    def get_value(self, instance):
        return instance.next_date(timezone.localdate())


class OccasionViewSet(SnippetViewSet):
    model = Occasion
    icon = "date"
    menu_label = _("Occasions")
    list_display = [
        "name",
        Column("date_label", label=_("Date")),
        NextDateColumn("next_date", label=_("Next date")),
        "lead_days",
        BooleanColumn("is_active", label=_("Active")),
    ]
    list_filter = ["calendar", "is_active"]
    search_fields = ["name"]
    list_export = ["name", "calendar", "month", "day", "lead_days", "is_active"]
    inspect_view_enabled = True


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (PolicyAreaViewSet, TopicViewSet, OccasionViewSet)
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_name = "bhxh-taxonomy"
    menu_order = 250


class PartnerLinkFilterSet(WagtailFilterSet):
    class Meta:
        model = PartnerLink
        fields = ["group", "is_active"]


class PartnerLinkViewSet(SnippetViewSet):
    model = PartnerLink
    icon = "link-external"
    menu_label = _("Partner links")
    list_display = ["name", "url", "group", "sort_order", BooleanColumn("is_active", label=_("Shown"))]
    filterset_class = PartnerLinkFilterSet
    search_fields = ["name", "url"]
    list_export = ["name", "url", "group", "sort_order", "is_active"]
    ordering = ["group", "sort_order", "name"]


class CurrentColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_current()


class BannerViewSet(SnippetViewSet):
    model = Banner
    icon = "image"
    menu_label = _("Banners")
    list_display = [
        "title",
        "placement",
        "starts_at",
        "ends_at",
        CurrentColumn("is_current", label=_("Showing now")),
    ]
    list_filter = ["placement", "is_active"]
    search_fields = ["title", "alt_text"]
    list_export = ["title", "placement", "starts_at", "ends_at", "is_active", "link_url"]


class PortalViewSetGroup(SnippetViewSetGroup):
    items = (PartnerLinkViewSet, BannerViewSet)
    menu_label = _("Links and banners")
    menu_icon = "link"
    menu_name = "bhxh-portal"
    menu_order = 260
