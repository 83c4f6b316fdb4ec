"""Every setting of ``wagtail_bhxh_royalties``, with its default, in one place.

The host site sets ``WAGTAIL_BHXH_ROYALTIES = {...}``; every key is optional.
Values are validated by the system checks ``wagtail_bhxh_royalties.E001``
onwards (see ``checks.py``). Rates that change with the law (base salary,
coefficient frames, the value of one coefficient unit) are *data* edited in
the admin, not settings.
"""

from wagtail_bhxh.conf import AppSettings, Setting, non_empty_str, positive_int


def _percent(low, high):
    def validate(value):
        return isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high

    return validate


def _dotted_path(value):
    return isinstance(value, str) and "." in value and all(value.split("."))


def _kind_map(value):
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) and v for k, v in value.items())


DEFINITIONS = {
    "CALCULATOR": Setting(
        "wagtail_bhxh_royalties.calculation.CoefficientCalculator",
        "Dotted path of the class that turns an entry into an amount. The default applies "
        "Decree 18/2014's formula (coefficient × value of one unit × modifiers); a new "
        "regime replaces it with a subclass of ``wagtail_bhxh_royalties.calculation.Calculator``.",
        _dotted_path,
        "a dotted path to a Calculator class",
    ),
    "TAX_RULE": Setting(
        "wagtail_bhxh_royalties.tax.WithholdingAboveThreshold",
        "Dotted path of the personal income tax withholding rule applied to each person's "
        "monthly payment on the statement.",
        _dotted_path,
        "a dotted path to a tax rule class",
    ),
    "PIT_RATE_PERCENT": Setting(
        10,
        "Personal income tax withheld, in percent of the payment (10 % for a payment to a non-employee).",
        _percent(0, 100),
        "a number from 0 to 100",
    ),
    "PIT_THRESHOLD": Setting(
        2_000_000,
        "Tax is withheld from a person's payment in a statement when it reaches this many đồng.",
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
        "a non-negative integer (đồng)",
    ),
    "PIT_WITHHOLD_FROM_STAFF": Setting(
        False,
        "Also withhold tax from staff members (users of the site). By default only outside "
        "contributors are taxed on the statement; staff royalties are taxed with their salary.",
        lambda v: isinstance(v, bool),
        "True or False",
    ),
    "TRANSLATION_MIN_PERCENT": Setting(
        40,
        "Lowest share of the same kind of work paid for a translation.",
        _percent(0, 100),
        "a number from 0 to 100",
    ),
    "TRANSLATION_MAX_PERCENT": Setting(
        65,
        "Highest share of the same kind of work paid for a translation.",
        _percent(0, 100),
        "a number from 0 to 100",
    ),
    "TRANSLATION_DEFAULT_PERCENT": Setting(
        40,
        "Share proposed for a translator's entry when an item is published.",
        _percent(0, 100),
        "a number from 0 to 100",
    ),
    "BONUS_MAX_PERCENT": Setting(
        50,
        "Highest bonus for works for children or ethnic minorities, in percent of the royalty.",
        _percent(0, 200),
        "a number from 0 to 200",
    ),
    "PAYMENT_DEADLINE_DAYS": Setting(
        60,
        "Royalties must be paid within this many days of publication; unpaid entries past it are flagged.",
        positive_int,
        "a positive integer",
    ),
    "NOTICES_BEFORE_CARRY_OVER": Setting(
        3,
        "Payment notices sent to an unpaid payee before their amount may be carried over to the next year "
        "(``manage.py bhxh_royalty_carry_over`` or the statement's *Carry over unclaimed amounts*).",
        positive_int,
        "a positive integer",
    ),
    "NOTICE_INTERVAL_DAYS": Setting(
        15,
        "Days between two payment notices to the same payee: the statement's button and "
        "``manage.py bhxh_royalty_notices`` skip a payee noticed more recently.",
        positive_int,
        "a positive integer",
    ),
    "NOTICE_CONTACT": Setting(
        "",
        "Where and when payees collect their royalties, printed on payment notices (e.g. "
        '``"Phòng Kế hoạch - Tài chính, tầng 2, giờ hành chính"``). Empty: the address and phone of '
        "*Settings › Portal*.",
        lambda v: isinstance(v, str),
        "a string",
    ),
    "PAGE_TYPE_KINDS": Setting(
        {
            "wagtail_bhxh.ArticlePage": "tin",
            "wagtail_bhxh.ArticlePage:bai": "chinh-luan",
            "wagtail_bhxh.InfographicPage": "infographic",
            "wagtail_bhxh.VideoPage": "video",
        },
        'Default kind of work (by code) of an entry proposed on publish, by page type ``"app_label.ModelName"``; '
        '``"app_label.ModelName:value"`` matches a page whose ``kind`` field has that value. '
        "Subclasses follow their parent's entry. Pages of other types use ``DEFAULT_KIND``.",
        _kind_map,
        "a dict of strings to kind codes",
    ),
    "CREDIT_ROLE_KINDS": Setting(
        {"photographer": "anh"},
        "Kind of work proposed for a credit role regardless of the page type (a photographer's entry is a photo).",
        _kind_map,
        "a dict of credit roles to kind codes",
    ),
    "DEFAULT_KIND": Setting(
        "tin",
        "Kind of work proposed for pages not listed in ``PAGE_TYPE_KINDS``.",
        non_empty_str,
        "a kind code",
    ),
}

royalty_settings = AppSettings("WAGTAIL_BHXH_ROYALTIES", DEFINITIONS)
