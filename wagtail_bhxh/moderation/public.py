"""What citizens see of the editorial process.

- a removed page answers **410 Gone** with a short notice (reason category
  and date), not 404; a consolidated one redirects permanently to its
  replacement (see ``PortalPageMixin.route``/``serve``);
- a withdrawn page stays readable with a withdrawal banner, and corrections
  (đính chính) are listed at the top of the page, both through the
  ``bhxh_page_notices`` hook; a withdrawn page also tells search engines not
  to index it (``bhxh_public_head``).

Notices are fetched in one query per page view, shared by both hooks.
"""

from django.http import HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from wagtail.url_routing import RouteResult

from ..conf import bhxh_settings
from ..models.takedown import PageNotice, TakedownRequest
from .rules import was_ever_published

TAKEDOWN_ROUTE_KWARG = "bhxh_takedown"


def route_taken_down(page, request):
    """A route to a removed or consolidated page, so it can answer 410 or redirect; None otherwise."""
    if not was_ever_published(page):
        return None
    takedown = (
        TakedownRequest.objects.carried_out()
        .filter(page_id=page.pk, outcome__in=[TakedownRequest.Outcome.REMOVED, TakedownRequest.Outcome.CONSOLIDATED])
        .select_related("replacement_page")
        .order_by("-decided_at", "-pk")
        .first()
    )
    if takedown is None:
        return None
    return RouteResult(page, kwargs={TAKEDOWN_ROUTE_KWARG: takedown})


def serve_taken_down(request, page, takedown):
    replacement = takedown.replacement_page
    if takedown.outcome == TakedownRequest.Outcome.CONSOLIDATED and replacement is not None and replacement.live:
        url = replacement.get_url(request)
        if url:
            return HttpResponsePermanentRedirect(url)
    return TemplateResponse(
        request,
        "wagtail_bhxh/page_gone.html",
        {"takedown": takedown, "bhxh_base_template": bhxh_settings.BASE_TEMPLATE, "request": request},
        status=410,
    )


def page_notices(request, page):
    """(withdrawal notice or None, corrections newest first) of a page, fetched once per request."""
    if page is None or not getattr(page, "pk", None) or not getattr(page, "bhxh_takedown_protected", False):
        return None, []
    cache = getattr(request, "_bhxh_page_notices", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._bhxh_page_notices = cache
    if page.pk not in cache and page.pk not in _pages_with_notices(request):
        cache[page.pk] = (None, [])
    if page.pk not in cache:
        notices = list(PageNotice.objects.filter(page_id=page.pk).select_related("takedown").order_by("-published_at"))
        withdrawal = next((n for n in notices if n.kind == PageNotice.Kind.WITHDRAWAL), None)
        corrections = [n for n in notices if n.kind == PageNotice.Kind.CORRECTION]
        cache[page.pk] = (withdrawal, corrections)
    return cache[page.pk]


def _pages_with_notices(request):
    """Ids of the pages that have a notice, from the fragment cache: most pages have none."""
    from ..fragment_cache import get_or_compute

    return get_or_compute(
        "pages_with_notices",
        lambda: frozenset(PageNotice.objects.values_list("page_id", flat=True).distinct()),
        request=request,
        site_id=0,
    )


def render_page_notices(request, page):
    withdrawal, corrections = page_notices(request, page)
    if withdrawal is None and not corrections:
        return ""
    return render_to_string(
        "wagtail_bhxh/includes/page_notices.html",
        {"withdrawal": withdrawal, "corrections": corrections, "page": page},
        request=request,
    )


def render_noindex_for_withdrawn(request, page):
    withdrawal, _corrections = page_notices(request, page)
    if withdrawal is None:
        return ""
    return render_to_string("wagtail_bhxh/includes/noindex.html", request=request)
