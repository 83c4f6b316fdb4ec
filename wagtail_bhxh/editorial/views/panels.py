"""The norms of the month on the Wagtail admin home page: "this month: 14/20 tin, 3/4 bài"."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .. import norms
from ..kinds import KIND_SHORT
from ..permissions import can_view_planning


class NormsPanel(Component):
    name = "bhxh_editorial_norms"
    template_name = "wagtail_bhxh_editorial/admin/home_panel.html"
    order = 105

    class Media:
        css = {"all": ["wagtail_bhxh_editorial/css/planning.css"]}

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        report = norms.month_report(today)
        lines = [(line, KIND_SHORT[line.kind]) for line in report.lines if line.target or line.count]
        return {"title": _("Norms this month"), "report": report, "lines": lines, "today": today}

    def render_html(self, parent_context=None):
        if not can_view_planning(self.request.user):
            return ""
        return super().render_html(parent_context)
