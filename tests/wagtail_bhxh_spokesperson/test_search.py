"""Press information is found by the portal's search and JSON API as type ``press_release``."""

import pytest
from django.apps import apps
from django.urls import reverse

from .conftest import make_press_release

pytestmark = pytest.mark.skipif(not apps.is_installed("wagtail_bhxh.search"), reason="the search app is not installed")


def test_a_published_press_release_is_found_typed_without_diacritics(
    client, press_section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        release = make_press_release(press_section, title="Thông cáo báo chí về mức lương cơ sở mới")
    response = client.get(reverse("wagtail_bhxh:search_api"), {"q": "thong cao luong co so", "type": "press_release"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(hit["id"], hit["type"]) for hit in results] == [(release.pk, "press_release")]
    assert results[0]["url"].endswith(release.url)


def test_an_unpublished_press_release_leaves_the_search_at_once(
    client, press_section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        release = make_press_release(press_section, title="Thông cáo báo chí về mức lương cơ sở mới")
    with django_capture_on_commit_callbacks(execute=True):
        release.unpublish()
    response = client.get(reverse("wagtail_bhxh:search_api"), {"q": "thong cao luong co so"})
    assert response.json()["count"] == 0
