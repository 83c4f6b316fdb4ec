"""Settings of the example site served by gunicorn in bench/bench_beacon.py.

As in production: persistent database connections, a cache shared by the
worker processes (Redis when REDIS_URL is set, else files), the visitor's
address from X-Forwarded-For as a reverse proxy would set it, no access log.
"""

import os
import tempfile

from bench.settings import *  # noqa: F403

DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock up front (no upgrade deadlock).
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("BHXH_CACHE_PREFIX", "bhxh-bench"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("BHXH_BENCH_CACHE_DIR", os.path.join(tempfile.gettempdir(), "bhxh-bench-cache")),
        }
    }

WAGTAIL_BHXH = {
    **WAGTAIL_BHXH,  # noqa: F405
    "ANALYTICS_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
    "ANALYTICS_TRUSTED_PROXIES": 1,
    # The load comes from distinct visitors (one or two beacons each), so the production
    # limit stays on and is measured with the rest; BHXH_BENCH_BEACON_RATE_LIMIT=0 leaves it out.
    "ANALYTICS_BEACON_RATE_LIMIT": int(os.environ.get("BHXH_BENCH_BEACON_RATE_LIMIT", "240")),
}
