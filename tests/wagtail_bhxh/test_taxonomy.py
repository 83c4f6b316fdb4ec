import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import OccasionFactory
from wagtail_bhxh.models import Occasion, PolicyArea
from wagtail_bhxh.models.taxonomy import lunar_date_to_solar

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "year, expected",
    [
        # Vietnamese Tết; 2007 and 1985 differ from the Chinese calendar.
        (2025, datetime.date(2025, 1, 29)),
        (2026, datetime.date(2026, 2, 17)),
        (2027, datetime.date(2027, 2, 6)),
        (2007, datetime.date(2007, 2, 17)),
        (1985, datetime.date(1985, 1, 21)),
    ],
)
def test_tet_falls_on_the_vietnamese_lunar_new_year(year, expected):
    tet = OccasionFactory(calendar="lunar", month=1, day=1)
    assert tet.date_in(year) == expected


def test_lunar_day_30_of_a_short_month_falls_back_to_its_last_day():
    # Lunar month 12 of 2026 has 29 days: the eve of Tết 2027 is 5 February.
    assert lunar_date_to_solar(2026, 12, 30) == datetime.date(2027, 2, 5)


def test_solar_occasion_and_next_date():
    health_insurance_day = OccasionFactory(calendar="solar", month=7, day=1, lead_days=30)
    assert health_insurance_day.next_date(datetime.date(2026, 6, 15)) == datetime.date(2026, 7, 1)
    assert health_insurance_day.next_date(datetime.date(2026, 7, 2)) == datetime.date(2027, 7, 1)
    assert health_insurance_day.next_date(datetime.date(2026, 7, 1)) == datetime.date(2026, 7, 1)
    assert health_insurance_day.is_upcoming(datetime.date(2026, 6, 15))
    assert not health_insurance_day.is_upcoming(datetime.date(2026, 5, 1))


def test_29_february_falls_on_28_in_common_years():
    occasion = OccasionFactory(calendar="solar", month=2, day=29)
    assert occasion.date_in(2027) == datetime.date(2027, 2, 28)
    assert occasion.date_in(2028) == datetime.date(2028, 2, 29)


@pytest.mark.parametrize(
    "calendar, month, day",
    [("solar", 2, 30), ("solar", 4, 31), ("lunar", 1, 31)],
)
def test_impossible_dates_are_refused(calendar, month, day):
    occasion = Occasion(name="Sai", slug="sai", calendar=calendar, month=month, day=day)
    with pytest.raises(ValidationError) as error:
        occasion.full_clean()
    assert "day" in error.value.message_dict


def test_slug_is_made_from_a_vietnamese_name():
    area = PolicyArea.objects.create(name="Bảo hiểm thất nghiệp đặc biệt")
    assert area.slug == "bao-hiem-that-nghiep-dac-biet"
