"""Takedown requests in the admin: file one, list and inspect them, and the head's decision."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from ...models.takedown import TakedownRequest
from .. import takedown as service
from ..forms import TakedownDecisionForm, TakedownRequestForm
from ..policies import takedown_policy
from ..roles import HEAD, user_has_role


class TakedownFilterSet(WagtailFilterSet):
    requested_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Requested between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = TakedownRequest
        fields = ["status", "reason", "urgency", "outcome"]


def visible_requests(user, queryset=None):
    """Everything for those with the view permission; their own requests for the others."""
    queryset = TakedownRequest.objects.all() if queryset is None else queryset
    if takedown_policy.user_has_permission(user, "view"):
        return queryset
    return queryset.filter(requested_by=user)


class TakedownIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .select_related("requested_by__wagtail_userprofile", "decided_by__wagtail_userprofile")
        )
        return visible_requests(self.request.user, queryset)


class TakedownCreateView(generic.CreateView):
    page_title = gettext_lazy("Request a takedown")
    submit_button_label = gettext_lazy("Send to the head")
    success_message = gettext_lazy("Takedown request for '%(object)s' sent to the head of the editorial board.")

    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit():
            initial["page"] = int(page_id)
        return initial

    def save_instance(self):
        instance = self.form.save(commit=False)
        page = instance.page
        instance.requested_by = self.request.user
        instance.page_title = page.title
        instance.page_url = page.get_url(self.request) or page.url_path
        if instance.evidence:
            instance.evidence_name = instance.evidence.name.rsplit("/", 1)[-1][:255]
        instance.save()
        service.record_request(instance)
        return instance

    def get_success_url(self):
        return reverse("wagtail_bhxh_takedown:inspect", args=(self.object.pk,))

    def get_success_buttons(self):
        return []


class TakedownInspectView(generic.InspectView):
    template_name = "wagtail_bhxh/moderation/takedown_inspect.html"
    fields = [
        "page_title",
        "page_url",
        "reason",
        "reason_text",
        "urgency",
        "requested_by",
        "requested_at",
        "status",
        "outcome",
        "replacement_page",
        "public_note",
        "decided_by",
        "decided_at",
        "decision_comment",
    ]

    def get_object(self, queryset=None):
        return get_object_or_404(visible_requests(self.request.user), pk=self.pk)

    @property
    def header_buttons(self):
        buttons = []
        if self.object.is_pending and user_has_role(self.request.user, HEAD):
            buttons.append(
                HeaderButton(
                    _("Decide"), url=reverse("wagtail_bhxh_takedown:decide", args=(self.object.pk,)), icon_name="check"
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        takedown = self.object
        context.update(
            takedown=takedown,
            can_decide=takedown.is_pending and user_has_role(self.request.user, HEAD),
            can_cancel=takedown.is_pending and takedown.requested_by_id == self.request.user.pk,
            evidence_url=reverse("wagtail_bhxh_takedown:evidence", args=(takedown.pk,)) if takedown.evidence else "",
        )
        return context


class TakedownDecisionView(WagtailAdminTemplateMixin, FormView):
    """The head approves (choosing the outcome) or rejects a pending request, with a comment."""

    form_class = TakedownDecisionForm
    template_name = "wagtail_bhxh/moderation/takedown_decide.html"
    page_title = gettext_lazy("Decide on a takedown request")
    header_icon = "warning"

    def dispatch(self, request, pk):
        self.takedown = get_object_or_404(TakedownRequest.objects.select_related("page", "requested_by"), pk=pk)
        if not user_has_role(request.user, HEAD):
            raise PermissionDenied(_("Only the head of the editorial board decides takedown requests."))
        if not self.takedown.is_pending:
            messages.error(request, _("This request has already been decided."))
            return redirect("wagtail_bhxh_takedown:inspect", pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.takedown)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "takedown": self.takedown}

    def get_context_data(self, **kwargs):
        return super().get_context_data(takedown=self.takedown, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        if data["decision"] == form.APPROVE:
            service.approve(
                self.takedown,
                user=self.request.user,
                outcome=data["outcome"],
                comment=data["comment"],
                replacement=data.get("replacement_page"),
                public_note=data.get("public_note", ""),
                request=self.request,
            )
            messages.success(
                self.request,
                _("'%(title)s' has been taken down: %(outcome)s.")
                % {"title": self.takedown.page_title, "outcome": self.takedown.get_outcome_display()},
            )
        else:
            service.reject(self.takedown, user=self.request.user, comment=data["comment"])
            messages.success(self.request, _("The takedown request has been rejected."))
        return redirect("wagtail_bhxh_takedown:inspect", self.takedown.pk)

    def form_invalid(self, form):
        messages.validation_error(self.request, _("The decision could not be saved because of errors."), form)
        return super().form_invalid(form)


def cancel_view(request, pk):
    takedown = get_object_or_404(TakedownRequest, pk=pk)
    if request.method != "POST":
        return redirect("wagtail_bhxh_takedown:inspect", pk)
    service.cancel(takedown, user=request.user)
    messages.success(request, _("Your takedown request has been withdrawn."))
    return redirect("wagtail_bhxh_takedown:index")


def evidence_view(request, pk):
    """The evidence file, only to those who may see the request."""
    takedown = get_object_or_404(visible_requests(request.user), pk=pk)
    if not takedown.evidence:
        raise Http404
    return FileResponse(takedown.evidence.open("rb"), as_attachment=True, filename=takedown.evidence_name or None)


class TakedownRequestViewSet(ModelViewSet):
    model = TakedownRequest
    name = "takedown"
    url_prefix = "bhxh/takedown"
    url_namespace = "wagtail_bhxh_takedown"
    icon = "warning"
    menu_label = gettext_lazy("Takedown requests")
    menu_order = 310
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = TakedownIndexView
    add_view_class = TakedownCreateView
    inspect_view_class = TakedownInspectView
    filterset_class = TakedownFilterSet
    search_fields = ["page_title", "reason_text"]
    ordering = ["-requested_at"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("page"),
            FieldPanel("reason"),
            FieldPanel("reason_text"),
            FieldPanel("urgency"),
            FieldPanel("evidence"),
        ],
        base_form_class=TakedownRequestForm,
    )
    list_display = [
        TitleColumn("page_title", label=gettext_lazy("Page"), url_name="wagtail_bhxh_takedown:inspect"),
        Column("reason", label=gettext_lazy("Reason"), accessor="get_reason_display"),
        Column("urgency", label=gettext_lazy("Urgency"), accessor="get_urgency_display"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda takedown: takedown.is_pending,
        ),
        UserColumn("requested_by", label=gettext_lazy("Requested by")),
        DateColumn("requested_at", label=gettext_lazy("Requested")),
    ]
    list_export = ["page_title", "page_url", "reason", "reason_text", "urgency", "status", "outcome", "requested_at"]

    if WAGTAIL_VERSION < (8, 0):
        # Wagtail 8 takes it from register_permission_policy() (wagtail_hooks.py).
        permission_policy = takedown_policy

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("decide/<int:pk>/", TakedownDecisionView.as_view(), name="decide"),
            path("cancel/<int:pk>/", cancel_view, name="cancel"),
            path("evidence/<int:pk>/", evidence_view, name="evidence"),
        ]
