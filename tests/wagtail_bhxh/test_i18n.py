"""Vietnamese by default, with English versions of the pages that need them."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from tests.factories import OrganisationPageFactory

pytestmark = pytest.mark.django_db


def translate(page, locale, **changes):
    translation = page.copy_for_translation(locale, copy_parents=True)
    for field, value in changes.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    return translation


def test_english_version_of_the_organisation_page(home, client):
    call_command("bhxh_setup", verbosity=0)
    english = Locale.objects.get(language_code="en")
    translate(home, english, title="Home")
    organisation = OrganisationPageFactory(parent=home, title="Cơ cấu tổ chức", slug="co-cau-to-chuc")
    organisation_en = translate(organisation, english, title="Organisational structure")

    response = client.get(organisation_en.url)
    assert organisation_en.url.startswith("/en/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "Organisational structure" in content
    assert "Leadership" in content  # the suite's own labels in English

    vietnamese = client.get(organisation.url).content.decode()
    assert '<html lang="vi">' in vietnamese
    assert f'href="{organisation_en.url}" lang="en" hreflang="en"' in vietnamese
    assert "Lãnh đạo" in vietnamese  # and in Vietnamese
