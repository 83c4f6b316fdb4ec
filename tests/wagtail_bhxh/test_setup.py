import pytest
from django.core.management import call_command
from wagtail.models import Locale

from wagtail_bhxh.models import Occasion, PolicyArea

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Locale.objects.values_list("language_code", flat=True)),
        sorted(PolicyArea.objects.values_list("slug", "name", "short_name")),
        sorted(Occasion.objects.values_list("slug", "name", "calendar", "month", "day", "lead_days")),
    )


def test_setup_creates_locales_policy_areas_and_occasions():
    call_command("bhxh_setup", verbosity=0)
    locales, areas, occasions = snapshot()
    assert locales == ["en", "vi"]
    assert ("bhyt", "Bảo hiểm y tế", "BHYT") in areas
    assert ("tet-nguyen-dan", "Tết Nguyên đán", "lunar", 1, 1, 30) in occasions


def test_setup_twice_changes_nothing():
    call_command("bhxh_setup", verbosity=0)
    first = snapshot()
    call_command("bhxh_setup", verbosity=0)
    assert snapshot() == first


def test_setup_keeps_what_editors_changed():
    call_command("bhxh_setup", verbosity=0)
    area = PolicyArea.objects.get(slug="bhyt")
    area.name = "BHYT toàn dân"
    area.save()
    Occasion.objects.get(slug="tet-trung-thu").delete()
    call_command("bhxh_setup", verbosity=0)
    assert PolicyArea.objects.get(slug="bhyt").name == "BHYT toàn dân"
    assert PolicyArea.objects.filter(name="Bảo hiểm y tế").count() == 0
