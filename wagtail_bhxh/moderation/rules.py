"""Which pages need the head of the editorial board.

Two rules of Decision 2474 live here:

- :func:`head_approval_reasons`: why a page needs the head's approval before
  publishing (the editor's "sensitive content" flag, the site's configured
  topics, policy areas and page types, a past takedown, and any rule a site
  adds with the ``wagtail_bhxh_head_approval_rules`` hook);
- :func:`needs_head_to_remove`: whether unpublishing, deleting or moving a
  page (with what is below it) is reserved to the head, because it is or
  contains a page of a protected type (``bhxh_takedown_protected``) that was
  ever published.

A site adds a head-approval rule with a hook returning a reason or None::

    @hooks.register("wagtail_bhxh_head_approval_rules")
    def elections(page):
        if "bầu cử" in page.title.lower():
            return "tin về bầu cử"
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import get_page_models

from ..conf import bhxh_settings
from ..models.base import BasePage


def _models_from_labels(labels):
    models = []
    for label in labels:
        try:
            models.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return tuple(models)


def head_approval_reasons(page):
    """Reasons (translated in the active language) why ``page`` needs the head's approval; empty if none.

    ``page`` is usually a revision's object, so the editor's latest draft
    (flag, topics, policy areas) decides.
    """
    reasons = []
    if getattr(page, "is_sensitive", False):
        reasons.append(_("marked as sensitive content"))
    for model in _models_from_labels(bhxh_settings.HEAD_APPROVAL_PAGE_TYPES):
        if isinstance(page, model):
            reasons.append(
                _("%(page_type)s always need the head's approval") % {"page_type": model._meta.verbose_name_plural}
            )
    topic_slugs = set(bhxh_settings.HEAD_APPROVAL_TOPICS)
    if topic_slugs and hasattr(page, "topics"):
        for topic in page.topics.all():
            if topic.slug in topic_slugs:
                reasons.append(_("topic “%(name)s”") % {"name": topic.name})
    area_slugs = set(bhxh_settings.HEAD_APPROVAL_POLICY_AREAS)
    if area_slugs and hasattr(page, "policy_areas"):
        for area in page.policy_areas.all():
            if area.slug in area_slugs:
                reasons.append(_("policy area “%(name)s”") % {"name": area.name})
    if page.pk and isinstance(page, BasePage):
        TakedownRequest = apps.get_model("wagtail_bhxh", "TakedownRequest")
        takedown = (
            TakedownRequest.objects.carried_out()
            .filter(page_id=page.pk)
            .exclude(outcome=TakedownRequest.Outcome.WITHDRAWN)
            .order_by("-decided_at")
            .first()
        )
        if takedown is not None:
            reasons.append(
                _("taken down on %(date)s; publishing it again needs the head")
                % {"date": date_format(takedown.decided_at, "SHORT_DATE_FORMAT")}
            )
    for rule in hooks.get_hooks("wagtail_bhxh_head_approval_rules"):
        reason = rule(page)
        if reason:
            reasons.append(str(reason))
    return reasons


def protected_page_models():
    """Page models whose published pages only the head may remove."""
    return [model for model in get_page_models() if getattr(model, "bhxh_takedown_protected", False)]


def is_protected_page(page):
    """True if this page's own type is protected (the page itself, not what is below it)."""
    model = page.specific_class or type(page)
    return bool(getattr(model, "bhxh_takedown_protected", False))


def was_ever_published(page):
    return bool(page.live or page.first_published_at or page.last_published_at)


def needs_head_to_remove(page):
    """True if the page, or any page below it, is of a protected type and was ever published."""
    if page.depth is None or page.path is None:
        return False
    if is_protected_page(page) and was_ever_published(page):
        return True
    if page.numchild == 0:
        return False
    content_types = ContentType.objects.get_for_models(*protected_page_models(), for_concrete_models=False)
    return (
        BasePage.objects.filter(path__startswith=page.path, depth__gt=page.depth)
        .filter(content_type__in=list(content_types.values()))
        .filter(Q(live=True) | Q(first_published_at__isnull=False) | Q(last_published_at__isnull=False))
        .exists()
    )
