"""Public URLs of the visitor statistics (included by ``wagtail_bhxh.urls``).

The beacon's path avoids words such as "analytics", "track" or "beacon"
that content blockers filter, so their users are counted too.
"""

from django.urls import path

from .views import public

app_name = "analytics"

urlpatterns = [
    path("bhxh/luot-xem/", public.beacon, name="beacon"),
    path("ve-so-lieu-truy-cap/", public.MethodologyView.as_view(), name="methodology"),
]
