"""Text, links and images of a page, as the checks see them."""

import html
import re
import unicodedata
from html.parser import HTMLParser

from django.utils.html import strip_tags
from wagtail.rich_text import RichText

WORD_RE = re.compile(r"\w+", re.UNICODE)
SPACES_RE = re.compile(r"\s+")


def normalise(text):
    """NFC, single spaces: Vietnamese typed on different keyboards compares equal."""
    return SPACES_RE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def html_to_text(value):
    if isinstance(value, RichText):
        value = value.source
    # Block-level tags end words: "<p>a</p><p>b</p>" is two words, not "ab".
    value = re.sub(r"<(br|/p|/li|/h[1-6]|/td|/th)\b[^>]*>", " ", value or "", flags=re.IGNORECASE)
    return normalise(html.unescape(strip_tags(value)))


def word_count(text):
    """Words as Vietnamese counts them in newsrooms: syllables separated by spaces."""
    return len(WORD_RE.findall(text or ""))


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def rich_text_links(value):
    """Attributes of every ``<a>`` in rich text (database format: ``linktype``/``id`` or ``href``)."""
    if isinstance(value, RichText):
        value = value.source
    collector = _LinkCollector()
    collector.feed(value or "")
    return collector.links


#: Struct block children that describe media rather than carry the text.
NON_TEXT_CHILDREN = {"alt_text", "caption", "credit", "title", "decorative", "attribution"}


def _value_text(value):
    """The readable text of one block value, whatever its block type."""
    if isinstance(value, RichText):
        return html_to_text(value)
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, dict):
        if "data" in value and isinstance(value.get("data"), list):  # TableBlock
            return normalise(" ".join(str(cell) for row in value["data"] for cell in (row or []) if cell))
        return normalise(" ".join(_value_text(child) for name, child in value.items() if name not in NON_TEXT_CHILDREN))
    return ""


def stream_text(stream):
    """The text of a StreamField value: paragraphs, quotes, tables, quoted legal text."""
    if not stream:
        return ""
    return normalise(" ".join(_value_text(block.value) for block in stream))


def stream_rich_text(stream):
    """RichText values of a StreamField, including those nested in struct blocks."""
    found = []

    def walk(value):
        if isinstance(value, RichText):
            found.append(value)
        elif isinstance(value, dict):
            for child in value.values():
                walk(child)

    for block in stream or ():
        walk(block.value)
    return found


def stream_images(stream):
    """(block, image) of image blocks with an image chosen."""
    images = []
    for block in stream or ():
        value = block.value
        if isinstance(value, dict) and value.get("image") is not None and hasattr(value["image"], "width"):
            images.append((block, value["image"]))
    return images


def stream_pages(stream):
    """Pages chosen in page chooser blocks (legal citations...)."""
    pages = []
    for block in stream or ():
        value = block.value
        if isinstance(value, dict):
            pages.extend(child for child in value.values() if hasattr(child, "url_path") and hasattr(child, "live"))
    return pages
