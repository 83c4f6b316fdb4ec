"""The only module that registers the search app's hooks."""

from django.template.loader import render_to_string
from wagtail import hooks


@hooks.register("bhxh_public_header_tools")
def header_search_box(request, page):
    return render_to_string("wagtail_bhxh_search/header_search.html", request=request)
