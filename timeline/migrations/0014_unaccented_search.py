"""PostgreSQL: search ignores accents, as it does on SQLite.

SQLite's FTS5 index reads words without their diacritics (migration 0007), so "securite"
finds "sécurité" there; PostgreSQL's `english` configuration kept them, and the same
search found nothing in production. `redline_english` is `english` with the `unaccent`
dictionary before the English stemmer for every word that is not plain ASCII; the stored
search vector (migration 0011) and its GIN index are made with it, and the search asks
with it (`timeline.search.TEXT_SEARCH_CONFIG`). `unaccent` is one of PostgreSQL's contrib
extensions, trusted: the database's owner may create it, as `pg_trgm` (migration 0007).
"""

from django.db import migrations

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION redline_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION redline_english "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem",
    "DROP INDEX IF EXISTS clause_text_search_vector_idx",
    "ALTER TABLE timeline_clause DROP COLUMN IF EXISTS text_search",
    "ALTER TABLE timeline_clause ADD COLUMN text_search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('redline_english'::regconfig, COALESCE(text, ''))) STORED",
    "CREATE INDEX clause_text_search_vector_idx ON timeline_clause USING gin (text_search)",
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS clause_text_search_vector_idx",
    "ALTER TABLE timeline_clause DROP COLUMN IF EXISTS text_search",
    "ALTER TABLE timeline_clause ADD COLUMN text_search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, COALESCE(text, ''))) STORED",
    "CREATE INDEX clause_text_search_vector_idx ON timeline_clause USING gin (text_search)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS redline_english",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("timeline", "0013_compose_texts")]

    operations = [migrations.RunPython(_run(POSTGRESQL), _run(POSTGRESQL_DROP))]
