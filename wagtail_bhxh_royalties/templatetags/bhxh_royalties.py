from decimal import Decimal

from django import template

from ..words import amount_in_words

register = template.Library()


@register.filter
def vnd(value):
    """1234000 -> '1.234.000' (Vietnamese thousands separator, whole đồng)."""
    if value is None or value == "":
        return ""
    number = int(Decimal(value))
    return f"{number:,}".replace(",", ".")


@register.filter
def in_words(value):
    return amount_in_words(value or 0)
