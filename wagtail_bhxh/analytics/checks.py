"""System checks of the visitor statistics app."""

from django.apps import apps
from django.conf import settings
from django.core import checks

from ..conf import bhxh_settings

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.compatibility)
def check_analytics(app_configs=None, **kwargs):
    errors = []
    if not apps.is_installed("wagtail_bhxh"):
        errors.append(
            checks.Error(
                "wagtail_bhxh.analytics needs wagtail_bhxh in INSTALLED_APPS.",
                id="wagtail_bhxh_analytics.E001",
            )
        )
    alias = bhxh_settings.ANALYTICS_SALT_CACHE
    caches = getattr(settings, "CACHES", {"default": {}})
    if alias not in caches:
        errors.append(
            checks.Error(
                f"WAGTAIL_BHXH['ANALYTICS_SALT_CACHE'] names the cache {alias!r}, which is not in CACHES.",
                hint="Name one of: " + ", ".join(sorted(caches)),
                id="wagtail_bhxh_analytics.E002",
            )
        )
    elif not settings.DEBUG and caches[alias].get("BACKEND") in PER_PROCESS_CACHES:
        errors.append(
            checks.Warning(
                f"The cache {alias!r} holding the visitor statistics' daily salt is private to each process.",
                hint=(
                    "With several worker processes a visitor gets one pseudonym per process, so reloads "
                    "may be counted again. Use Redis or Memcached (see the visitor statistics docs)."
                ),
                id="wagtail_bhxh_analytics.W001",
            )
        )
    return errors
