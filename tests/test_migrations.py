from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_migrations_follow_swappable_page_image_and_document_models():
    """Migrations name the page, image and document models through the site's settings."""
    offenders = []
    for path in ROOT.glob("wagtail_bhxh*/**/migrations/0*.py"):
        source = path.read_text()
        for literal in ("'wagtailcore.page'", '"wagtailcore.page"', "'wagtailimages.image'", "'wagtaildocs.document'"):
            if literal in source:
                offenders.append(f"{path.relative_to(ROOT)}: {literal}")
    assert not offenders, "run scripts/swappable_migrations.py on: " + ", ".join(offenders)
