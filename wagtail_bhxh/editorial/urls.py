"""Admin URLs of the editorial planning app (registered by ``wagtail_hooks.py`` under /admin/bhxh/editorial/)."""

from django.urls import path

from .views import dashboard

app_name = "wagtail_bhxh_editorial"

urlpatterns = [
    path("norms/", dashboard.NormsDashboardView.as_view(), name="norms"),
    path("occasions/", dashboard.OccasionsCalendarView.as_view(), name="occasions"),
]
