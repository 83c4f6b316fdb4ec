"""Partner links and banners, for any template of the host site."""

from django import template
from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_rendition_or_not_found
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


# The rendition banners.html shows for a still image.
BANNER_RENDITION = "width-1200"


@register.inclusion_tag("wagtail_bhxh/includes/banners.html", takes_context=True)
def bhxh_banners(context, placement, limit=3):
    """Banners of one placement whose schedule includes now.

    The placement's banners that have not ended are cached (with their images
    and renditions); the schedule is checked on every view, so a banner
    appears and leaves on the minute set, not when the cache next changes.
    """

    def compute():
        banners = list(
            Banner.objects.filter(is_active=True, placement=placement)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=timezone.now()))
            .select_related("video", "link_page")
            .prefetch_related(Prefetch("image", get_image_model().objects.prefetch_renditions(BANNER_RENDITION)))
            .order_by("sort_order", "pk")
        )
        for banner in banners:
            if banner.image is not None and not banner.is_animated_gif:
                # Made now, the rendition travels with the cached banner (a
                # missing source file gives {% image %}'s placeholder).
                get_rendition_or_not_found(banner.image, BANNER_RENDITION)
        return banners

    scheduled = fragment_cache.get_or_compute("banners", compute, placement, request=context.get("request"))
    now = timezone.now()
    return {"banners": [banner for banner in scheduled if banner.is_current(now)][:limit], "placement": placement}
