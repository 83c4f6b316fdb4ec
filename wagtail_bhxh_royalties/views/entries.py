"""Royalty entries in the admin: the list, the secretary's proposal, the head's approval and reopen."""

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from .. import flow
from ..conf import royalty_settings
from ..forms import MonthForm, ReopenForm, RoyaltyEntryForm
from ..models import RoyaltyEntry
from ..permissions import can_approve_entries, can_propose, can_see_amounts
from .columns import AllPermissionsMixin, MoneyColumn


class EntryFilterSet(WagtailFilterSet):
    published_on = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Published between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = RoyaltyEntry
        fields = ["status", "kind", "credit_role"]


class EntryIndexView(generic.IndexView):
    template_name = "wagtail_bhxh_royalties/admin/entry_index.html"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("kind")

    @property
    def columns(self):
        columns = super().columns
        if not can_see_amounts(self.request.user):
            columns = [column for column in columns if not isinstance(column, MoneyColumn)]
        return columns

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_approve"] = can_approve_entries(self.request.user)
        context["month_form"] = MonthForm(prefix="approve")
        return context


class EntryEditView(generic.EditView):
    """The secretary's proposal. A locked (approved) entry cannot be changed, whatever is posted."""

    template_name = "wagtail_bhxh_royalties/admin/entry_edit.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_propose(request.user):
            if can_approve_entries(request.user):  # the head opens an entry to approve or reopen it
                return redirect("wagtail_bhxh_royalties_entries:approve", kwargs["pk"])
            raise PermissionDenied
        self.object = self.get_object()
        if self.object.is_locked:
            messages.error(request, _("This entry is approved and locked; the head must reopen it before any change."))
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        instance = self.form.save(commit=False)
        return flow.propose(instance, self.request.user, self.form.changed_data)

    def get_success_message(self):
        return _("Coefficient proposed for '%(entry)s'.") % {"entry": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rulebook_frame = flow.get_calculator().rules.frame(self.object.kind_id, self.object.published_on)
        context.update(
            entry=self.object,
            frame=rulebook_frame,
            can_see_amounts=can_see_amounts(self.request.user),
            translation_range=(royalty_settings.TRANSLATION_MIN_PERCENT, royalty_settings.TRANSLATION_MAX_PERCENT),
        )
        return context


def _require_approver(request):
    if not can_approve_entries(request.user):
        raise PermissionDenied(_("Only the head of the editorial board approves royalty entries."))


class ApproveView(WagtailAdminTemplateMixin, TemplateView):
    """The head's page for one entry: its figures, and approve (POST) when proposed."""

    template_name = "wagtail_bhxh_royalties/admin/entry_approve.html"
    page_title = gettext_lazy("Approve a royalty entry")
    header_icon = "check"

    def dispatch(self, request, pk):
        _require_approver(request)
        self.entry = get_object_or_404(RoyaltyEntry.objects.select_related("kind"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.entry)

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, **kwargs)

    def post(self, request, pk):
        try:
            flow.approve([self.entry], request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("'%(entry)s' approved and locked.") % {"entry": self.entry})
        return redirect("wagtail_bhxh_royalties_entries:index")


def approve_month_view(request):
    """POST: the head approves every proposed entry published in a month."""
    _require_approver(request)
    if request.method != "POST":
        return redirect("wagtail_bhxh_royalties_entries:index")
    form = MonthForm(request.POST, prefix="approve")
    if not form.is_valid():
        messages.error(request, _("Choose a valid month and year."))
        return redirect("wagtail_bhxh_royalties_entries:index")
    year, month = form.cleaned_data["year"], form.cleaned_data["month"]
    entries = list(
        RoyaltyEntry.objects.filter(
            status=RoyaltyEntry.Status.PROPOSED, published_on__year=year, published_on__month=month
        )
    )
    try:
        approved = flow.approve(entries, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(count)s entries of %(month)02d/%(year)s approved and locked.")
            % {"count": len(approved), "month": month, "year": year},
        )
    return redirect("wagtail_bhxh_royalties_entries:index")


class ReopenView(WagtailAdminTemplateMixin, FormView):
    form_class = ReopenForm
    template_name = "wagtail_bhxh_royalties/admin/entry_reopen.html"
    page_title = gettext_lazy("Reopen a royalty entry")
    header_icon = "lock-open"

    def dispatch(self, request, pk):
        _require_approver(request)
        self.entry = get_object_or_404(RoyaltyEntry.objects.select_related("statement"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.entry)

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, **kwargs)

    def form_valid(self, form):
        try:
            flow.reopen(self.entry, self.request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect("wagtail_bhxh_royalties_entries:index")
        messages.success(self.request, _("'%(entry)s' reopened for changes.") % {"entry": self.entry})
        return redirect("wagtail_bhxh_royalties_entries:index")


class MyEntriesView(WagtailAdminTemplateMixin, TemplateView):
    """Every user sees their own entries (and only theirs): a contributor's view of their royalties."""

    template_name = "wagtail_bhxh_royalties/admin/my_entries.html"
    page_title = gettext_lazy("My royalties")
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        entries = list(
            RoyaltyEntry.objects.filter(user=self.request.user)
            .select_related("kind")
            .order_by("-published_on", "pk")[:500]
        )
        return super().get_context_data(entries=entries, **kwargs)


def approve_button_url(entry):
    return reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,))


class RoyaltyEntryViewSet(AllPermissionsMixin, ModelViewSet):
    model = RoyaltyEntry
    # Nothing links to entries or statements from content; indexing them only slows building a month.
    add_to_reference_index = False
    name = "entries"
    url_prefix = "bhxh/royalties/entries"
    url_namespace = "wagtail_bhxh_royalties_entries"
    icon = "doc-full"
    menu_label = gettext_lazy("Royalty entries")
    menu_order = 100
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = EntryIndexView
    edit_view_class = EntryEditView
    filterset_class = EntryFilterSet
    search_fields = ["title", "person_name"]
    search_backend_name = None
    ordering = ["-published_on", "title", "pk"]
    list_per_page = 50
    list_display = [
        TitleColumn("title", label=gettext_lazy("Item"), url_name="wagtail_bhxh_royalties_entries:edit"),
        Column("person_name", label=gettext_lazy("Name")),
        Column("credit_role", label=gettext_lazy("Credited as")),
        Column("kind", label=gettext_lazy("Kind of work")),
        DateColumn("published_on", label=gettext_lazy("Published on")),
        Column("coefficient", label=gettext_lazy("Coefficient")),
        Column("share_percent", label=gettext_lazy("Share (%)")),
        MoneyColumn("amount", label=gettext_lazy("Amount (đồng)")),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda entry: entry.status != RoyaltyEntry.Status.APPROVED,
        ),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("coefficient"), FieldPanel("share_percent")]),
            FieldRowPanel([FieldPanel("translation_percent"), FieldPanel("bonus_percent")]),
            FieldPanel("lump_sum"),
            FieldPanel("note"),
        ],
        base_form_class=RoyaltyEntryForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", ApproveView.as_view(), name="approve"),
            path("approve-month/", approve_month_view, name="approve_month"),
            path("reopen/<int:pk>/", ReopenView.as_view(), name="reopen"),
            path("mine/", MyEntriesView.as_view(), name="mine"),
        ]
