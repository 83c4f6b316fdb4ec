"""Periodic review in the admin: the schedules (a snippet), the overdue list and "mark reviewed"."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from .. import review
from ..models import PageReview


class PageReviewViewSet(SnippetViewSet):
    model = PageReview
    icon = "time"
    menu_label = gettext_lazy("Review schedules")
    url_prefix = "bhxh/editorial/review-schedules"
    admin_url_namespace = "wagtail_bhxh_editorial_reviews"
    list_display = ["page", "interval_days", "last_reviewed", "owner"]
    ordering = ["last_reviewed"]


def can_review(user, page):
    return page.permissions_for_user(user).can_edit()


class OverdueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_bhxh_editorial/admin/reviews.html"
    page_title = gettext_lazy("Pages due for review")
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_bhxh_editorial.view_pagereview"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "reviews": review.overdue()}


class MarkReviewedView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        schedule = get_object_or_404(PageReview.objects.select_related("page"), pk=pk)
        if not can_review(request.user, schedule.page):
            return permission_denied(request)
        review.mark_reviewed(schedule)
        messages.success(request, _("'%(title)s' marked reviewed.") % {"title": schedule.page.title})
        return redirect("wagtail_bhxh_editorial:reviews")
