"""Full-text structures of the database backend, for the database in use.

SQLite: an FTS5 table (rowid = page id) with folded and accented columns,
and one of titles alone (so that a long text does not drown its title).
PostgreSQL: two tsvector columns on the entry table with GIN indexes; the
text is analysed in Python, so no extension (unaccent, pg_trgm) is needed.
"""

from django.db import migrations

FTS = "wagtail_bhxh_search_fts"
FTS_TITLE = "wagtail_bhxh_search_fts_title"
ENTRY = "wagtail_bhxh_search_searchentry"


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
            "title, body, xtitle, xbody, tokenize = 'unicode61 remove_diacritics 0')"
        )
        schema_editor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TITLE} USING fts5(title)")
    elif vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {ENTRY} ADD COLUMN fts_folded tsvector, ADD COLUMN fts_exact tsvector, "
            "ADD COLUMN fts_title tsvector"
        )
        schema_editor.execute(f"CREATE INDEX {ENTRY}_fts_folded ON {ENTRY} USING gin (fts_folded)")
        schema_editor.execute(f"CREATE INDEX {ENTRY}_fts_exact ON {ENTRY} USING gin (fts_exact)")


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TITLE}")
    elif vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {ENTRY} DROP COLUMN fts_folded, DROP COLUMN fts_exact, DROP COLUMN fts_title")


class Migration(migrations.Migration):
    dependencies = [("wagtail_bhxh_search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
