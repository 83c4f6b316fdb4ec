"""Navigation of the public site: menu, breadcrumbs, pagination, languages."""

from django import template
from wagtail.models import Site

from ..pagination import page_querystring

register = template.Library()


def _has_field(page, name):
    return any(field.name == name for field in page._meta.get_fields())


@register.inclusion_tag("wagtail_bhxh/includes/main_menu.html", takes_context=True)
def bhxh_main_menu(context):
    """The site root's live children marked 'show in menus'."""
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request else None
    root = None
    if page is not None and getattr(page, "depth", 0) >= 2:
        # The home page of the current page's locale (English pages get the English menu).
        root = page.get_ancestors(inclusive=True).filter(depth=2).first()
    if root is None and site is not None:
        root = site.root_page
    children = root.get_children().live() if root else []
    if root and _has_field(root, "show_in_menus"):
        # A swapped base page model (Wagtail 8) may not have "show in menus".
        children = children.in_menu()
    children = children.only("id", "title", "url_path", "path", "depth") if root else []
    current_path = getattr(page, "path", "")
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


@register.inclusion_tag("wagtail_bhxh/includes/breadcrumbs.html", takes_context=True)
def bhxh_breadcrumbs(context, page=None):
    """Links from the home page to the current page (WAI-ARIA breadcrumb pattern)."""
    page = page or context.get("page")
    ancestors = []
    if page is not None and getattr(page, "depth", 0) > 2:
        ancestors = list(page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth"))
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


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
    """Links to the translations of the current page, if any."""
    page = page or context.get("page")
    translations = []
    if page is not None and hasattr(page, "get_translations"):
        translations = list(page.get_translations().live().select_related("locale"))
    return {"request": context.get("request"), "page": page, "translations": translations}
