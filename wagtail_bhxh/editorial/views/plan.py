"""The annual plan in the admin: a snippet with drafts, revisions, locking and the approval workflow."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import AnnualPlan, TrainingSession


class AnnualPlanViewSet(SnippetViewSet):
    model = AnnualPlan
    icon = "calendar-check"
    menu_label = _("Annual plans")
    url_prefix = "bhxh/editorial/plans"
    admin_url_namespace = "wagtail_bhxh_editorial_plans"
    list_display = [
        "__str__",
        Column("nominations_per_quarter", label=_("Nominations per quarter")),
        LiveStatusTagColumn(),
    ]
    list_filter = ["year"]
    ordering = ["-year"]
    inspect_view_enabled = True


class TrainingSessionViewSet(SnippetViewSet):
    model = TrainingSession
    icon = "group"
    menu_label = _("Training sessions")
    url_prefix = "bhxh/editorial/training"
    admin_url_namespace = "wagtail_bhxh_editorial_training"
    list_display = ["date", "topic", "trainer", Column("attendee_count", label=_("Attendees"))]
    list_filter = {"date": ["year"]}
    ordering = ["-date"]
    inspect_view_enabled = True
