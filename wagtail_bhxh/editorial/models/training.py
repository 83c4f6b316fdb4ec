"""Training records (Dispatch 3216, item 6): sessions held for the editorial staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index


class TrainingSession(index.Indexed, ClusterableModel):
    date = models.DateField(_("date"), db_index=True)
    topic = models.CharField(_("topic"), max_length=255)
    trainer = models.CharField(_("trainer"), max_length=255, help_text=_("Name and organisation of the trainer."))
    attendees = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attendees (staff)"), blank=True, related_name="+"
    )
    external_attendees = models.TextField(
        _("other attendees"), blank=True, help_text=_("Names of attendees without an account, one a line.")
    )
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("trainer")]),
        FieldPanel("topic"),
        FieldPanel("attendees"),
        FieldPanel("external_attendees"),
        InlinePanel("materials", heading=_("Materials"), label=_("document")),
        FieldPanel("notes"),
    ]
    search_fields = [index.SearchField("topic"), index.SearchField("trainer"), index.FilterField("date")]

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.topic}"

    @property
    def external_names(self):
        return [line.strip() for line in self.external_attendees.splitlines() if line.strip()]

    @property
    def attendee_count(self):
        return len(self.attendees.all()) + len(self.external_names)


class TrainingMaterial(Orderable):
    session = ParentalKey(TrainingSession, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")
