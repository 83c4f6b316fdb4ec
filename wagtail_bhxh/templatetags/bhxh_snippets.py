"""Partner links and banners, for any template of the host site."""

from django import template
from wagtail.models import Site

from .. import fragment_cache
from ..models import Banner, PartnerLink, PortalSettings

register = template.Library()


@register.inclusion_tag("wagtail_bhxh/includes/partner_links.html", takes_context=True)
def bhxh_partner_links(context, group=None, heading=None):
    """Active partner links grouped by their group, optionally only one group (cached)."""

    def compute():
        links = PartnerLink.objects.filter(is_active=True).select_related("logo")
        if group:
            links = links.filter(group=group)
        groups = {}
        for link in links:
            groups.setdefault(link.group, []).append(link)
        return groups

    groups = fragment_cache.get_or_compute("partner_links", compute, group or "", request=context.get("request"))
    return {"groups": groups, "heading": heading}


@register.simple_tag(takes_context=True)
def bhxh_portal_settings(context):
    """The portal settings of the request's site (cached): ``{% bhxh_portal_settings as portal %}``."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return fragment_cache.get_or_compute(
        "portal_settings", lambda: PortalSettings.for_site(site), request=request, site_id=site.pk
    )


@register.inclusion_tag("wagtail_bhxh/includes/banners.html")
def bhxh_banners(placement, limit=3):
    """Banners of one placement whose schedule includes now."""
    banners = list(
        Banner.objects.current(placement).select_related("image", "video", "link_page").order_by("sort_order")[:limit]
    )
    return {"banners": banners, "placement": placement}
