"""The visitor's daily pseudonym: a keyed hash of address and user agent.

The key (salt) is 32 random bytes made for each day, kept only in the cache
named by ``ANALYTICS_SALT_CACHE`` (and in each worker's memory) until the day
is over, and never written to the database or a log. Without it, a stored
pseudonym cannot be linked back to an address, nor to the same person on
another day. Neither the address nor the user agent is stored anywhere.
"""

import datetime
import hashlib
import secrets
import threading

from django.core.cache import caches

from ..conf import bhxh_settings
from ..ratelimit import client_address  # noqa: F401 - where the beacon and older imports find it

SALT_KEY = "bhxh-analytics:salt:{day}"
#: The salt outlives its day a little: late beacons of the day use it.
SALT_TIMEOUT = 26 * 3600

_local_salts: dict[str, bytes] = {}
_lock = threading.Lock()


def daily_salt(day: datetime.date) -> bytes:
    """The day's salt, made on first use; every worker sharing the cache gets the same one."""
    key = SALT_KEY.format(day=day.isoformat())
    salt = _local_salts.get(key)
    if salt is not None:
        return salt
    cache = caches[bhxh_settings.ANALYTICS_SALT_CACHE]
    # add() is atomic: of two workers racing on a new day, one salt wins.
    cache.add(key, secrets.token_bytes(32), SALT_TIMEOUT)
    salt = cache.get(key)
    if salt is None:  # a cache that stores nothing (DummyCache): keep it in this process
        salt = secrets.token_bytes(32)
    with _lock:
        # Forget other days' salts: the old day's key must not outlive it here either.
        for other in [k for k in _local_salts if k != key]:
            del _local_salts[other]
        _local_salts.setdefault(key, salt)
        return _local_salts[key]


def forget_salts():
    """Drop the salts this process holds (tests; a cache flush elsewhere)."""
    with _lock:
        _local_salts.clear()


def visitor_pseudonym(address: str, user_agent: str, day: datetime.date) -> int:
    """Signed 64-bit pseudonym of (address, user agent) under the day's salt."""
    digest = hashlib.blake2b(
        f"{address}\n{user_agent}".encode("utf-8", "replace"), key=daily_salt(day), digest_size=8
    ).digest()
    return int.from_bytes(digest, "big", signed=True)
