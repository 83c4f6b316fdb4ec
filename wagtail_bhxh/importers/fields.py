"""Validation of single fields of an import record; each adds a RecordError naming line and field."""

import datetime
import re

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from ..models import PolicyArea, Topic
from .base import RecordError, nfc

#: Control characters other than tab and newline never belong in page text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def field_name(prefix, name):
    return f"{prefix}.{name}" if prefix else name


def clean_text(line, record, name, errors, *, required=True, max_length=None, multiline=False, prefix=""):
    """A string field, NFC, trimmed; single-line unless ``multiline``."""
    value = record.get(name)
    where = field_name(prefix, name)
    if value is None or value == "":
        if required:
            errors.append(RecordError(line, where, _("is required.")))
        return ""
    if not isinstance(value, str):
        errors.append(RecordError(line, where, _("must be text (a JSON string).")))
        return ""
    value = nfc(value).strip()
    if CONTROL_CHARACTERS.search(value):
        errors.append(RecordError(line, where, _("contains control characters.")))
        return ""
    if not multiline:
        value = " ".join(value.split())
    if required and not value:
        errors.append(RecordError(line, where, _("is required.")))
    if max_length and len(value) > max_length:
        errors.append(
            RecordError(
                line,
                where,
                _("is %(length)s characters long; at most %(max)s are allowed."),
                {"length": len(value), "max": max_length},
            )
        )
    return value


def clean_date(line, record, name, errors, *, required=False):
    value = record.get(name)
    if value is None or value == "":
        if required:
            errors.append(RecordError(line, name, _("is required.")))
        return None
    parsed = None
    if isinstance(value, str):
        try:
            parsed = parse_date(value.strip())
        except ValueError:
            parsed = None
    if parsed is None:
        errors.append(RecordError(line, name, _("“%(value)s” is not a date as YYYY-MM-DD."), {"value": value}))
    return parsed


def clean_datetime(line, record, name, errors, *, required=False):
    """An ISO 8601 date and time (or a date: midnight), made aware in the site's time zone."""
    value = record.get(name)
    if value is None or value == "":
        if required:
            errors.append(RecordError(line, name, _("is required.")))
        return None
    parsed = None
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = parse_datetime(text)
            if parsed is None:
                day = parse_date(text)
                parsed = datetime.datetime.combine(day, datetime.time()) if day else None
        except ValueError:
            parsed = None
    if parsed is None:
        errors.append(
            RecordError(
                line,
                name,
                _("“%(value)s” is not an ISO 8601 date and time, e.g. 2026-07-01T08:30:00+07:00."),
                {"value": value},
            )
        )
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def clean_string_list(line, record, name, errors, *, max_length=None):
    value = record.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        errors.append(RecordError(line, name, _('must be a list of texts (["…", "…"]).')))
        return []
    items = [" ".join(nfc(item).split()) for item in value]
    items = [item for item in items if item]
    for item in items:
        if max_length and len(item) > max_length:
            errors.append(
                RecordError(
                    line, name, _("“%(value)s” is longer than %(max)s characters."), {"value": item, "max": max_length}
                )
            )
    return list(dict.fromkeys(items))


def clean_snippets(line, record, name, model, errors, cache):
    """Existing snippets named by slug or by name (case-insensitive); unknown ones are errors.

    ``cache`` (a dict kept for one import) saves looking up the same value twice.
    """
    values = clean_string_list(line, record, name, errors)
    found = []
    for value in values:
        key = (model, value)
        if key not in cache:
            cache[key] = model.objects.filter(slug=value).first() or model.objects.filter(name__iexact=value).first()
        match = cache[key]
        if match is None:
            errors.append(
                RecordError(
                    line,
                    name,
                    _("there is no %(model)s “%(value)s”; give the slug or the name of an existing one."),
                    {"model": model._meta.verbose_name, "value": value},
                )
            )
        else:
            found.append(match)
    return found


def clean_policy_areas(line, record, errors, cache):
    return clean_snippets(line, record, "policy_areas", PolicyArea, errors, cache)


def clean_topics(line, record, errors, cache):
    return clean_snippets(line, record, "topics", Topic, errors, cache)
