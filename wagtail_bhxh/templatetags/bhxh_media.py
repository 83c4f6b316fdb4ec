"""Embedding videos of video pages and embed blocks."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

register = template.Library()


@register.inclusion_tag("wagtail_bhxh/includes/video_player.html")
def bhxh_video_player(page):
    """The player of a video page: the uploaded file, else the embed, else a link.

    Embeds are fetched through Wagtail's oEmbed finders (and cached by
    Wagtail); if the provider cannot be reached the reader still gets a
    link to the video rather than an empty box.
    """
    embed_html = ""
    if not page.video_file_id and page.video_url:
        try:
            embed_html = mark_safe(embeds.get_embed(page.video_url).html)  # noqa: S308  (HTML from Wagtail's oEmbed finders)
        except EmbedException:
            embed_html = ""
    return {"page": page, "embed_html": embed_html}
