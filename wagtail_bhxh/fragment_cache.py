"""What every public page shares, kept in Django's cache between requests.

Each public page shows the same chrome: the portal settings (name, address,
footer), the main menu, the breadcrumbs of its section, the partner links,
the links to its translations, whether it has correction or withdrawal
notices, and whether a view restriction applies to it. Read from the
database, that is one query each on every page view. The suite keeps them in
Django's default cache instead, under keys that carry

- a *generation*: one counter for the whole portal, raised whenever anything
  these fragments show changes (see :func:`register_signal_handlers`), so a
  change shows on the next request without hunting for keys;
- the site and the active language, so sites and translations never mix;
- what the fragment depends on (the section's path, the page).

The fragments are data (model instances, lists), not HTML: the templates in
``wagtail_bhxh/includes/`` still render them, so a site that overrides those
templates keeps the cache. ``WAGTAIL_BHXH["FRAGMENT_CACHE_SECONDS"]`` sets how
long an entry lives (0 turns the cache off). With several server processes the
default cache must be shared (Redis, Memcached) for an edit to reach them all
at once; a per-process cache (locmem) reaches the other processes only when
their entries expire.
"""

import hashlib
import re

from django.core.cache import cache
from django.utils import translation

from .conf import bhxh_settings

GENERATION_KEY = "wagtail_bhxh:fragments:generation"
_SAFE_KEY = re.compile(r"[A-Za-z0-9_.:/=-]*")
_REQUEST_ATTR = "_bhxh_fragment_generation"


def generation(request=None):
    """The current generation, read from the cache once per request."""
    if request is not None and hasattr(request, _REQUEST_ATTR):
        return getattr(request, _REQUEST_ATTR)
    value = cache.get_or_set(GENERATION_KEY, 1, None)
    if request is not None:
        setattr(request, _REQUEST_ATTR, value)
    return value


def invalidate(**kwargs):
    """Drop every cached fragment at once (a new generation); a signal receiver."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def enabled(request=None):
    """Fragments are cached unless turned off, and never for previews (drafts may differ)."""
    if not bhxh_settings.FRAGMENT_CACHE_SECONDS:
        return False
    return not getattr(request, "is_preview", False)


def _site_id(request):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site is not None else 0


def cache_key(name, *parts, request=None, site_id=None):
    """The cache key of a fragment: its name, the generation, site, language and ``parts``."""
    if site_id is None:
        site_id = _site_id(request)
    raw = ":".join(str(part) for part in parts)
    # Memcached refuses long keys and keys with spaces or non-ASCII letters
    # (filter values, Vietnamese tags): those parts are hashed.
    if len(raw) > 80 or not _SAFE_KEY.fullmatch(raw):
        raw = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    language = translation.get_language() or ""
    return f"wagtail_bhxh:{name}:{generation(request)}:{site_id}:{language}:{raw}"


def get_or_compute(name, compute, *parts, request=None, site_id=None):
    """The cached value of a fragment, computing and storing it when missing.

    ``compute`` is called without arguments and must return something the
    cache can pickle (``None`` is not cached). When the cache is off it is
    simply called.
    """
    if not enabled(request):
        return compute()
    key = cache_key(name, *parts, request=request, site_id=site_id)
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, bhxh_settings.FRAGMENT_CACHE_SECONDS)
    return value


def _on_page_change(sender, instance, **kwargs):
    from .models.base import BasePage

    if isinstance(instance, BasePage):
        invalidate()


def _on_settings_saved(sender, instance, created=False, **kwargs):
    # The first read of the settings creates them with their defaults, which
    # is what was shown (and cached) before: nothing changes.
    if not created:
        invalidate()


# Wagtail fills these in on first use (rendering an image reads its size),
# and no fragment shows them: saving only them must not flush the portal.
_FILE_BOOKKEEPING = frozenset({"file_size", "file_hash"})


def _on_media_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= _FILE_BOOKKEEPING:
        return
    invalidate()


def register_signal_handlers():
    """Start a new generation when anything the cached fragments show changes.

    Pages: saved (drafts too), published, unpublished, moved or deleted. Sites,
    locales and view restrictions. The portal settings, partner links,
    banners, policy areas, topics, tags, page notices (corrections and
    withdrawals), credits, related-page links, images and documents: saved or
    deleted.
    """
    from django.db.models.signals import post_delete, post_save
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import (
        Banner,
        PageCredit,
        PageNotice,
        PartnerLink,
        PolicyArea,
        PortalSettings,
        RelatedPageLink,
        Topic,
    )

    post_save.connect(_on_settings_saved, sender=PortalSettings, dispatch_uid="wagtail_bhxh_fragments_settings_saved")
    post_save.connect(_on_page_change, dispatch_uid="wagtail_bhxh_fragments_page_saved")
    post_delete.connect(_on_page_change, dispatch_uid="wagtail_bhxh_fragments_page_deleted")
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished"), (post_page_move, "moved")):
        signal.connect(invalidate, dispatch_uid=f"wagtail_bhxh_fragments_page_{name}")
    models = (
        PortalSettings,
        Site,
        Locale,
        PageViewRestriction,
        PartnerLink,
        Banner,
        PolicyArea,
        Topic,
        PageNotice,
        PageCredit,
        RelatedPageLink,
        Tag,
        get_image_model(),
        get_document_model(),
    )
    media = (get_image_model(), get_document_model())
    for model in models:
        label = model._meta.label_lower
        if model is not PortalSettings:
            receiver = _on_media_saved if model in media else invalidate
            post_save.connect(receiver, sender=model, dispatch_uid=f"wagtail_bhxh_fragments_{label}_saved")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"wagtail_bhxh_fragments_{label}_deleted")
