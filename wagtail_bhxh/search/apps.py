from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBhxhSearchConfig(AppConfig):
    name = "wagtail_bhxh.search"
    label = "wagtail_bhxh_search"
    verbose_name = _("Portal search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
