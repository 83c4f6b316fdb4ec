"""Page routing in two queries whatever the depth, and the active locale without one.

Wagtail routes ``/tin-tuc/2025/mot-bai/`` one level at a time: for each path
component a query for the child with that slug and one for its specific page,
so a news item four levels down costs eight queries before its view runs. The
suite's pages (:class:`~wagtail_bhxh.models.pages.PortalPageMixin`) route
deeper paths with one query for every page on the path and one for the
specific page found, then hand over to that page's own ``route()``.

Pages on the way whose class routes in its own way (``RoutablePageMixin``,
a site's custom ``route()``) are respected: the walk stops there and that
page's ``route()`` receives the rest of the path, as Wagtail would do.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from .models.base import BasePage


def _routes_by_default(model):
    """True when ``model`` routes its children as ``Page.route`` does (the walk may skip it)."""
    from .models.pages import PortalPageMixin

    if model is None:
        return False
    if model.route is Page.route:
        return True
    # The suite's route() only adds takedowns for the page itself, then defers to the base page's.
    return model.route is PortalPageMixin.route and BasePage.route is Page.route


def route_path(page, request, path_components):
    """Route ``path_components`` below ``page`` like ``Page.route``, in two queries.

    Returns the :class:`~wagtail.url_routing.RouteResult` (or raises Http404)
    of the deepest page reached, as Wagtail would.
    """
    condition = Q()
    for offset, slug in enumerate(path_components, start=1):
        condition |= Q(depth=page.depth + offset, slug=slug)
    candidates = {}
    for candidate in BasePage.objects.filter(path__startswith=page.path).filter(condition):
        candidates.setdefault((candidate.depth, candidate.slug), []).append(candidate)
    parent = page
    for index, slug in enumerate(path_components):
        child = next(
            (c for c in candidates.get((parent.depth + 1, slug), ()) if c.path.startswith(parent.path)),
            None,
        )
        if child is None:
            raise Http404
        child._cached_parent_obj = parent
        remaining = path_components[index + 1 :]
        if not remaining or not _routes_by_default(child.specific_class):
            specific = child.specific
            specific._cached_parent_obj = parent
            return specific.route(request, remaining)
        parent = child
    raise AssertionError("unreachable: the loop returns on the last component")  # pragma: no cover


def active_locale_is(locale_id):
    """True when the active language's locale is ``locale_id``, from a cached map (no query)."""
    from wagtail.models import Locale

    from .fragment_cache import get_or_compute

    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return False
    codes = get_or_compute("locales", lambda: dict(Locale.objects.values_list("language_code", "pk")), site_id=0)
    return codes.get(code) == locale_id
