"""Page types of the portal: abstract mixins plus concrete defaults.

Each page type is written as an abstract mixin (``ArticlePageMixin``...) and a
concrete default built on the active base page model (``ArticlePage``...).
A site extends a default by subclassing it, or combines a mixin with its
own base page model when it has swapped Wagtail's Page (Wagtail 8)::

    class MyArticleTag(TaggedItemBase):
        content_object = ParentalKey("myapp.MyArticle", related_name="tagged_items")

    class MyArticle(ArticlePageMixin, MyBasePage):
        tags = ClusterTaggableManager(through=MyArticleTag, blank=True)

Templates fall back to the suite's own (``wagtail_bhxh/article_page.html``)
when a subclass has none of its own.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import get_page_models
from wagtail.search import index

from .. import fragment_cache
from ..blocks import (
    ArticleBodyBlock,
    AttachmentBlock,
    ContentBodyBlock,
    InfographicImageBlock,
    LegalArticleBlock,
    PersonBlock,
    UnitBlock,
)
from ..conf import bhxh_settings
from ..pagination import paginate
from .base import BasePage
from .takedown import exclude_withdrawn
from .taxonomy import Occasion, PolicyArea, Topic

#: Renditions used by listing cards and the article header.
CARD_RENDITIONS = ("fill-480x270-c50", "fill-960x540-c50")
HEADER_RENDITIONS = ("width-480", "width-800", "width-1200")


def image_prefetch(lookup="feature_image", renditions=CARD_RENDITIONS):
    """A Prefetch of an image relation together with the renditions its template uses."""
    return Prefetch(lookup, queryset=get_image_model().objects.prefetch_renditions(*renditions))


class PortalPageMixin(models.Model):
    """What every public page type of the suite shares."""

    #: The suite's template for this page type, used when the concrete
    #: class has no template of its own.
    bhxh_template = None
    #: Page types built on these mixins may be created below this one,
    #: unless the class sets ``subpage_types`` itself. Matching on mixins
    #: lets a site's own subclasses live where the defaults do.
    bhxh_subpage_mixins = ()
    #: Likewise for the page types this one may be created below.
    bhxh_parent_mixins = ()
    #: Once published, only the head of the editorial board may unpublish,
    #: delete or move a page of this type; others file a takedown request
    #: (Decision 2474, see wagtail_bhxh.moderation).
    bhxh_takedown_protected = False

    class Meta:
        abstract = True

    @classmethod
    def clean_subpage_models(cls):
        if cls._clean_subpage_models is None and cls.bhxh_subpage_mixins and "subpage_types" not in vars(cls):
            cls._clean_subpage_models = [
                model for model in get_page_models() if issubclass(model, cls.bhxh_subpage_mixins)
            ]
        return super().clean_subpage_models()

    @classmethod
    def clean_parent_page_models(cls):
        if cls._clean_parent_page_models is None and cls.bhxh_parent_mixins and "parent_page_types" not in vars(cls):
            cls._clean_parent_page_models = [
                model for model in get_page_models() if issubclass(model, cls.bhxh_parent_mixins)
            ]
        return super().clean_parent_page_models()

    def get_template(self, request, *args, **kwargs):
        template = super().get_template(request, *args, **kwargs)
        if self.bhxh_template and template != self.bhxh_template:
            # TemplateResponse takes a list and renders the first that exists.
            return [template, self.bhxh_template]
        return template

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bhxh_base_template"] = bhxh_settings.BASE_TEMPLATE
        return context

    def permissions_for_user(self, user):
        from ..moderation.permissions import PortalPagePermissionTester

        return PortalPagePermissionTester(user, self)

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page, without a query when none applies.

        The paths of the restricted pages are kept in the fragment cache
        (``wagtail_bhxh.fragment_cache``); Wagtail's own lookup (two queries)
        runs only below an alias page, whose restrictions are its source's.
        """
        from wagtail.models import PageViewRestriction

        from ..fragment_cache import enabled

        if not enabled() or self.alias_of_id or not self.path:
            return super().get_view_restrictions()
        restricted, alias_parents = restricted_sections()
        if any(self.path.startswith(path) for path in alias_parents):
            return super().get_view_restrictions()
        ids = [pk for path, pk in restricted if self.path.startswith(path)]
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()

    def route(self, request, path_components):
        if not path_components and not self.live:
            # A page taken down answers 410 Gone or redirects, not 404.
            from ..moderation.public import route_taken_down

            result = route_taken_down(self, request)
            if result is not None:
                return result
        if len(path_components) > 1 and type(self).route is PortalPageMixin.route:
            # Two queries for the whole path rather than two a level (see wagtail_bhxh.routing).
            from ..routing import route_path

            return route_path(self, request, path_components)
        return super().route(request, path_components)

    @property
    def localized_draft(self):
        """Wagtail's, without its query for the active locale when this page is in it."""
        from ..routing import active_locale_is

        if active_locale_is(self.locale_id):
            return self
        return super().localized_draft

    def serve(self, request, *args, **kwargs):
        from ..http_cache import cache_public_page
        from ..moderation.public import TAKEDOWN_ROUTE_KWARG, serve_taken_down
        from ..security import add_content_security_policy

        takedown = kwargs.pop(TAKEDOWN_ROUTE_KWARG, None)
        if takedown is not None:
            return add_content_security_policy(serve_taken_down(request, self, takedown))
        return add_content_security_policy(cache_public_page(request, super().serve(request, *args, **kwargs)))


def _restricted_sections():
    """([(path of a restricted page, restriction id)], [paths of alias pages with children])."""
    from wagtail.models import PageViewRestriction

    restricted = [(path, pk) for pk, path in PageViewRestriction.objects.values_list("pk", "page__path").order_by("pk")]
    alias_parents = list(BasePage.objects.filter(alias_of__isnull=False, numchild__gt=0).values_list("path", flat=True))
    return (restricted, alias_parents)


def restricted_sections():
    """:func:`_restricted_sections`, from the fragment cache."""
    from ..fragment_cache import enabled, get_or_compute

    if not enabled():
        return _restricted_sections()
    return get_or_compute("view_restrictions", _restricted_sections, site_id=0)


def public_q():
    """``PageQuerySet.public()`` as a ``Q``, without its query for the view restrictions.

    ``queryset.filter(public_q())`` leaves out the pages below a view
    restriction (password, login, groups), read from the fragment cache.
    """
    q = models.Q()
    for path in sorted({path for path, _pk in restricted_sections()[0]}):
        q &= ~models.Q(path__startswith=path)
    return q


class ContentPageMixin(PortalPageMixin):
    """Fields shared by news, articles, infographics, videos and press pages."""

    intro = models.TextField(
        _("lead (sapo)"),
        blank=True,
        help_text=_("One short paragraph summing up the item; shown in bold under the title and in listings."),
    )
    feature_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("feature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feature_image_alt = models.CharField(
        _("feature image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for screen readers. Leave empty to use the image's description."),
    )
    feature_image_caption = models.CharField(_("feature image caption"), max_length=500, blank=True)
    feature_image_credit = models.CharField(
        _("feature image credit"), max_length=150, blank=True, help_text=_("e.g. Ảnh: Nguyễn Văn A")
    )
    policy_areas = ParentalManyToManyField(PolicyArea, verbose_name=_("policy areas"), blank=True, related_name="+")
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    occasion = models.ForeignKey(
        Occasion,
        verbose_name=_("occasion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_name = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("For republished items: the newspaper or portal it comes from."),
    )
    source_url = models.URLField(_("source address"), blank=True)
    is_featured = models.BooleanField(
        _("featured"), default=False, db_index=True, help_text=_("Show among the highlights on the home page.")
    )
    is_sensitive = models.BooleanField(
        _("sensitive content"),
        default=False,
        help_text=_("Needs the approval of the head of the editorial board before publishing (Decision 2474)."),
    )

    bhxh_takedown_protected = True

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("policy_areas"),
                FieldPanel("topics"),
                FieldPanel("occasion"),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
    ]
    credit_panels = [
        InlinePanel("bhxh_credits", heading=_("Authors and credits"), label=_("credit"), min_num=0),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
    ]
    feature_image_panels = [
        MultiFieldPanel(
            [
                FieldPanel("feature_image"),
                FieldPanel("feature_image_alt"),
                FieldRowPanel([FieldPanel("feature_image_caption"), FieldPanel("feature_image_credit")]),
            ],
            heading=_("Feature image"),
        ),
    ]
    related_panels = [
        InlinePanel("bhxh_related_links", heading=_("Related pages"), label=_("related page")),
    ]

    class Meta:
        abstract = True

    @property
    def card_label(self):
        """What kind of item this is, as shown on listing cards."""
        return capfirst(self._meta.verbose_name)

    @property
    def feature_image_alt_text(self):
        if self.feature_image_alt:
            return self.feature_image_alt
        return getattr(self.feature_image, "description", "") if self.feature_image_id else ""

    @cached_property
    def credits(self):
        return list(self.bhxh_credits.select_related("user").order_by("sort_order", "pk"))

    @property
    def byline(self):
        """Names of the credited people, authors first."""
        return ", ".join(credit.display_name for credit in self.credits if credit.display_name)

    @property
    def published_date(self):
        return self.first_published_at or self.go_live_at or self.latest_revision_created_at

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.load_cached_relations(request)
        return context

    def load_cached_relations(self, request):
        """Read what the page shows from its relations from the fragment cache, in one cache hit.

        Policy areas, tags, credits, related pages (with their images) and the
        feature image (with its renditions) of the live page, kept until the
        next change of any page or snippet (``wagtail_bhxh.fragment_cache``).
        Previews and drafts read the database as usual.
        """
        from ..fragment_cache import enabled, get_or_compute

        if not (self.pk and self.live and enabled(request)):
            return
        relations = get_or_compute("page_relations", self._compute_relations, self.pk, request=request)
        self._bhxh_relations = relations
        self.__dict__["credits"] = relations["credits"]
        if relations["feature_image"] is not None and relations["feature_image"].pk == self.feature_image_id:
            self.feature_image = relations["feature_image"]

    def _compute_relations(self):
        feature_image = None
        if self.feature_image_id:
            feature_image = get_image_model().objects.filter(pk=self.feature_image_id).first()
        related = self.find_related_pages()
        for page in related:
            for image in (getattr(page, "feature_image", None), getattr(page, "poster", None)):
                if image is not None:
                    # Renditions made after this entry was cached would be missing
                    # from a prefetched list; Wagtail's rendition cache has them all.
                    image.__dict__.pop("prefetched_renditions", None)
                    getattr(image, "_prefetched_objects_cache", {}).pop("renditions", None)
        return {
            "policy_areas": list(self.policy_areas.all()),
            "tags": list(self.tags.all()),
            "credits": list(self.bhxh_credits.select_related("user").order_by("sort_order", "pk")),
            "related": related,
            "feature_image": feature_image,
        }

    def _cached_relation(self, name):
        relations = getattr(self, "_bhxh_relations", None)
        return relations[name] if relations is not None else None

    @property
    def policy_area_list(self):
        """The page's policy areas, as a list (cached on public views)."""
        cached = self._cached_relation("policy_areas")
        return cached if cached is not None else list(self.policy_areas.all())

    @property
    def tag_list(self):
        """The page's tags, as a list (cached on public views)."""
        cached = self._cached_relation("tags")
        return cached if cached is not None else list(self.tags.all())

    def get_related_pages(self, limit=4):
        """Hand-picked related pages, else the latest live pages sharing a policy area (cached on public views)."""
        cached = self._cached_relation("related")
        if cached is not None and limit == 4:
            return cached
        return self.find_related_pages(limit)

    def find_related_pages(self, limit=4):
        """Hand-picked related pages, else the latest live pages sharing a policy area."""
        links = self.bhxh_related_links.select_related("related_page").all()
        picked = [link.related_page for link in links if link.related_page.live][:limit]
        if picked:
            return load_specific_cards(picked)
        area_ids = [area.pk for area in self.policy_areas.all()]
        if not area_ids:
            return []
        queryset = exclude_withdrawn(
            type(self)
            .objects.live()
            .filter(public_q())
            .exclude(pk=self.pk)
            .filter(policy_areas__in=area_ids)
            .distinct()
            .defer_streamfields()
            .order_by("-first_published_at")
        )
        related = list(queryset[:limit])
        models.prefetch_related_objects(related, image_prefetch())
        return related


class ArticlePageMixin(ContentPageMixin):
    """A news item (tin) or an in-depth article (bài)."""

    class Kind(models.TextChoices):
        NEWS = "tin", _("News item (tin)")
        ARTICLE = "bai", _("Article (bài)")

    kind = models.CharField(
        _("kind"),
        max_length=3,
        choices=Kind.choices,
        default=Kind.NEWS,
        db_index=True,
        help_text=_("A news item reports an event briefly; an article analyses or explains in depth."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    bhxh_template = "wagtail_bhxh/article_page.html"

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("intro"),
        *ContentPageMixin.feature_image_panels,
        FieldPanel("body"),
        *ContentPageMixin.credit_panels,
        *ContentPageMixin.taxonomy_panels,
        FieldPanel("is_featured"),
        FieldPanel("is_sensitive"),
        *ContentPageMixin.related_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("policy_areas", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    @property
    def is_news(self):
        return self.kind == self.Kind.NEWS

    @property
    def card_label(self):
        return self.get_kind_display()


class InfographicPageMixin(ContentPageMixin):
    """An infographic: one or more images and their full text transcript."""

    images = StreamField(
        [("image", InfographicImageBlock())],
        verbose_name=_("images"),
        min_num=1,
        help_text=_("The infographic itself; several images are shown in order."),
    )
    transcript = RichTextField(
        _("transcript"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("All the text and figures of the infographic, for people who cannot see it and for search."),
    )

    bhxh_template = "wagtail_bhxh/infographic_page.html"

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("images"),
        FieldPanel("transcript"),
        *ContentPageMixin.feature_image_panels,
        *ContentPageMixin.credit_panels,
        *ContentPageMixin.taxonomy_panels,
        FieldPanel("is_featured"),
        FieldPanel("is_sensitive"),
        *ContentPageMixin.related_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("transcript"),
        index.RelatedFields("policy_areas", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    @property
    def listing_image(self):
        """Feature image if set, else the first infographic image."""
        if self.feature_image_id:
            return self.feature_image
        for block in self.images:
            return block.value.get("image")
        return None


class VideoPageMixin(ContentPageMixin):
    """A video or motion graphic, embedded from its address or uploaded."""

    class VideoKind(models.TextChoices):
        VIDEO = "video", _("Video")
        MOTION_GRAPHIC = "motion_graphic", _("Motion graphic")

    video_kind = models.CharField(_("kind of video"), max_length=20, choices=VideoKind.choices, default=VideoKind.VIDEO)
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("Address of the video on YouTube, Facebook or another platform."),
    )
    video_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Or upload the video (MP4) to the document library."),
    )
    poster = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    captions_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("captions file (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("What is said and shown in the video, for people who cannot watch or hear it."),
    )

    bhxh_template = "wagtail_bhxh/video_page.html"

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("video_kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("video_url"),
                FieldPanel("video_file"),
                FieldPanel("poster"),
                FieldPanel("captions_file"),
                FieldPanel("duration_seconds"),
            ],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
        *ContentPageMixin.feature_image_panels,
        *ContentPageMixin.credit_panels,
        *ContentPageMixin.taxonomy_panels,
        FieldPanel("is_featured"),
        FieldPanel("is_sensitive"),
        *ContentPageMixin.related_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("transcript"),
        index.RelatedFields("policy_areas", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.video_url and not self.video_file_id:
            raise ValidationError({"video_url": _("Give the address of the video or choose an uploaded video file.")})

    @property
    def listing_image(self):
        return self.feature_image if self.feature_image_id else self.poster

    @property
    def card_label(self):
        return self.get_video_kind_display()

    @property
    def duration_label(self):
        if not self.duration_seconds:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}"


class LegalDocumentPageMixin(PortalPageMixin):
    """A legal document (văn bản): its metadata, summary, files and full text."""

    class DocumentType(models.TextChoices):
        LAW = "law", _("Law (Luật)")
        CODE = "code", _("Code (Bộ luật)")
        RESOLUTION = "resolution", _("Resolution (Nghị quyết)")
        DECREE = "decree", _("Decree (Nghị định)")
        DECISION = "decision", _("Decision (Quyết định)")
        DIRECTIVE = "directive", _("Directive (Chỉ thị)")
        CIRCULAR = "circular", _("Circular (Thông tư)")
        JOINT_CIRCULAR = "joint_circular", _("Joint circular (Thông tư liên tịch)")
        DISPATCH = "dispatch", _("Official dispatch (Công văn)")
        PLAN = "plan", _("Plan (Kế hoạch)")
        GUIDANCE = "guidance", _("Guidance (Hướng dẫn)")
        CONSOLIDATED = "consolidated", _("Consolidated text (Văn bản hợp nhất)")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        NOT_YET_IN_FORCE = "not_yet", _("Not yet in force")
        PARTIALLY_REPLACED = "partially_replaced", _("Partially replaced")
        REPLACED = "replaced", _("Replaced")
        EXPIRED = "expired", _("Expired")

    number = models.CharField(
        _("number"),
        max_length=80,
        db_index=True,
        help_text=_("Number and symbol as printed, e.g. 115/2015/NĐ-CP or 3216/BHXH-TT."),
    )
    document_type = models.CharField(
        _("type"), max_length=20, choices=DocumentType.choices, default=DocumentType.DECISION, db_index=True
    )
    issuer = models.CharField(_("issuing body"), max_length=200, db_index=True)
    signer = models.CharField(_("signed by"), max_length=200, blank=True)
    issued_on = models.DateField(_("date issued"), db_index=True)
    effective_on = models.DateField(_("effective from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_FORCE, db_index=True
    )
    replaced_by = ParentalManyToManyField(
        "self",
        verbose_name=_("replaced by"),
        blank=True,
        symmetrical=False,
        related_name="replaces",
        help_text=_("Documents that replace this one, wholly or in part."),
    )
    policy_areas = ParentalManyToManyField(PolicyArea, verbose_name=_("fields"), blank=True, related_name="+")
    summary = models.TextField(_("summary (trích yếu)"))
    is_sensitive = models.BooleanField(
        _("sensitive content"),
        default=False,
        help_text=_("Needs the approval of the head of the editorial board before publishing (Decision 2474)."),
    )
    attachments = StreamField([("attachment", AttachmentBlock())], verbose_name=_("attached files"), blank=True)
    full_text = StreamField(
        [("article", LegalArticleBlock())],
        verbose_name=_("full text"),
        blank=True,
        help_text=_("The document's articles (điều), each with its number; each gets its own link."),
    )

    bhxh_template = "wagtail_bhxh/legal_document_page.html"
    bhxh_takedown_protected = True

    content_panels = [
        TitleFieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("replaced_by")]),
                FieldPanel("policy_areas"),
            ],
            heading=_("Document details"),
        ),
        FieldPanel("summary"),
        FieldPanel("attachments"),
        FieldPanel("full_text"),
        FieldPanel("is_sensitive"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.AutocompleteField("number"),
        index.SearchField("summary"),
        index.SearchField("full_text"),
        index.FilterField("document_type"),
        index.FilterField("status"),
        index.FilterField("issued_on"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            raise ValidationError({"effective_on": _("A document cannot take effect before it is issued.")})
        if self.expires_on and self.effective_on and self.expires_on < self.effective_on:
            raise ValidationError({"expires_on": _("A document cannot expire before it takes effect.")})

    def current_status(self, today: datetime.date | None = None):
        """Status as of today: dates override a stored 'in force'."""
        today = today or timezone.localdate()
        if self.status == self.Status.IN_FORCE:
            if self.effective_on and self.effective_on > today:
                return self.Status.NOT_YET_IN_FORCE
            if self.expires_on and self.expires_on < today:
                return self.Status.EXPIRED
        return self.Status(self.status)

    @property
    def current_status_label(self):
        return self.current_status().label

    @property
    def articles(self):
        return [block.value for block in self.full_text]


class OrganisationPageMixin(PortalPageMixin):
    """The organisation: leadership, departments and district offices."""

    intro = models.TextField(_("introduction"), blank=True)
    leaders = StreamField([("leader", PersonBlock())], verbose_name=_("leadership"), blank=True)
    departments = StreamField([("unit", UnitBlock())], verbose_name=_("departments"), blank=True)
    offices = StreamField([("unit", UnitBlock())], verbose_name=_("district offices"), blank=True)
    body = StreamField(ContentBodyBlock(), verbose_name=_("more information"), blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=datetime.date.today,
        help_text=_("Date the contacts on this page were last checked. Update it after each check."),
    )

    bhxh_template = "wagtail_bhxh/organisation_page.html"

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("leaders"),
        FieldPanel("departments"),
        FieldPanel("offices"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Contacts must stay current. The page is flagged in the "
                        "admin when it has not been reviewed for a long time."
                    )
                ),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Review"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("leaders"),
        index.SearchField("departments"),
        index.SearchField("offices"),
    ]

    class Meta:
        abstract = True

    @property
    def review_due_on(self):
        return self.last_reviewed + datetime.timedelta(days=bhxh_settings.ORGANISATION_REVIEW_DAYS)

    def is_review_overdue(self, today: datetime.date | None = None):
        return (today or timezone.localdate()) > self.review_due_on


class StandardPageMixin(PortalPageMixin):
    """A general page: functions and duties, contact, about the portal."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentBodyBlock(), verbose_name=_("body"), blank=True)

    bhxh_template = "wagtail_bhxh/standard_page.html"

    content_panels = [TitleFieldPanel("title"), FieldPanel("intro"), FieldPanel("body")]

    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class ListingPageMixin(PortalPageMixin):
    """An index page that lists content below it, newest first, paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [TitleFieldPanel("title"), FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_listing_queryset(self, request):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_filters(self, request):
        """Validated filters from the query string (a bound form), or None."""
        return None

    def get_listing_count_key(self, request, filters):
        """What the number of items depends on, beyond the portal's content: cached under it.

        The listing is counted once per change of content (the fragment
        cache's generation) and filter combination. A subclass whose listing
        depends on the reader (the user, a cookie) returns None: no caching.
        """
        applied = filters.applied() if filters is not None else ()
        return (self.pk, *(f"{name}={value}" for name, value in applied))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        queryset = self.get_listing_queryset(request)
        if filters is not None:
            queryset = filters.filter_queryset(queryset)
            context["filters"] = filters
        context["items"] = paginate(
            request, queryset, bhxh_settings.ITEMS_PER_PAGE, count_key=self.get_listing_count_key(request, filters)
        )
        return context


class NewsIndexPageMixin(ListingPageMixin):
    """Lists the news items and articles below it; a section of the portal."""

    bhxh_template = "wagtail_bhxh/news_index_page.html"

    class Meta:
        abstract = True

    def get_listing_model(self):
        return ArticlePage

    def get_listing_queryset(self, request):
        return exclude_withdrawn(
            self.get_listing_model()
            .objects.live()
            .filter(public_q())
            .descendant_of(self)
            .select_related("feature_image")
            .prefetch_related(image_prefetch(), "policy_areas")
            .order_by("-first_published_at", "-pk")
        )

    def get_filters(self, request):
        from ..forms import NewsFilterForm

        return NewsFilterForm(request.GET)


class MediaIndexPageMixin(ListingPageMixin):
    """Lists infographics and videos below it."""

    bhxh_template = "wagtail_bhxh/media_index_page.html"

    class Meta:
        abstract = True

    def get_media_models(self):
        return (InfographicPage, VideoPage)

    def get_listing_queryset(self, request):
        return exclude_withdrawn(
            BasePage.objects.live()
            .filter(public_q())
            .descendant_of(self)
            .type(*self.get_media_models())
            .order_by("-first_published_at", "-pk")
        )

    def get_filters(self, request):
        from ..forms import MediaFilterForm

        return MediaFilterForm(request.GET)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"].object_list = load_specific_cards(context["items"].object_list)
        return context


class LegalDocumentIndexPageMixin(ListingPageMixin):
    """Lists legal documents with filters by type, issuer, year, status and field."""

    bhxh_template = "wagtail_bhxh/legal_document_index_page.html"

    class Meta:
        abstract = True

    def get_listing_model(self):
        return LegalDocumentPage

    def get_listing_queryset(self, request):
        return exclude_withdrawn(
            self.get_listing_model()
            .objects.live()
            .filter(public_q())
            .descendant_of(self)
            .defer_streamfields()
            .order_by("-issued_on", "-pk")
        )

    def get_filters(self, request):
        from ..forms import LegalDocumentFilterForm

        return LegalDocumentFilterForm(request.GET, listing_model=self.get_listing_model(), index_page=self)


class PortalHomePageMixin(PortalPageMixin):
    """The portal's home page: highlights, latest news, media, documents."""

    intro = models.TextField(_("welcome text"), blank=True)

    bhxh_template = "wagtail_bhxh/portal_home_page.html"

    content_panels = [TitleFieldPanel("title"), FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections change only when content does: one cache read instead
        # of five sorted scans of every page below the home page.
        context.update(
            fragment_cache.get_or_compute(
                "home-sections", self.get_home_sections, self.pk, bhxh_settings.HOME_LATEST_NEWS, request=request
            )
        )
        return context

    def get_home_sections(self):
        """The items of the home page's sections: a dict of lists, with their images and renditions."""
        articles = exclude_withdrawn(
            ArticlePage.objects.live()
            .filter(public_q())
            .descendant_of(self)
            .select_related("feature_image")
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )
        featured = list(articles.filter(is_featured=True)[:5])
        featured_ids = [page.pk for page in featured]
        latest_news = list(
            articles.filter(kind=ArticlePage.Kind.NEWS).exclude(pk__in=featured_ids)[: bhxh_settings.HOME_LATEST_NEWS]
        )
        latest_articles = list(articles.filter(kind=ArticlePage.Kind.ARTICLE).exclude(pk__in=featured_ids)[:4])
        media = load_specific_cards(
            list(
                exclude_withdrawn(
                    BasePage.objects.live().filter(public_q()).descendant_of(self).type(InfographicPage, VideoPage)
                ).order_by("-first_published_at", "-pk")[:4]
            )
        )
        documents = list(
            exclude_withdrawn(
                LegalDocumentPage.objects.live().filter(public_q()).descendant_of(self).defer_streamfields()
            ).order_by("-issued_on", "-pk")[:5]
        )
        # One prefetch of images and renditions for every card on the page.
        cards = featured + latest_news + latest_articles
        models.prefetch_related_objects(cards, image_prefetch())
        # Renditions made now travel with the cached cards; made later, while
        # rendering, they would be missing from the cache and fetched on every view.
        for card in cards + media:
            for image in (getattr(card, "feature_image", None), getattr(card, "poster", None)):
                if image is not None:
                    # A missing source file gives the same placeholder as {% image %}, not an error.
                    get_rendition_or_not_found(image, CARD_RENDITIONS[0])
        return {
            "featured": featured,
            "latest_news": latest_news,
            "latest_articles": latest_articles,
            "media": media,
            "documents": documents,
        }


def load_specific_cards(pages):
    """Specific instances of mixed page types for listing cards, in order.

    One query per page type plus one for images and one for renditions,
    whatever the number of pages.
    """
    pages = list(pages)
    by_model = {}
    for page in pages:
        by_model.setdefault(page.specific_class, []).append(page.pk)
    specific = {}
    for model, ids in by_model.items():
        # Withdrawn pages leave every listing, hand-picked related pages included.
        queryset = exclude_withdrawn(model.objects.filter(pk__in=ids)).defer_streamfields()
        specific.update({page.pk: page for page in queryset})
    result = [specific[page.pk] for page in pages if page.pk in specific]
    images = [p for p in result if hasattr(p, "feature_image_id")]
    models.prefetch_related_objects(images, image_prefetch())
    posters = [p for p in result if hasattr(p, "poster_id")]
    models.prefetch_related_objects(posters, image_prefetch("poster"))
    return result


# Which page types live below which (see PortalPageMixin.bhxh_subpage_mixins).
NewsIndexPageMixin.bhxh_subpage_mixins = (NewsIndexPageMixin, ArticlePageMixin)
ArticlePageMixin.bhxh_parent_mixins = (NewsIndexPageMixin,)
MediaIndexPageMixin.bhxh_subpage_mixins = (InfographicPageMixin, VideoPageMixin)
InfographicPageMixin.bhxh_parent_mixins = (MediaIndexPageMixin,)
VideoPageMixin.bhxh_parent_mixins = (MediaIndexPageMixin,)
LegalDocumentIndexPageMixin.bhxh_subpage_mixins = (LegalDocumentPageMixin,)
LegalDocumentPageMixin.bhxh_parent_mixins = (LegalDocumentIndexPageMixin,)
OrganisationPageMixin.bhxh_subpage_mixins = (StandardPageMixin,)


# --- Concrete defaults ------------------------------------------------------


class PortalHomePage(PortalHomePageMixin, BasePage):
    class Meta:
        verbose_name = _("portal home page")
        verbose_name_plural = _("portal home pages")


class NewsIndexPage(NewsIndexPageMixin, BasePage):
    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("wagtail_bhxh.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(ArticlePageMixin, BasePage):
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    subpage_types = []

    class Meta:
        verbose_name = _("news item or article")
        verbose_name_plural = _("news items and articles")


class MediaIndexPage(MediaIndexPageMixin, BasePage):
    class Meta:
        verbose_name = _("media section")
        verbose_name_plural = _("media sections")


class InfographicPageTag(TaggedItemBase):
    content_object = ParentalKey("wagtail_bhxh.InfographicPage", on_delete=models.CASCADE, related_name="tagged_items")


class InfographicPage(InfographicPageMixin, BasePage):
    tags = ClusterTaggableManager(through=InfographicPageTag, blank=True, verbose_name=_("tags"))

    subpage_types = []

    class Meta:
        verbose_name = _("infographic")
        verbose_name_plural = _("infographics")


class VideoPageTag(TaggedItemBase):
    content_object = ParentalKey("wagtail_bhxh.VideoPage", on_delete=models.CASCADE, related_name="tagged_items")


class VideoPage(VideoPageMixin, BasePage):
    tags = ClusterTaggableManager(through=VideoPageTag, blank=True, verbose_name=_("tags"))

    subpage_types = []

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")


class LegalDocumentIndexPage(LegalDocumentIndexPageMixin, BasePage):
    class Meta:
        verbose_name = _("legal documents section")
        verbose_name_plural = _("legal documents sections")


class LegalDocumentPage(LegalDocumentPageMixin, BasePage):
    subpage_types = []

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")


class OrganisationPage(OrganisationPageMixin, BasePage):
    class Meta:
        verbose_name = _("organisation page")
        verbose_name_plural = _("organisation pages")


class StandardPage(StandardPageMixin, BasePage):
    class Meta:
        verbose_name = _("general page")
        verbose_name_plural = _("general pages")
