"""Fixtures of the Decision 2474 tests: the roles set up, one user per role, a moderated section."""

from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from tests.factories import ArticlePageFactory, ImageFactory, NewsIndexPageFactory, UserFactory
from wagtail_bhxh.models import PageCredit
from wagtail_bhxh.moderation import roles
from wagtail_bhxh.standards import links

#: About 230 words, abbreviations spelled out first: meets every standard of a news item.
GOOD_BODY = (
    "<p>"
    + " ".join(
        ["Bảo hiểm xã hội (BHXH) tỉnh phối hợp với các sở, ngành tổ chức hội nghị đối thoại với doanh nghiệp."]
        + ["Tại hội nghị, cơ quan bảo hiểm xã hội giải đáp nhiều câu hỏi của người lao động và doanh nghiệp."] * 10
    )
    + "</p>"
)
GOOD_INTRO = (
    "Sáng nay, Bảo hiểm xã hội (BHXH) tỉnh tổ chức hội nghị đối thoại với hơn 200 doanh nghiệp trên địa bàn "
    "để giải đáp vướng mắc về chính sách bảo hiểm xã hội bắt buộc và bảo hiểm y tế cho người lao động."
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """External links answer in these tests; link checking itself is tested with its own stub."""
    monkeypatch.setattr(links, "fetch_status", lambda url, timeout: 200)


def user_with_role(code, username, **extra):
    user = UserFactory(username=username, **extra)
    roles.get_role_group(code).user_set.add(user)
    return user


@pytest.fixture
def editorial(db, home):
    """bhxh_setup has run; a news section (created afterwards, so moderated by the hook); a user per role."""
    call_command("bhxh_setup", verbosity=0)
    news = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    users = SimpleNamespace(
        contributor=user_with_role(roles.CONTRIBUTOR, "ctv"),
        editor=user_with_role(roles.EDITOR, "bientap"),
        editor2=user_with_role(roles.EDITOR, "bientap2"),
        secretary=user_with_role(roles.SECRETARY, "thuky"),
        deputy=user_with_role(roles.DEPUTY_HEAD, "photruongban"),
        deputy2=user_with_role(roles.DEPUTY_HEAD, "photruongban2"),
        head=user_with_role(roles.HEAD, "truongban"),
        head2=user_with_role(roles.HEAD, "truongban2"),
        accountant=user_with_role(roles.ACCOUNTANT, "ketoan"),
        director=user_with_role(roles.DIRECTOR, "giamdoc"),
    )
    return SimpleNamespace(news=news, users=users, home=home)


def good_article(parent, owner, *, live=False, **fields):
    """A news item that meets every content standard, as a draft revision by ``owner``."""
    defaults = {
        "title": "BHXH tỉnh đối thoại với doanh nghiệp về chính sách bảo hiểm xã hội mới",
        "kind": "tin",
        "intro": GOOD_INTRO,
        "feature_image": ImageFactory(),
        "feature_image_alt": "Quang cảnh hội nghị đối thoại với doanh nghiệp",
        "feature_image_caption": "Hội nghị đối thoại sáng 12/3 tại trụ sở BHXH tỉnh",
        "feature_image_credit": "Ảnh: Nguyễn Văn A",
        "body": [("paragraph", RichText(GOOD_BODY))],
        "owner": owner,
        "live": live,
    }
    if not live:
        defaults["first_published_at"] = None
    defaults.update(fields)
    page = ArticlePageFactory(parent=parent, **defaults)
    PageCredit.objects.create(page=page, name="Nguyễn Văn A")
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def edit_form_data(client, page, **changes):
    """What the page editor would post: the form as rendered, the body's blocks, and ``changes``."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    draft = page.get_latest_revision_as_object()
    blocks = [("paragraph", rich_text(block.value.source)) for block in draft.body if block.block_type == "paragraph"]
    data.update(nested_form_data({"body": streamfield(blocks)}))
    for key, value in changes.items():
        data[key] = value
    return data


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


@pytest.fixture
def as_user(client):
    """``as_user(user)``: the test client, logged in as ``user``."""

    def login(user):
        # Another person at another browser: no flash messages left by the last one.
        client.cookies.pop("messages", None)
        client.force_login(user)
        return client

    return login
