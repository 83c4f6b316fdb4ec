"""Which clients are not people: the maintained list of bot user agents.

A client is a bot when its user agent is empty or contains one of
:data:`BOT_PATTERNS` (case-insensitive), or one of the site's own
``WAGTAIL_BHXH["ANALYTICS_EXTRA_BOT_PATTERNS"]``. Most crawlers never run
JavaScript and so never send a beacon; this list catches those that do
(headless browsers, link previewers, monitoring and speed tools) and
scripts that post beacons directly.

Patterns are substrings, not regular expressions, so a site's addition
cannot break matching or make it slow. Keep additions specific: "bot"
already covers Googlebot, bingbot, coccocbot, YandexBot, AhrefsBot...
"""

import re
from functools import lru_cache

from ..conf import bhxh_settings

BOT_PATTERNS = (
    # Generic words in crawler names.
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "scraper",
    "indexer",
    # Search engines and link previews whose names lack those words.
    "mediapartners-google",
    "adsbot",
    "google-inspectiontool",
    "googleother",
    "feedfetcher",
    "bingpreview",
    "yahoo! slurp",
    "baiduspider",
    "sogou",
    "exabot",
    "facebookexternalhit",
    "facebookcatalog",
    "meta-externalagent",
    "linkedinshare",
    "embedly",
    "whatsapp",
    "skypeuripreview",
    "vkshare",
    "w3c_validator",
    "validator.nu",
    # Headless browsers and automation.
    "headlesschrome",
    "phantomjs",
    "puppeteer",
    "playwright",
    "selenium",
    "webdriver",
    "electron",
    # Speed, uptime and SEO tools.
    "lighthouse",
    "chrome-lighthouse",
    "pagespeed",
    "gtmetrix",
    "pingdom",
    "uptime",
    "statuscake",
    "site24x7",
    "newrelicpinger",
    "datadog",
    "monitor",
    "semrush",
    "ahrefs",
    "mj12",
    "dotbot",
    "screaming frog",
    # HTTP libraries and command-line clients.
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "python-httpx",
    "aiohttp",
    "httpclient",
    "okhttp",
    "go-http-client",
    "java/",
    "libwww-perl",
    "node-fetch",
    "axios/",
    "undici",
    "postmanruntime",
    "insomnia",
    "httpie",
    "scrapy",
    "nutch",
    "heritrix",
)


@lru_cache(maxsize=8)
def _compile(extra: tuple[str, ...]):
    fragments = sorted({p.strip().lower() for p in (*BOT_PATTERNS, *extra) if p.strip()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(fragment) for fragment in fragments))


def is_bot(user_agent: str) -> bool:
    """True for an empty user agent or one matching the bot list."""
    if not user_agent or not user_agent.strip():
        return True
    pattern = _compile(tuple(bhxh_settings.ANALYTICS_EXTRA_BOT_PATTERNS))
    return pattern.search(user_agent.lower()) is not None
