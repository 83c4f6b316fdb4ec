"""System checks of the royalties app (``wagtail_bhxh_royalties.E001`` onwards)."""

from django.core import checks
from django.utils.module_loading import import_string

from wagtail_bhxh.checks import check_app_settings

from .conf import royalty_settings


@checks.register(checks.Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    """E001/E002/W001 as the core's; E003 an unimportable calculator or tax rule; E004 translation range."""
    errors = check_app_settings(royalty_settings, "wagtail_bhxh_royalties")
    if errors:
        return errors
    for name in ("CALCULATOR", "TAX_RULE"):
        path = getattr(royalty_settings, name)
        try:
            import_string(path)
        except ImportError as error:
            errors.append(
                checks.Error(
                    f"WAGTAIL_BHXH_ROYALTIES[{name!r}] = {path!r} cannot be imported: {error}",
                    hint="Give the dotted path of a class in an installed module.",
                    id="wagtail_bhxh_royalties.E003",
                )
            )
    low, high = royalty_settings.TRANSLATION_MIN_PERCENT, royalty_settings.TRANSLATION_MAX_PERCENT
    if not low <= royalty_settings.TRANSLATION_DEFAULT_PERCENT <= high:
        errors.append(
            checks.Error(
                "WAGTAIL_BHXH_ROYALTIES: TRANSLATION_DEFAULT_PERCENT must lie between "
                "TRANSLATION_MIN_PERCENT and TRANSLATION_MAX_PERCENT.",
                id="wagtail_bhxh_royalties.E004",
            )
        )
    return errors
