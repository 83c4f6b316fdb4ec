"""StreamField blocks shared by the suite's page types."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

#: Rich text features an editor gets in article bodies.
RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
    "hr",
    "superscript",
    "subscript",
]

#: Renditions the body image templates use; fetched with the images in one go.
BODY_IMAGE_RENDITIONS = ("width-480", "width-800", "width-1200")
INFOGRAPHIC_RENDITIONS = ("width-800", "width-1600")
PORTRAIT_RENDITIONS = ("fill-160x200",)


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """An image chooser that loads its images' renditions with the images.

    Stock ``ImageChooserBlock`` fetches the images of a StreamField in one
    query but then each ``{% image %}`` tag queries its rendition, so a body
    with N images costs N more queries. Prefetching the renditions the block's
    template uses keeps a page's query count constant.
    """

    def __init__(self, renditions=BODY_IMAGE_RENDITIONS, **kwargs):
        self.renditions = tuple(renditions)
        super().__init__(**kwargs)

    def deconstruct(self):
        # Migrations record a plain ImageChooserBlock: the prefetching is a
        # rendering optimisation, not part of the stored data.
        path, args, kwargs = super().deconstruct()
        kwargs = {k: v for k, v in kwargs.items() if k != "renditions"}
        return "wagtail.images.blocks.ImageChooserBlock", args, kwargs

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions(*self.renditions).in_bulk(
            [v for v in values if v is not None]
        )
        return [objects.get(value) for value in values]


class ImageWithAltValue(blocks.StructValue):
    @property
    def alt(self):
        """Alt text for this use of the image, else the image's own description."""
        if self.get("decorative"):
            return ""
        image = self.get("image")
        return self.get("alt_text") or (getattr(image, "description", "") if image else "")


class AltTextRequiredMixin:
    """Refuses an image without alt text unless it is marked decorative."""

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("decorative") and not value.alt:
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image for people who cannot see it, or mark it as decorative.")
                    )
                }
            )
        return value


class CaptionedImageBlock(AltTextRequiredMixin, blocks.StructBlock):
    image = PrefetchingImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for screen readers. Leave empty to use the image's description."),
    )
    decorative = blocks.BooleanBlock(label=_("decorative image"), required=False)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("credit"), required=False, max_length=150, help_text=_("Photo: name of photographer or source.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_bhxh/blocks/captioned_image.html"
        value_class = ImageWithAltValue
        description = _("An image with alt text, caption and credit.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_bhxh/blocks/quote.html"
        preview_value = {
            "text": "Mọi người dân đều được chăm sóc sức khỏe khi có thẻ BHYT.",
            "attribution": "Giám đốc BHXH tỉnh",
        }
        description = _("A highlighted quotation with who said it.")


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("address of the video or post"))
    title = blocks.CharBlock(
        label=_("title"),
        max_length=200,
        help_text=_("Short description of the embedded content, read out by screen readers."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "wagtail_bhxh/blocks/embed.html"
        description = _("A video or social media post embedded from its address.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, max_length=250, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "wagtail_bhxh/blocks/document_link.html"
        description = _("A link to a file to download, with its type and size.")


class LegalCitationBlock(blocks.StructBlock):
    """A citation of a legal document, linked to its page and article."""

    document = blocks.PageChooserBlock(label=_("legal document"), page_type="wagtail_bhxh.LegalDocumentPage")
    article = blocks.CharBlock(
        label=_("article"),
        required=False,
        max_length=20,
        help_text=_("Article number to link to, e.g. 5 for Điều 5."),
    )
    text = blocks.TextBlock(label=_("quoted text"), required=False)

    class Meta:
        icon = "link"
        label = _("Legal citation")
        template = "wagtail_bhxh/blocks/legal_citation.html"
        description = _("Cite a legal document of the portal, optionally one of its articles.")


class TableWithCaptionBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "wagtail_bhxh/blocks/table.html"
        description = _("A table with a caption and header row.")


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of news items and articles."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="wagtail_bhxh/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableWithCaptionBlock()
    embed = CaptionedEmbedBlock()
    document = DocumentLinkBlock()
    legal_citation = LegalCitationBlock()


class InfographicImageBlock(AltTextRequiredMixin, blocks.StructBlock):
    image = PrefetchingImageChooserBlock(label=_("image"), renditions=INFOGRAPHIC_RENDITIONS)
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        required=False,
        max_length=300,
        help_text=_("A short description; the full text goes in the transcript."),
    )
    decorative = blocks.BooleanBlock(label=_("decorative image"), required=False)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Infographic image")
        template = "wagtail_bhxh/blocks/infographic_image.html"
        value_class = ImageWithAltValue


class LegalArticleBlock(blocks.StructBlock):
    """One article (điều) of a legal document's full text."""

    number = blocks.CharBlock(label=_("number"), max_length=20, help_text=_("e.g. 5 or 5a"))
    heading = blocks.CharBlock(label=_("heading"), max_length=500, required=False)
    text = blocks.TextBlock(label=_("text"))

    class Meta:
        icon = "list-ol"
        label = _("Article")
        template = "wagtail_bhxh/blocks/legal_article.html"
        form_classname = "struct-block legal-article-block"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("file"))
    title = blocks.CharBlock(label=_("title"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Attachment")
        template = "wagtail_bhxh/blocks/document_link.html"


class PersonBlock(blocks.StructBlock):
    """A leader of the organisation."""

    name = blocks.CharBlock(label=_("full name"), max_length=150)
    position = blocks.CharBlock(label=_("position"), max_length=150)
    photo = PrefetchingImageChooserBlock(label=_("photo"), required=False, renditions=PORTRAIT_RENDITIONS)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("email"), required=False)
    responsibilities = blocks.TextBlock(label=_("responsibilities"), required=False)

    class Meta:
        icon = "user"
        label = _("Leader")
        template = "wagtail_bhxh/blocks/person.html"


class UnitBlock(blocks.StructBlock):
    """A department or a district office with its contacts."""

    name = blocks.CharBlock(label=_("name"), max_length=200)
    head = blocks.CharBlock(label=_("head"), required=False, max_length=150)
    address = blocks.CharBlock(label=_("address"), required=False, max_length=300)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("email"), required=False)
    working_hours = blocks.CharBlock(label=_("working hours"), required=False, max_length=200)

    class Meta:
        icon = "home"
        label = _("Unit")
        template = "wagtail_bhxh/blocks/unit.html"


class ContentBodyBlock(ArticleBodyBlock):
    """Body of general pages (functions, contact, about)."""
