from django.apps import AppConfig


class WagtailViConfig(AppConfig):
    name = "wagtail_bhxh.wagtail_vi"
    label = "wagtail_bhxh_wagtail_vi"
    # Not translated: the app has no screens, and its catalogue holds only Wagtail's own messages.
    verbose_name = "Wagtail admin in Vietnamese"
