"""``{% bhxh_spokesperson_card %}``: the current spokesperson's card for the footer, a sidebar or a page.

::

    {% load bhxh_spokesperson %}
    {% bhxh_spokesperson_card heading_level=2 show_term=True %}

The spokesperson is the one in office today on the request's site; nothing is
rendered when the site has none. The footer's card (shown on every page) is
cached for ``CARD_CACHE_SECONDS`` per site, day and language, and dropped
whenever a spokesperson is saved, so it costs no query on most page views.
"""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Site

from ..conf import spokesperson_settings
from ..models import Spokesperson

register = template.Library()

CARD_TEMPLATE = "wagtail_bhxh_spokesperson/card.html"
GENERATION_KEY = "bhxh_spokesperson:card_generation"


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


def forget_cached_cards(**kwargs):
    """Drop every cached card (connected to the spokesperson's post_save and post_delete)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def render_card(request, person=None, heading_level=2, show_term=False, card_id="bhxh-spokesperson"):
    level = heading_level if heading_level in (2, 3, 4, 5, 6) else 2
    if person is None:
        person = current_spokesperson(request)
    if person is None:
        return ""
    context = {"person": person, "heading_level": level, "show_term": show_term, "card_id": card_id}
    return render_to_string(CARD_TEMPLATE, context, request=request)


def render_cached_card(request, heading_level=2, show_term=False, card_id="bhxh-spokesperson"):
    """The current card, from the cache when it holds today's for this site and language."""
    seconds = spokesperson_settings.CARD_CACHE_SECONDS
    site = Site.find_for_request(request) if request is not None else None
    if not seconds or site is None:
        return render_card(request, None, heading_level, show_term, card_id)
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    key = ":".join(
        str(part)
        for part in (
            "bhxh_spokesperson:card",
            generation,
            site.pk,
            timezone.localdate().isoformat(),
            translation.get_language(),
            heading_level,
            int(bool(show_term)),
            card_id,
        )
    )
    html = cache.get(key)
    if html is None:
        html = render_card(request, None, heading_level, show_term, card_id)
        cache.set(key, html, seconds)
    return html


@register.simple_tag(takes_context=True)
def bhxh_spokesperson_card(context, heading_level=2, show_term=False, person=None, card_id="bhxh-spokesperson-card"):
    return render_card(context.get("request"), person, int(heading_level), bool(show_term), card_id)
