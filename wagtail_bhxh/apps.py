from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBhxhConfig(AppConfig):
    name = "wagtail_bhxh"
    label = "wagtail_bhxh"
    verbose_name = _("BHXH portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .fragment_cache import register_signal_handlers as register_fragment_invalidation
        from .http_cache import register_signal_handlers as register_cache_purges
        from .moderation.signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_cache_purges()
        register_fragment_invalidation()
