"""manage.py bhxh_generate_content: bulk pages that are an ordinary, valid Wagtail tree.

Kept small (under 200 pages): the generator's speed is measured by the
benchmarks, not here.
"""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from wagtail_bhxh import generator
from wagtail_bhxh.models import (
    ArticlePage,
    ArticlePageTag,
    InfographicPage,
    LegalDocumentPage,
    NewsIndexPage,
    PageCredit,
    PortalHomePage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(home):
    result = generator.generate(60, legal_documents=25, infographics=5, images=2, seed=7, home=home)
    return result


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@demo.vss.gov.vn", "password")
    client.force_login(user)
    return client


def test_generated_tree_is_valid_and_counted(generated, home):
    assert (generated.articles, generated.legal_documents, generated.infographics) == (60, 25, 5)
    assert ArticlePage.objects.live().count() == 60
    assert LegalDocumentPage.objects.live().count() == 25
    assert InfographicPage.objects.live().count() == 5
    # treebeard's own consistency check: characters, step length, orphans, depth, numchild.
    assert all(not problems for problems in Page.find_problems())
    news = NewsIndexPage.objects.child_of(home).get()
    assert news.numchild == 60 == news.get_children().count()
    article = ArticlePage.objects.first()
    assert article.url_path == f"{news.url_path}{article.slug}/"
    assert article.get_parent().pk == news.pk


def test_every_page_has_one_live_revision_matching_it(generated):
    for page in Page.objects.type(ArticlePage, LegalDocumentPage, InfographicPage).specific():
        assert page.live and not page.has_unpublished_changes
        assert page.latest_revision_id == page.live_revision_id is not None
        assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 1
        restored = page.latest_revision.as_object()
        assert restored.title == page.title
        assert restored.first_published_at == page.first_published_at
    article = ArticlePage.objects.first()
    restored = article.latest_revision.as_object()
    assert list(restored.body.raw_data) == list(article.body.raw_data)
    assert sorted(restored.tags.names()) == sorted(article.tags.names())
    assert [c.name for c in restored.bhxh_credits.all()] == [c.name for c in article.bhxh_credits.all()]


def test_articles_have_tags_authors_areas_and_images_with_renditions(generated):
    article = ArticlePage.objects.select_related("feature_image").first()
    assert article.tags.count() >= 1
    assert ArticlePageTag.objects.filter(content_object=article).exists()
    credits = PageCredit.objects.filter(page=article)
    assert credits.exists() and all(c.role == "author" and c.name for c in credits)
    assert article.policy_areas.exists()
    assert article.feature_image.renditions.filter(filter_spec="fill-480x270-c50").exists()
    assert len(article.body) >= 3


def test_legal_documents_come_from_the_corpus_when_it_is_present(generated):
    if generator.find_corpus() is None:
        pytest.skip("legal corpus not on this machine")
    document = LegalDocumentPage.objects.get(number="58/2014/QH13")
    assert document.document_type == "law"
    assert len(document.articles) > 100


def test_generated_pages_render(generated, client, home):
    article = ArticlePage.objects.first()
    response = client.get(article.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert article.title in content
    assert article.bhxh_credits.first().name in content
    for model in (LegalDocumentPage, InfographicPage):
        page = model.objects.first()
        assert client.get(page.url).status_code == 200
    news = NewsIndexPage.objects.child_of(home).get()
    response = client.get(news.url)
    assert response.status_code == 200
    newest = ArticlePage.objects.order_by("-first_published_at").first()
    assert newest.title in response.content.decode()
    assert client.get(home.url).status_code == 200


def test_generated_pages_open_in_the_admin_and_publish_again(generated, admin_client):
    article = ArticlePage.objects.first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert response.status_code == 200
    content = response.content.decode()
    assert article.bhxh_credits.first().name in content
    news = article.get_parent()
    assert admin_client.get(reverse("wagtailadmin_explore", args=(news.pk,))).status_code == 200

    tags, credits = sorted(article.tags.names()), [c.name for c in article.bhxh_credits.all()]
    # The editor's form as rendered, posted back with a new title and "Publish".
    data = querydict_from_html(content, form_id="page-edit-form")
    blocks = [("paragraph", rich_text(block.value.source)) for block in article.body if block.block_type == "paragraph"]
    data.update(nested_form_data({"body": streamfield(blocks)}))
    data["title"] = "Tiêu đề đã sửa sau khi tạo hàng loạt"
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(article.pk,)), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã sửa sau khi tạo hàng loạt"
    assert sorted(article.tags.names()) == tags
    assert [c.name for c in article.bhxh_credits.all()] == credits
    assert article.live_revision_id == article.latest_revision_id
    assert "Tiêu đề đã sửa" in admin_client.get(article.url).content.decode()
    assert all(not problems for problems in Page.find_problems())


def test_same_seed_same_content_and_a_second_run_adds_pages(home):
    first = generator.generate(10, legal_documents=0, infographics=0, images=1, seed=3, home=home)
    titles = list(ArticlePage.objects.order_by("pk").values_list("title", flat=True))
    generator.generate(10, legal_documents=0, infographics=0, images=1, seed=3, home=home)
    again = list(ArticlePage.objects.order_by("pk").values_list("title", flat=True))[10:]
    assert first.articles == 10 and titles == again
    assert ArticlePage.objects.values("translation_key").distinct().count() == 20
    assert ArticlePage.objects.values("slug").distinct().count() == 20
    assert all(not problems for problems in Page.find_problems())


def test_falls_back_to_its_own_word_list_without_the_corpus(home, monkeypatch):
    monkeypatch.setattr(generator, "find_corpus", lambda path=None: None)
    result = generator.generate(5, legal_documents=2, infographics=0, images=1, home=home)
    assert result.text_origin == "word list"
    assert LegalDocumentPage.objects.count() == 2
    assert all(p.title for p in ArticlePage.objects.all())


def test_command_reports_and_refuses_negative_counts(home, capsys):
    call_command("bhxh_generate_content", "--articles", "5", "--legal-documents", "1", "--infographics", "1")
    assert "5 articles, 1 legal documents, 1 infographics" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("bhxh_generate_content", "--articles", "-3")


def test_a_fresh_site_gets_a_portal_home_page(db):
    from wagtail.models import Site

    generator.generate(3, legal_documents=0, infographics=0, images=1)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, PortalHomePage)
    assert ArticlePage.objects.descendant_of(site.root_page).count() == 3


def test_postgresql_plans_with_the_new_row_counts_at_once(home):
    # Without fresh statistics PostgreSQL sorted the whole tree to show a
    # listing's first twelve items (360 ms at 100,000 articles instead of 0.2 ms).
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    generator.generate(60, legal_documents=25, infographics=5, images=2, seed=7, home=home)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Page._meta.db_table])
        assert cursor.fetchone()[0] >= Page.objects.count()
