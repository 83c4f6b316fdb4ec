"""Numbers as people of the active language write them (1.234 in Vietnamese, 1,234 in English)."""

from django.utils import numberformat
from django.utils.formats import get_format


def format_count(value, decimal_pos=None) -> str:
    # Django's Vietnamese formats leave NUMBER_GROUPING at 0 (no grouping); counts are grouped by three.
    return numberformat.format(
        value or 0,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimal_pos,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
