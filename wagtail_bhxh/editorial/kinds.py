"""The kinds of item the monthly norms count, and which page types produce them."""

from django.utils.translation import gettext_lazy as _

NEWS = "tin"
ARTICLE = "bai"
INFOGRAPHIC = "infographic"
VIDEO = "video"

KIND_CHOICES = [
    (NEWS, _("News items (tin)")),
    (ARTICLE, _("Articles (bài)")),
    (INFOGRAPHIC, _("Infographics")),
    (VIDEO, _("Videos")),
]
KINDS = tuple(code for code, _label in KIND_CHOICES)

#: Short labels for the home panel ("14/20 tin").
KIND_SHORT = {NEWS: _("tin"), ARTICLE: _("bài"), INFOGRAPHIC: _("infographic"), VIDEO: _("video")}


def kind_label(code):
    return dict(KIND_CHOICES).get(code, code)
