"""Per-visitor request limits kept in Django's cache; no raw IP address is stored.

Used by the public endpoints anyone can call without logging in: search, the
search API, autocomplete (``wagtail_bhxh.search``) and the view beacon
(``wagtail_bhxh.analytics``). A visitor is a salted hash of the client address,
read from the same request header as the visitor statistics
(``ANALYTICS_CLIENT_IP_HEADER``, so behind a reverse proxy each visitor is
limited on their own, not the proxy as a whole). Counters live for one minute
in fixed windows. When the cache is unavailable nobody is limited.
"""

import hashlib
import hmac
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

from .conf import bhxh_settings

WINDOW_SECONDS = 60
#: Separates these hashes from any other use of SECRET_KEY as a key.
SALT = b"wagtail_bhxh.ratelimit:"


def client_address(request) -> str:
    """The visitor's address as ``ANALYTICS_CLIENT_IP_HEADER`` gives it, or "" when unusable."""
    header = bhxh_settings.ANALYTICS_CLIENT_IP_HEADER
    raw = request.META.get(header, "")
    if header == "HTTP_X_FORWARDED_FOR":
        hops = [hop.strip() for hop in raw.split(",") if hop.strip()]
        # Each trusted proxy appends the address it received the request from;
        # entries further left were written by the client and may be forged.
        index = len(hops) - bhxh_settings.ANALYTICS_TRUSTED_PROXIES
        raw = hops[index] if 0 <= index < len(hops) else ""
    raw = raw.strip()[:64]
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return ""


def client_key(request) -> str:
    """A salted hash of the visitor's address (the connection's own address when the header has none)."""
    address = client_address(request) or request.META.get("REMOTE_ADDR", "") or ""
    digest = hmac.new(SALT + settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
    return digest[:32]


def is_limited(request, scope: str, limit: int) -> bool:
    """Count this request; True when the visitor went over ``limit`` requests of ``scope`` this minute.

    ``limit`` 0 turns the limit off.
    """
    if not limit:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    key = f"bhxh-rl:{scope}:{client_key(request)}:{window}"
    if cache.add(key, 1, WINDOW_SECONDS + 5):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS + 5)
        return False
    return count > limit
