"""Admin forms of the editorial process. Every error message is translated and names the field."""

import datetime

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminPageChooser

from ..models.base import BasePage
from ..models.takedown import PageNotice, TakedownRequest
from .evidence import validate_evidence_file
from .rules import is_protected_page, was_ever_published


class TakedownRequestForm(WagtailAdminModelForm):
    class Meta:
        model = TakedownRequest
        fields = ["page", "reason", "reason_text", "urgency", "evidence"]
        widgets = {"page": AdminPageChooser()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].required = True
        self.fields["page"].queryset = BasePage.objects.all()

    def clean_page(self):
        page = self.cleaned_data["page"]
        if page is None:
            return page
        page = page.specific
        if not is_protected_page(page) or not was_ever_published(page):
            raise forms.ValidationError(_("Choose a published news item, article, infographic, video or document."))
        if TakedownRequest.objects.pending().filter(page=page).exists():
            raise forms.ValidationError(_("A takedown request for this page is already awaiting the head's decision."))
        return page

    def clean_evidence(self):
        evidence = self.cleaned_data.get("evidence")
        if isinstance(evidence, UploadedFile):
            validate_evidence_file(evidence)
        return evidence

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("reason") == TakedownRequest.Reason.OTHER
            and not cleaned_data.get("reason_text", "").strip()
        ):
            self.add_error("reason_text", _("Explain the reason when it is 'Other'."))
        return cleaned_data


class TakedownDecisionForm(forms.Form):
    APPROVE = "approve"
    REJECT = "reject"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve the takedown")), (REJECT, _("Reject the request"))],
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=TakedownRequest.Outcome.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    replacement_page = forms.ModelChoiceField(
        label=_("Replacement page"),
        queryset=BasePage.objects.all(),
        required=False,
        widget=AdminPageChooser(),
        help_text=_("For a consolidation: the live page that replaces this one."),
    )
    public_note = forms.CharField(
        label=_("Note shown to the public"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional; shown on the withdrawal banner or the removal notice. No confidential details."),
    )
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why you decide so; kept in the audit log and sent to the requester."),
    )

    def __init__(self, *args, takedown=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.takedown = takedown

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Write a comment explaining the decision."))
        return comment

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") != self.APPROVE:
            return cleaned_data
        outcome = cleaned_data.get("outcome")
        if not outcome:
            self.add_error("outcome", _("Choose what happens to the page."))
        elif outcome == TakedownRequest.Outcome.CONSOLIDATED:
            replacement = cleaned_data.get("replacement_page")
            if replacement is None:
                self.add_error("replacement_page", _("Choose the page that replaces this one."))
            elif not replacement.live or (self.takedown is not None and replacement.pk == self.takedown.page_id):
                self.add_error("replacement_page", _("The replacement must be another page, and published."))
        return cleaned_data


class CorrectionForm(WagtailAdminModelForm):
    class Meta:
        model = PageNotice
        fields = ["page", "text", "published_at"]
        widgets = {"page": AdminPageChooser(), "text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": _("Correction"), "published_at": _("Date of the correction")}
        help_texts = {"text": _("What was wrong and what is right; shown, dated, at the top of the page.")}
        error_messages = {"text": {"required": _("Write the correction.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = BasePage.objects.all()

    def clean_page(self):
        page = self.cleaned_data["page"]
        if page is None:
            return page
        page = page.specific
        if not is_protected_page(page) or not page.live:
            raise forms.ValidationError(_("Choose a live news item, article, infographic, video or document."))
        return page

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the correction."))
        return text

    def clean_published_at(self):
        published_at = self.cleaned_data["published_at"]
        if published_at and published_at > timezone.now() + datetime.timedelta(minutes=5):
            raise forms.ValidationError(_("A correction cannot be dated in the future."))
        return published_at


class RetrospectiveApprovalForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; kept in the audit log."),
    )
