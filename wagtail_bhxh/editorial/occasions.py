"""The occasions calendar: the core's Occasion snippet, with what is planned or published for each.

An occasion's content is the pages linked to it (``ContentPageMixin.occasion``):
*published* — live and first published since the day after its previous
occurrence; *planned* — not yet published (drafts and scheduled pages).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import get_page_models

from wagtail_bhxh.models import ContentPageMixin, Occasion


@dataclass
class OccasionEntry:
    occasion: Occasion
    date: datetime.date
    since: datetime.date  # the day after the previous occurrence
    published: list = field(default_factory=list)
    planned: list = field(default_factory=list)

    @property
    def shows_from(self):
        return self.date - datetime.timedelta(days=self.occasion.lead_days)

    def days_left(self, today):
        return (self.date - today).days


def _content_models():
    return [m for m in get_page_models() if issubclass(m, ContentPageMixin) and not m._meta.abstract]


def attach_content(entries):
    """Fill each entry's published and planned pages: one query per content page type."""
    if not entries:
        return entries
    by_occasion = {}
    for entry in entries:
        by_occasion.setdefault(entry.occasion.pk, []).append(entry)
    earliest = min(entry.since for entry in entries)
    tz = timezone.get_current_timezone()
    cutoff = datetime.datetime.combine(earliest, datetime.time.min, tzinfo=tz)
    for model in _content_models():
        rows = (
            model.objects.exact_type(model)
            .filter(occasion_id__in=list(by_occasion))
            .exclude(live=True, first_published_at__lt=cutoff)
            .order_by("first_published_at", "pk")
            .values_list("pk", "title", "occasion_id", "live", "first_published_at")
        )
        for pk, title, occasion_id, live, published_at in rows:
            for entry in by_occasion[occasion_id]:
                row = {"id": pk, "title": title, "published_at": published_at}
                if live and published_at and timezone.localtime(published_at).date() >= entry.since:
                    if timezone.localtime(published_at).date() <= entry.date:
                        entry.published.append(row)
                elif not live:
                    entry.planned.append(row)
    return entries


def _entry(occasion, date):
    previous = occasion.date_in(date.year - 1)
    return OccasionEntry(occasion, date, previous + datetime.timedelta(days=1))


def upcoming(today=None):
    """Active occasions whose lead time has begun, soonest first, with their content."""
    today = today or timezone.localdate()
    entries = []
    for occasion in Occasion.objects.filter(is_active=True):
        if occasion.is_upcoming(today):
            entries.append(_entry(occasion, occasion.next_date(today)))
    entries.sort(key=lambda entry: (entry.date, entry.occasion.name))
    return attach_content(entries)


def calendar_for(year):
    """Every active occasion on its date of ``year``, in date order, with its content."""
    entries = [_entry(occasion, occasion.date_in(year)) for occasion in Occasion.objects.filter(is_active=True)]
    entries.sort(key=lambda entry: (entry.date, entry.occasion.name))
    return attach_content(entries)
