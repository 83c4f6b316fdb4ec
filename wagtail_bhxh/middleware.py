"""Middleware that spares public pages Wagtail's per-request site lookup.

``wagtail.models.Site.find_for_request`` queries the sites (with their root
page) on every request, and routing then fetches the root page's specific
instance. :class:`SiteCacheMiddleware` keeps both in the fragment cache
(``wagtail_bhxh.fragment_cache``) by host and port, so a page view starts with
no query. Any change of a site or a page starts a new cache generation.
Optional: add it to ``MIDDLEWARE`` anywhere after Django's ``CommonMiddleware``
(which rejects hosts outside ``ALLOWED_HOSTS`` first).
"""

from wagtail.models import Site

from . import fragment_cache


class SiteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and fragment_cache.enabled(request):
            self.set_site(request)
        return self.get_response(request)

    @staticmethod
    def set_site(request):
        host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")

        def compute():
            site = Site.find_for_request(request)
            if site is not None:
                # The specific root page: routing starts from it without a query.
                site.root_page = site.root_page.specific
            return site

        site = fragment_cache.get_or_compute("site", compute, host, request.get_port(), request=request, site_id=0)
        if site is not None:
            # Where Site.find_for_request keeps the request's site (documented in its docstring).
            request._wagtail_site = site
