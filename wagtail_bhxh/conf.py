"""Every setting of ``wagtail_bhxh``, with its default, in one place.

A host site configures the suite with one dict per app in its Django
settings (``WAGTAIL_BHXH``, ``WAGTAIL_BHXH_ROYALTIES``,
``WAGTAIL_BHXH_SPOKESPERSON``). Every key is optional. Code reads settings
only through the :class:`AppSettings` objects defined by each app's
``conf.py``, and the values are validated by system checks
(``wagtail_bhxh.E001`` and onwards, see ``checks.py``).
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings


@dataclass(frozen=True)
class Setting:
    """One documented setting: its default, a validator and a description."""

    default: Any
    help: str
    validate: Callable[[Any], bool] | None = None
    expected: str = ""
    choices: tuple = field(default=())

    def is_valid(self, value) -> bool:
        if self.choices and value not in self.choices:
            return False
        return self.validate(value) if self.validate else True


def positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def non_negative_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def non_empty_str(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def optional_str(value) -> bool:
    return value is None or isinstance(value, str)


def str_sequence(value) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def model_label_sequence(value) -> bool:
    """A list of "app_label.ModelName" strings."""
    return str_sequence(value) and all(v.count(".") == 1 and all(v.split(".")) for v in value)


def standards_config(value) -> bool:
    """{check code: {option: value}}; the checks themselves validate their options."""
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, dict) for k, v in value.items())


class AppSettings:
    """Read-through view of one settings dict merged over its defaults.

    Values are looked up on every access so ``override_settings`` in tests
    and settings changed at runtime are always honoured.
    """

    def __init__(self, setting_name: str, definitions: Mapping[str, Setting]):
        self.setting_name = setting_name
        self.definitions = dict(definitions)

    @property
    def user_settings(self) -> dict:
        value = getattr(settings, self.setting_name, None)
        return value if isinstance(value, dict) else {}

    def __getattr__(self, name):
        definitions = self.__dict__.get("definitions", {})
        if name not in definitions:
            raise AttributeError(f"{self.setting_name} has no setting {name!r}")
        return self.user_settings.get(name, definitions[name].default)

    def __iter__(self):
        return iter(self.definitions)


SHARE_NETWORK_CHOICES = ("facebook", "zalo", "x", "linkedin", "email")

DEFINITIONS = {
    # --- Public site -------------------------------------------------------
    "BASE_TEMPLATE": Setting(
        "wagtail_bhxh/base.html",
        "Template every public page of the suite extends. Point it at your "
        "site's base template; it must define the blocks ``title``, "
        "``meta`` and ``content``.",
        non_empty_str,
        "a template name",
    ),
    "ITEMS_PER_PAGE": Setting(
        12,
        "Items per page on the news, media and legal document listings.",
        lambda v: positive_int(v) and v <= 100,
        "an integer from 1 to 100",
    ),
    "SHARE_NETWORKS": Setting(
        ("facebook", "zalo"),
        "Share links shown under articles, in order. Any of " + ", ".join(SHARE_NETWORK_CHOICES) + ".",
        lambda v: str_sequence(v) and set(v) <= set(SHARE_NETWORK_CHOICES),
        "a list drawn from " + ", ".join(SHARE_NETWORK_CHOICES),
    ),
    "RSS_ITEMS": Setting(
        30,
        "Number of items in the RSS feed of latest news (/rss/).",
        lambda v: positive_int(v) and v <= 200,
        "an integer from 1 to 200",
    ),
    "HOME_LATEST_NEWS": Setting(
        8,
        "Latest news items on the portal home page.",
        lambda v: positive_int(v) and v <= 50,
        "an integer from 1 to 50",
    ),
    # --- HTTP caching (wagtail_bhxh.http_cache) -------------------------------
    "PUBLIC_CACHE_MAX_AGE": Setting(
        300,
        "Seconds front-end (shared) caches may keep a public page shown to an "
        "anonymous visitor (``Cache-Control: public, max-age=0, s-maxage``); the "
        "suite purges them on publish, unpublish and takedown. Browsers always "
        "revalidate (cheap with the ETag), so a takedown reaches every reader at "
        "once. 0: shared caches revalidate too. Logged-in editors and previews "
        "always get ``private, no-store``.",
        lambda v: non_negative_int(v) and v <= 86400,
        "an integer from 0 to 86400",
    ),
    "FRAGMENT_CACHE_SECONDS": Setting(
        3600,
        "Seconds the default cache keeps what every public page shares (portal settings, main "
        "menu, breadcrumbs, partner links, translations, notices, view restrictions; see "
        "``wagtail_bhxh.fragment_cache``). Any edit of what they show clears them all at once in a "
        "cache shared by all processes (Redis, Memcached). 0 turns the cache off.",
        lambda v: non_negative_int(v) and v <= 86400,
        "an integer from 0 to 86400",
    ),
    "PUBLIC_ETAGS": Setting(
        True,
        "Send an ETag with public pages and answer 304 Not Modified when the visitor's copy is current.",
        lambda v: isinstance(v, bool),
        "True or False",
    ),
    # --- Organisation --------------------------------------------------------
    "ORGANISATION_REVIEW_DAYS": Setting(
        180,
        "An organisation page whose 'last reviewed' date is older than this "
        "many days is flagged in the admin as overdue for review.",
        positive_int,
        "a positive integer",
    ),
    # --- Search ---------------------------------------------------------------
    "SEARCH_BACKEND": Setting(
        "database",
        "Search backend of the public search and the JSON API: "
        "``database`` (SQLite or PostgreSQL, no server) or ``elasticsearch``.",
        expected="'database' or 'elasticsearch'",
        choices=("database", "elasticsearch"),
    ),
    "ELASTICSEARCH_URL": Setting(
        "",
        "URL of the Elasticsearch cluster (used when SEARCH_BACKEND is ``elasticsearch``).",
        optional_str,
        "a URL string",
    ),
    "ELASTICSEARCH_INDEX": Setting(
        "wagtail_bhxh",
        "Name of the Elasticsearch alias the portal searches. Each rebuild "
        "creates an index ``<name>-<timestamp>`` and moves the alias to it.",
        lambda v: isinstance(v, str) and bool(re.fullmatch(r"[a-z0-9][a-z0-9_.]{0,200}", v)),
        "lower-case letters, digits, '_' and '.'",
    ),
    "ELASTICSEARCH_OPTIONS": Setting(
        {},
        "Keyword arguments for the ``elasticsearch.Elasticsearch`` client, "
        "e.g. ``{'api_key': '…', 'ca_certs': '/path/ca.crt', 'request_timeout': 10}``.",
        lambda v: isinstance(v, dict) and all(isinstance(k, str) for k in v),
        "a dict of client options",
    ),
    "SEARCH_SYNONYMS_FILES": Setting(
        (),
        "Extra synonym files for search (paths), same format as "
        "``wagtail_bhxh/search/data/abbreviations.txt``: one group a line, "
        "entries separated by commas, ``#`` starts a comment.",
        str_sequence,
        "a list of file paths",
    ),
    "SEARCH_RATE_LIMIT": Setting(
        60,
        "Searches a visitor may run per minute on the public search page and "
        "the JSON API; more are answered 429. 0 turns the limit off.",
        non_negative_int,
        "a non-negative integer",
    ),
    "SEARCH_CACHE_SECONDS": Setting(
        600,
        "Seconds the default cache keeps the results of a search (words, filters, sort and page), "
        "so the query everyone types after a policy change is searched once. Any change of the "
        "index (a page published, unpublished or taken down, a rebuild) clears them at once. "
        "Only the ``database`` backend is cached; 0 turns the cache off.",
        lambda v: non_negative_int(v) and v <= 86400,
        "an integer from 0 to 86400",
    ),
    "SEARCH_AUTOCOMPLETE_RATE_LIMIT": Setting(
        240,
        "Autocomplete requests a visitor may send per minute; 0 turns the limit off.",
        non_negative_int,
        "a non-negative integer",
    ),
    # --- Visitor statistics (wagtail_bhxh.analytics) --------------------------
    # Read only by wagtail_bhxh.analytics; see docs/explanation/visitor-statistics.md.
    "ANALYTICS_WINDOW_MINUTES": Setting(
        30,
        "A visitor's views of one page count once per this many minutes: reloads "
        "and returns within the window are not counted again.",
        lambda v: positive_int(v) and v <= 24 * 60,
        "an integer from 1 to 1440",
    ),
    "ANALYTICS_ONLINE_MINUTES": Setting(
        5,
        "Visitors seen in the last this many minutes count as 'online now'.",
        lambda v: positive_int(v) and v <= 60,
        "an integer from 1 to 60",
    ),
    "ANALYTICS_RETENTION_DAYS": Setting(
        30,
        "Days the raw per-visitor rows (a daily pseudonym, a page, times, a count) "
        "are kept after their day has been sealed; ``manage.py bhxh_aggregate_stats`` "
        "deletes older ones. Sealed daily totals are kept for good.",
        lambda v: positive_int(v) and v <= 366,
        "an integer from 1 to 366",
    ),
    "ANALYTICS_EXCLUDE_EDITORS": Setting(
        True,
        "Do not count views by logged-in users who may use the Wagtail admin (editors, administrators).",
        lambda v: isinstance(v, bool),
        "True or False",
    ),
    "ANALYTICS_EXTRA_BOT_PATTERNS": Setting(
        (),
        "Extra fragments of user agents to treat as bots (case-insensitive "
        "substrings), added to the suite's maintained list.",
        lambda v: str_sequence(v) and all(item.strip() for item in v),
        "a list of non-empty strings",
    ),
    "ANALYTICS_SALT_CACHE": Setting(
        "default",
        "Cache alias (from CACHES) that holds the day's random salt of the visitor "
        "pseudonyms. It is never written to the database. Use a cache shared by "
        "all worker processes (Redis, Memcached) so a visitor has one pseudonym a day.",
        non_empty_str,
        "a cache alias",
    ),
    "ANALYTICS_CLIENT_IP_HEADER": Setting(
        "REMOTE_ADDR",
        "Request META key holding the visitor's address, e.g. ``HTTP_X_FORWARDED_FOR`` "
        "or ``HTTP_X_REAL_IP`` behind a reverse proxy; the visitor statistics and the rate "
        "limits of search, autocomplete and the beacon read it. The address is only hashed, never stored.",
        non_empty_str,
        "a request.META key",
    ),
    "ANALYTICS_TRUSTED_PROXIES": Setting(
        1,
        "With ``HTTP_X_FORWARDED_FOR``: how many proxies of your own append to the "
        "header; the address they received the request from is used (forged entries "
        "a client adds in front are ignored).",
        positive_int,
        "a positive integer",
    ),
    "ANALYTICS_BEACON_RATE_LIMIT": Setting(
        240,
        "View beacons a visitor (one address, hashed) may send per minute; more are "
        "answered 429 and not counted. A person sends one per page read, so the default "
        "leaves room for many people behind one carrier-grade NAT; 0 turns the limit off.",
        non_negative_int,
        "a non-negative integer",
    ),
    "ANALYTICS_SHOW_SITE_COUNTER": Setting(
        True,
        "Show the visitor counter (online now, today, this month, total) in the footer of the suite's public pages.",
        lambda v: isinstance(v, bool),
        "True or False",
    ),
    "ANALYTICS_SHOW_VIEW_COUNT": Setting(
        True,
        "Show each content page's number of views beside its date.",
        lambda v: isinstance(v, bool),
        "True or False",
    ),
    "ANALYTICS_COUNTER_CACHE_SECONDS": Setting(
        60,
        "How long the public counters are cached before they are read from the database again.",
        lambda v: non_negative_int(v) and v <= 3600,
        "an integer from 0 to 3600",
    ),
    # --- Decision 2474: editorial process -----------------------------------
    "HEAD_APPROVAL_TOPICS": Setting(
        (),
        "Slugs of topics (chuyên đề) whose items always need the approval of "
        "the head of the editorial board, as if marked sensitive.",
        str_sequence,
        "a list of topic slugs",
    ),
    "HEAD_APPROVAL_POLICY_AREAS": Setting(
        (),
        "Slugs of policy areas whose items always need the head's approval.",
        str_sequence,
        "a list of policy area slugs",
    ),
    "HEAD_APPROVAL_PAGE_TYPES": Setting(
        (),
        "Page types that always need the head's approval, as "
        '``"app_label.ModelName"`` (e.g. ``"wagtail_bhxh.LegalDocumentPage"``); '
        "subclasses are included.",
        model_label_sequence,
        'a list of "app_label.ModelName" strings',
    ),
    "STANDARDS": Setting(
        {},
        "Configuration of the content and form standards checks, by check code: "
        '``{"title_length": {"max_chars": 120}, "abbreviations": {"level": "error"}, '
        '"external_links": {"enabled": False}}``. Every check takes ``enabled`` and '
        '``level`` (``"error"`` or ``"warning"``); see "Adding a check" for the options of each.',
        standards_config,
        "a dict of dicts",
    ),
    "TAKEDOWN_EVIDENCE_MAX_MB": Setting(
        10,
        "Largest evidence file (in megabytes) accepted with a takedown request.",
        lambda v: positive_int(v) and v <= 100,
        "an integer from 1 to 100",
    ),
    "CONTENT_SECURITY_POLICY": Setting(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "img-src": ["'self'", "data:", "https:"],
            "media-src": ["'self'", "https:"],
            "font-src": ["'self'"],
            # The view counter's beacon posts to the portal itself.
            "connect-src": ["'self'"],
            # Video embeds.
            "frame-src": [
                "https://www.youtube.com",
                "https://www.youtube-nocookie.com",
                "https://player.vimeo.com",
                "https://www.facebook.com",
            ],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        },
        "Content-Security-Policy sent with the suite's public pages, as ``{directive: [sources]}``; "
        "``{}`` sends none. Add the hosts of other video services to ``frame-src`` and of a media "
        "CDN to ``img-src``/``media-src``.",
        lambda v: (
            isinstance(v, dict) and all(isinstance(k, str) and k.strip() and str_sequence(s) for k, s in v.items())
        ),
        "a dict of directive names to lists of sources",
    ),
    "CONTENT_SECURITY_POLICY_REPORT_ONLY": Setting(
        False,
        "Send the policy as ``Content-Security-Policy-Report-Only`` (to try it out) instead of enforcing it.",
        lambda v: isinstance(v, bool),
        "True or False",
    ),
    "DOCUMENT_MAX_UPLOAD_MB": Setting(
        50,
        "Largest document (in megabytes) an editor may upload; its content must also match its extension.",
        lambda v: positive_int(v) and v <= 2048,
        "an integer from 1 to 2048",
    ),
    "TAKEDOWN_EVIDENCE_TYPES": Setting(
        ("pdf", "jpeg", "png", "docx", "doc"),
        "Kinds of evidence file accepted with a takedown request, recognised by their "
        "content, not their name: any of pdf, jpeg, png, docx, doc, odt.",
        lambda v: str_sequence(v) and bool(v) and set(v) <= {"pdf", "jpeg", "png", "docx", "doc", "odt"},
        "a non-empty list drawn from pdf, jpeg, png, docx, doc, odt",
    ),
    # --- Editorial planning (wagtail_bhxh.editorial) -------------------------
    "EDITORIAL_CENTRAL_EMAIL": Setting(
        "congthongtindientu@vss.gov.vn",
        "Address of the editorial board of Vietnam Social Insurance's central portal, "
        "to which the quarterly model articles are emailed (Dispatch 3216).",
        lambda v: isinstance(v, str) and v.count("@") == 1 and all(v.split("@")),
        "an email address",
    ),
    "EDITORIAL_REMINDER_PERCENT": Setting(
        60,
        "Once two thirds of a month are gone, the head of the editorial board is emailed "
        "if any kind of item is below this percentage of its monthly target.",
        lambda v: positive_int(v) and v <= 100,
        "an integer from 1 to 100",
    ),
    "EDITORIAL_SEND_ATTEMPTS": Setting(
        3,
        "How many times ``manage.py bhxh_send_nominations`` tries to email a nomination "
        "before leaving it failed for a person to look at.",
        lambda v: positive_int(v) and v <= 20,
        "an integer from 1 to 20",
    ),
}

bhxh_settings = AppSettings("WAGTAIL_BHXH", DEFINITIONS)
