from django import template

from ..share import share_links

register = template.Library()


@register.inclusion_tag("wagtail_bhxh/includes/share_links.html", takes_context=True)
def bhxh_share_links(context, page=None):
    """Share links for the page to the networks in WAGTAIL_BHXH['SHARE_NETWORKS']."""
    page = page or context["page"]
    request = context.get("request")
    url = page.get_full_url(request)
    return {"links": share_links(url, page.title), "page": page, "url": url}
