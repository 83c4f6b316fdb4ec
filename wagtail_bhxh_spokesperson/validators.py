"""Validation of the contact details posted for the spokesperson and authorised persons."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .conf import spokesperson_settings

_PHONE_CHARS = re.compile(r"^[0-9 .\-()+]+$")


def phone_digits(value):
    """The national form of a Vietnamese phone number ("0236 3822 123" → "02363822123"), or "" if invalid."""
    value = (value or "").strip()
    if not value or not _PHONE_CHARS.match(value) or value.count("+") > 1 or "+" in value[1:]:
        return ""
    digits = re.sub(r"\D", "", value)
    if value.startswith("+"):
        if not digits.startswith("84"):
            return ""
        digits = "0" + digits[2:]
    if not digits.startswith("0") or not 10 <= len(digits) <= 11:
        return ""
    return digits


def tel_uri(value):
    """The ``tel:`` URI of a phone number in international form (``tel:+842363822123``), or ""."""
    digits = phone_digits(value)
    return f"tel:+84{digits[1:]}" if digits else ""


def validate_phone(value):
    if not phone_digits(value):
        raise ValidationError(
            _(
                "Enter a Vietnamese phone number of 10 or 11 digits starting with 0 or +84, "
                "e.g. 0236 3822 123 or 0912 345 678."
            ),
            code="invalid_phone",
        )


def validate_official_email(value):
    """With ``OFFICIAL_EMAIL_DOMAINS`` set, the address must belong to one of them (or a subdomain)."""
    domains = [d.strip().lower().lstrip(".") for d in spokesperson_settings.OFFICIAL_EMAIL_DOMAINS]
    if not domains or not value:
        return
    host = value.rsplit("@", 1)[-1].strip().lower()
    if any(host == domain or host.endswith("." + domain) for domain in domains):
        return
    raise ValidationError(
        _("Use an official email address ending in %(domains)s."),
        code="unofficial_email",
        params={"domains": ", ".join("@" + d for d in domains)},
    )
