"""Public search: the search page, the JSON API and autocomplete."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..conf import bhxh_settings
from ..pagination import get_page_number
from . import results_cache
from .backends.base import get_backend
from .forms import MAX_LIMIT, MAX_OFFSET, TYPE_LABELS, SearchAPIForm, SearchForm
from .query import AnalysedQuery, highlight
from .ratelimit import is_limited

TEMPLATE = "wagtail_bhxh_search/search.html"


def _in_both_languages(message_fn) -> dict:
    messages = {}
    for language in ("vi", "en"):
        with translation.override(language):
            messages[language] = str(message_fn())
    return messages


def _rate_limited_json():
    messages = _in_both_languages(lambda: _("Too many requests. Please wait a minute and try again."))
    return JsonResponse(
        {"error": {"code": "rate_limited", "message": messages["vi"], "message_en": messages["en"]}},
        status=429,
        headers={"Retry-After": "60"},
    )


class _CountedHits:
    """What a Paginator needs from one page of search results: the total and that page's hits."""

    def __init__(self, count, hits, offset):
        self._count, self._hits, self._offset = count, hits, offset

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            start = (index.start or 0) - self._offset
            stop = (index.stop if index.stop is not None else self._count) - self._offset
            return self._hits[max(start, 0) : max(stop, 0)]
        return self._hits[index - self._offset]


@require_GET
def search_page(request):
    """One search box with filters, sorted results, highlighted snippets and pagination."""
    from django.core.paginator import Paginator

    context = {"bhxh_base_template": bhxh_settings.BASE_TEMPLATE, "type_labels": TYPE_LABELS}
    if is_limited(request, "search", bhxh_settings.SEARCH_RATE_LIMIT):
        context["rate_limited"] = True
        return TemplateResponse(request, TEMPLATE, context, status=429, headers={"Retry-After": "60"})

    form = SearchForm(request.GET or None)
    context["form"] = form
    per_page = bhxh_settings.ITEMS_PER_PAGE
    number = get_page_number(request)
    query = form.to_query(offset=(number - 1) * per_page, limit=per_page) if form.is_bound else None
    if query is None or (not query.q and not form.has_filters):
        return TemplateResponse(request, TEMPLATE, context)

    results = results_cache.search(query)
    paginator = Paginator(_CountedHits(results.count, results.hits, query.offset), per_page)
    if number > max(paginator.num_pages, 1):
        raise Http404(_("This page of the results does not exist."))
    plan = AnalysedQuery.parse(query.q)
    terms = plan.terms
    for hit in results.hits:
        hit.title_html = highlight(hit.title, terms) if terms else hit.title
        hit.type_label = TYPE_LABELS.get(hit.type, hit.type)
    context.update(
        query=query,
        results=results,
        page_obj=paginator.page(number),
        facets=[(name, TYPE_LABELS.get(name, name), n) for name, n in results.facets.get("type", [])],
        interpretation=plan.expanded_text() if plan.concepts else "",
        numbers=[n.canonical for n in plan.numbers if not n.partial],
    )
    return TemplateResponse(request, TEMPLATE, context)


def _field_message(name):
    if name == "limit":
        return lambda: _("“limit” must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}
    if name == "offset":
        return lambda: _("“offset” must be a whole number from 0 to %(max)s.") % {"max": MAX_OFFSET}
    if name == "type":
        return lambda: _("“type” must be one of: %(types)s.") % {"types": ", ".join(TYPE_LABELS)}
    if name in ("date_from", "date_to"):
        return lambda: (
            _("“%(name)s” must be a date written YYYY-MM-DD, with date_from not after date_to.") % {"name": name}
        )
    if name in ("policy_area", "topic"):
        return lambda: _("“%(name)s” must be the slug of an existing policy area or topic.") % {"name": name}
    return lambda: _("“%(name)s” is not valid.") % {"name": name}


@require_GET
def search_api(request):
    """``GET /api/bhxh/search/?q=&type=&limit=&offset=`` → ``{"count": N, "results": [...]}``."""
    if is_limited(request, "api", bhxh_settings.SEARCH_RATE_LIMIT):
        return _rate_limited_json()
    form = SearchAPIForm(request.GET)
    if not form.is_valid():
        fields = {name: _in_both_languages(_field_message(name)) for name in form.errors}
        summary = _in_both_languages(lambda: _("Invalid search parameters."))
        return JsonResponse(
            {
                "error": {
                    "code": "invalid_parameters",
                    "message": summary["vi"] + " " + " ".join(f["vi"] for f in fields.values()),
                    "message_en": summary["en"] + " " + " ".join(f["en"] for f in fields.values()),
                    "fields": fields,
                }
            },
            status=400,
        )
    query = form.to_query()
    results = results_cache.search(query) if (query.q or form.has_filters) else None
    items = []
    for hit in results.hits if results else []:
        item = {
            "id": hit.page_id,
            "title": hit.title,
            "url": request.build_absolute_uri(hit.url) if hit.url else "",
            "type": hit.type,
            "date": hit.date.isoformat() if hit.date else None,
            "snippet": str(hit.snippet),
        }
        if hit.type == "legal_document":
            item["number"] = hit.number
        items.append(item)
    data = {"count": results.count if results else 0, "results": items}
    if results and results.count_capped:
        data["count_capped"] = True
    return JsonResponse(
        data,
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def autocomplete_api(request):
    """``GET /api/bhxh/autocomplete/?q=`` → titles and document numbers starting with q."""
    if is_limited(request, "autocomplete", bhxh_settings.SEARCH_AUTOCOMPLETE_RATE_LIMIT):
        return _rate_limited_json()
    prefix = request.GET.get("q", "")
    results = get_backend().autocomplete(prefix[:200], limit=8)
    for item in results:
        item["url"] = request.build_absolute_uri(item["url"]) if item.get("url") else ""
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
