from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .flow import validate_proposal


class RoyaltyEntryForm(WagtailAdminModelForm):
    """The editorial secretary's proposal: refused outside the frame in force on the publication date."""

    def _post_clean(self):
        # After the instance has the submitted values, so the rules are checked on what will be saved.
        super()._post_clean()
        if self.errors:
            return
        try:
            validate_proposal(self.instance)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
            else:
                self.add_error(None, error)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        error_messages={"required": _("Give the reason for reopening the entry.")},
    )


class MonthForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12)


class PaymentForm(forms.Form):
    paid_on = forms.DateField(
        label=_("Paid on"),
        required=False,
        help_text=_("Leave empty to mark the amount unpaid again."),
    )

    def clean_paid_on(self):
        paid_on = self.cleaned_data.get("paid_on")
        if paid_on and paid_on > timezone.localdate():
            raise ValidationError(_("The payment date cannot be in the future."))
        return paid_on
