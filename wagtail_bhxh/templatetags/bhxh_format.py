"""Formatting helpers for public templates."""

from django import template
from django.utils.text import slugify

register = template.Library()


@register.filter
def article_anchor(number):
    """Anchor id of a legal document's article: 'dieu-5'."""
    return "dieu-" + slugify(str(number))


@register.filter
def article_heading(article):
    """'Điều 5. Heading' for a legal article, whether or not the heading repeats the number."""
    number = str(article.get("number", "")).strip()
    heading = (article.get("heading") or "").strip()
    if heading.lower().startswith(("điều", "dieu", "article")):
        return heading
    label = f"Điều {number}." if number else ""
    return f"{label} {heading}".strip()
