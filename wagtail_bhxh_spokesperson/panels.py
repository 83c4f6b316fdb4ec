"""The dashboard panel of the deadline alert (see :mod:`.alerts`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from wagtail_bhxh.moderation import roles

from .alerts import overdue_items
from .conf import spokesperson_settings
from .models import Authorisation, Spokesperson


def can_see_deadline_alert(user):
    if roles.user_has_role(user, roles.HEAD):
        return True
    return any(
        user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
        for model in (Spokesperson, Authorisation)
        for action in ("change", "publish")
    )


class DeadlinePanel(Component):
    """Lists appointments and authorisations signed but not live within ``DEADLINE_HOURS``."""

    name = "bhxh_spokesperson_deadline"
    template_name = "wagtail_bhxh_spokesperson/admin/deadline_panel.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        finder = AdminURLFinder(self.request.user)
        now = timezone.now()
        items = [
            {
                "item": item,
                "url": finder.get_edit_url(item),
                "hours_late": int((now - item.deadline()).total_seconds() // 3600),
            }
            for item in overdue_items(now)
        ]
        return {
            "items": items,
            "hours": spokesperson_settings.DEADLINE_HOURS,
            "title": _("Spokesperson details overdue"),
        }

    def render_html(self, parent_context=None):
        if not can_see_deadline_alert(self.request.user):
            return ""
        context = self.get_context_data(parent_context)
        if not context["items"]:
            return ""
        return self.render_to_string(context)

    def render_to_string(self, context):
        from django.template.loader import render_to_string

        return render_to_string(self.template_name, context, request=self.request)
