"""Forms turning query strings into a validated :class:`SearchQuery`.

Query strings are untrusted: an invalid filter is reported and ignored on
the search page, and refused with a 400 by the JSON API. The query text
itself is never refused: it is cleaned and cut to length.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import use_cached_choices
from ..models.pages import LegalDocumentPageMixin
from ..models.taxonomy import PolicyArea, Topic
from .backends.base import SEARCH_TYPES, SearchQuery
from .query import clean_query

#: Most results one API call returns.
MAX_LIMIT = 100
#: Deepest offset accepted: past every hit of any realistic index.
MAX_OFFSET = 1_000_000

TYPE_LABELS = {
    "article": _("News and articles"),
    "infographic": _("Infographics"),
    "video": _("Videos"),
    "legal_document": _("Legal documents"),
    "press_release": _("Press releases"),
}


class QueryField(forms.CharField):
    """The search text: control characters removed and length capped before any validation."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    """The public search page: one box and its filters."""

    q = QueryField(label=_("Search for"), required=False)
    type = forms.MultipleChoiceField(
        label=_("Content type"),
        choices=[(name, TYPE_LABELS[name]) for name in SEARCH_TYPES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
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
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    doc_type = forms.ChoiceField(
        label=_("Document type"),
        choices=[("", _("All types")), *LegalDocumentPageMixin.DocumentType.choices],
        required=False,
    )
    issuer = forms.CharField(label=_("Issuing body"), max_length=200, required=False)
    year = forms.IntegerField(label=_("Year issued"), min_value=1945, max_value=2100, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *LegalDocumentPageMixin.Status.choices],
        required=False,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[("relevance", _("Relevance")), ("date", _("Newest first"))],
        required=False,
    )

    filter_fields = ("type", "policy_area", "topic", "date_from", "date_to", "doc_type", "issuer", "year", "status")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_cached_choices(self.fields["policy_area"])
        use_cached_choices(self.fields["topic"])

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q") or "")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    @property
    def has_filters(self):
        return any(self.data.get(name) for name in self.filter_fields)

    def to_query(self, offset=0, limit=10) -> SearchQuery:
        """The valid part of the form as a query (invalid fields are left out)."""
        self.is_valid()
        data = self.cleaned_data
        policy_area, topic = data.get("policy_area"), data.get("topic")
        return SearchQuery(
            q=clean_query(self.data.get("q", "")) if "q" not in data else data["q"],
            types=tuple(data.get("type") or ()),
            policy_area=policy_area.pk if policy_area else None,
            topic=topic.pk if topic else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            doc_type=data.get("doc_type") or "",
            issuer=(data.get("issuer") or "").strip(),
            year=data.get("year"),
            status=data.get("status") or "",
            sort=data.get("sort") or "relevance",
            offset=offset,
            limit=limit,
        )


class SearchAPIForm(SearchForm):
    """``GET /api/bhxh/search/?q=&type=&limit=&offset=`` plus the search page's filters (see the API reference).

    Unlike the search page, an invalid parameter is refused (400), never ignored.
    """

    limit = forms.IntegerField(min_value=1, max_value=MAX_LIMIT, required=False)
    offset = forms.IntegerField(min_value=0, max_value=MAX_OFFSET, required=False)

    def to_query(self) -> SearchQuery:
        data = self.cleaned_data
        return super().to_query(offset=data.get("offset") or 0, limit=data.get("limit") or 10)
