"""The spokesperson, written authorisations to speak, and press information pages.

Decree 09/2017/NĐ-CP and Official Dispatch 3216 (item 7) ask the provincial
office to post its spokesperson's full name, position, phone and email, any
written authorisation to speak, and its press information, promptly.

- :class:`Spokesperson` is a snippet with drafts, revisions, locking and the
  Decision 2474 workflow. Exactly one spokesperson is current per site on any
  day: published terms of a site never overlap. The rule is enforced three
  times: the edit form reports the clash, :meth:`Spokesperson.save` checks it
  again while holding a lock on the site's row (``select_for_update``), and
  partial unique constraints make the database refuse two open-ended terms, or
  two terms starting the same day, whatever writes the row.
- :class:`Authorisation` is a person authorised to speak on one matter for a
  period, shown while valid.
- :class:`PressReleasePage` (press releases, press conference notices and
  results, answers to press questions, corrections) lives under a
  :class:`PressIndexPage`, which lists them with filters and shows the
  spokesperson, the history of spokespersons and the valid authorisations.
"""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, Site, WorkflowMixin
from wagtail.search import index

from wagtail_bhxh.blocks import ArticleBodyBlock, AttachmentBlock
from wagtail_bhxh.models import BasePage, ContentPageMixin, ListingPageMixin
from wagtail_bhxh.models.pages import image_prefetch, public_q
from wagtail_bhxh.models.takedown import exclude_withdrawn

from .conf import spokesperson_settings
from .validators import tel_uri, validate_official_email, validate_phone


def default_site_id():
    site = Site.objects.filter(is_default_site=True).only("pk").first()
    return site.pk if site else None


def _today(on=None):
    return on or timezone.localdate()


# --- Spokesperson and authorisations -------------------------------------------


class PressContactQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def overdue(self, now=None):
        """Signed more than ``DEADLINE_HOURS`` ago and never published (Decree 09/2017's short deadline)."""
        now = now or timezone.now()
        limit = now - datetime.timedelta(hours=spokesperson_settings.DEADLINE_HOURS)
        return self.filter(live=False, last_published_at__isnull=True, signed_at__isnull=False, signed_at__lte=limit)


class SpokespersonQuerySet(PressContactQuerySet):
    def in_office(self, on=None):
        """Published spokespersons whose term covers the day ``on`` (today by default)."""
        on = _today(on)
        return self.filter(live=True, term_start__lte=on).filter(Q(term_end__isnull=True) | Q(term_end__gte=on))

    def current(self, site, on=None):
        """The site's spokesperson on ``on`` (today), or None. Terms never overlap, so there is at most one."""
        return (
            self.for_site(site).in_office(on).select_related("photo", "appointing_document").order_by("-term_start")
        ).first()

    def history(self, site, on=None):
        """Published spokespersons of the site whose term has begun, latest first (the current one included)."""
        return (
            self.for_site(site)
            .filter(live=True, term_start__lte=_today(on))
            .select_related("appointing_document")
            .order_by("-term_start", "-pk")
        )

    def overlapping(self, site_id, term_start, term_end, exclude_pk=None):
        """Published terms of the site that share at least one day with [term_start, term_end]."""
        queryset = self.filter(live=True, site_id=site_id).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=term_start)
        )
        if term_end is not None:
            queryset = queryset.filter(term_start__lte=term_end)
        if exclude_pk is not None:
            queryset = queryset.exclude(pk=exclude_pk)
        return queryset


class AuthorisationQuerySet(PressContactQuerySet):
    def valid(self, site, on=None):
        """Published authorisations of the site valid on ``on`` (today by default)."""
        on = _today(on)
        return (
            self.for_site(site)
            .filter(live=True, valid_from__lte=on, valid_until__gte=on)
            .select_related("document")
            .order_by("valid_until", "pk")
        )


class PressContact(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """What a spokesperson and an authorised person share: who they are and how to reach them."""

    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="+",
        default=default_site_id,
        help_text=_("The portal this person speaks for."),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, help_text=_("e.g. Phó Giám đốc BHXH tỉnh"))
    unit = models.CharField(_("unit"), max_length=200, help_text=_("e.g. Bảo hiểm xã hội tỉnh Demo"))
    phone = models.CharField(
        _("phone"),
        max_length=40,
        validators=[validate_phone],
        help_text=_("A number journalists can call, e.g. 0236 3822 123 or 0912 345 678."),
    )
    email = models.EmailField(_("email"), validators=[validate_official_email])
    signed_at = models.DateTimeField(
        _("signed at"),
        null=True,
        blank=True,
        help_text=_(
            "Date and time the document was signed. The details must be posted within a short deadline "
            "of signing; a late posting is flagged on the dashboard and emailed to the head."
        ),
    )
    deadline_alert_sent_at = models.DateTimeField(_("deadline alert sent at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PressContactQuerySet.as_manager()

    contact_panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("position")]),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.full_name} – {self.position}"

    def publish(self, revision, *args, skip_permission_checks=False, **kwargs):
        # The Decision 2474 workflow publishes for its last approver, who holds no
        # publish permission (Wagtail 7.4 asks a plain model policy, not ours).
        from .policies import workflow_is_publishing

        skip_permission_checks = skip_permission_checks or workflow_is_publishing()
        return super().publish(revision, *args, skip_permission_checks=skip_permission_checks, **kwargs)

    def get_admin_display_title(self):
        return str(self)

    @property
    def kind_label(self):
        return capfirst(self._meta.verbose_name)

    @property
    def tel_uri(self):
        return tel_uri(self.phone)

    def deadline(self):
        """When the details must be live at the latest, or None if the signing date is unknown."""
        if self.signed_at is None:
            return None
        return self.signed_at + datetime.timedelta(hours=spokesperson_settings.DEADLINE_HOURS)

    def is_overdue(self, now=None):
        deadline = self.deadline()
        return bool(
            deadline and not self.live and self.last_published_at is None and (now or timezone.now()) > deadline
        )


class TermConflict(ValidationError):
    """Publishing this spokesperson would make two spokespersons current on the same day."""


class Spokesperson(PressContact):
    """The spokesperson of the provincial office (người phát ngôn), with their term."""

    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait; its description is read out by screen readers."),
    )
    term_start = models.DateField(
        _("term starts"), help_text=_("The card on the portal switches to this person on this day.")
    )
    term_end = models.DateField(
        _("term ends"),
        null=True,
        blank=True,
        help_text=_("Last day of the term. Leave empty while the term has no set end."),
    )
    appointing_document_number = models.CharField(
        _("appointing document number"), max_length=80, help_text=_("e.g. 123/QĐ-BHXH")
    )
    appointing_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("appointing document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The signed decision appointing the spokesperson (PDF)."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="bhxh_spokesperson")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="bhxh_spokesperson",
        for_concrete_model=False,
    )

    objects = SpokespersonQuerySet.as_manager()

    panels = [
        HelpPanel(
            content=_(
                "One spokesperson is current on any day: before publishing a successor, set the last day "
                "of the current spokesperson's term. The card on the portal switches on the first day of "
                "the new term; past spokespersons stay listed on the press page."
            )
        ),
        *PressContact.contact_panels,
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
        MultiFieldPanel(
            [
                FieldPanel("appointing_document_number"),
                FieldPanel("signed_at"),
                FieldPanel("appointing_document"),
            ],
            heading=_("Appointing document"),
        ),
    ]

    class Meta:
        verbose_name = _("spokesperson")
        verbose_name_plural = _("spokespersons")
        ordering = ["-term_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="bhxh_spokesperson_term_order",
            ),
            # Two published open-ended terms, or two published terms starting
            # the same day, always overlap: refused by the database itself.
            models.UniqueConstraint(
                fields=["site"],
                condition=Q(live=True, term_end__isnull=True),
                name="bhxh_spokesperson_one_open_term",
            ),
            models.UniqueConstraint(
                fields=["site", "term_start"],
                condition=Q(live=True),
                name="bhxh_spokesperson_one_term_start",
            ),
        ]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        checked = {"live", "site", "site_id", "term_start", "term_end"}
        if not self.live or (update_fields is not None and not checked & set(update_fields)):
            return super().save(*args, **kwargs)
        with transaction.atomic():
            # Publishing serialises per site: a concurrent publication waits
            # here and then sees this one's term.
            Site.objects.select_for_update().filter(pk=self.site_id).values_list("pk", flat=True).first()
            other = self.conflicting_terms().first()
            if other is not None:
                raise self._conflict_error(other)
            return super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def term_label(self):
        start = date_format(self.term_start, "SHORT_DATE_FORMAT")
        if self.term_end:
            return _("%(start)s to %(end)s") % {"start": start, "end": date_format(self.term_end, "SHORT_DATE_FORMAT")}
        return _("from %(start)s") % {"start": start}

    def is_in_office(self, on=None):
        on = _today(on)
        return self.live and self.term_start <= on and (self.term_end is None or self.term_end >= on)

    def conflicting_terms(self):
        if not self.site_id or not self.term_start:
            return Spokesperson.objects.none()
        return Spokesperson.objects.overlapping(self.site_id, self.term_start, self.term_end, exclude_pk=self.pk)

    def _conflict_error(self, other):
        return TermConflict(
            _(
                "The term overlaps that of %(name)s (%(term)s), who is published as spokesperson: only one "
                "spokesperson is current on any day. Set the last day of the other term first."
            )
            % {"name": other.full_name, "term": other.term_label()},
            code="term_overlap",
        )

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})
        other = self.conflicting_terms().first()
        if other is not None:
            raise ValidationError({"term_start": self._conflict_error(other)})


class Authorisation(PressContact):
    """A person authorised in writing to speak to the press on one matter, for a period."""

    scope = models.TextField(
        _("matter"),
        help_text=_("What the person may speak about, as written in the authorisation."),
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    document_number = models.CharField(_("document number"), max_length=80, help_text=_("e.g. 45/GUQ-BHXH"))
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("signed authorisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The signed written authorisation (PDF)."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="bhxh_authorisation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="bhxh_authorisation",
        for_concrete_model=False,
    )

    objects = AuthorisationQuerySet.as_manager()

    panels = [
        *PressContact.contact_panels,
        FieldPanel("scope"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        MultiFieldPanel(
            [FieldPanel("document_number"), FieldPanel("signed_at"), FieldPanel("document")],
            heading=_("Written authorisation"),
        ),
    ]

    class Meta:
        verbose_name = _("authorisation to speak")
        verbose_name_plural = _("authorisations to speak")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="bhxh_authorisation_period_order"
            ),
        ]

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The authorisation cannot end before it starts.")})

    def is_valid_on(self, on=None):
        on = _today(on)
        return self.live and self.valid_from <= on <= self.valid_until


# --- Press information pages ---------------------------------------------------------


class PressIndexPageMixin(ListingPageMixin):
    """The press section: the spokesperson, authorisations and the press information below it."""

    bhxh_template = "wagtail_bhxh_spokesperson/press_index_page.html"

    class Meta:
        abstract = True

    def get_listing_model(self):
        return PressReleasePage

    def get_listing_queryset(self, request):
        return exclude_withdrawn(
            self.get_listing_model()
            .objects.live()
            .filter(public_q())
            .descendant_of(self)
            .defer_streamfields()
            .select_related("feature_image")
            .prefetch_related(image_prefetch())
            .order_by("-dated", "-first_published_at", "-pk")
        )

    def get_filters(self, request):
        from .forms import PressFilterForm

        return PressFilterForm(request.GET, listing_model=self.get_listing_model())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        history = list(Spokesperson.objects.history(site)) if site else []
        current = next((person for person in history if person.is_in_office()), None)
        context.update(
            spokesperson=current,
            past_spokespersons=[person for person in history if person is not current],
            authorisations=list(Authorisation.objects.valid(site)) if site else [],
        )
        return context


class PressReleasePageMixin(ContentPageMixin):
    """A piece of press information: a release, a conference notice or result, an answer, a correction."""

    class Kind(models.TextChoices):
        RELEASE = "release", _("Press release (thông cáo báo chí)")
        CONFERENCE_NOTICE = "conference_notice", _("Press conference notice")
        CONFERENCE_RESULT = "conference_result", _("Press conference results")
        ANSWER = "answer", _("Answers to press questions")
        CORRECTION = "correction", _("Correction requested from the press")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RELEASE, db_index=True)
    dated = models.DateField(
        _("dated"), default=datetime.date.today, db_index=True, help_text=_("The date printed on the document.")
    )
    number = models.CharField(_("number"), max_length=80, blank=True, help_text=_("e.g. 12/TB-BHXH"))
    event_at = models.DateTimeField(
        _("conference date and time"), null=True, blank=True, help_text=_("For press conference notices and results.")
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    press_outlet = models.CharField(
        _("press outlet"),
        max_length=200,
        blank=True,
        help_text=_("For answers and corrections: the newspaper or outlet concerned."),
    )
    press_article_url = models.URLField(
        _("address of the article concerned"),
        blank=True,
        help_text=_("For corrections: the article to be corrected."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("content"), blank=True)
    attachments = StreamField([("attachment", AttachmentBlock())], verbose_name=_("attached files"), blank=True)
    contact = models.TextField(
        _("contact"),
        blank=True,
        help_text=_(
            "Who journalists contact about this item, if not only the spokesperson (whose details are always shown)."
        ),
    )

    #: The ``type`` of this page in the suite's search results and JSON API
    #: (``wagtail_bhxh.search`` reads it; this app does not import search).
    bhxh_search_type = "press_release"
    bhxh_template = "wagtail_bhxh_spokesperson/press_release_page.html"

    content_panels = [
        TitleFieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("dated"), FieldPanel("number")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_at"), FieldPanel("venue")]),
                FieldRowPanel([FieldPanel("press_outlet"), FieldPanel("press_article_url")]),
            ],
            heading=_("Conference, outlet"),
        ),
        *ContentPageMixin.feature_image_panels,
        FieldPanel("body"),
        FieldPanel("attachments"),
        FieldPanel("contact"),
        *ContentPageMixin.credit_panels,
        *ContentPageMixin.taxonomy_panels,
        FieldPanel("is_featured"),
        FieldPanel("is_sensitive"),
        *ContentPageMixin.related_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("number"),
        index.AutocompleteField("number"),
        index.SearchField("press_outlet"),
        index.FilterField("kind"),
        index.FilterField("dated"),
        index.RelatedFields("policy_areas", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.kind in (self.Kind.CONFERENCE_NOTICE, self.Kind.CONFERENCE_RESULT):
            if not self.event_at:
                errors["event_at"] = _("Give the date and time of the press conference.")
        if self.kind == self.Kind.CORRECTION and not self.press_outlet:
            errors["press_outlet"] = _("Name the newspaper or outlet asked to correct its article.")
        if errors:
            raise ValidationError(errors)

    @property
    def card_label(self):
        return self.get_kind_display()

    @cached_property
    def spokesperson(self):
        """The spokesperson in office on the item's date, else today's."""
        site = self.get_site()
        if site is None:
            return None
        return Spokesperson.objects.current(site, self.dated) or Spokesperson.objects.current(site)


PressIndexPageMixin.bhxh_subpage_mixins = (PressReleasePageMixin,)
PressReleasePageMixin.bhxh_parent_mixins = (PressIndexPageMixin,)


class PressIndexPage(PressIndexPageMixin, BasePage):
    class Meta:
        verbose_name = _("press section")
        verbose_name_plural = _("press sections")


class PressReleasePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_bhxh_spokesperson.PressReleasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PressReleasePage(PressReleasePageMixin, BasePage):
    tags = ClusterTaggableManager(through=PressReleasePageTag, blank=True, verbose_name=_("tags"))

    subpage_types = []

    class Meta:
        verbose_name = _("press information")
        verbose_name_plural = _("press information")


__all__ = [
    "Authorisation",
    "PressIndexPage",
    "PressIndexPageMixin",
    "PressReleasePage",
    "PressReleasePageMixin",
    "PressReleasePageTag",
    "Spokesperson",
    "TermConflict",
]
