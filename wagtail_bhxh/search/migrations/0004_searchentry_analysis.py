"""How each entry was analysed, and what PostgreSQL needs to rank long texts cheaply.

- ``analysis``: a digest of the synonym groups and of the index layout the
  row was written with. PostgreSQL entries now carry one token per
  abbreviation concept (``vietnamese.concept_keys``); until every row has
  today's digest (``manage.py bhxh_rebuild_search_index`` after upgrading or
  after changing ``SEARCH_SYNONYMS_FILES``), searches match phrases and rank
  as before: slower, still right.
- PostgreSQL: ``fts_lead``, the title and the first words of a long text
  (NULL for a short one), which ranking reads instead of a 300 kB legal
  code's whole vector; ``fts_length``, the words of the whole entry, which
  ranking divides by.
"""

from django.db import migrations, models

ENTRY = "wagtail_bhxh_search_searchentry"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {ENTRY} ADD COLUMN fts_lead tsvector, ADD COLUMN fts_length integer")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {ENTRY} DROP COLUMN fts_lead, DROP COLUMN fts_length")


class Migration(migrations.Migration):
    dependencies = [("wagtail_bhxh_search", "0003_search_speed_indexes")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="analysis",
            field=models.CharField(blank=True, db_index=True, default="", max_length=16, verbose_name="analysis"),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
