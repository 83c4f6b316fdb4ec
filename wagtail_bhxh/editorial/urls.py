"""Admin URLs of the editorial planning app (registered by ``wagtail_hooks.py`` under /admin/bhxh/editorial/)."""

from django.urls import path

from .views import compliance, dashboard, nominations, review

app_name = "wagtail_bhxh_editorial"

urlpatterns = [
    path("norms/", dashboard.NormsDashboardView.as_view(), name="norms"),
    path("occasions/", dashboard.OccasionsCalendarView.as_view(), name="occasions"),
    path("reviews/", review.OverdueView.as_view(), name="reviews"),
    path("reviews/<int:pk>/reviewed/", review.MarkReviewedView.as_view(), name="mark_reviewed"),
    path("compliance/", compliance.ComplianceView.as_view(), name="compliance"),
    path("nominations/", nominations.QuarterView.as_view(), name="nominations"),
    path("nominations/new/", nominations.NominateView.as_view(), name="nominate"),
    path("nominations/<int:pk>/<slug:action>/", nominations.NominationActionView.as_view(), name="nomination_action"),
]
