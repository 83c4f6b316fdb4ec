"""The annual operation plan (kế hoạch hoạt động năm) approved by the Director (Dispatch 3216, item 2).

The plan is a snippet with drafts, revisions and a Wagtail workflow ending
with the Director's approval. Only the approved (live) version counts: the
database row holds it, while amendments wait in revisions until approved.
An approved plan is locked; unlocking it lets the head draft an amendment,
which goes through the approval workflow again.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.locks import BaseLock
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from ..kinds import KIND_CHOICES


class ApprovedPlanLock(BaseLock):
    """The lock of an approved plan: nobody edits it until someone with the unlock permission unlocks it."""

    def for_user(self, user):
        return True

    def get_message(self, user):
        return _(
            "This plan was approved by the Director and is locked. To amend it, unlock it: the amendment is "
            "a new version that goes through the approval workflow again, and the approved version stays in force "
            "until then."
        )

    def get_description(self, user, can_lock=False):
        return _("Approved plan: unlock it to draft an amendment.")


class AnnualPlan(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    nominations_per_quarter = models.PositiveSmallIntegerField(
        _("model articles to nominate per quarter"),
        default=2,
        validators=[MaxValueValidator(50)],
        help_text=_("Articles sent to the editorial board of the central portal each quarter (Dispatch 3216)."),
    )
    training_sessions = models.PositiveSmallIntegerField(
        _("training sessions planned"), default=1, validators=[MaxValueValidator(100)]
    )
    topics = ParentalManyToManyField(
        "wagtail_bhxh.Topic", verbose_name=_("topics to cover"), blank=True, related_name="+"
    )
    occasions = ParentalManyToManyField(
        "wagtail_bhxh.Occasion", verbose_name=_("occasions to cover"), blank=True, related_name="+"
    )
    notes = models.TextField(_("other tasks and notes"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="bhxh_annual_plan")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="bhxh_annual_plan",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("year"),
        InlinePanel("targets", heading=_("Monthly targets"), label=_("target"), min_num=1),
        FieldRowPanel([FieldPanel("nominations_per_quarter"), FieldPanel("training_sessions")]),
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("occasions")], heading=_("Topics and occasions")),
        FieldPanel("notes"),
    ]

    search_fields = [index.FilterField("year"), index.SearchField("notes")]

    class Meta:
        verbose_name = _("annual operation plan")
        verbose_name_plural = _("annual operation plans")
        ordering = ["-year"]

    def __str__(self):
        return str(_("Operation plan %(year)s") % {"year": self.year})

    @property
    def revisions(self):
        return self._revisions

    def get_lock(self):
        # An approved plan with no amendment under way is locked for everyone;
        # an explicit lock or the workflow's lock come first.
        if self.locked and self.locked_by_id is None:
            return ApprovedPlanLock(self)
        return super().get_lock()

    def monthly_targets(self):
        """{kind: target} of the whole portal (targets with no unit and no author)."""
        totals = {}
        for target in self.targets.all():
            if target.unit_id is None and target.author_id is None:
                totals[target.kind] = totals.get(target.kind, 0) + target.per_month
        return totals


class PlanTarget(Orderable):
    """A monthly target of one kind, for the whole portal, one unit or one author."""

    plan = ParentalKey(AnnualPlan, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    per_month = models.PositiveSmallIntegerField(
        _("per month"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    unit = models.ForeignKey(
        Group,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a unit's own target; its members' items count for it (as credited authors)."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: one author's own target. Leave unit and author empty for the whole portal."),
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("per_month"), FieldPanel("unit"), FieldPanel("author")])]

    class Meta(Orderable.Meta):
        verbose_name = _("monthly target")
        verbose_name_plural = _("monthly targets")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.per_month}"

    def clean(self):
        super().clean()
        if self.unit_id and self.author_id:
            raise ValidationError(_("A target is for a unit or for an author, not both."))


class NormReminder(models.Model):
    """A reminder sent to the head about a month's norms (one a month, never twice)."""

    month = models.DateField(_("month"), unique=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("recipients"), blank=True)
    shortfalls = models.JSONField(_("shortfalls"), default=dict)

    class Meta:
        verbose_name = _("norms reminder")
        verbose_name_plural = _("norms reminders")
        ordering = ["-month"]

    def __str__(self):
        return f"{self.month:%m/%Y}"
