"""A province's developers extend the suite's page types by subclassing."""

import pytest
from wagtail.rich_text import RichText

from tests.factories import NewsIndexPageFactory
from tests.testapp.models import MixinArticlePage, ProvinceArticlePage
from wagtail_bhxh.models import ArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def test_subclasses_may_live_in_news_sections():
    assert NewsIndexPage in ProvinceArticlePage.clean_parent_page_models()
    assert ProvinceArticlePage in NewsIndexPage.clean_subpage_models()
    assert MixinArticlePage in NewsIndexPage.clean_subpage_models()
    assert ArticlePage in NewsIndexPage.clean_subpage_models()


def test_subclass_without_a_template_renders_with_the_suites(home, client):
    news = NewsIndexPageFactory(parent=home)
    page = ProvinceArticlePage(
        title="Huyện Sông Xanh đạt 95% dân số tham gia BHYT",
        slug="huyen-song-xanh",
        district="Sông Xanh",
        intro="Tỷ lệ bao phủ bảo hiểm y tế của huyện tiếp tục tăng.",
        body=[("paragraph", RichText("<p>Nội dung.</p>"))],
    )
    news.add_child(instance=page)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "wagtail_bhxh/article_page.html" in [t.name for t in response.templates]
    assert "Tỷ lệ bao phủ bảo hiểm y tế" in response.content.decode()
    # It is listed with the suite's own articles.
    listing = client.get(news.url).content.decode()
    assert "Huyện Sông Xanh đạt 95% dân số tham gia BHYT" in listing


def test_mixin_on_the_sites_own_base_page_uses_its_own_template(home, client):
    news = NewsIndexPageFactory(parent=home)
    page = MixinArticlePage(title="Trang riêng của tỉnh", slug="trang-rieng", intro="Giới thiệu.")
    news.add_child(instance=page)
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'class="page-article province-article"' in response.content.decode()
