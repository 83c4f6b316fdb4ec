"""Template tags of the visitor statistics, for the suite's and host sites' templates::

    {% load bhxh_analytics %}
    {% bhxh_view_count page %}        "153 lượt xem" for a page
    {% bhxh_site_counter %}           online now, today, this month, total
    {% bhxh_statistics_beacon page %} the counting script (the suite adds it by itself)

Numbers are rendered on the server, so they show without JavaScript; they are
cached for ``ANALYTICS_COUNTER_CACHE_SECONDS``, and the beacon's answer
refreshes them in the browser, which keeps them current on pages served
from a page cache or CDN.
"""

from django import template
from django.template.loader import render_to_string
from wagtail.models import Site

from ..formatting import format_count
from ..stats import page_views, site_counters

register = template.Library()


@register.simple_tag(takes_context=True)
def bhxh_view_count(context, page=None):
    page = page or context.get("page")
    if page is None or not getattr(page, "pk", None):
        return ""
    views = page_views(page.pk)
    return render_to_string(
        "wagtail_bhxh_analytics/view_count.html",
        {"views": views, "views_display": format_count(views), "page": page},
        request=context.get("request"),
    )


@register.simple_tag(takes_context=True)
def bhxh_site_counter(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    counters = {key: format_count(value) for key, value in site_counters(site.pk).as_dict().items()}
    return render_to_string("wagtail_bhxh_analytics/site_counter.html", {"counters": counters}, request=request)


def should_count(request, page):
    """Pages get the beacon unless they are an admin preview (or not pages at all)."""
    if request is None or page is None or not getattr(page, "pk", None):
        return False
    return not getattr(request, "is_preview", False)


@register.simple_tag(takes_context=True)
def bhxh_statistics_beacon(context, page=None):
    request = context.get("request")
    page = page or context.get("page")
    if not should_count(request, page):
        return ""
    return render_to_string("wagtail_bhxh_analytics/beacon.html", {"page": page}, request=request)
