"""Indexes that keep the database backend fast at 50,000 pages (PostgreSQL).

- a GIN index on ``fts_title``: ranking candidates and autocomplete read the
  short title vectors, never every matching text;
- a ``varchar_pattern_ops`` index on ``number_key``: ``LIKE '115/2015/%'``
  lookups of partial document numbers use an index whatever the collation;
- a narrow heap: texts and their big vectors go to TOAST (``toast_tuple_target``
  256) while ``fts_title`` stays in the row (``STORAGE MAIN``), so reading the
  titles of thousands of matches reads a 12 MB table, not a 136 MB one (50k
  pages). Rows written before this migration keep their layout until
  ``manage.py bhxh_rebuild_search_index`` rewrites them.

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
        schema_editor.execute(
            f"ALTER TABLE {ENTRY} SET (toast_tuple_target = 256), ALTER COLUMN fts_title SET STORAGE MAIN"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {ENTRY}_fts_title")
        schema_editor.execute(f"DROP INDEX IF EXISTS {ENTRY}_number_key_like")
        schema_editor.execute(
            f"ALTER TABLE {ENTRY} RESET (toast_tuple_target), ALTER COLUMN fts_title SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("wagtail_bhxh_search", "0002_fulltext")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
