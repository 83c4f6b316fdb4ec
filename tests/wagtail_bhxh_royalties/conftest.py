"""Fixtures of the royalties tests: bhxh_setup has run (roles, seeded rules), a user per role, a news section."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import ArticlePageFactory, NewsIndexPageFactory, UserFactory
from wagtail_bhxh.models import PageCredit
from wagtail_bhxh.moderation import roles


def user_with_role(code, username, **extra):
    user = UserFactory(username=username, **extra)
    roles.get_role_group(code).user_set.add(user)
    return user


@pytest.fixture
def royalties(db, home):
    call_command("bhxh_setup", verbosity=0)
    news = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    users = SimpleNamespace(
        contributor=user_with_role(roles.CONTRIBUTOR, "ctv", last_name="Lê", first_name="Thị Hoa"),
        contributor2=user_with_role(roles.CONTRIBUTOR, "ctv2", last_name="Phạm", first_name="Văn Nam"),
        editor=user_with_role(roles.EDITOR, "bientap"),
        secretary=user_with_role(roles.SECRETARY, "thuky"),
        head=user_with_role(roles.HEAD, "truongban"),
        accountant=user_with_role(roles.ACCOUNTANT, "ketoan"),
    )
    return SimpleNamespace(news=news, users=users, home=home)


def publish_item(parent, credits, *, published=None, page_factory=ArticlePageFactory, **fields):
    """A page with credits [(role, user or None, name)], published (page_published is sent)."""
    page = page_factory(parent=parent, live=False, first_published_at=None, **fields)
    for order, (role, user, name) in enumerate(credits):
        PageCredit.objects.create(page=page, role=role, user=user, name=name, sort_order=order)
    when = published or timezone.now()
    if isinstance(when, datetime.date) and not isinstance(when, datetime.datetime):
        when = timezone.make_aware(datetime.datetime.combine(when, datetime.time(10, 0)))
    page.first_published_at = when
    page.save()
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and an error message."""
    assert response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/"), (
        response.status_code,
        getattr(response, "url", ""),
    )
