"""The built-in content and form standards (Official Dispatch 3216/BHXH-TT, item 4).

Each message names the field it is about and says what to do. Options are
overridden per site with ``WAGTAIL_BHXH["STANDARDS"]``.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model

from ..models.base import BasePage
from ..models.pages import (
    ArticlePageMixin,
    ContentPageMixin,
    InfographicPageMixin,
    LegalDocumentPageMixin,
    VideoPageMixin,
)
from . import links
from .base import WARNING, Check
from .text import (
    html_to_text,
    normalise,
    rich_text_links,
    stream_images,
    stream_rich_text,
    stream_text,
    word_count,
)


class TitleLength(Check):
    code = "title_length"
    label = gettext_lazy("Title length")
    description = gettext_lazy("The title is neither too short to say what happened nor too long for a card.")
    default_options = {"min_chars": 20, "max_chars": 150}
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        title = normalise(page.title)
        field = self.field_label(page, "title")
        if len(title) < options["min_chars"]:
            yield (
                "title",
                _("%(field)s is too short (%(count)s characters): write at least %(min)s characters.")
                % {"field": field, "count": len(title), "min": options["min_chars"]},
            )
        elif len(title) > options["max_chars"]:
            yield (
                "title",
                _("%(field)s is too long (%(count)s characters): keep it to %(max)s characters.")
                % {"field": field, "count": len(title), "max": options["max_chars"]},
            )


class TitleNotAllCaps(Check):
    code = "title_not_all_caps"
    label = gettext_lazy("No all-caps titles")
    description = gettext_lazy("Titles use sentence case; abbreviations such as BHXH may stay in capitals.")
    default_options = {"max_capital_words": 3}
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        words = [word for word in re.findall(r"\w+", normalise(page.title)) if sum(c.isalpha() for c in word) >= 2]
        capitals = [word for word in words if word.isupper()]
        # Abbreviations (BHXH, BHYT) are capitals too: flag a title only when
        # most of its words are, and more than a few.
        if len(capitals) > options["max_capital_words"] and len(capitals) >= 0.7 * len(words):
            yield (
                "title",
                _("%(field)s is written in capitals: use sentence case (capitalise only the first word and names).")
                % {"field": self.field_label(page, "title")},
            )


class Lead(Check):
    code = "lead"
    label = gettext_lazy("Lead (sapo)")
    description = gettext_lazy("Every item has a lead of one short paragraph within a word range.")
    default_options = {"min_words": 20, "max_words": 80}
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        field = self.field_label(page, "intro")
        count = word_count(page.intro)
        if count == 0:
            yield (
                "intro",
                _("%(field)s is empty: write one paragraph of %(min)s to %(max)s words summing up the item.")
                % {"field": field, "min": options["min_words"], "max": options["max_words"]},
            )
        elif not options["min_words"] <= count <= options["max_words"]:
            yield (
                "intro",
                _("%(field)s has %(count)s words: it should have %(min)s to %(max)s.")
                % {"field": field, "count": count, "min": options["min_words"], "max": options["max_words"]},
            )


class FeatureImage(Check):
    code = "feature_image"
    label = gettext_lazy("Feature image with alt text, caption and credit")
    description = gettext_lazy(
        "News items and articles have a feature image described for screen readers, with a caption and its credit."
    )
    page_types = (ArticlePageMixin,)

    def check(self, page, options):
        if not page.feature_image_id:
            yield (
                "feature_image",
                _("%(field)s is missing: choose an image for the item.")
                % {"field": self.field_label(page, "feature_image")},
            )
            return
        if not page.feature_image_alt_text.strip():
            yield (
                "feature_image_alt",
                _("%(field)s is missing: describe what the image shows for people who cannot see it.")
                % {"field": self.field_label(page, "feature_image_alt")},
            )
        if not page.feature_image_caption.strip():
            yield (
                "feature_image_caption",
                _("%(field)s is missing: say who or what is in the image, where and when.")
                % {"field": self.field_label(page, "feature_image_caption")},
            )
        if not page.feature_image_credit.strip():
            yield (
                "feature_image_credit",
                _("%(field)s is missing: give the photographer or source, e.g. “Ảnh: Nguyễn Văn A”.")
                % {"field": self.field_label(page, "feature_image_credit")},
            )


class BodyLength(Check):
    code = "body_length"
    label = gettext_lazy("Minimum length of news items and articles")
    description = gettext_lazy("A news item (tin) and an article (bài) each have a minimum number of words.")
    default_options = {"min_words_news": 150, "min_words_article": 600}
    page_types = (ArticlePageMixin,)

    def check(self, page, options):
        is_news = page.kind == page.Kind.NEWS
        minimum = options["min_words_news"] if is_news else options["min_words_article"]
        count = word_count(stream_text(page.body))
        if count < minimum:
            yield (
                "body",
                _("%(field)s has %(count)s words: %(kind)s needs at least %(min)s.")
                % {
                    "field": self.field_label(page, "body"),
                    "count": count,
                    "kind": page.get_kind_display(),
                    "min": minimum,
                },
            )


class Byline(Check):
    code = "byline"
    label = gettext_lazy("Author or byline")
    description = gettext_lazy("Every item credits its author (a staff member or an outside contributor).")
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        credits = [credit for credit in page.bhxh_credits.all() if credit.user_id or credit.name.strip()]
        if not credits:
            field = _("Authors and credits")
            yield (
                "bhxh_credits",
                _("%(field)s: add the author (a staff member or the name of an outside contributor).")
                % {"field": field},
                field,
            )


class RepublishedSource(Check):
    code = "republished_source"
    label = gettext_lazy("Source of republished items")
    description = gettext_lazy("An item taken from another newspaper or portal names the source and links to it.")
    default_level = WARNING
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        if page.source_name.strip() and not page.source_url.strip():
            yield (
                "source_url",
                _("%(field)s is missing: link to the original of this republished item.")
                % {"field": self.field_label(page, "source_url")},
            )
        elif page.source_url.strip() and not page.source_name.strip():
            yield (
                "source_name",
                _("%(field)s is missing: name the newspaper or portal this item comes from.")
                % {"field": self.field_label(page, "source_name")},
            )


class Transcript(Check):
    code = "transcript"
    label = gettext_lazy("Transcript of infographics and videos")
    description = gettext_lazy("Infographics and videos carry their full text, for people who cannot see or hear them.")
    default_options = {"min_words": 10}
    page_types = (InfographicPageMixin, VideoPageMixin)

    def check(self, page, options):
        count = word_count(html_to_text(page.transcript))
        if count < options["min_words"]:
            yield (
                "transcript",
                _("%(field)s is missing or too short (%(count)s words): write out all the text and figures.")
                % {"field": self.field_label(page, "transcript"), "count": count},
            )


class ImageSize(Check):
    code = "image_size"
    label = gettext_lazy("Image width and file size")
    description = gettext_lazy("Images are wide enough for large screens and light enough for phones.")
    default_options = {"min_width": 800, "max_file_size_kb": 2048}
    page_types = (ContentPageMixin,)

    def images(self, page):
        for field in ("feature_image", "poster"):
            image = getattr(page, field, None) if getattr(page, f"{field}_id", None) else None
            if image is not None:
                yield field, image
        for field in ("body", "images"):
            for _block, image in stream_images(getattr(page, field, None)):
                yield field, image

    def check(self, page, options):
        for field, image in self.images(page):
            label = self.field_label(page, field)
            if image.width and image.width < options["min_width"]:
                yield (
                    field,
                    _("%(field)s: image “%(image)s” is %(width)s pixels wide; use one at least %(min)s pixels wide.")
                    % {"field": label, "image": image.title, "width": image.width, "min": options["min_width"]},
                )
            size = image.file_size
            if size and size > options["max_file_size_kb"] * 1024:
                yield (
                    field,
                    _("%(field)s: image “%(image)s” weighs %(size)s KB; compress it to at most %(max)s KB.")
                    % {"field": label, "image": image.title, "size": size // 1024, "max": options["max_file_size_kb"]},
                )


class ImageAltText(Check):
    code = "image_alt"
    label = gettext_lazy("Alt text of every image")
    description = gettext_lazy(
        "Every image in the content is described for people who cannot see it, unless it is marked decorative."
    )
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        # The editor's image blocks refuse such an image already; imported or
        # older content, and images whose description was later emptied, are caught here.
        for field in ("body", "images"):
            for block, image in stream_images(getattr(page, field, None)):
                value = block.value
                alt = getattr(value, "alt", None)
                if alt is None:  # a site's own image block without the suite's value class
                    alt = value.get("alt_text") or getattr(image, "description", "")
                if not value.get("decorative") and not str(alt).strip():
                    yield (
                        field,
                        _("%(field)s: image “%(image)s” has no alt text: describe it or mark it as decorative.")
                        % {"field": self.field_label(page, field), "image": image.title},
                    )


#: Abbreviations and the words they stand for, spelled out on first use.
DEFAULT_ABBREVIATIONS = {
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "BHTN": "bảo hiểm thất nghiệp",
    "TNLĐ-BNN": "tai nạn lao động, bệnh nghề nghiệp",
    "KCB": "khám bệnh, chữa bệnh",
    "NLĐ": "người lao động",
    "NSDLĐ": "người sử dụng lao động",
    "TTHC": "thủ tục hành chính",
}


class Abbreviations(Check):
    code = "abbreviations"
    label = gettext_lazy("Abbreviations spelled out on first use")
    description = gettext_lazy(
        "The lead and body spell out BHXH, BHYT... in full before using the abbreviation (titles may abbreviate)."
    )
    default_level = WARNING
    default_options = {"abbreviations": DEFAULT_ABBREVIATIONS}
    page_types = (ContentPageMixin,)

    def texts(self, page):
        yield "intro", normalise(page.intro)
        if hasattr(page, "body"):
            yield "body", stream_text(page.body)
        if hasattr(page, "transcript"):
            yield "transcript", html_to_text(page.transcript)

    def check(self, page, options):
        texts = list(self.texts(page))
        for abbreviation, expansion in options["abbreviations"].items():
            pattern = re.compile(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])")
            before = ""
            for field, text in texts:
                match = pattern.search(text)
                if match is None:
                    before += " " + text
                    continue
                preceding = (before + " " + text[: match.start()]).lower()
                if normalise(expansion).lower() not in preceding:
                    yield (
                        field,
                        _(
                            "%(field)s uses “%(abbreviation)s” before spelling it out: write "
                            "“%(expansion)s (%(abbreviation)s)” the first time."
                        )
                        % {
                            "field": self.field_label(page, field),
                            "abbreviation": abbreviation,
                            "expansion": expansion,
                        },
                    )
                break


class InternalLinks(Check):
    code = "internal_links"
    label = gettext_lazy("Links to pages and documents resolve")
    description = gettext_lazy("Links inside the portal point to published pages and existing documents.")
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        page_links, document_links = [], []
        for field in ("body", "transcript"):
            value = getattr(page, field, None)
            if value is None:
                continue
            rich_texts = [value] if isinstance(value, str) else stream_rich_text(value)
            for rich_text in rich_texts:
                for attrs in rich_text_links(rich_text):
                    if attrs.get("linktype") == "page" and attrs.get("id", "").isdigit():
                        page_links.append((field, int(attrs["id"])))
                    elif attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
                        document_links.append((field, int(attrs["id"])))
        live = set(
            BasePage.objects.filter(pk__in=[pk for _f, pk in page_links], live=True).values_list("pk", flat=True)
        )
        for field, pk in dict.fromkeys(page_links):
            if pk not in live:
                yield (
                    field,
                    _(
                        "%(field)s links to a page that is deleted or not published (page %(id)s): fix or remove the link."
                    )
                    % {"field": self.field_label(page, field), "id": pk},
                )
        documents = set(
            get_document_model().objects.filter(pk__in=[pk for _f, pk in document_links]).values_list("pk", flat=True)
        )
        for field, pk in dict.fromkeys(document_links):
            if pk not in documents:
                yield (
                    field,
                    _("%(field)s links to a document that no longer exists (document %(id)s): fix or remove the link.")
                    % {"field": self.field_label(page, field), "id": pk},
                )
        for block in getattr(page, "body", None) or ():
            if block.block_type == "legal_citation":
                document = block.value.get("document")
                if document is None or not document.live:
                    yield (
                        "body",
                        _("%(field)s cites a legal document that is deleted or not published: choose another.")
                        % {"field": self.field_label(page, "body")},
                    )


class ExternalLinks(Check):
    code = "external_links"
    label = gettext_lazy("External links answer")
    description = gettext_lazy("Links to other sites answer (checked over the network, results kept for a day).")
    default_level = WARNING
    default_options = {"timeout": 5, "cache_hours": 24}
    page_types = (ContentPageMixin,)

    def check(self, page, options):
        urls = []
        if page.source_url:
            urls.append(("source_url", page.source_url))
        for rich_text in stream_rich_text(getattr(page, "body", None)):
            for attrs in rich_text_links(rich_text):
                href = attrs.get("href", "")
                if href.startswith(("http://", "https://")):
                    urls.append(("body", href))
        results = links.check_urls([url for _f, url in urls], options["timeout"], options["cache_hours"] * 3600)
        for field, url in dict.fromkeys(urls):
            if results.get(url) == links.BROKEN:
                yield (
                    field,
                    _("%(field)s links to %(url)s, which does not answer: check the address.")
                    % {"field": self.field_label(page, field), "url": url},
                )


#: Number and symbol of a Vietnamese legal document: 115/2015/NĐ-CP, 3216/BHXH-TT, 28/2021/QĐ-TTg.
LEGAL_NUMBER_RE = re.compile(r"^\d{1,5}[a-z]?/(\d{4}/)?[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*$")


class LegalDocumentNumber(Check):
    code = "legal_document_number"
    label = gettext_lazy("Legal document numbers in valid form")
    description = gettext_lazy("Numbers are written as printed: number/year/symbol, e.g. 115/2015/NĐ-CP.")
    page_types = (LegalDocumentPageMixin,)

    def check(self, page, options):
        number = normalise(page.number)
        if not LEGAL_NUMBER_RE.match(number):
            yield (
                "number",
                _("%(field)s “%(number)s” is not in the form number/year/symbol, e.g. 115/2015/NĐ-CP or 3216/BHXH-TT.")
                % {"field": self.field_label(page, "number"), "number": number},
            )


BUILTIN_CHECKS = [
    TitleLength(),
    TitleNotAllCaps(),
    Lead(),
    FeatureImage(),
    BodyLength(),
    Byline(),
    RepublishedSource(),
    Transcript(),
    ImageSize(),
    ImageAltText(),
    Abbreviations(),
    InternalLinks(),
    ExternalLinks(),
    LegalDocumentNumber(),
]
