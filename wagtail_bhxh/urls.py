"""Public URLs of the suite; include before Wagtail's own catch-all::

    path("", include("wagtail_bhxh.urls")),

URLs of the optional apps (search, analytics) are included when the app is
in INSTALLED_APPS.
"""

from django.apps import apps
from django.urls import include, path

from .feeds import LatestNewsFeed

app_name = "wagtail_bhxh"

urlpatterns = [
    path("rss/", LatestNewsFeed(), name="rss"),
]

for optional_app in ("wagtail_bhxh.search", "wagtail_bhxh.analytics"):
    if apps.is_installed(optional_app):
        urlpatterns.append(path("", include(f"{optional_app}.urls")))
