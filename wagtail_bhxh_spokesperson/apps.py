from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBhxhSpokespersonConfig(AppConfig):
    name = "wagtail_bhxh_spokesperson"
    label = "wagtail_bhxh_spokesperson"
    verbose_name = _("Spokesperson and press")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401
