"""Set-up steps of Decision 2474: the roles' groups with their permissions, and the workflow.

Registered with the ``wagtail_bhxh_setup`` hook in ``wagtail_bhxh/wagtail_hooks.py``.
Permissions are granted once per role (see :mod:`.roles`): an
administrator's later removal sticks.
"""

from django.utils.translation import gettext as _
from wagtail.models import Collection, WorkflowTask

from ..models.base import BasePage
from ..models.moderation import ContentStandardsTask, EditorialWorkflow, HeadApprovalTask, RoleApprovalTask
from ..setup import SetupStep
from . import roles
from .workflow import assign_workflow_to_sections, get_editorial_workflow, site_language

#: Page permissions on the whole tree, by role. Only the head publishes:
#: everyone else's work goes through the workflow.
PAGE_PERMISSIONS = {
    roles.CONTRIBUTOR: ["add"],
    roles.EDITOR: ["add", "change"],
    roles.SECRETARY: ["add", "change", "lock", "unlock"],
    roles.DEPUTY_HEAD: ["add", "change", "lock", "unlock"],
    roles.HEAD: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
}

_MEDIA_USE = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
_MEDIA_EDIT = [*_MEDIA_USE, "wagtailimages.change_image", "wagtaildocs.change_document"]

#: Permissions in the root collection (images and documents), by role.
COLLECTION_PERMISSIONS = {
    roles.CONTRIBUTOR: _MEDIA_USE,
    roles.EDITOR: _MEDIA_EDIT,
    roles.SECRETARY: _MEDIA_EDIT,
    roles.DEPUTY_HEAD: _MEDIA_EDIT,
    roles.HEAD: _MEDIA_EDIT,
}

_PORTAL_UPKEEP = [
    "wagtail_bhxh.add_topic",
    "wagtail_bhxh.change_topic",
    "wagtail_bhxh.add_occasion",
    "wagtail_bhxh.change_occasion",
    "wagtail_bhxh.add_banner",
    "wagtail_bhxh.change_banner",
    "wagtail_bhxh.delete_banner",
    "wagtail_bhxh.add_partnerlink",
    "wagtail_bhxh.change_partnerlink",
    "wagtail_bhxh.delete_partnerlink",
]

#: Model permissions, by role. Takedown decisions are the head's by role,
#: not by permission (see PortalPagePermissionTester).
MODEL_PERMISSIONS = {
    roles.CONTRIBUTOR: ["wagtailadmin.access_admin", "wagtail_bhxh.add_takedownrequest"],
    roles.EDITOR: [
        "wagtailadmin.access_admin",
        "wagtail_bhxh.add_takedownrequest",
        "wagtail_bhxh.view_takedownrequest",
        "wagtail_bhxh.view_pagenotice",
    ],
    roles.SECRETARY: [
        "wagtailadmin.access_admin",
        "wagtail_bhxh.add_takedownrequest",
        "wagtail_bhxh.view_takedownrequest",
        "wagtail_bhxh.add_pagenotice",
        "wagtail_bhxh.view_pagenotice",
        *_PORTAL_UPKEEP,
    ],
    roles.DEPUTY_HEAD: [
        "wagtailadmin.access_admin",
        "wagtail_bhxh.add_takedownrequest",
        "wagtail_bhxh.view_takedownrequest",
        "wagtail_bhxh.add_pagenotice",
        "wagtail_bhxh.view_pagenotice",
        "wagtail_bhxh.view_retrospectiveapproval",
    ],
    roles.HEAD: [
        "wagtailadmin.access_admin",
        "wagtail_bhxh.add_takedownrequest",
        "wagtail_bhxh.view_takedownrequest",
        "wagtail_bhxh.add_pagenotice",
        "wagtail_bhxh.view_pagenotice",
        "wagtail_bhxh.view_retrospectiveapproval",
        *_PORTAL_UPKEEP,
    ],
    roles.ACCOUNTANT: ["wagtailadmin.access_admin"],
    roles.DIRECTOR: ["wagtailadmin.access_admin"],
}


def ensure_roles():
    lines = []
    for code in roles.ALL_ROLES:
        group, created = roles.ensure_role_group(code)
        if created:
            lines.append(f"group {group.name} ({code})")
    root_page = BasePage.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for code, actions in PAGE_PERMISSIONS.items():
        lines += roles.grant_role_page_permissions(code, root_page, actions)
    for code, permissions in COLLECTION_PERMISSIONS.items():
        lines += roles.grant_role_collection_permissions(code, root_collection, permissions)
    for code, permissions in MODEL_PERMISSIONS.items():
        lines += roles.grant_role_permissions(code, permissions)
    return lines


def ensure_workflow():
    """The "Quy trình Quyết định 2474" workflow with its four tasks, assigned to the sections."""
    lines = []
    workflow = get_editorial_workflow()
    if workflow is None:
        from wagtail.models import Workflow

        groups = roles.get_role_groups()
        with site_language():
            workflow = Workflow.objects.create(name=_("Decision 2474 process"))
            standards = ContentStandardsTask.objects.create(name=_("Content standards check"))
            editor = RoleApprovalTask.objects.create(name=_("Editor review"))
            editor.groups.set([groups[roles.EDITOR], groups[roles.SECRETARY]])
            deputy = RoleApprovalTask.objects.create(name=_("Deputy head approval"))
            deputy.groups.set([groups[roles.DEPUTY_HEAD]])
            head = HeadApprovalTask.objects.create(name=_("Head approval (sensitive content)"))
            head.groups.set([groups[roles.HEAD]])
        for order, task in enumerate([standards, editor, deputy, head]):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        EditorialWorkflow.objects.create(workflow=workflow)
        lines.append(f"workflow {workflow.name} ({standards.name} → {editor.name} → {deputy.name} → {head.name})")
    lines += assign_workflow_to_sections(workflow)
    return lines


STEPS = [
    SetupStep("roles and permissions (Decision 2474)", ensure_roles, order=50),
    SetupStep("workflow (Decision 2474)", ensure_workflow, order=55),
]
