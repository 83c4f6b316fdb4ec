"""Rewrite generated migrations so they follow a site's own base models.

``makemigrations`` writes ``to='wagtailcore.page'``, ``'page_ptr'`` and
``bases=('wagtailcore.page', ...)``. A site on Wagtail 8 may swap its base
page model (WAGTAIL_PAGE_MODEL), so our migrations must name the model
through swapper instead, as Wagtail's own docs ask of reusable apps. The
same goes for custom image and document models (WAGTAILIMAGES_IMAGE_MODEL,
WAGTAILDOCS_DOCUMENT_MODEL), which many sites use.
``make migrations`` runs this after makemigrations; it is idempotent.

Usage: python scripts/swappable_migrations.py FILE...
"""

import re
import sys

HEADER = (
    "import swapper\n",
    "\n",
    'swapper.set_app_prefix("wagtailcore", "wagtail")\n',
    'PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")\n',
    'PAGE_PTR = swapper.split(PAGE_MODEL)[1].lower() + "_ptr"\n',
)


MEDIA_MODELS = {
    "wagtailimages.image": ("get_image_model_string", "from wagtail.images import get_image_model_string\n"),
    "wagtaildocs.document": ("get_document_model_string", "from wagtail.documents import get_document_model_string\n"),
}


def rewrite_media_models(source: str) -> str:
    for label, (function, import_line) in MEDIA_MODELS.items():
        pattern = rf"""to=['"]{re.escape(label)}['"]"""
        if not re.search(pattern, source):
            continue
        source = re.sub(pattern, f"to={function}()", source)
        dependency = f"migrations.swappable_dependency({function}())"
        if dependency not in source:
            source = source.replace("dependencies = [\n", f"dependencies = [\n        {dependency},\n", 1)
        if import_line not in source:
            source = source.replace(
                "from django.db import migrations", import_line + "from django.db import migrations", 1
            )
    return source


def rewrite(source: str) -> str:
    source = rewrite_media_models(source)
    if "'wagtailcore.page'" not in source and '"wagtailcore.page"' not in source:
        return source
    source = re.sub(r"""to=['"]wagtailcore\.page['"]""", "to=PAGE_MODEL", source)
    source = re.sub(r"""bases=\(['"]wagtailcore\.page['"],""", "bases=(PAGE_MODEL,", source)
    source = re.sub(r"""\(['"]page_ptr['"],""", "(PAGE_PTR,", source)
    if "swapper.dependency(" not in source:
        source = source.replace(
            "dependencies = [\n", 'dependencies = [\n        swapper.dependency("wagtailcore", "Page"),\n', 1
        )
    if "import swapper" not in source:
        lines = source.splitlines(keepends=True)
        # After the last top-level import line.
        last_import = max(i for i, line in enumerate(lines) if line.startswith(("import ", "from ")))
        lines[last_import + 1 : last_import + 1] = ["\n", *HEADER]
        source = "".join(lines)
    return source


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            original = f.read()
        updated = rewrite(original)
        if updated != original:
            with open(path, "w", encoding="utf-8") as f:
                f.write(updated)
            print(f"rewrote {path}")  # noqa: T201
