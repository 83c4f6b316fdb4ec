"""Set-up steps of the editorial planning app, run by ``manage.py bhxh_setup`` after the roles (order 50).

- permissions of each role on the plan, the nominations and the dashboard;
- the plan's approval workflow: the head's review, then the Director's approval.

Permissions are granted once per role (see :mod:`wagtail_bhxh.moderation.roles`),
and an existing assignment of a workflow to the plan is never replaced.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowContentType, WorkflowTask

from wagtail_bhxh.moderation import roles
from wagtail_bhxh.moderation.workflow import site_language
from wagtail_bhxh.setup import SetupStep

from .models import AnnualPlan, PlanApprovalTask

_PLAN_VIEW = ["wagtail_bhxh_editorial.view_annualplan"]
_PLAN_EDIT = [*_PLAN_VIEW, "wagtail_bhxh_editorial.add_annualplan", "wagtail_bhxh_editorial.change_annualplan"]
_TRAINING_VIEW = ["wagtail_bhxh_editorial.view_trainingsession"]
_TRAINING_EDIT = [
    *_TRAINING_VIEW,
    "wagtail_bhxh_editorial.add_trainingsession",
    "wagtail_bhxh_editorial.change_trainingsession",
]
_REVIEW_VIEW = ["wagtail_bhxh_editorial.view_pagereview"]
_REVIEW_EDIT = [
    *_REVIEW_VIEW,
    "wagtail_bhxh_editorial.add_pagereview",
    "wagtail_bhxh_editorial.change_pagereview",
    "wagtail_bhxh_editorial.delete_pagereview",
]
_NOMINATE = ["wagtail_bhxh_editorial.add_nomination", "wagtail_bhxh_editorial.view_nomination"]

#: Model permissions by role. Nobody but the Director publishes the plan:
#: the workflow publishes it when the Director approves.
PERMISSIONS = {
    roles.CONTRIBUTOR: _PLAN_VIEW,
    roles.EDITOR: [*_PLAN_VIEW, *_NOMINATE, *_TRAINING_VIEW, *_REVIEW_VIEW],
    roles.SECRETARY: [*_PLAN_EDIT, *_NOMINATE, *_TRAINING_EDIT, *_REVIEW_EDIT],
    roles.DEPUTY_HEAD: [*_PLAN_EDIT, *_NOMINATE, *_TRAINING_EDIT, *_REVIEW_VIEW],
    roles.HEAD: [
        *_PLAN_EDIT,
        *_TRAINING_EDIT,
        *_REVIEW_EDIT,
        "wagtail_bhxh_editorial.delete_trainingsession",
        "wagtail_bhxh_editorial.lock_annualplan",
        "wagtail_bhxh_editorial.unlock_annualplan",
        *_NOMINATE,
        "wagtail_bhxh_editorial.change_nomination",
    ],
    roles.DIRECTOR: [
        "wagtail_bhxh_editorial.view_annualplan",
        "wagtail_bhxh_editorial.change_annualplan",
        "wagtail_bhxh_editorial.publish_annualplan",
        "wagtail_bhxh_editorial.view_nomination",
        *_TRAINING_VIEW,
    ],
}


def ensure_permissions():
    lines = []
    for code, permissions in PERMISSIONS.items():
        lines += roles.grant_role_permissions(code, permissions)
    return lines


def ensure_organisation_reviews():
    """Organisation pages first: each gets a review schedule at the core's review interval, once."""
    from wagtail_bhxh.conf import bhxh_settings
    from wagtail_bhxh.models import OrganisationPage

    from .models import PageReview

    lines = []
    for page in OrganisationPage.objects.all():
        _review, created = PageReview.objects.get_or_create(
            page=page,
            defaults={"interval_days": bhxh_settings.ORGANISATION_REVIEW_DAYS, "last_reviewed": page.last_reviewed},
        )
        if created:
            lines.append(f"review schedule for {page.title}")
    return lines


def get_plan_workflow():
    """The workflow assigned to the annual plan, or None."""
    content_type = ContentType.objects.get_for_model(AnnualPlan)
    link = WorkflowContentType.objects.filter(content_type=content_type).select_related("workflow").first()
    return link.workflow if link else None


def ensure_plan_workflow():
    """The plan's approval workflow (head review → Director approval), assigned to the plan once."""
    if get_plan_workflow() is not None:
        return []
    groups = roles.get_role_groups()
    with site_language():
        workflow = Workflow.objects.create(name=_("Annual plan approval"))
        review = PlanApprovalTask.objects.create(name=_("Review by the head of the editorial board"))
        review.groups.set([groups[roles.HEAD], groups[roles.DEPUTY_HEAD]])
        approval = PlanApprovalTask.objects.create(name=_("Approval by the Director"))
        approval.groups.set([groups[roles.DIRECTOR]])
    for order, task in enumerate([review, approval]):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowContentType.objects.create(workflow=workflow, content_type=ContentType.objects.get_for_model(AnnualPlan))
    return [f"workflow {workflow.name} ({review.name} → {approval.name}) for the annual plan"]


STEPS = [
    SetupStep("editorial planning permissions", ensure_permissions, order=60),
    SetupStep("annual plan workflow", ensure_plan_workflow, order=65),
    SetupStep("review schedules of organisation pages", ensure_organisation_reviews, order=70),
]
