"""The content standards section of the page editor's "Checks" panel."""

from django import template
from django.urls import reverse

from ..models.base import BasePage
from ..standards import run_checks

register = template.Library()


def _check_url(page, request):
    if page.pk:
        return reverse("wagtail_bhxh_standards:page", args=(page.pk,))
    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match else {}
    try:
        return reverse(
            "wagtail_bhxh_standards:new",
            args=(kwargs["content_type_app_name"], kwargs["content_type_model_name"], kwargs["parent_page_id"]),
        )
    except KeyError:
        return ""


@register.inclusion_tag("wagtail_bhxh/standards/panel.html", takes_context=True)
def bhxh_standards_panel(context):
    """Findings for the page being edited, refreshed live by standards-panel.js as the form changes."""
    page = context.get("page") or context.get("object")
    request = context.get("request")
    if not isinstance(page, BasePage):
        return {"show": False}
    return {"show": True, "url": _check_url(page, request), "report": run_checks(page), "form_valid": True}
