"""Payment notices (thông báo nhận nhuận bút) sent to payees who have not collected their money."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .statements import StatementPerson


class PaymentNotice(models.Model):
    """One notice to one payee of an approved statement: by email, or a printed letter."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        LETTER = "letter", _("Printed letter")

    person = models.ForeignKey(
        StatementPerson, verbose_name=_("payee"), on_delete=models.CASCADE, related_name="notices"
    )
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("sent to"), max_length=254, blank=True)
    number = models.PositiveSmallIntegerField(_("notice number"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when sent by the scheduled command."),
    )

    class Meta:
        ordering = ["person", "number"]
        verbose_name = _("payment notice")
        verbose_name_plural = _("payment notices")
        constraints = [
            # At most one notice a day to a payee, however often the command or the button runs.
            models.UniqueConstraint(fields=["person", "sent_on"], name="bhxh_royalties_one_notice_a_day"),
        ]

    def __str__(self):
        return f"{self.person} #{self.number} ({self.sent_on:%d/%m/%Y})"
