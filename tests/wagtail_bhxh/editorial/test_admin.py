"""The editorial planning screens render for those who may see them, in constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import StandardPageFactory
from wagtail_bhxh.editorial.models import Nomination, PageReview

from .conftest import approve_plan, good_article, make_plan


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtail_bhxh_editorial_plans:list",
        "wagtail_bhxh_editorial_training:list",
        "wagtail_bhxh_editorial_reviews:list",
        "wagtail_bhxh_editorial:norms",
        "wagtail_bhxh_editorial:occasions",
        "wagtail_bhxh_editorial:nominations",
        "wagtail_bhxh_editorial:nominate",
        "wagtail_bhxh_editorial:compliance",
        "wagtail_bhxh_editorial:reviews",
    ],
)
def test_screens_render_for_the_head(editorial, as_user, url_name):
    approve_plan(make_plan(2026))
    PageReview.objects.create(page=StandardPageFactory(parent=editorial.home), interval_days=1)
    response = as_user(editorial.users.head).get(reverse(url_name))
    assert response.status_code == 200


def test_quarter_view_queries_do_not_grow_with_nominations(editorial, as_user):
    client = as_user(editorial.users.head)
    url = reverse("wagtail_bhxh_editorial:nominations")

    def add(n):
        for index in range(n):
            page = good_article(editorial.news, editorial.users.editor, live=True, slug=f"bai-tieu-bieu-{index}-{n}")
            nomination = Nomination.objects.create(
                page=page, page_title=page.title, note="Tiêu biểu", year=2026, quarter=4
            )
            nomination.deliveries.create(recipient="a@b.vn", message_id=f"<{index}-{n}@x>", result="failed")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"year": 2026, "quarter": 4}).status_code == 200
        return len(captured)

    add(1)
    queries()  # the first request fills the per-process caches
    few = queries()
    add(5)
    queries()  # new pages start a new generation of the cached chrome
    assert queries() == few
