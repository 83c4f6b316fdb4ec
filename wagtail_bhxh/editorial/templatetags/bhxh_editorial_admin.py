from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..kinds import kind_label

register = template.Library()


@register.simple_tag
def bhxh_kind_label(code):
    return kind_label(code)


@register.simple_tag
def bhxh_shortfall(line):
    """The shortfall, highlighted in words and colour (never colour alone)."""
    if not line.target:
        return "—"
    if line.met:
        return format_html('<span class="bhxh-norms-met">{}</span>', _("Met"))
    return format_html('<span class="bhxh-norms-short">{}</span>', _("%(count)s short") % {"count": line.shortfall})


@register.simple_tag
def bhxh_days_left(entry, today):
    return entry.days_left(today)
