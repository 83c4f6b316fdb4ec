"""Per-site settings of the portal, edited in Settings › Portal."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model_string


class PortalSettings(BaseSiteSetting):
    """Identity and contacts of the provincial office, shown in the header and footer."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        default="Bảo hiểm xã hội tỉnh",
        help_text=_("e.g. Bảo hiểm xã hội tỉnh Demo"),
    )
    short_name = models.CharField(_("short name"), max_length=100, blank=True, help_text=_("e.g. BHXH tỉnh Demo"))
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    hotline = models.CharField(_("hotline"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=300, blank=True, help_text=_("The portal's licence, as required in the footer.")
    )
    responsible_person = models.CharField(
        _("person responsible"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Chịu trách nhiệm chính: Nguyễn Văn A – Giám đốc"),
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    zalo_url = models.URLField(_("Zalo official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    footer_note = models.TextField(_("footer note"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("short_name"), FieldPanel("logo")], heading=_("Identity")
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("hotline"), FieldPanel("email")],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("responsible_person"), FieldPanel("footer_note")],
            heading=_("Legal notice"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("zalo_url"), FieldPanel("youtube_url")],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    @property
    def display_short_name(self):
        return self.short_name or self.organisation_name
