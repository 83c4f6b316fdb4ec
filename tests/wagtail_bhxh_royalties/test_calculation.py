"""Rules as data with effective dates, the coefficient formula, rounding, tax and amounts in words."""

import datetime
from decimal import Decimal

import pytest
from django.core import checks
from django.core.management import call_command
from django.test import override_settings

from wagtail_bhxh_royalties.calculation import Calculator, RuleBook, get_calculator, round_dong
from wagtail_bhxh_royalties.models import BaseSalary, CoefficientFrame, CoefficientUnit, RoyaltyEntry, WorkKind
from wagtail_bhxh_royalties.tax import get_tax_rule
from wagtail_bhxh_royalties.words import amount_in_words


@pytest.fixture
def seeded(db):
    call_command("bhxh_setup", verbosity=0)


def entry(kind="tin", on=datetime.date(2024, 8, 1), **fields):
    return RoyaltyEntry(
        kind=WorkKind.objects.get(code=kind),
        published_on=on,
        coefficient=fields.pop("coefficient", Decimal(5)),
        **fields,
    )


def test_seeded_rules(seeded):
    assert list(BaseSalary.objects.order_by("effective_from").values_list("effective_from", "amount")) == [
        (datetime.date(2023, 7, 1), Decimal(1_800_000)),
        (datetime.date(2024, 7, 1), Decimal(2_340_000)),
    ]
    maxima = dict(CoefficientFrame.objects.values_list("kind__code", "maximum"))
    assert maxima["tin"] == 10 and maxima["anh"] == 10
    assert maxima["chinh-luan"] == 30 and maxima["phong-su"] == 30 and maxima["nghien-cuu"] == 30
    assert maxima["truc-tuyen"] == 50 and maxima["video"] == 50
    assert CoefficientUnit.objects.get().percent == 10
    # Running setup again changes nothing and never overwrites an edited value.
    CoefficientFrame.objects.filter(kind__code="tin").update(minimum=2)
    call_command("bhxh_setup", verbosity=0)
    assert CoefficientFrame.objects.get(kind__code="tin").minimum == 2
    assert BaseSalary.objects.count() == 2


def test_rules_in_force_on_the_publication_date(seeded):
    calculator = get_calculator()
    assert calculator.amount(entry(on=datetime.date(2024, 6, 30))) == Decimal(900_000)  # 5 × 180,000
    assert calculator.amount(entry(on=datetime.date(2024, 7, 1))) == Decimal(1_170_000)  # 5 × 234,000


def test_mid_month_base_salary_change(seeded):
    BaseSalary.objects.create(effective_from=datetime.date(2025, 3, 15), amount=Decimal(2_500_000))
    calculator = get_calculator()
    assert calculator.amount(entry(on=datetime.date(2025, 3, 14))) == Decimal(1_170_000)
    assert calculator.amount(entry(on=datetime.date(2025, 3, 15))) == Decimal(1_250_000)


def test_later_frame_and_fixed_unit_value_apply_from_their_date(seeded):
    CoefficientUnit.objects.create(
        effective_from=datetime.date(2025, 1, 1), mode=CoefficientUnit.Mode.FIXED, fixed_amount=Decimal(250_000)
    )
    rules = RuleBook()
    assert rules.unit_value(datetime.date(2024, 12, 31)) == Decimal(234_000)
    assert rules.unit_value(datetime.date(2025, 1, 1)) == Decimal(250_000)
    tin = WorkKind.objects.get(code="tin")
    CoefficientFrame.objects.create(kind=tin, effective_from=datetime.date(2025, 1, 1), minimum=2, maximum=12)
    rules = RuleBook()
    assert rules.frame(tin.pk, datetime.date(2024, 12, 31)).maximum == 10
    assert rules.frame(tin.pk, datetime.date(2025, 1, 2)).maximum == 12


def test_modifiers_co_authors_translation_bonus_lump_sum(seeded):
    calculator = get_calculator()
    shares = [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    amounts = [calculator.amount(entry(coefficient=Decimal(10), share_percent=share)) for share in shares]
    # 10 × 234,000 = 2,340,000; each share rounded once.
    assert amounts == [Decimal(779_922), Decimal(779_922), Decimal(780_156)]
    assert calculator.amount(entry(translation_percent=Decimal(40))) == Decimal(468_000)
    assert calculator.amount(entry(translation_percent=Decimal(65))) == Decimal(760_500)
    assert calculator.amount(entry(bonus_percent=Decimal(20))) == Decimal(1_404_000)
    assert calculator.amount(entry(lump_sum=Decimal(3_000_000), share_percent=Decimal(50))) == Decimal(1_500_000)


def test_rounding_is_half_up_to_whole_dong_once(seeded):
    assert round_dong(Decimal("4.5")) == 5  # banker's rounding would give 4
    assert round_dong(Decimal("4.4999")) == 4
    CoefficientUnit.objects.create(
        effective_from=datetime.date(2026, 1, 1), mode=CoefficientUnit.Mode.FIXED, fixed_amount=Decimal(3)
    )
    # 1.5 × 3 đồng = 4.5 → 5; the share is applied before rounding, not after.
    calculator = get_calculator()
    assert calculator.amount(entry(on=datetime.date(2026, 1, 2), coefficient=Decimal("1.5"))) == 5
    value = calculator.amount(entry(on=datetime.date(2026, 1, 2), coefficient=Decimal("1.5"), share_percent=50))
    assert value == 2  # 2.25 → 2
    assert isinstance(value, Decimal)


class DoubleRegime(Calculator):
    """A test regime: a flat 100,000 đồng per coefficient point, whatever the base salary."""

    def unrounded(self, entry):
        return Decimal(100_000) * entry.coefficient * entry.share_percent / 100


def test_calculation_mode_is_pluggable(seeded):
    path = f"{__name__}.DoubleRegime"
    with override_settings(WAGTAIL_BHXH_ROYALTIES={"CALCULATOR": path}):
        assert get_calculator().amount(entry()) == Decimal(500_000)


def test_personal_income_tax_threshold():
    rule = get_tax_rule()
    assert rule.withholding(Decimal(1_999_999), is_staff_member=False) == 0
    assert rule.withholding(Decimal(2_000_000), is_staff_member=False) == Decimal(200_000)
    assert rule.withholding(Decimal(2_345_675), is_staff_member=False) == Decimal(234_568)
    assert rule.withholding(Decimal(5_000_000), is_staff_member=True) == 0
    with override_settings(WAGTAIL_BHXH_ROYALTIES={"PIT_WITHHOLD_FROM_STAFF": True, "PIT_THRESHOLD": 1_000_000}):
        assert get_tax_rule().withholding(Decimal(1_000_000), is_staff_member=True) == Decimal(100_000)


@pytest.mark.parametrize(
    "amount, words",
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (105, "Một trăm linh năm đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (1_234_567_890, "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng"),
    ],
)
def test_amount_in_vietnamese_words(amount, words):
    assert amount_in_words(amount) == words


def test_system_checks_reject_bad_settings():
    from wagtail_bhxh_royalties.checks import check_settings

    with override_settings(WAGTAIL_BHXH_ROYALTIES=["not", "a", "dict"]):
        assert [e.id for e in check_settings()] == ["wagtail_bhxh_royalties.E001"]
    with override_settings(WAGTAIL_BHXH_ROYALTIES={"PIT_RATE_PERCENT": 150}):
        assert [e.id for e in check_settings()] == ["wagtail_bhxh_royalties.E002"]
    with override_settings(WAGTAIL_BHXH_ROYALTIES={"CALCULATOR": "no.such.Calculator"}):
        assert [e.id for e in check_settings()] == ["wagtail_bhxh_royalties.E003"]
    with override_settings(WAGTAIL_BHXH_ROYALTIES={"TRANSLATION_DEFAULT_PERCENT": 80}):
        assert [e.id for e in check_settings()] == ["wagtail_bhxh_royalties.E004"]
    with override_settings(WAGTAIL_BHXH_ROYALTIES={"PIT_RATE": 10}):
        errors = check_settings()
        assert [e.id for e in errors] == ["wagtail_bhxh_royalties.W001"] and errors[0].level == checks.WARNING
