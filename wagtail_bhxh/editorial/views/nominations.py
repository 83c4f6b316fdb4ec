"""Quarterly model articles in the admin: the quarter view, nominating, the head's decision and sending."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser

from wagtail_bhxh.models import BasePage, ContentPageMixin

from .. import nominations
from ..models import Nomination
from ..models.nominations import quarter_of
from ..permissions import can_view_planning


def quarter_url(year, quarter):
    return reverse("wagtail_bhxh_editorial:nominations") + f"?year={year}&quarter={quarter}"


class QuarterForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, required=False)
    quarter = forms.IntegerField(min_value=1, max_value=4, required=False)


class QuarterView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_bhxh_editorial/admin/nominations.html"
    page_title = gettext_lazy("Model articles to the central portal")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not (can_view_planning(request.user) or nominations.can_nominate(request.user)):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        form = QuarterForm(self.request.GET)
        data = form.cleaned_data if form.is_valid() else {}
        year = data.get("year") or today.year
        quarter = data.get("quarter") or quarter_of(today)
        items = list(
            Nomination.objects.in_quarter(year, quarter)
            .select_related("nominated_by", "decided_by")
            .prefetch_related("deliveries")
        )
        target = nominations.quarter_target(year)
        sent = sum(1 for n in items if n.status == Nomination.Status.SENT)
        previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        following = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
        context.update(
            form_errors=form.errors,
            year=year,
            quarter=quarter,
            nominations=items,
            target=target,
            sent=sent,
            short=max(target - sent, 0),
            can_decide=nominations.can_decide(self.request.user),
            can_nominate=nominations.can_nominate(self.request.user),
            previous_url=quarter_url(*previous),
            next_url=quarter_url(*following),
        )
        return context


class NominationForm(forms.Form):
    page = forms.ModelChoiceField(
        label=gettext_lazy("Article"),
        queryset=BasePage.objects.all(),
        widget=AdminPageChooser(target_models=None),
        error_messages={
            "required": gettext_lazy("Choose the published article to nominate."),
            "invalid_choice": gettext_lazy("Choose the published article to nominate."),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Why this article is a model example; sent with it to the central portal."),
        error_messages={"required": gettext_lazy("Say why this article is a model example.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import get_page_models

        models = [m for m in get_page_models() if issubclass(m, ContentPageMixin) and not m._meta.abstract]
        self.fields["page"].widget = AdminPageChooser(target_models=models)


class NominateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_bhxh_editorial/admin/nominate.html"
    page_title = gettext_lazy("Nominate a model article")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not nominations.can_nominate(request.user):
            return permission_denied(request)
        self.form = NominationForm(request.POST or None)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtail_bhxh_editorial:nominations"), "label": _("Model articles to the central portal")},
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request, *args, **kwargs):
        if self.form.is_valid():
            try:
                nomination = nominations.nominate(
                    self.form.cleaned_data["page"], request.user, self.form.cleaned_data["note"]
                )
            except ValidationError as error:
                self.form.add_error(None, error)
            else:
                messages.success(
                    request, _("'%(title)s' is nominated; the head decides.") % {"title": nomination.page_title}
                )
                return redirect(quarter_url(nomination.year, nomination.quarter))
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "form": self.form}


class NominationActionView(View):
    """POST only: approve, reject, send (or retry) — the head's actions."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        nomination = get_object_or_404(Nomination, pk=pk)
        back = quarter_url(nomination.year, nomination.quarter)
        if not nominations.can_decide(request.user):
            return permission_denied(request)
        try:
            if action in ("approve", "reject"):
                nominations.decide(nomination, request.user, approve=action == "approve")
                messages.success(request, _("Decision recorded."))
            elif action == "send":
                self.send(request, nomination)
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(back)

    def send(self, request, nomination):
        try:
            delivery = nominations.send_nomination(nomination, request.user)
        except nominations.NotSendable:
            messages.warning(
                request,
                _("'%(title)s' was not sent again: it is not approved, already sent or being sent.")
                % {"title": nomination.page_title},
            )
            return
        if delivery.result == delivery.Result.SENT:
            messages.success(
                request,
                _("'%(title)s' was emailed to %(address)s.")
                % {"title": nomination.page_title, "address": delivery.recipient},
            )
        else:
            messages.error(
                request,
                _("Sending '%(title)s' failed (%(error)s). Try again later; it will not be sent twice.")
                % {"title": nomination.page_title, "error": delivery.error},
            )
