"""System checks of the spokesperson app's settings (``wagtail_bhxh_spokesperson.E001`` and onwards)."""

from django.core import checks

from wagtail_bhxh.checks import check_app_settings

from .conf import spokesperson_settings


@checks.register(checks.Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    return check_app_settings(spokesperson_settings, "wagtail_bhxh_spokesperson")
