"""Import legal documents (văn bản) from a JSON array, the format of ``legal_corpus.json``.

Each record::

    {"number": "115/2015/NĐ-CP", "type": "Nghị định", "issuer": "Chính phủ",
     "title": "Nghị định quy định chi tiết …", "issued": "2015-11-11",
     "articles": [{"number": "1", "heading": "Điều 1. Phạm vi điều chỉnh", "text": "…"}]}

Optional: ``signer``, ``effective`` and ``expires`` (ISO dates), ``status``
(in_force, not_yet, partially_replaced, replaced, expired) and
``policy_areas`` (slugs or names of existing policy areas).

The key that makes a re-run idempotent is the document's canonical number
(:func:`wagtail_bhxh.search.vietnamese.parse_document_number`), so
"115/2015/ND-CP" in the file finds the page "115/2015/NĐ-CP" wherever it is
on the site.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import LegalDocumentPage
from ..search.vietnamese import fold, normalise, parse_document_number
from .base import Importer, RecordError, read_json_array, slug_for
from .fields import clean_date, clean_policy_areas, clean_text

#: Names of document types as printed in Vietnamese, folded, → DocumentType values.
DOCUMENT_TYPE_NAMES = {
    "luat": "law",
    "bo luat": "code",
    "nghi quyet": "resolution",
    "nghi quyet lien tich": "resolution",
    "nghi dinh": "decree",
    "quyet dinh": "decision",
    "chi thi": "directive",
    "thong tu": "circular",
    "thong tu lien tich": "joint_circular",
    "cong van": "dispatch",
    "ke hoach": "plan",
    "huong dan": "guidance",
    "van ban hop nhat": "consolidated",
    "khac": "other",
}

#: Fields of LegalArticleBlock and their limits.
ARTICLE_NUMBER_MAX = 20
ARTICLE_HEADING_MAX = 500
TITLE_MAX = 255


def number_key(number):
    """The key two spellings of one document number share ("115/2015/ND-CP" ~ "115/2015/NĐ-CP")."""
    parsed = parse_document_number(number)
    if parsed is not None and not parsed.partial and parsed.folded_key == compact_fold(number):
        return parsed.folded_key
    return compact_fold(number)


def compact_fold(number):
    return "".join(fold(number).split())


def printed_number(number):
    """The number as it should be printed: the canonical spelling when it is the same number."""
    parsed = parse_document_number(number)
    if parsed is not None and not parsed.partial and parsed.folded_key == compact_fold(number):
        return parsed.canonical
    return normalise(number).strip()


def document_type(value):
    """The DocumentType value for a Vietnamese type name ("Nghị định") or a value ("decree"), or None."""
    if value in LegalDocumentPage.DocumentType.values:
        return value
    return DOCUMENT_TYPE_NAMES.get(" ".join(fold(value).split()))


def page_title(type_name, number, title):
    """ "Nghị định 115/2015/NĐ-CP: Nghị định quy định …", cut at a word to fit the title field."""
    full = f"{type_name} {number}: {title}"
    if len(full) <= TITLE_MAX:
        return full
    cut = full[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


class LegalDocumentImporter(Importer):
    model = LegalDocumentPage
    progress_label = _("Importing legal documents")
    record_field_names = {
        "number": "number",
        "document_type": "type",
        "issuer": "issuer",
        "summary": "title",
        "issued_on": "issued",
        "effective_on": "effective",
        "expires_on": "expires",
        "status": "status",
        "signer": "signer",
        "full_text": "articles",
        "title": "title",
        "slug": "number",
    }

    def read(self, path):
        return read_json_array(path)

    def clean_record(self, line, record, errors):
        found = len(errors)
        number = clean_text(line, record, "number", errors, max_length=80)
        type_name = clean_text(line, record, "type", errors)
        issuer = clean_text(line, record, "issuer", errors, max_length=200)
        title = clean_text(line, record, "title", errors)
        issued = clean_date(line, record, "issued", errors, required=True)
        effective = clean_date(line, record, "effective", errors)
        expires = clean_date(line, record, "expires", errors)
        signer = clean_text(line, record, "signer", errors, required=False, max_length=200)
        status = clean_text(line, record, "status", errors, required=False) or LegalDocumentPage.Status.IN_FORCE
        policy_areas = clean_policy_areas(line, record, errors, self.snippet_cache)
        type_value = document_type(type_name) if type_name else None
        if type_name and type_value is None:
            errors.append(
                RecordError(
                    line,
                    "type",
                    _("unknown document type “%(value)s”; use one of: %(choices)s."),
                    {
                        "value": type_name,
                        "choices": "Luật, Bộ luật, Nghị quyết, Nghị định, Quyết định, Chỉ thị, Thông tư, "
                        "Thông tư liên tịch, Công văn, Kế hoạch, Hướng dẫn, Văn bản hợp nhất, Khác",
                    },
                )
            )
        if status not in LegalDocumentPage.Status.values:
            errors.append(
                RecordError(
                    line,
                    "status",
                    _("unknown status “%(value)s”; use one of: %(choices)s."),
                    {"value": status, "choices": ", ".join(LegalDocumentPage.Status.values)},
                )
            )
        articles = self.clean_articles(line, record, errors)
        if len(errors) > found:
            return None
        number = printed_number(number)
        return {
            "key": number_key(number),
            "slug": slug_for(f"{type_name} {number}"),
            "title": page_title(type_name, number, title),
            "number": number,
            "document_type": type_value,
            "issuer": issuer,
            "signer": signer,
            "issued_on": issued,
            "effective_on": effective,
            "expires_on": expires,
            "status": status,
            "summary": title,
            "policy_areas": policy_areas,
            "full_text": articles,
        }

    def clean_articles(self, line, record, errors):
        articles = record.get("articles", [])
        if not isinstance(articles, list):
            errors.append(RecordError(line, "articles", _("must be a list of articles ([ … ]).")))
            return []
        cleaned = []
        for position, article in enumerate(articles):
            field = f"articles[{position}]"
            if not isinstance(article, dict):
                errors.append(
                    RecordError(line, field, _("an article must be an object with number, heading and text."))
                )
                continue
            number = clean_text(line, article, "number", errors, max_length=ARTICLE_NUMBER_MAX, prefix=field)
            heading = clean_text(
                line, article, "heading", errors, required=False, max_length=ARTICLE_HEADING_MAX, prefix=field
            )
            text = clean_text(line, article, "text", errors, multiline=True, prefix=field)
            cleaned.append({"number": number, "heading": heading, "text": text})
        return cleaned

    def record_key(self, cleaned):
        return cleaned["key"]

    def find_existing(self, cleaned_records):
        wanted = {cleaned["key"] for _line, cleaned in cleaned_records}
        # Numbers are few and short: key them all in Python, then load only the pages that match.
        found = {}
        for pk, number in self.model.objects.order_by("path").values_list("pk", "number"):
            key = number_key(number)
            if key in wanted:
                found.setdefault(key, pk)
        pages = self.model.objects.in_bulk(found.values())
        existing = {key: pages[pk] for key, pk in found.items()}
        self.taken_slugs = set(self.parent.get_children().values_list("slug", flat=True))
        return existing

    def new_page(self, cleaned):
        issued = cleaned["issued_on"]
        page = self.model(
            slug=self.unique_slug(cleaned["slug"], self.taken_slugs),
            live=False,
            first_published_at=timezone.make_aware(datetime.datetime.combine(issued, datetime.time(8))),
        )
        self.set_fields(page, cleaned)
        return page

    def set_fields(self, page, cleaned):
        for name in (
            "title",
            "number",
            "document_type",
            "issuer",
            "signer",
            "issued_on",
            "effective_on",
            "expires_on",
            "status",
            "summary",
        ):
            setattr(page, name, cleaned[name])

    def apply(self, page, cleaned):
        self.set_fields(page, cleaned)
        page.full_text = [("article", article) for article in cleaned["full_text"]]
        page.policy_areas.set(cleaned["policy_areas"])
