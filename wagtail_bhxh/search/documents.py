"""The flat record each search backend indexes for a page.

:func:`page_document` reads a live specific page through its own
``search_fields`` (so a site's subclass that adds a searchable field is
searched without extra code) and returns plain values: no backend needs to
know the page models.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.search import index

from ..models.pages import (
    ArticlePageMixin,
    InfographicPageMixin,
    LegalDocumentPageMixin,
    VideoPageMixin,
)
from .vietnamese import fold, normalise, parse_document_number

#: Page mixins and the search type of the pages built on them. A page class
#: may instead set ``bhxh_search_type`` (e.g. ``"press_release"``).
TYPE_MIXINS = (
    (ArticlePageMixin, "article"),
    (InfographicPageMixin, "infographic"),
    (VideoPageMixin, "video"),
    (LegalDocumentPageMixin, "legal_document"),
)
#: Fields whose text is the lead shown when nothing matched in the body.
INTRO_FIELDS = ("intro", "summary")


def search_type(page_or_model) -> str | None:
    """The search type of a page (class), or None when it is not searched."""
    model = page_or_model if isinstance(page_or_model, type) else type(page_or_model)
    explicit = getattr(model, "bhxh_search_type", None)
    if explicit:
        return explicit
    for mixin, name in TYPE_MIXINS:
        if issubclass(model, mixin):
            return name
    return None


def searchable_models() -> list[type]:
    """Concrete page models that are searched."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if not model._meta.abstract and search_type(model)]


def _field_texts(obj, search_field) -> list[str]:
    name = search_field.field_name
    value = getattr(obj, name, None)
    if value is None or value == "":
        return []
    try:
        model_field = obj._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a search field may name a method or property
        model_field = None
    if model_field is not None and hasattr(model_field, "get_searchable_content"):
        texts = model_field.get_searchable_content(value)
    elif callable(value):
        texts = [value()]
    else:
        texts = [value]
    return [strip_tags(str(t)) if "<" in str(t) else str(t) for t in texts if t not in (None, "")]


def _related_texts(obj, related_fields) -> list[str]:
    value = getattr(obj, related_fields.field_name, None)
    if value is None:
        return []
    items = value.all() if hasattr(value, "all") else [value]
    texts = []
    for item in items:
        for field in related_fields.fields:
            if isinstance(field, index.SearchField):
                texts.extend(_field_texts(item, field))
    return texts


def _date(page) -> datetime.date | None:
    issued = getattr(page, "issued_on", None)
    if issued:
        return issued
    moment = page.first_published_at or page.go_live_at or page.latest_revision_created_at
    if moment is None:
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _ids(page, name) -> list[int]:
    manager = getattr(page, name, None)
    if manager is None or not hasattr(manager, "all"):
        return []
    return sorted(obj.pk for obj in manager.all())


def page_document(page) -> dict:
    """The record indexed for a live specific page.

    Keys: ``id``, ``type``, ``title``, ``intro``, ``body`` (normalised plain
    text), ``date`` (``datetime.date`` or None: issue date of a legal
    document, else first publication), ``policy_areas`` and ``topics`` (id
    lists), ``number`` (canonical, "" when none), ``number_key`` (folded),
    ``doc_type``, ``issuer``, ``year``, ``status`` (legal documents; "" or
    None otherwise), ``url_path``, ``url`` (site-relative, may be ""),
    ``locale`` (language code).
    """
    intro_parts, body_parts = [], []
    for search_field in page.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            target = intro_parts if search_field.field_name in INTRO_FIELDS else body_parts
            target.extend(_field_texts(page, search_field))
        elif isinstance(search_field, index.RelatedFields):
            body_parts.extend(_related_texts(page, search_field))

    number = getattr(page, "number", "") or ""
    parsed = parse_document_number(number) if number else None
    canonical = parsed.canonical if parsed and not parsed.partial else normalise(number.strip())
    status = ""
    if hasattr(page, "current_status"):
        status = str(page.current_status().value)
    issued = getattr(page, "issued_on", None)
    locale = getattr(page, "locale", None)
    return {
        "id": page.pk,
        "type": search_type(page) or "",
        "title": normalise(page.title),
        "intro": normalise("\n".join(intro_parts)),
        "body": normalise("\n".join(body_parts)),
        "date": _date(page),
        "policy_areas": _ids(page, "policy_areas"),
        "topics": _ids(page, "topics"),
        "number": canonical,
        "number_key": parsed.folded_key if parsed and not parsed.partial else fold(canonical),
        "doc_type": getattr(page, "document_type", "") or "",
        "issuer": getattr(page, "issuer", "") or "",
        "year": issued.year if issued else None,
        "status": status,
        "url_path": page.url_path,
        "url": page.get_url() or "",
        "locale": locale.language_code if locale else "",
    }
