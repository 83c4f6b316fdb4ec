"""Models of the Decision 2474 editorial process: roles, workflow tasks, urgent publications.

The workflow runs on Wagtail's own engine: the three task types below are
``Task`` subclasses with their own ``TaskState`` classes, so every step
shows in the page's workflow history and the audit log. The logic they call
lives in :mod:`wagtail_bhxh.moderation`.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from .base import PAGE_MODEL


class Role(models.Model):
    """Which group plays which editorial role (see :mod:`wagtail_bhxh.moderation.roles`)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    group = models.OneToOneField(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="bhxh_role")

    class Meta:
        verbose_name = _("editorial role")
        verbose_name_plural = _("editorial roles")
        ordering = ["code"]

    def __str__(self):
        from ..moderation.roles import role_label

        return str(role_label(self.code))


class RoleGrant(models.Model):
    """A permission ``bhxh_setup`` gave a role once; it is never given again, so removals stick."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="grants")
    key = models.CharField(max_length=255)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role permission grant")
        verbose_name_plural = _("role permission grants")
        constraints = [models.UniqueConstraint(fields=["role", "key"], name="bhxh_unique_role_grant")]

    def __str__(self):
        return f"{self.role}: {self.key}"


class EditorialWorkflow(models.Model):
    """Which Wagtail workflow is the Decision 2474 process (found by this record, so it may be renamed)."""

    workflow = models.OneToOneField(
        "wagtailcore.Workflow", verbose_name=_("workflow"), on_delete=models.CASCADE, related_name="bhxh_editorial"
    )

    class Meta:
        verbose_name = _("Decision 2474 workflow")
        verbose_name_plural = _("Decision 2474 workflows")

    def __str__(self):
        return str(self.workflow)


# --- Workflow tasks ----------------------------------------------------------


class ContentStandardsTaskState(TaskState):
    """The findings of the content and form standards checks on the submitted revision."""

    findings = models.JSONField(_("findings"), default=list, blank=True)

    class Meta:
        verbose_name = _("content standards check state")
        verbose_name_plural = _("content standards check states")


class ContentStandardsTask(Task):
    """Runs the content and form standards checks; refuses approval while errors remain.

    Automatic: it approves itself when the revision has no error (warnings
    are recorded in the comment) and sends the page back to its author with
    the list of errors otherwise.
    """

    task_state_class = ContentStandardsTaskState

    class Meta:
        verbose_name = _("content standards check")
        verbose_name_plural = _("content standards checks")

    @classmethod
    def get_description(cls):
        return _(
            "Checks the content and form standards (Official Dispatch 3216) automatically and "
            "sends the page back to its author while errors remain."
        )

    def start(self, workflow_state, user=None):
        from ..moderation.workflow import start_standards_task

        return start_standards_task(self, workflow_state, user, super().start)

    def get_actions(self, obj, user):
        return []


class RejectionForm(TaskStateCommentForm):
    """Requesting changes needs a comment saying what to change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = True
        self.fields["comment"].help_text = _("Say what the author must change; it is emailed to them.")

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise ValidationError(_("Write what must be changed."), code="required")
        return comment


class RoleApprovalTaskState(TaskState):
    class Meta:
        verbose_name = _("editorial approval state")
        verbose_name_plural = _("editorial approval states")


class RoleApprovalTask(AbstractGroupApprovalTask):
    """A step approved by the members of the chosen groups, with the four-eyes rule.

    Nobody approves (or rejects) a page they submitted or last edited, even
    when they belong to the approving group; rejection needs a comment; and
    approval is refused if the page no longer meets the content standards.
    """

    task_state_class = RoleApprovalTaskState

    class Meta:
        verbose_name = _("editorial approval")
        verbose_name_plural = _("editorial approvals")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve or send back the page; nobody approves "
            "a page they submitted or last edited."
        )

    def start(self, workflow_state, user=None):
        from ..moderation.workflow import start_role_task

        return start_role_task(self, workflow_state, user, super().start)

    def user_in_groups(self, user):
        return user.is_superuser or self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        # The head may step in at any step (urgent "publish now", tracked for
        # retrospective approval); other non-approvers wait their turn.
        from ..moderation.roles import HEAD, user_has_role

        return super().locked_for_user(obj, user) and not user_has_role(user, HEAD)

    def user_can_access_editor(self, obj, user):
        from ..moderation.roles import HEAD, user_has_role

        return super().user_can_access_editor(obj, user) or user_has_role(user, HEAD)

    def get_actions(self, obj, user):
        from ..moderation.workflow import four_eyes_conflict

        if not user.is_active or not self.user_in_groups(user):
            return []
        if four_eyes_conflict(obj, user) is not None:
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionForm
        return TaskStateCommentForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from ..moderation.workflow import check_role_action, workflow_may_publish

        # The views check get_actions() against the page in the URL; check
        # again against the task state's own page, which a forged request may
        # have swapped.
        check_role_action(self, task_state, user, action_name, kwargs)
        with workflow_may_publish(task_state.workflow_state.object_id):
            return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from ..moderation.workflow import exclude_four_eyes_conflicts

        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return exclude_four_eyes_conflicts(states, user)


class HeadApprovalTaskState(RoleApprovalTaskState):
    reasons = models.JSONField(_("why the head approves"), default=list, blank=True)

    class Meta:
        verbose_name = _("head approval state")
        verbose_name_plural = _("head approval states")


class HeadApprovalTask(RoleApprovalTask):
    """The head's step, taken only for sensitive pages and skipped (with the reason) otherwise."""

    task_state_class = HeadApprovalTaskState

    class Meta:
        verbose_name = _("head approval (sensitive content)")
        verbose_name_plural = _("head approvals (sensitive content)")

    @classmethod
    def get_description(cls):
        return _(
            "Taken only for sensitive pages (marked by the editor, or by the site's rules on "
            "topics, policy areas and page types); skipped otherwise, with the reason in the history."
        )

    def start(self, workflow_state, user=None):
        from ..moderation.workflow import start_head_task

        return start_head_task(self, workflow_state, user, super().start)


# --- Urgent publication ------------------------------------------------------


class RetrospectiveApprovalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=RetrospectiveApproval.Status.PENDING)


class RetrospectiveApproval(models.Model):
    """A publication outside the workflow (the head's urgent "publish now") awaiting approval by someone else."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")

    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="bhxh_retrospective_approvals",
    )
    page_title = models.CharField(_("page title"), max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now, db_index=True)
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    objects = RetrospectiveApprovalQuerySet.as_manager()

    class Meta:
        verbose_name = _("retrospective approval")
        verbose_name_plural = _("retrospective approvals")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.page_title

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def approve(self, user, comment=""):
        from ..moderation.roles import RETROSPECTIVE_APPROVER_ROLES, user_has_any_role

        if not self.is_pending or not user_has_any_role(user, RETROSPECTIVE_APPROVER_ROLES):
            raise PermissionDenied
        if self.published_by_id == user.pk:
            raise PermissionDenied(_("Someone other than the publisher must give the retrospective approval."))
        self.status = self.Status.APPROVED
        self.approved_by = user
        self.approved_at = timezone.now()
        self.comment = comment
        self.save(update_fields=["status", "approved_by", "approved_at", "comment"])
