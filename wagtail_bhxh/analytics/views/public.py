"""Public endpoints: the view beacon and the page on the counting method."""

import re
from urllib.parse import parse_qsl

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from wagtail.models import Site

from ...conf import bhxh_settings
from ...ratelimit import WINDOW_SECONDS, is_limited
from .. import bots
from ..identity import client_address, visitor_pseudonym
from ..models import SiteDailyStats
from ..recording import find_live_page, is_editor, record_view
from ..stats import page_views, site_counters

#: A beacon is "p=<page id>" and optionally "&c=1"; anything longer is not one.
MAX_BODY_BYTES = 64
ALLOWED_CONTENT_TYPES = ("application/x-www-form-urlencoded", "text/plain")
PAGE_ID = re.compile(r"[1-9][0-9]{0,9}")
MAX_PAGE_ID = 2**31 - 1
#: Browsers announce speculative loads with one of these headers.
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def not_counted():
    """The answer to everything that is not counted: empty, uncacheable, the same for all."""
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(message):
    response = HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def too_many_beacons():
    """429 with the reason in Vietnamese and in English; the script ignores it, a person reading it understands."""
    messages = {}
    for language in ("vi", "en"):
        with translation.override(language):
            messages[language] = _("Too many page views from your address. Please wait a minute.")
    response = JsonResponse(
        {"error": {"code": "rate_limited", "message": messages["vi"], "message_en": messages["en"]}},
        status=429,
        headers={"Retry-After": str(WINDOW_SECONDS)},
    )
    response["Cache-Control"] = "no-store"
    return response


def parse_beacon(request):
    """(page_id, wants_counters) from the body, or a message saying what is wrong with it."""
    content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if content_type not in ALLOWED_CONTENT_TYPES:
        return None, _("A statistics beacon must be sent as a form or plain text.")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = MAX_BODY_BYTES + 1
    if declared > MAX_BODY_BYTES:
        return None, _("The statistics beacon is too long.")
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return None, _("The statistics beacon is too long.")
    try:
        fields = parse_qsl(body.decode("ascii"), keep_blank_values=True, strict_parsing=True, max_num_fields=2)
    except (UnicodeDecodeError, ValueError):
        return None, _("The statistics beacon is malformed.")
    names = [name for name, _value in fields]
    values = dict(fields)
    if len(names) != len(set(names)) or not set(names) <= {"p", "c"} or "p" not in values:
        return None, _("The statistics beacon is malformed.")
    page_id = values["p"]
    if not PAGE_ID.fullmatch(page_id) or int(page_id) > MAX_PAGE_ID:
        return None, _("The statistics beacon names no valid page.")
    if values.get("c", "1") != "1":
        return None, _("The statistics beacon is malformed.")
    return (int(page_id), "c" in values), None


def is_speculative(request):
    return any(
        "prefetch" in request.META.get(h, "").lower() or "prerender" in request.META.get(h, "").lower()
        for h in PREFETCH_HEADERS
    )


@csrf_exempt
def beacon(request):
    """Record one page view; answer the page's and the site's counters when asked (``c=1``).

    Everything that is not counted (bots, prefetches, other sites, pages that
    do not exist or are not live) gets the same empty 204 answer, and nothing
    is written. Malformed beacons get 400 with a message, and nothing is written.
    A visitor over ``ANALYTICS_BEACON_RATE_LIMIT`` beacons a minute gets 429, and
    nothing is written.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    # Before anything touches the database: a flood costs one cache increment a beacon.
    if is_limited(request, "beacon", bhxh_settings.ANALYTICS_BEACON_RATE_LIMIT):
        return too_many_beacons()
    parsed, error = parse_beacon(request)
    if error:
        return bad_request(error)
    page_id, wants_counters = parsed
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if (
        request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") == "cross-site"
        or is_speculative(request)
        or bots.is_bot(user_agent)
    ):
        return not_counted()
    page = find_live_page(page_id, request)
    if page is None:
        return not_counted()
    if not is_editor(request):
        now = timezone.now()
        address = client_address(request)
        record_view(page, visitor_pseudonym(address, user_agent, timezone.localdate(now)), now=now)
    if not wants_counters:
        return not_counted()
    response = JsonResponse({"views": page_views(page.pk), "site": site_counters(page.site_id).as_dict()})
    response["Cache-Control"] = "no-store"
    return response


class MethodologyView(TemplateView):
    """'Về số liệu truy cập': how the portal counts, generated from the settings in force."""

    template_name = "wagtail_bhxh_analytics/methodology.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = Site.find_for_request(self.request)
        latest = SiteDailyStats.objects.filter(site=site).order_by("-day").first() if site else None
        extra = list(bhxh_settings.ANALYTICS_EXTRA_BOT_PATTERNS)
        context.update(
            bhxh_base_template=bhxh_settings.BASE_TEMPLATE,
            window_minutes=bhxh_settings.ANALYTICS_WINDOW_MINUTES,
            online_minutes=bhxh_settings.ANALYTICS_ONLINE_MINUTES,
            retention_days=bhxh_settings.ANALYTICS_RETENTION_DAYS,
            exclude_editors=bhxh_settings.ANALYTICS_EXCLUDE_EDITORS,
            cache_seconds=bhxh_settings.ANALYTICS_COUNTER_CACHE_SECONDS,
            bot_pattern_count=len(bots.BOT_PATTERNS) + len(extra),
            extra_bot_patterns=extra,
            latest_seal=latest,
        )
        return context
