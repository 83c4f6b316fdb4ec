from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/bhxh/search/", views.search_api, name="search_api"),
    path("api/bhxh/autocomplete/", views.autocomplete_api, name="search_autocomplete"),
]
