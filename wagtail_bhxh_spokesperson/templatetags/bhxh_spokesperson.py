"""``{% bhxh_spokesperson_card %}``: the current spokesperson's card for the footer, a sidebar or a page.

::

    {% load bhxh_spokesperson %}
    {% bhxh_spokesperson_card heading_level=2 show_term=True %}

The spokesperson is the one in office today on the request's site; nothing is
rendered when the site has none. One query (with the photo), whatever the page.
"""

from django import template
from django.template.loader import render_to_string
from wagtail.models import Site

from ..models import Spokesperson

register = template.Library()

CARD_TEMPLATE = "wagtail_bhxh_spokesperson/card.html"


def current_spokesperson(request):
    """Today's spokesperson of the request's site, cached on the request."""
    if request is None:
        return None
    cached = getattr(request, "_bhxh_spokesperson", False)
    if cached is False:
        site = Site.find_for_request(request)
        cached = Spokesperson.objects.current(site) if site else None
        request._bhxh_spokesperson = cached
    return cached


def render_card(request, person=None, heading_level=2, show_term=False, card_id="bhxh-spokesperson"):
    person = person if person is not None else current_spokesperson(request)
    if person is None:
        return ""
    level = heading_level if heading_level in (2, 3, 4, 5, 6) else 2
    context = {"person": person, "heading_level": level, "show_term": show_term, "card_id": card_id}
    return render_to_string(CARD_TEMPLATE, context, request=request)


@register.simple_tag(takes_context=True)
def bhxh_spokesperson_card(context, heading_level=2, show_term=False, person=None, card_id="bhxh-spokesperson-card"):
    return render_card(context.get("request"), person, int(heading_level), bool(show_term), card_id)
