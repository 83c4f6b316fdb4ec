"""Corrections (đính chính) in the admin: appended to a live page, dated, never edited afterwards."""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ...models.takedown import PageNotice
from .. import takedown as service
from ..forms import CorrectionForm
from ..policies import notice_policy


class CorrectionFilterSet(WagtailFilterSet):
    published_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Dated between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = PageNotice
        fields = []


class CorrectionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().corrections().select_related("page", "created_by__wagtail_userprofile")


class CorrectionCreateView(generic.CreateView):
    page_title = gettext_lazy("Add a correction")
    submit_button_label = gettext_lazy("Publish the correction")
    success_message = gettext_lazy("Correction published on the page.")

    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit():
            initial["page"] = int(page_id)
        return initial

    def save_instance(self):
        return service.add_correction(self.form.save(commit=False), user=self.request.user)

    def get_success_buttons(self):
        return []


class CorrectionInspectView(generic.InspectView):
    fields = ["page", "text", "published_at", "created_by"]

    def get_object(self, queryset=None):
        return get_object_or_404(PageNotice.objects.corrections(), pk=self.pk)


def page_title(notice):
    return notice.page.title


def short_text(notice):
    return Truncator(notice.text).chars(120)


class CorrectionViewSet(ModelViewSet):
    model = PageNotice
    name = "corrections"
    url_prefix = "bhxh/corrections"
    url_namespace = "wagtail_bhxh_corrections"
    icon = "edit"
    menu_label = gettext_lazy("Corrections")
    menu_order = 320
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CorrectionIndexView
    add_view_class = CorrectionCreateView
    inspect_view_class = CorrectionInspectView
    filterset_class = CorrectionFilterSet
    search_fields = ["text"]
    ordering = ["-published_at"]
    edit_handler = ObjectList(
        [FieldPanel("page"), FieldPanel("text"), FieldPanel("published_at")], base_form_class=CorrectionForm
    )
    list_display = [
        TitleColumn(
            "page",
            label=gettext_lazy("Page"),
            accessor=page_title,
            get_url=lambda notice: reverse("wagtail_bhxh_corrections:inspect", args=(notice.pk,)),
        ),
        Column("text", label=gettext_lazy("Correction"), accessor=short_text),
        DateColumn("published_at", label=gettext_lazy("Date")),
        UserColumn("created_by", label=gettext_lazy("Added by")),
    ]
    list_export = ["page", "text", "published_at", "created_by"]

    if WAGTAIL_VERSION < (8, 0):
        permission_policy = notice_policy
