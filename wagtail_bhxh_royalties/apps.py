from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBhxhRoyaltiesConfig(AppConfig):
    name = "wagtail_bhxh_royalties"
    label = "wagtail_bhxh_royalties"
    verbose_name = _("Royalties")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401  (registers checks and connects page_published)
