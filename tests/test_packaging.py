"""The built wheel installs into a second, fresh Wagtail site.

Builds the wheel, installs it (without dependencies: they are this
environment's) into a directory that shadows the editable checkout,
generates a project with ``wagtail start``, adds the suite as the
installation docs say, then migrates, checks and serves pages. On Wagtail 8
the same is done with a swapped base page model.
"""

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
import wagtail

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.slow,
    # The fresh site always runs on its own SQLite database (DATABASE_URL is not
    # passed on), so the PostgreSQL pass of the suite would only repeat it.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the fresh site runs on SQLite whatever the suite's database; checked by the SQLite pass",
    ),
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("wagtail_bhxh-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    target = tmp_path_factory.mktemp("site-packages")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


def test_wheel_ships_templates_static_migrations_and_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "wagtail_bhxh/templates/wagtail_bhxh/base.html",
        "wagtail_bhxh/templates/wagtail_bhxh/article_page.html",
        "wagtail_bhxh/static/wagtail_bhxh/css/portal.css",
        "wagtail_bhxh/static/wagtail_bhxh/css/print.css",
        "wagtail_bhxh/migrations/0001_initial.py",
        "wagtail_bhxh/locale/vi/LC_MESSAGES/django.po",
        "wagtail_bhxh/locale/vi/LC_MESSAGES/django.mo",
        "wagtail_bhxh_royalties/locale/vi/LC_MESSAGES/django.mo",
        "wagtail_bhxh_spokesperson/locale/vi/LC_MESSAGES/django.mo",
    ]
    missing = [name for name in expected if name not in names]
    assert not missing
    assert not any(name.startswith(("tests/", "example_site/", "docs/", "bench/")) for name in names)


def run(args, cwd, site_packages):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env["PYTHONPATH"] = str(site_packages)
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def start_project(path, site_packages, extra_apps=(), extra_settings=""):
    path.mkdir()
    run([str(BIN / "wagtail"), "start", "throwaway", str(path)], path, site_packages)
    settings = path / "throwaway" / "settings" / "base.py"
    source = settings.read_text()
    apps = [
        *extra_apps,
        "wagtail_bhxh",
        "wagtail_bhxh_royalties",
        "wagtail_bhxh_spokesperson",
        "wagtail.contrib.settings",
        "wagtail.contrib.table_block",
    ]
    source = source.replace("INSTALLED_APPS = [\n", "INSTALLED_APPS = [\n" + "".join(f'    "{a}",\n' for a in apps), 1)
    source += '\nWAGTAIL_BHXH = {"ITEMS_PER_PAGE": 10}\n' + extra_settings
    settings.write_text(source)
    urls = path / "throwaway" / "urls.py"
    urls.write_text(
        urls.read_text().replace(
            '    path("search/", search_views.search, name="search"),\n',
            '    path("search/", search_views.search, name="search"),\n    path("", include("wagtail_bhxh.urls")),\n',
        )
    )
    return path


SMOKE = textwrap.dedent(
    """
    import wagtail_bhxh
    from django.test import Client
    from wagtail.models import Site
    from wagtail_bhxh.models import ArticlePage, NewsIndexPage

    assert wagtail_bhxh.__file__.startswith({site!r}), wagtail_bhxh.__file__
    home = Site.objects.get(is_default_site=True).root_page
    news = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    home.add_child(instance=news)
    article = ArticlePage(title="Thẻ BHYT trên VssID", slug="the-bhyt", intro="Sapo.")
    news.add_child(instance=article)
    article.save_revision().publish()
    client = Client()
    for url in (news.url, article.url, "/rss/"):
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200, (url, response.status_code)
    print("smoke ok")
    """
)


def check_project(path, site_packages):
    python = sys.executable
    run([python, "manage.py", "migrate", "--noinput"], path, site_packages)
    output = run([python, "manage.py", "check"], path, site_packages)
    assert "no issues" in output
    run([python, "manage.py", "makemigrations", "--check", "--dry-run"], path, site_packages)
    run([python, "manage.py", "bhxh_setup"], path, site_packages)
    output = run([python, "manage.py", "shell", "-c", SMOKE.format(site=str(site_packages))], path, site_packages)
    assert "smoke ok" in output


def test_a_fresh_wagtail_site_installs_the_wheel(installed, tmp_path):
    check_project(start_project(tmp_path / "proj", installed), installed)


@pytest.mark.skipif(wagtail.VERSION < (8, 0), reason="Wagtail 8 introduced swappable page models")
def test_a_site_with_a_swapped_page_model_installs_the_wheel(installed, tmp_path):
    path = start_project(
        tmp_path / "proj",
        installed,
        extra_apps=["wagtail.test.basepage"],
        extra_settings='WAGTAIL_PAGE_MODEL = "basepage.BasePage"\n',
    )
    models = path / "home" / "models.py"
    models.write_text("from wagtail.test.basepage.models import BasePage\n\n\nclass HomePage(BasePage):\n    pass\n")
    for migration in (path / "home" / "migrations").glob("0*.py"):
        migration.unlink()
    run([sys.executable, "manage.py", "makemigrations", "home"], path, installed)
    check_project(path, installed)
