"""Import news items and articles from a JSON Lines file, one article a line.

Each line::

    {"title": "…", "intro": "…", "body": "<p>…</p> or plain text", "kind": "tin",
     "published_at": "2026-07-01T08:30:00+07:00",
     "policy_areas": ["bhyt"], "topics": ["…"], "tags": ["thẻ BHYT"],
     "author": "Nguyễn Văn A", "source": "Báo Nhân Dân", "slug": "…"}

``title``, ``body``, ``kind`` (tin or bai) and ``published_at`` are required.
``body`` is HTML when it contains tags (cleaned to what the editor allows),
else plain text whose blank lines separate paragraphs. ``source`` is the
name of the newspaper or portal, or its address when it starts with http.

The key that makes a re-run idempotent is the page's slug below the parent
page: the record's ``slug`` when given, else one made from the title. Give a
``slug`` to keep a record's key when its title changes.
"""

import html
import re

from django.core.validators import slug_re
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from ..blocks import RICH_TEXT_FEATURES
from ..models import ArticlePage, PageCredit
from .base import Importer, ImportFailed, RecordError, read_json_lines, slug_for
from .fields import clean_datetime, clean_policy_areas, clean_string_list, clean_text, clean_topics

#: Elements whose content is code, not text: dropped whole before the HTML is cleaned.
CODE_ELEMENTS = re.compile(r"<(script|style|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
KINDS = {"tin": "tin", "bai": "bai", "bài": "bai"}


def body_html(text):
    """Rich text in Wagtail's stored form: cleaned HTML, or paragraphs made from plain text."""
    if HTML_TAG.search(text):
        from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

        text = CODE_ELEMENTS.sub("", text)
        return EditorHTMLConverter(features=RICH_TEXT_FEATURES).to_database_format(text).strip()
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(html.escape(row.strip()) for row in part.splitlines()) + "</p>" for part in paragraphs
    )


def has_text(rich_html):
    return bool(HTML_TAG.sub("", rich_html).strip())


class ArticleImporter(Importer):
    model = ArticlePage
    progress_label = _("Importing articles")
    record_field_names = {"title": "title", "slug": "slug", "intro": "intro", "kind": "kind", "body": "body"}

    def read(self, path):
        return read_json_lines(path)

    def clean_record(self, line, record, errors):
        found = len(errors)
        title = clean_text(line, record, "title", errors, max_length=255)
        intro = clean_text(line, record, "intro", errors, required=False, multiline=True)
        body = clean_text(line, record, "body", errors, multiline=True)
        kind = clean_text(line, record, "kind", errors)
        published_at = clean_datetime(line, record, "published_at", errors, required=True)
        policy_areas = clean_policy_areas(line, record, errors, self.snippet_cache)
        topics = clean_topics(line, record, errors, self.snippet_cache)
        tags = clean_string_list(line, record, "tags", errors, max_length=100)
        author = clean_text(line, record, "author", errors, required=False, max_length=150)
        source = clean_text(line, record, "source", errors, required=False, max_length=200)
        slug = clean_text(line, record, "slug", errors, required=False, max_length=255)
        if kind and kind.lower() not in KINDS:
            errors.append(
                RecordError(
                    line,
                    "kind",
                    _("“%(value)s” is not a kind; use “tin” (news item) or “bai” (article)."),
                    {"value": kind},
                )
            )
        if slug and not slug_re.match(slug):
            errors.append(
                RecordError(
                    line, "slug", _("“%(value)s” is not a slug (letters a–z, digits, hyphens)."), {"value": slug}
                )
            )
        if title and not slug and not slug_for(title):
            errors.append(
                RecordError(line, "title", _("no address (slug) can be made from this title; give a “slug”."))
            )
        body_value = body_html(body) if body else ""
        if body and not has_text(body_value):
            errors.append(RecordError(line, "body", _("has no text once HTML the editor does not allow is removed.")))
        if len(errors) > found:
            return None
        is_url = source.startswith(("http://", "https://"))
        return {
            "slug": slug or slug_for(title),
            "title": title,
            "intro": intro,
            "body": body_value,
            "kind": KINDS[kind.lower()],
            "first_published_at": published_at,
            "policy_areas": policy_areas,
            "topics": topics,
            "tags": tags,
            "author": author,
            "source_name": "" if is_url else source,
            "source_url": source if is_url else "",
        }

    def record_key(self, cleaned):
        return cleaned["slug"]

    def find_existing(self, cleaned_records):
        lines = {cleaned["slug"]: line for line, cleaned in cleaned_records}
        existing, errors = {}, []
        for page in self.parent.get_children().filter(slug__in=list(lines)).specific(defer=True):
            if isinstance(page, self.model):
                existing[page.slug] = page
            else:
                errors.append(
                    RecordError(
                        lines[page.slug],
                        "slug",
                        _(
                            "the address “%(slug)s” below the parent page is already used by “%(title)s”, which is not a %(model)s."
                        ),
                        {"slug": page.slug, "title": page.title, "model": self.model._meta.verbose_name},
                    )
                )
        if errors:
            raise ImportFailed(errors)
        return existing

    def new_page(self, cleaned):
        page = self.model(slug=cleaned["slug"], live=False, first_published_at=cleaned["first_published_at"])
        self.set_fields(page, cleaned)
        return page

    def set_fields(self, page, cleaned):
        for name in ("title", "intro", "kind", "source_name", "source_url"):
            setattr(page, name, cleaned[name])

    def apply(self, page, cleaned):
        self.set_fields(page, cleaned)
        page.first_published_at = cleaned["first_published_at"]
        page.body = [("paragraph", RichText(cleaned["body"]))]
        page.policy_areas.set(cleaned["policy_areas"])
        page.topics.set(cleaned["topics"])
        page.tags.set(cleaned["tags"])
        page.bhxh_credits = (
            [PageCredit(role=PageCredit.Role.AUTHOR, name=cleaned["author"])] if cleaned["author"] else []
        )
