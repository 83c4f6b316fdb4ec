"""Filter forms of the public listings.

Query strings are untrusted: each filter is validated, an invalid value is
reported to the reader and ignored, and nothing reaches the database
unvalidated.
"""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import fragment_cache
from .models.taxonomy import PolicyArea, Topic


def use_cached_choices(field):
    """Read a ModelChoiceField's options from the fragment cache: no query per view.

    The options are kept until content changes (a new generation), under
    the field's SQL, so two fields share an entry only when they list the
    same rows; a value in the query string is still checked against the
    database when the form is validated.
    """

    def compute():
        return [(getattr(obj, field.to_field_name or "pk"), field.label_from_instance(obj)) for obj in field.queryset]

    key = (type(field).__qualname__, field.to_field_name, str(field.queryset.query))
    options = fragment_cache.get_or_compute("model-choices", compute, *key)
    field.choices = [("", field.empty_label), *options]


class ListingFilterForm(forms.Form):
    """A GET form whose valid fields narrow a queryset."""

    def filter_queryset(self, queryset):
        self.is_valid()  # populates cleaned_data with the valid fields only
        for name, value in self.cleaned_data.items():
            if value in (None, "", [], ()):
                continue
            method = getattr(self, f"filter_{name}", None)
            if method:
                queryset = method(queryset, value)
        return queryset

    def applied(self):
        """The valid filters in force as a stable tuple: names the filtered listing in cache keys."""
        self.is_valid()
        return tuple(
            sorted(
                (name, str(getattr(value, "pk", value)).strip().casefold())
                for name, value in self.cleaned_data.items()
                if value not in (None, "", [], ())
            )
        )

    @property
    def active(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)


class TaxonomyFilterMixin(forms.Form):
    policy_area = forms.ModelChoiceField(
        label=_("Policy area"),
        queryset=PolicyArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All policy areas"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_cached_choices(self.fields["policy_area"])
        use_cached_choices(self.fields["topic"])

    def filter_policy_area(self, queryset, value):
        return queryset.filter(policy_areas=value)

    def filter_topic(self, queryset, value):
        return queryset.filter(topics=value)


class NewsFilterForm(TaxonomyFilterMixin, ListingFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("News and articles")), ("tin", _("News items")), ("bai", _("Articles"))],
        required=False,
    )
    tag = forms.CharField(label=_("Tag"), max_length=100, required=False)

    def filter_kind(self, queryset, value):
        return queryset.filter(kind=value)

    def filter_tag(self, queryset, value):
        return queryset.filter(tags__name__iexact=value.strip()).distinct()


class MediaFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All media")), ("infographic", _("Infographics")), ("video", _("Videos"))],
        required=False,
    )

    def filter_kind(self, queryset, value):
        from .models.pages import InfographicPage, VideoPage

        return queryset.type(InfographicPage if value == "infographic" else VideoPage)


class LegalDocumentFilterForm(ListingFilterForm):
    number = forms.CharField(
        label=_("Number"),
        max_length=80,
        required=False,
        help_text=_("e.g. 115/2015/NĐ-CP"),
    )
    document_type = forms.ChoiceField(label=_("Type"), required=False)
    issuer = forms.ChoiceField(label=_("Issuing body"), required=False)
    year = forms.IntegerField(label=_("Year issued"), min_value=1945, max_value=2100, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    policy_area = forms.ModelChoiceField(
        label=_("Field"),
        queryset=PolicyArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )

    def __init__(self, *args, listing_model, index_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.listing_model = listing_model
        self.fields["document_type"].choices = [("", _("All types")), *listing_model.DocumentType.choices]
        self.fields["status"].choices = [("", _("Any status")), *listing_model.Status.choices]
        use_cached_choices(self.fields["policy_area"])

        def issuers():
            documents = listing_model.objects.live()
            if index_page is not None:
                documents = documents.descendant_of(index_page)
            return list(documents.order_by("issuer").values_list("issuer", flat=True).distinct())

        key = (listing_model._meta.label_lower, getattr(index_page, "pk", ""))
        issuers = fragment_cache.get_or_compute("choices-issuer", issuers, *key)
        self.fields["issuer"].choices = [("", _("All issuing bodies"))] + [(i, i) for i in issuers]

    def filter_number(self, queryset, value):
        """Any spelling of a number finds it: 115/2015/ND-CP, nđ 115/2015, nghị định 115/2015..."""
        from .search.vietnamese import parse_document_number  # pure analysis, works without the search app

        wanted = parse_document_number(value)
        if wanted is None:
            return queryset.filter(number__icontains=value.strip())
        candidates = queryset.filter(number__istartswith=f"{wanted.number}/").values_list("pk", "number")
        matching = []
        for pk, number in candidates:
            parsed = parse_document_number(number)
            if parsed is not None and wanted.matches(parsed.folded_key):
                matching.append(pk)
        return queryset.filter(pk__in=matching)

    def filter_document_type(self, queryset, value):
        return queryset.filter(document_type=value)

    def filter_issuer(self, queryset, value):
        return queryset.filter(issuer=value)

    def filter_year(self, queryset, value):
        return queryset.filter(issued_on__gte=datetime.date(value, 1, 1), issued_on__lte=datetime.date(value, 12, 31))

    def filter_policy_area(self, queryset, value):
        return queryset.filter(policy_areas=value)

    def filter_status(self, queryset, value):
        return queryset.filter(status_q(self.listing_model, value))


def status_q(model, status, today=None):
    """A Q object matching documents whose *current* status is ``status``.

    Dates override a stored "in force": a document past its expiry date is
    expired, one before its effective date is not yet in force.
    """
    today = today or timezone.localdate()
    Status = model.Status
    in_force = Q(status=Status.IN_FORCE)
    not_started = Q(effective_on__gt=today)
    ended = Q(expires_on__lt=today)
    if status == Status.IN_FORCE:
        return in_force & ~not_started & ~ended
    if status == Status.NOT_YET_IN_FORCE:
        return Q(status=status) | (in_force & not_started)
    if status == Status.EXPIRED:
        return Q(status=status) | (in_force & ended & ~not_started)
    return Q(status=status)
