"""Partner links and banners, for any template of the host site."""

from django import template

from ..models import Banner, PartnerLink

register = template.Library()


@register.inclusion_tag("wagtail_bhxh/includes/partner_links.html")
def bhxh_partner_links(group=None, heading=None):
    """Active partner links grouped by their group, optionally only one group."""
    links = PartnerLink.objects.filter(is_active=True).select_related("logo")
    if group:
        links = links.filter(group=group)
    groups = {}
    for link in links:
        groups.setdefault(link.group, []).append(link)
    return {"groups": groups, "heading": heading}


@register.inclusion_tag("wagtail_bhxh/includes/banners.html")
def bhxh_banners(placement, limit=3):
    """Banners of one placement whose schedule includes now."""
    banners = list(
        Banner.objects.current(placement).select_related("image", "video", "link_page").order_by("sort_order")[:limit]
    )
    return {"banners": banners, "placement": placement}
