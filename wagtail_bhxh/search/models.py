"""Storage of the embedded ("database") search backend.

One :class:`SearchEntry` per searchable live page holds what results show
and what filters need. The full-text part lives beside it, built by
migration 0002 for the database in use: an FTS5 table on SQLite, two
``tsvector`` columns with GIN indexes on PostgreSQL (no extension needed:
folding is done in Python by :mod:`wagtail_bhxh.search.vietnamese`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    # Not a foreign key: the index follows the page through signals, and a
    # plain id keeps this app's migrations free of the swappable page model.
    page_id = models.BigIntegerField(_("page id"), unique=True)
    type = models.CharField(_("type"), max_length=30, db_index=True)
    title = models.TextField(_("title"))
    folded_title = models.TextField(_("folded title"), blank=True)
    intro = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    #: "|3|7|": ids wrapped in bars so "|3|" finds exactly 3.
    policy_areas = models.CharField(_("policy areas"), max_length=500, blank=True, default="")
    topics = models.CharField(_("topics"), max_length=500, blank=True, default="")
    number = models.CharField(_("number"), max_length=80, blank=True, default="")
    number_key = models.CharField(_("folded number"), max_length=80, blank=True, default="", db_index=True)
    doc_type = models.CharField(_("document type"), max_length=30, blank=True, default="", db_index=True)
    issuer = models.CharField(_("issuing body"), max_length=200, blank=True, default="", db_index=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=30, blank=True, default="", db_index=True)
    url = models.CharField(_("address"), max_length=1000, blank=True, default="")
    locale = models.CharField(_("language"), max_length=20, blank=True, default="")
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)
    #: The synonym groups the row was analysed with (``vietnamese.synonyms_fingerprint()``):
    #: rows of other groups hold other concept keys, until the index is rebuilt.
    analysis = models.CharField(_("analysis"), max_length=16, blank=True, default="", db_index=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return self.title
