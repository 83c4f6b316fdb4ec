"""Navigation of the public site: menu, breadcrumbs, pagination, languages."""

from django import template
from wagtail.models import Site

from .. import fragment_cache
from ..models.base import BasePage
from ..pagination import page_querystring

register = template.Library()


def _has_field(page, name):
    return any(field.name == name for field in page._meta.get_fields())


def _menu(request, page):
    """(home page, its live children shown in menus), from the fragment cache."""
    site = Site.find_for_request(request) if request else None
    section_path = ""
    if page is not None and getattr(page, "depth", 0) >= 2 and getattr(page, "path", ""):
        # The home page of the current page's locale (English pages get the English menu).
        section_path = page.path[: BasePage.steplen * 2]

    def compute():
        root = None
        if section_path:
            root = BasePage.objects.filter(path=section_path).only("id", "title", "url_path", "path", "depth").first()
        if root is None and site is not None:
            root = site.root_page
        if root is None:
            return (None, [])
        children = root.get_children().live()
        if _has_field(root, "show_in_menus"):
            # A swapped base page model (Wagtail 8) may not have "show in menus".
            children = children.in_menu()
        return (root, list(children.only("id", "title", "url_path", "path", "depth")))

    return fragment_cache.get_or_compute(
        "menu", compute, section_path, request=request, site_id=site.pk if site is not None else 0
    )


@register.inclusion_tag("wagtail_bhxh/includes/main_menu.html", takes_context=True)
def bhxh_main_menu(context):
    """The site root's live children marked 'show in menus' (cached, see ``wagtail_bhxh.fragment_cache``)."""
    request = context.get("request")
    page = context.get("page")
    root, children = _menu(request, page)
    current_path = getattr(page, "path", "") or ""
    items = [
        {
            "page": child,
            # aria-current: "page" on the current page, "true" on its section.
            "current": "page"
            if child.path == current_path
            else ("true" if current_path.startswith(child.path) else ""),
        }
        for child in children
    ]
    return {
        "request": request,
        "home": root,
        "home_current": root is not None and root.path == current_path,
        "items": items,
    }


def page_ancestors(request, page):
    """The ancestors of ``page`` from its site's home page down (depth ≥ 2), cached by section."""
    path = getattr(page, "path", "") or ""
    depth = getattr(page, "depth", 0) or 0
    if depth <= 2 or not path:
        return []
    parent_path = path[: BasePage.steplen * (depth - 1)]

    def compute():
        prefixes = [parent_path[: BasePage.steplen * d] for d in range(2, depth)]
        return list(
            BasePage.objects.filter(path__in=prefixes).order_by("path").only("id", "title", "url_path", "path", "depth")
        )

    return fragment_cache.get_or_compute("ancestors", compute, parent_path, request=request)


@register.inclusion_tag("wagtail_bhxh/includes/breadcrumbs.html", takes_context=True)
def bhxh_breadcrumbs(context, page=None):
    """Links from the home page to the current page (WAI-ARIA breadcrumb pattern)."""
    page = page or context.get("page")
    request = context.get("request")
    return {"request": request, "ancestors": page_ancestors(request, page), "page": page}


@register.inclusion_tag("wagtail_bhxh/includes/pagination.html", takes_context=True)
def bhxh_pagination(context, page_obj, label=None):
    request = context["request"]
    paginator = page_obj.paginator
    window = paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    links = [
        {"number": n, "href": page_querystring(request, n), "current": n == page_obj.number}
        if isinstance(n, int)
        else {"ellipsis": True}
        for n in window
    ]
    return {
        "page_obj": page_obj,
        "links": links,
        "label": label,
        "previous_href": page_querystring(request, page_obj.previous_page_number())
        if page_obj.has_previous()
        else None,
        "next_href": page_querystring(request, page_obj.next_page_number()) if page_obj.has_next() else None,
    }


@register.inclusion_tag("wagtail_bhxh/includes/language_links.html", takes_context=True)
def bhxh_language_links(context, page=None):
    """Links to the translations of the current page, if any (cached)."""
    page = page or context.get("page")
    request = context.get("request")
    translations = []
    if page is not None and getattr(page, "pk", None) and hasattr(page, "get_translations"):

        def compute():
            return list(page.get_translations().live().select_related("locale"))

        translations = fragment_cache.get_or_compute("translations", compute, page.pk, request=request)
    return {"request": request, "page": page, "translations": translations}
