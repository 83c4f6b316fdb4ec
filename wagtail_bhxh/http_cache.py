"""HTTP caching of the public pages: Cache-Control, ETag and front-end cache purges.

Public pages served to anonymous visitors are kept by a front-end cache
(Varnish, Cloudflare, CloudFront... through ``wagtail.contrib.frontend_cache``)
for ``PUBLIC_CACHE_MAX_AGE`` seconds (``s-maxage``), and carry an ETag so a
browser, which revalidates every time (``max-age=0``), gets an empty 304 when
nothing changed. Browsers are not allowed to keep pages on their own because
no purge reaches them, and a taken-down page must disappear at once. Editors (anyone with a session: logged in, or through a page
password) and previews get ``private, no-store``: what they see may differ from
what the public sees and must never be stored by a shared cache.

The view-count beacon of the visitor statistics is a POST answered with
``no-store`` and is not affected: cached pages still send it and are counted.

When ``wagtail.contrib.frontend_cache`` is installed, Wagtail purges a page when
it is published or unpublished, and the suite purges it when a takedown is
carried out. The suite also purges the pages that *list* it (its section,
the home page) and the RSS feed, so a new article appears there at once
rather than when their cache expires.
"""

from django.apps import apps
from django.conf import settings
from django.template.response import SimpleTemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag

from .conf import bhxh_settings


def is_public_request(request):
    """True when the response may be stored by shared caches: an anonymous GET, not a preview."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        # Logged in, or let through a page password: the page may differ for them.
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def apply_cache_headers(request, response):
    """Cache-Control, Vary and ETag of a rendered page; a 304 response when the ETag matches."""
    if response.status_code != 200 or response.has_header("Cache-Control"):
        return response
    if not is_public_request(request):
        patch_cache_control(response, private=True, no_cache=True, no_store=True, max_age=0)
        return response
    max_age = bhxh_settings.PUBLIC_CACHE_MAX_AGE
    if max_age:
        # Browsers revalidate every time (a cheap 304 with the ETag), because
        # nothing can purge them: a takedown must reach every reader at once.
        # Shared caches keep the page and are purged on publish and takedown.
        patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ("Cookie",))
    if not bhxh_settings.PUBLIC_ETAGS:
        return response
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def cache_public_page(request, response):
    """Apply :func:`apply_cache_headers` once the response is rendered (TemplateResponse stays lazy)."""
    if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
        response.add_post_render_callback(lambda rendered: apply_cache_headers(request, rendered))
        return response
    return apply_cache_headers(request, response)


# --- Front-end cache purges --------------------------------------------------


def listing_pages_of(page):
    """The live ancestors of ``page`` that list it: its sections and the portal home page."""
    from wagtail.models import get_page_models

    from .models.base import BasePage
    from .models.pages import ListingPageMixin, PortalHomePageMixin

    listing_models = [m for m in get_page_models() if issubclass(m, ListingPageMixin | PortalHomePageMixin)]
    return list(BasePage.objects.ancestor_of(page).live().type(*listing_models))


def frontend_cache_enabled():
    return apps.is_installed("wagtail.contrib.frontend_cache") and bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_listings(page, request=None):
    """Purge the pages listing ``page`` and the RSS feed from the front-end cache."""
    if not frontend_cache_enabled():
        return
    from django.urls import reverse
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    listings = listing_pages_of(page)
    batch.add_pages(listings)
    site = page.get_site()
    if site is not None:
        batch.add_url(site.root_url + reverse("wagtail_bhxh:rss"))
    batch.purge()


def _on_publish_change(sender, instance, **kwargs):
    purge_listings(instance)


def _on_taken_down(sender, page, request=None, **kwargs):
    purge_listings(page, request)


def register_signal_handlers():
    """Purge listings on publish, unpublish and takedown (when a front-end cache is configured)."""
    from wagtail.signals import page_published, page_unpublished

    from .signals import page_taken_down

    page_published.connect(_on_publish_change, dispatch_uid="wagtail_bhxh_purge_listings_published")
    page_unpublished.connect(_on_publish_change, dispatch_uid="wagtail_bhxh_purge_listings_unpublished")
    page_taken_down.connect(_on_taken_down, dispatch_uid="wagtail_bhxh_purge_listings_taken_down")
