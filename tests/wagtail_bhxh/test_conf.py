import pytest
from django.core import checks

from wagtail_bhxh.checks import check_installed_apps, check_settings
from wagtail_bhxh.conf import bhxh_settings


def ids(messages):
    return [m.id for m in messages]


def test_defaults_apply_when_unset(settings):
    settings.WAGTAIL_BHXH = {}
    assert bhxh_settings.ITEMS_PER_PAGE == 12
    assert bhxh_settings.SEARCH_BACKEND == "database"


def test_host_values_override_defaults(settings):
    settings.WAGTAIL_BHXH = {"ITEMS_PER_PAGE": 30}
    assert bhxh_settings.ITEMS_PER_PAGE == 30


def test_unknown_attribute_is_an_error():
    with pytest.raises(AttributeError):
        bhxh_settings.NOT_A_SETTING  # noqa: B018


def test_valid_settings_pass_checks(settings):
    settings.WAGTAIL_BHXH = {"ITEMS_PER_PAGE": 20, "SHARE_NETWORKS": ["zalo"]}
    assert check_settings() == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("not a dict", "wagtail_bhxh.E001"),
        ({"ITEMS_PER_PAGE": 0}, "wagtail_bhxh.E002"),
        ({"ITEMS_PER_PAGE": "12"}, "wagtail_bhxh.E002"),
        ({"ITEMS_PER_PAGE": True}, "wagtail_bhxh.E002"),
        ({"SHARE_NETWORKS": ["myspace"]}, "wagtail_bhxh.E002"),
        ({"SEARCH_BACKEND": "solr"}, "wagtail_bhxh.E002"),
        ({"ITEMS_PR_PAGE": 10}, "wagtail_bhxh.W001"),
        ({"SEARCH_BACKEND": "elasticsearch"}, "wagtail_bhxh.E003"),
    ],
)
def test_invalid_settings_are_reported_with_their_key(settings, value, expected):
    settings.WAGTAIL_BHXH = value
    messages = check_settings()
    assert expected in ids(messages)
    if isinstance(value, dict):
        key = next(iter(value))
        assert any(key in m.msg for m in messages)


def test_invalid_value_message_says_what_was_expected(settings):
    settings.WAGTAIL_BHXH = {"ITEMS_PER_PAGE": 500}
    (error,) = check_settings()
    assert error.level == checks.ERROR
    assert "1 to 100" in error.hint


def test_missing_required_apps_are_named(monkeypatch):
    from django.apps import apps

    real_is_installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != "wagtail.contrib.table_block" and real_is_installed(name)
    )
    (error,) = check_installed_apps()
    assert error.id == "wagtail_bhxh.E004"
    assert "wagtail.contrib.table_block" in error.msg


def test_example_site_passes_all_checks():
    from django.core.management import call_command

    call_command("check", fail_level="WARNING")
