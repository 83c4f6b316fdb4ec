from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBhxhAnalyticsConfig(AppConfig):
    name = "wagtail_bhxh.analytics"
    label = "wagtail_bhxh_analytics"
    verbose_name = _("Visitor statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
