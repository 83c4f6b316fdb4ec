from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBhxhSpokespersonConfig(AppConfig):
    name = "wagtail_bhxh_spokesperson"
    label = "wagtail_bhxh_spokesperson"
    verbose_name = _("Spokesperson and press")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import Spokesperson
        from .templatetags.bhxh_spokesperson import forget_cached_cards

        post_save.connect(forget_cached_cards, sender=Spokesperson, dispatch_uid="bhxh_spokesperson_card_cache")
        post_delete.connect(forget_cached_cards, sender=Spokesperson, dispatch_uid="bhxh_spokesperson_card_cache_del")
