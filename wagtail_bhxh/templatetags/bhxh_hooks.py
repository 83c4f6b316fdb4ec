"""Extension points of the public templates.

Apps of the suite and host sites add HTML to the public pages without
overriding templates, by registering Wagtail hooks::

    @hooks.register("bhxh_public_header_tools")
    def search_box(request, page):
        return render_to_string("myapp/search_box.html", {"request": request})

Each hook takes ``(request, page)`` (``page`` may be None) and returns HTML
(already escaped, e.g. from ``render_to_string`` or ``format_html``) or "".

Hook names and where they render:

- ``bhxh_public_head``: end of ``<head>``
- ``bhxh_public_header_tools``: the header's tools area (search box)
- ``bhxh_public_footer``: end of the footer (the site's visitor counter)
- ``bhxh_public_body_end``: before ``</body>`` (scripts)
- ``bhxh_page_notices``: top of a content page (corrections, withdrawal)
- ``bhxh_page_meta``: in a content page's meta line (date, view counter)
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()

HOOK_NAMES = (
    "bhxh_public_head",
    "bhxh_public_header_tools",
    "bhxh_public_footer",
    "bhxh_public_body_end",
    "bhxh_page_notices",
    "bhxh_page_meta",
)


@register.simple_tag(takes_context=True)
def bhxh_hook_output(context, hook_name):
    if hook_name not in HOOK_NAMES:
        raise template.TemplateSyntaxError(f"Unknown hook {hook_name!r}; expected one of {HOOK_NAMES}")
    request = context.get("request")
    page = context.get("page")
    parts = [fn(request, page) for fn in hooks.get_hooks(hook_name)]
    # Hooks return safe HTML; anything else is escaped rather than trusted.
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308
