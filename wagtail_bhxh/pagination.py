"""Pagination for public listings that never answers a bad page number with a 500."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

# Deep pages of a listing cost an OFFSET scan; nobody reads past this.
MAX_PAGE_NUMBER = 10_000


def get_page_number(request, param="page"):
    """The requested page number, or Http404 when it is not a plain positive integer."""
    raw = request.GET.get(param) or "1"
    if not raw.isascii() or not raw.isdigit() or len(raw) > 5:
        raise Http404(_("Invalid page number."))
    number = int(raw)
    if not 1 <= number <= MAX_PAGE_NUMBER:
        raise Http404(_("Invalid page number."))
    return number


def paginate(request, object_list, per_page, param="page"):
    """Return the requested page of ``object_list``; 404 if it does not exist.

    An empty listing still has a first page.
    """
    number = get_page_number(request, param)
    paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    if number > paginator.num_pages:
        raise Http404(_("This page of the listing does not exist."))
    return paginator.page(number)


def page_querystring(request, number, param="page"):
    """The current query string with only the page number replaced."""
    query = request.GET.copy()
    if number == 1:
        query.pop(param, None)
    else:
        query[param] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
