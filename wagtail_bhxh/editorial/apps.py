from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBhxhEditorialConfig(AppConfig):
    name = "wagtail_bhxh.editorial"
    label = "wagtail_bhxh_editorial"
    verbose_name = _("Editorial planning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
