"""Personal income tax withheld from a payee's monthly payment.

The default rule withholds ``PIT_RATE_PERCENT`` of the payment when it
reaches ``PIT_THRESHOLD`` (10 % from 2,000,000 đồng, the rule for payments
to people who are not employees), for outside contributors only unless
``PIT_WITHHOLD_FROM_STAFF`` is on. The tax is rounded to a whole đồng, half up.
Another rule is a class with the same ``withholding(gross, is_staff_member)``
method named by ``WAGTAIL_BHXH_ROYALTIES["TAX_RULE"]``.
"""

from decimal import Decimal

from django.utils.module_loading import import_string

from .calculation import round_dong
from .conf import royalty_settings


class WithholdingAboveThreshold:
    def __init__(self):
        self.rate = Decimal(str(royalty_settings.PIT_RATE_PERCENT)) / Decimal(100)
        self.threshold = Decimal(royalty_settings.PIT_THRESHOLD)
        self.staff = royalty_settings.PIT_WITHHOLD_FROM_STAFF

    def withholding(self, gross, is_staff_member):
        gross = Decimal(gross)
        if is_staff_member and not self.staff:
            return Decimal(0)
        if gross < self.threshold:
            return Decimal(0)
        return round_dong(gross * self.rate)


def get_tax_rule():
    return import_string(royalty_settings.TAX_RULE)()
