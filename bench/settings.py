"""Settings for benchmarks: the example site with production-like options."""

from example_site.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}

# The stock Wagtail baseline the page benchmarks compare against (tables by migrate --run-syncdb).
INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline"]  # noqa: F405
