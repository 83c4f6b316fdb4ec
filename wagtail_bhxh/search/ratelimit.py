"""Per-visitor request limits kept in Django's cache (no raw IP address is stored).

A visitor is a keyed hash of the client address; counters live for one
minute in fixed windows. When the cache is unavailable nobody is limited.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "") or ""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
    return digest[:32]


def is_limited(request, scope: str, limit: int) -> bool:
    """Count this request; True when the visitor went over ``limit`` requests this minute."""
    if not limit:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    key = f"bhxh-search-rl:{scope}:{client_key(request)}:{window}"
    if cache.add(key, 1, WINDOW_SECONDS + 5):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS + 5)
        return False
    return count > limit
