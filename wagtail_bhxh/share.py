"""Share links of public pages (no third-party scripts, no cookies)."""

from urllib.parse import quote

from django.utils.translation import gettext_lazy as _

from .conf import bhxh_settings

SHARE_URL_TEMPLATES = {
    "facebook": ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    "zalo": ("Zalo", "https://sp.zalo.me/share?url={url}"),
    "x": ("X", "https://x.com/intent/post?url={url}&text={title}"),
    "linkedin": ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    "email": (_("Email"), "mailto:?subject={title}&body={url}"),
}


def share_links(url: str, title: str):
    """(network, label, href) for each network in SHARE_NETWORKS, in order."""
    links = []
    for network in bhxh_settings.SHARE_NETWORKS:
        label, template = SHARE_URL_TEMPLATES[network]
        links.append((network, label, template.format(url=quote(url, safe=""), title=quote(title, safe=""))))
    return links
