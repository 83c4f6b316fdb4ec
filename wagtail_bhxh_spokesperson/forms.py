"""The filter form of the press section's listing (untrusted query strings, validated field by field)."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_bhxh.forms import ListingFilterForm


class PressFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100, required=False)
    q = forms.CharField(label=_("Words in the title"), max_length=100, required=False)

    def __init__(self, *args, listing_model, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All press information")), *listing_model.Kind.choices]

    def filter_kind(self, queryset, value):
        return queryset.filter(kind=value)

    def filter_year(self, queryset, value):
        return queryset.filter(dated__gte=datetime.date(value, 1, 1), dated__lte=datetime.date(value, 12, 31))

    def filter_q(self, queryset, value):
        return queryset.filter(title__icontains=value.strip())
