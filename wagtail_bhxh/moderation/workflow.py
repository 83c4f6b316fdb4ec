"""The "Quy trình Quyết định 2474" workflow: its tasks' logic, four eyes, and where it applies.

content standards check → editor review → deputy head approval →
head approval (only for sensitive pages) → publish (or schedule).
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Revision, TaskState, WorkflowPage, WorkflowState, get_page_models

from ..models.base import BasePage
from ..models.moderation import ContentStandardsTask, ContentStandardsTaskState, EditorialWorkflow
from ..models.pages import LegalDocumentIndexPageMixin, MediaIndexPageMixin, NewsIndexPageMixin
from ..standards import run_checks
from .rules import head_approval_reasons

#: Section page types the workflow is assigned to. Other apps add theirs with
#: the ``wagtail_bhxh_workflow_sections`` hook (a function returning classes).
SECTION_MIXINS = (NewsIndexPageMixin, MediaIndexPageMixin, LegalDocumentIndexPageMixin)

SUBMITTED = "submitted"
EDITED = "edited"
FOUR_EYES_MESSAGES = {
    SUBMITTED: gettext_lazy("You submitted this page: another member of the group must approve it (four-eyes rule)."),
    EDITED: gettext_lazy(
        "You made the latest changes: another member of the group must approve them (four-eyes rule)."
    ),
}


def content_of(workflow_state):
    """The object a workflow moderates: the specific page, or a snippet (which has no ``specific``)."""
    obj = workflow_state.content_object
    return getattr(obj, "specific", obj)


def site_language():
    return translation.override(settings.LANGUAGE_CODE)


# --- The workflow publishes ------------------------------------------------------

#: Pages whose workflow is finishing in this context (see workflow_may_publish).
_finishing = contextvars.ContextVar("bhxh_workflow_finishing", default=frozenset())


@contextmanager
def workflow_may_publish(page_id):
    """While an approval step is decided, the workflow may publish the page.

    Wagtail publishes a finished workflow as the last approver, asking that
    user's publish permission; in Decision 2474 only the head publishes
    directly, so approvers hold no publish permission of their own. The page
    permission tester allows the publication the workflow makes in here.
    """
    token = _finishing.set(_finishing.get() | {int(page_id)})
    try:
        yield
    finally:
        _finishing.reset(token)


def is_finishing_workflow(page):
    return page.pk in _finishing.get()


# --- Which workflow, where -----------------------------------------------------


def get_editorial_workflow():
    """The Decision 2474 workflow, or None before ``bhxh_setup``."""
    record = EditorialWorkflow.objects.select_related("workflow").first()
    return record.workflow if record else None


def is_editorial_workflow(workflow):
    return workflow is not None and EditorialWorkflow.objects.filter(workflow=workflow).exists()


def section_classes():
    classes = list(SECTION_MIXINS)
    for hook in hooks.get_hooks("wagtail_bhxh_workflow_sections"):
        classes.extend(hook() or ())
    return tuple(classes)


def section_models():
    classes = section_classes()
    return [model for model in get_page_models() if issubclass(model, classes)]


def assign_workflow(section, workflow):
    """Give a section the workflow unless it has its own or already inherits this one. True if assigned."""
    if WorkflowPage.objects.filter(page=section).exists():
        return False
    if section.get_workflow() == workflow:
        return False
    WorkflowPage.objects.create(page=section, workflow=workflow)
    return True


def assign_workflow_to_sections(workflow=None):
    """Assign the workflow to every news, media, legal-document (and other registered) section."""
    workflow = workflow or get_editorial_workflow()
    if workflow is None or not workflow.active:
        return []
    lines = []
    sections = BasePage.objects.type(*section_models()).order_by("path") if section_models() else []
    for section in sections:
        if assign_workflow(section, workflow):
            lines.append(f"workflow '{workflow.name}' assigned to {section.title} ({section.url_path})")
    return lines


# --- Four eyes ------------------------------------------------------------------


def _page_facts(obj):
    """(requested_by_id of the active workflow, user_id of the latest revision) of a page."""
    base_content_type = obj.get_base_content_type()
    state = (
        WorkflowState.objects.active()
        .filter(base_content_type=base_content_type, object_id=str(obj.pk))
        .values_list("requested_by_id", flat=True)
        .first()
    )
    last_editor = (
        Revision.objects.filter(base_content_type=base_content_type, object_id=str(obj.pk))
        .order_by("-created_at", "-id")
        .values_list("user_id", flat=True)
        .first()
    )
    return state, last_editor


def four_eyes_conflict(obj, user, *, fresh=False):
    """Why ``user`` may not act on the current step of ``obj`` (SUBMITTED or EDITED), or None.

    The facts are cached on ``obj`` for the request unless ``fresh``.
    """
    facts = None if fresh else getattr(obj, "_bhxh_four_eyes_facts", None)
    if facts is None:
        facts = _page_facts(obj)
        obj._bhxh_four_eyes_facts = facts
    requested_by_id, last_editor_id = facts
    if requested_by_id is not None and requested_by_id == user.pk:
        return SUBMITTED
    if last_editor_id is not None and last_editor_id == user.pk:
        return EDITED
    return None


def exclude_four_eyes_conflicts(task_states, user):
    """Task states minus those of pages the user submitted or last edited (no extra query, no annotation)."""
    latest_revision = (
        Revision.objects.filter(
            base_content_type_id=OuterRef(OuterRef("workflow_state__base_content_type_id")),
            object_id=OuterRef(OuterRef("workflow_state__object_id")),
        )
        .order_by("-created_at", "-id")
        .values("pk")[:1]
    )
    edited_last = Exists(Revision.objects.filter(pk=Subquery(latest_revision), user=user))
    return task_states.exclude(workflow_state__requested_by=user).exclude(edited_last)


# --- Content standards gate ---------------------------------------------------------


def workflow_checks_standards(workflow_state):
    return ContentStandardsTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id, active=True
    ).exists()


def standards_report_if_unchecked(workflow_state):
    """The standards report of the latest revision, unless the standards task already passed it."""
    if not workflow_checks_standards(workflow_state):
        return None
    revision = workflow_state.content_object.get_latest_revision()
    already_passed = ContentStandardsTaskState.objects.filter(
        workflow_state=workflow_state, revision=revision, status=TaskState.STATUS_APPROVED
    ).exists()
    if already_passed:
        return None
    with site_language():
        return run_checks(revision.as_object())


def _log_standards(task_state, report, instance):
    log(
        instance=instance,
        action="wagtail_bhxh.standards.checked",
        revision=task_state.revision,
        data={
            "task": {"id": task_state.task_id, "title": task_state.task.name},
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "findings": [finding.message for finding in report.findings],
        },
    )


def run_standards_task(task_state):
    """The content standards task: approve itself when there is no error, send the page back otherwise."""
    revision = task_state.revision
    with site_language():
        report = run_checks(revision.as_object())
        comment = report.summary_text() if report.findings else ""
    task_state.findings = report.as_json()
    task_state.save(update_fields=["findings"])
    _log_standards(task_state, report, content_of(task_state.workflow_state))
    if report.errors:
        task_state.reject(user=None, update=False, comment=comment)
    else:
        task_state.approve(user=None, update=False, comment=comment)
    return task_state


def start_standards_task(task, workflow_state, user, start):
    with workflow_may_publish(workflow_state.object_id):
        return run_standards_task(start(workflow_state, user=user))


def _create_task_state(task, workflow_state, status):
    """A task state created like Task.start() does, without announcing it to the approvers."""
    task_state = task.get_task_state_class()(workflow_state=workflow_state)
    task_state.status = status
    task_state.revision = workflow_state.content_object.get_latest_revision()
    task_state.task = task
    if status != TaskState.STATUS_IN_PROGRESS:
        task_state.finished_at = timezone.now()
    task_state.save()
    return task_state


def start_role_task(task, workflow_state, user, start):
    """Start an approval step, unless the latest revision fails the standards: then send it back at once."""
    report = standards_report_if_unchecked(workflow_state)
    if report is not None and report.errors:
        task_state = _create_task_state(task, workflow_state, TaskState.STATUS_IN_PROGRESS)
        _log_standards(task_state, report, content_of(workflow_state))
        with site_language():
            comment = report.summary_text()
        task_state.reject(user=None, update=False, comment=comment)
        return task_state
    return start(workflow_state, user=user)


def start_head_task(task, workflow_state, user, start):
    """The head's step runs for sensitive pages only; otherwise it is skipped with the reason logged."""
    revision = workflow_state.content_object.get_latest_revision()
    page = revision.as_object()
    with site_language():
        reasons = head_approval_reasons(page)
        skip_reason = _(
            "Skipped: the page is not marked sensitive and no topic, policy area or page type requires the head."
        )
    workflow_data = {"id": workflow_state.workflow_id, "title": workflow_state.workflow.name}
    if reasons:
        task_state = start(workflow_state, user=user)
        if task_state.status == TaskState.STATUS_IN_PROGRESS:
            task_state.reasons = reasons
            task_state.save(update_fields=["reasons"])
            log(
                instance=content_of(workflow_state),
                action="wagtail_bhxh.workflow.head_required",
                revision=revision,
                data={"workflow": workflow_data, "task": {"id": task.pk, "title": task.name}, "reasons": reasons},
            )
        return task_state
    task_state = _create_task_state(task, workflow_state, TaskState.STATUS_SKIPPED)
    task_state.comment = skip_reason
    task_state.save(update_fields=["comment"])
    log(
        instance=content_of(workflow_state),
        action="wagtail_bhxh.workflow.head_skipped",
        revision=revision,
        data={"workflow": workflow_data, "task": {"id": task.pk, "title": task.name}, "reason": skip_reason},
    )
    return task_state


def check_role_action(task, task_state, user, action_name, data):
    """Refuse (PermissionDenied) any approval step action the user may not take, whatever the request said."""
    workflow_state = task_state.workflow_state
    if (
        task_state.status != TaskState.STATUS_IN_PROGRESS
        or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
        or workflow_state.current_task_state_id != task_state.pk
        or task_state.task_id != task.pk
    ):
        raise PermissionDenied(_("This step is no longer awaiting a decision."))
    if action_name not in ("approve", "reject") or not user.is_active or not task.user_in_groups(user):
        raise PermissionDenied(_("You are not an approver of this step."))
    page = workflow_state.content_object
    conflict = four_eyes_conflict(page, user, fresh=True)
    if conflict is not None:
        raise PermissionDenied(FOUR_EYES_MESSAGES[conflict])
    if action_name == "reject" and not str(data.get("comment", "")).strip():
        raise PermissionDenied(_("Requesting changes needs a comment saying what to change."))
    if action_name == "approve":
        report = standards_report_if_unchecked(workflow_state)
        if report is not None and report.errors:
            raise PermissionDenied(
                _("The latest version does not meet the content standards: %(errors)s")
                % {"errors": "; ".join(finding.message for finding in report.errors)}
            )
