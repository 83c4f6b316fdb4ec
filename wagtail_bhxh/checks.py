"""System checks for the suite's settings and installation.

Every app of the suite validates its own settings dict with
:func:`check_app_settings`, so a mistake in ``WAGTAIL_BHXH`` is reported by
``manage.py check`` with the key, the value found and what was expected.
"""

from django.apps import apps
from django.conf import settings
from django.core import checks

from .conf import AppSettings, bhxh_settings

# Apps the core needs beside itself (see docs/installation.md).
REQUIRED_APPS = (
    "wagtail",
    "wagtail.admin",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "taggit",
    "modelcluster",
)


def check_app_settings(app_settings: AppSettings, app_label: str):
    """Validate one settings dict: type, unknown keys and each value."""
    errors = []
    raw = getattr(settings, app_settings.setting_name, None)
    if raw is None:
        return errors
    if not isinstance(raw, dict):
        errors.append(
            checks.Error(
                f"{app_settings.setting_name} must be a dict, not {type(raw).__name__}.",
                hint=f"Set {app_settings.setting_name} = {{...}} in your settings.",
                id=f"{app_label}.E001",
            )
        )
        return errors
    for key, value in raw.items():
        definition = app_settings.definitions.get(key)
        if definition is None:
            errors.append(
                checks.Warning(
                    f"{app_settings.setting_name}[{key!r}] is not a known setting and is ignored.",
                    hint="Known settings: " + ", ".join(sorted(app_settings.definitions)),
                    id=f"{app_label}.W001",
                )
            )
        elif not definition.is_valid(value):
            errors.append(
                checks.Error(
                    f"{app_settings.setting_name}[{key!r}] = {value!r} is invalid.",
                    hint=f"Expected {definition.expected or 'a valid value'}. {definition.help}",
                    id=f"{app_label}.E002",
                )
            )
    return errors


@checks.register(checks.Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    errors = check_app_settings(bhxh_settings, "wagtail_bhxh")
    if bhxh_settings.SEARCH_BACKEND == "elasticsearch" and not bhxh_settings.ELASTICSEARCH_URL:
        errors.append(
            checks.Error(
                "WAGTAIL_BHXH['SEARCH_BACKEND'] is 'elasticsearch' but no ELASTICSEARCH_URL is set.",
                hint="Set WAGTAIL_BHXH['ELASTICSEARCH_URL'] to your cluster's URL, or use the 'database' backend.",
                id="wagtail_bhxh.E003",
            )
        )
    return errors


@checks.register(checks.Tags.compatibility)
def check_standards_configuration(app_configs=None, **kwargs):
    """WAGTAIL_BHXH["STANDARDS"] names known checks with valid options."""
    from .standards import registry

    return [
        checks.Error(
            f"WAGTAIL_BHXH['STANDARDS']: {problem}.",
            hint="See 'Adding a check' in the documentation for each check's options.",
            id="wagtail_bhxh.E005",
        )
        for problem in registry.configuration_problems()
    ]


@checks.register(checks.Tags.compatibility)
def check_app_order(app_configs=None, **kwargs):
    """The suite's templates extend some of Wagtail's admin templates (the checks panel)."""
    names = [config.name for config in apps.get_app_configs()]
    if "wagtail.admin" in names and names.index("wagtail_bhxh") > names.index("wagtail.admin"):
        return [
            checks.Warning(
                "wagtail_bhxh comes after wagtail.admin in INSTALLED_APPS, so the page editor's "
                "Checks panel does not show the content standards.",
                hint="Move 'wagtail_bhxh' before 'wagtail.admin'.",
                id="wagtail_bhxh.W002",
            )
        ]
    return []


@checks.register(checks.Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    missing = [name for name in REQUIRED_APPS if not apps.is_installed(name)]
    if not missing:
        return []
    return [
        checks.Error(
            "wagtail_bhxh needs these apps in INSTALLED_APPS: " + ", ".join(missing) + ".",
            hint="See 'Installing into an existing site' in the documentation.",
            id="wagtail_bhxh.E004",
        )
    ]
