"""Settings for the test suite: fast, isolated, same apps as the example site."""

import os

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Large enough that renditions cached by Wagtail do not evict the site root paths.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 100_000}}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# MEDIA_ROOT is replaced by a temporary directory per test (tests/conftest.py).

if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}  # noqa: F405

# Page types that extend the suite's, as a province's developers would.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405

# The tests run in one process, where a local-memory cache holds the statistics' daily salt well.
SILENCED_SYSTEM_CHECKS = ["wagtail_bhxh_analytics.W001"]
