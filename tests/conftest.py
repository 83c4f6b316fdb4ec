import pytest
from wagtail.models import Page, Site

from .factories import PortalHomePageFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files of each test go to their own temporary directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def statistics_process_caches():
    """Counters the visitor statistics keep in memory must not outlive a test (page ids are reused)."""
    from django.apps import apps

    if apps.is_installed("wagtail_bhxh.analytics"):
        from wagtail_bhxh.analytics.stats import clear_process_caches

        clear_process_caches()
    yield


@pytest.fixture(autouse=True)
def clear_default_cache():
    """Cached fragments (the spokesperson card) must not outlive a test: ids are reused."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def home(db):
    """A portal home page as the root of the default site."""
    root = Page.get_first_root_node()
    home = PortalHomePageFactory(parent=root, title="BHXH tỉnh Demo", slug="bhxh-tinh-demo")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Site.clear_site_root_paths_cache()
    return home


def _empties_the_database(item):
    """Transactional tests end by emptying the database, migration-made rows included."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return any(name in getattr(item, "fixturenames", ()) for name in ("transactional_db", "live_server"))


def pytest_collection_modifyitems(config, items):
    """Run the slow tests last, but before the transactional ones (as pytest-django orders them)."""
    items.sort(key=lambda item: (_empties_the_database(item), item.get_closest_marker("slow") is not None))
