"""Admin hook functions that refuse forged requests before anything changes.

Wagtail's views already ask the page permission tester; these guards close
what a hand-made POST could still reach: the edit and create views quietly
save a draft when asked to publish without permission, a workflow action
posted through the edit view skips the action form, and bulk actions drop
forbidden pages silently instead of refusing. Registered in
``wagtail_bhxh/wagtail_hooks.py``.
"""

import json

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ..models.base import BasePage
from .roles import HEAD, user_has_role
from .rules import needs_head_to_remove


def _refuse(message):
    raise PermissionDenied(message)


def before_edit_page(request, page):
    if request.method != "POST":
        return None
    perms = page.permissions_for_user(request.user)
    if request.POST.get("action-publish") and not perms.can_publish():
        _refuse(_("You cannot publish this page: submit it for approval."))
    if request.POST.get("action-workflow-action"):
        task = page.current_workflow_task
        action = request.POST.get("workflow-action-name", "")
        available = [name for name, _label, _modal in task.get_actions(page, request.user)] if task else []
        if action not in available:
            _refuse(_("You cannot take this action at this step."))
        if action == "reject":
            try:
                data = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
            except ValueError:
                data = {}
            if not isinstance(data, dict) or not str(data.get("comment", "")).strip():
                _refuse(_("Requesting changes needs a comment saying what to change."))
    return None


def before_create_page(request, parent_page, page_class):
    if request.method == "POST" and request.POST.get("action-publish"):
        if not parent_page.permissions_for_user(request.user).can_publish_subpage():
            _refuse(_("You cannot publish here: save a draft and submit it for approval."))
    return None


def _refuse_unless_head(request, page):
    if needs_head_to_remove(page) and not user_has_role(request.user, HEAD):
        _refuse(_("Only the head of the editorial board removes published news: file a takedown request."))


def before_delete_page(request, page):
    _refuse_unless_head(request, page)


def before_unpublish_page(request, page):
    _refuse_unless_head(request, page)


def before_move_page(request, page, destination):
    _refuse_unless_head(request, page)


def before_bulk_action(request, action_type, objects, action_class_instance):
    """Refuse the whole bulk action if any page asked for is reserved to the head, or not publishable."""
    model = getattr(action_class_instance, "model", None)
    if model is None or not issubclass(model, BasePage._meta.concrete_model):
        return None
    if action_type not in ("delete", "unpublish", "move", "publish"):
        return None
    ids = request.GET.getlist("id")
    if "all" in ids:
        ids = list(action_class_instance.get_all_objects_in_listing_query(request.GET.get("childOf")))
    pages = BasePage.objects.filter(pk__in=[pk for pk in ids if str(pk).isdigit()]).specific()
    for page in pages:
        if action_type == "publish":
            if not page.permissions_for_user(request.user).can_publish():
                _refuse(_("You cannot publish these pages: submit them for approval."))
        else:
            _refuse_unless_head(request, page)
    return None
