"""Panels of the Wagtail admin home page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .reports import overdue_organisation_pages


class OrganisationReviewPanel(Component):
    """Warns editors when the organisation's contacts are overdue for review."""

    name = "bhxh_organisation_review"
    template_name = "wagtail_bhxh/admin/home/organisation_review_panel.html"
    order = 120

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        pages = list(overdue_organisation_pages(self.request.user)[:5])
        return {"pages": pages, "title": _("Contacts to review")}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["pages"]:
            return ""
        return super().render_html(parent_context)
