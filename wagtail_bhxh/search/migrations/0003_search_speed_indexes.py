"""Indexes that keep the database backend fast at 50,000 pages (PostgreSQL).

- a GIN index on ``fts_title``: ranking candidates and autocomplete read the
  short title vectors, never every matching text;
- a ``varchar_pattern_ops`` index on ``number_key``: ``LIKE '115/2015/%'``
  lookups of partial document numbers use an index whatever the collation.

SQLite needs neither: its FTS5 tables are their own index, and number
prefixes are read as a range of the (binary) ``number_key`` index.
"""

from django.db import migrations

ENTRY = "wagtail_bhxh_search_searchentry"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {ENTRY}_fts_title ON {ENTRY} USING gin (fts_title)")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {ENTRY}_number_key_like ON {ENTRY} (number_key varchar_pattern_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {ENTRY}_fts_title")
        schema_editor.execute(f"DROP INDEX IF EXISTS {ENTRY}_number_key_like")


class Migration(migrations.Migration):
    dependencies = [("wagtail_bhxh_search", "0002_fulltext")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
