"""Formatting helpers of the statistics admin views."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..formatting import format_count

register = template.Library()


@register.filter
def bhxh_count(value):
    return format_count(value)


@register.simple_tag
def bhxh_change(percent):
    """The change against the previous period, e.g. "▲ 12,5 %", with words for screen readers."""
    if percent is None:
        return format_html('<span class="bhxh-change">{}</span>', _("(no previous data)"))
    shown = format_count(abs(percent), decimal_pos=1)
    if percent > 0:
        text = _("up %(percent)s%% on the previous period") % {"percent": shown}
        arrow = "▲"
    elif percent < 0:
        text = _("down %(percent)s%% on the previous period") % {"percent": shown}
        arrow = "▼"
    else:
        text = _("unchanged from the previous period")
        arrow = "="
    return format_html(
        '<span class="bhxh-change"><span aria-hidden="true">{} {}%</span><span class="w-sr-only">{}</span></span>',
        arrow,
        shown,
        text,
    )
