"""A StreamField block showing the current spokesperson's card where an editor places it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SpokespersonCardBlock(blocks.StructBlock):
    """The card of today's spokesperson of the site; it follows term changes by itself."""

    heading_level = blocks.ChoiceBlock(
        label=_("heading level"),
        choices=[("2", "H2"), ("3", "H3"), ("4", "H4")],
        default="2",
        help_text=_("Pick the level that fits the page's headings (H2 directly under the title)."),
    )
    show_term = blocks.BooleanBlock(label=_("show the term and appointing decision"), required=False, default=True)

    class Meta:
        icon = "user"
        label = _("Spokesperson card")
        template = "wagtail_bhxh_spokesperson/blocks/spokesperson_card.html"
