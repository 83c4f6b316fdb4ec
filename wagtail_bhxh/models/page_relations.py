"""Child objects any page type of the suite can carry: credits and related links.

They hang off the base page model (not one page type) so every page type,
including a site's own subclasses of the mixins, gets them without models
of its own, and other apps (royalties) read credits the same way for all.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from .base import PAGE_MODEL


class PageCredit(Orderable):
    """A person credited for a page: author, photographer, translator, ..."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        PHOTOGRAPHER = "photographer", _("Photographer")
        TRANSLATOR = "translator", _("Translator")
        DESIGNER = "designer", _("Designer (infographic, graphics)")
        VIDEO = "video", _("Video production")

    page = ParentalKey(PAGE_MODEL, on_delete=models.CASCADE, related_name="bhxh_credits")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.AUTHOR)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bhxh_credits",
        help_text=_("Choose a staff member, or type the name of an outside contributor below."),
    )
    name = models.CharField(
        _("name"),
        max_length=150,
        blank=True,
        help_text=_("Name as printed in the byline. Required for contributors without an account."),
    )

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("user"), FieldPanel("name")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("credit")
        verbose_name_plural = _("credits")

    def __str__(self):
        return f"{self.display_name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if not self.user_id and not self.name.strip():
            raise ValidationError({"name": _("Choose a staff member or type a name.")})

    @property
    def display_name(self):
        if self.name:
            return self.name
        if self.user_id:
            return vietnamese_full_name(self.user)
        return ""


def vietnamese_full_name(user):
    """Family name first, as Vietnamese names are written: 'Trần Thị Hà'.

    Django's get_full_name() puts the given name first ('Hà Trần Thị').
    """
    parts = [getattr(user, "last_name", ""), getattr(user, "first_name", "")]
    return " ".join(part.strip() for part in parts if part and part.strip()) or user.get_username()


class RelatedPageLink(Orderable):
    """A hand-picked related page shown under an article."""

    page = ParentalKey(PAGE_MODEL, on_delete=models.CASCADE, related_name="bhxh_related_links")
    related_page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("related page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
