"""PostgreSQL: each clause's search vector stored in a generated column, `text_search`,
with the GIN index on it, instead of an index on the expression.

With the index on `to_tsvector('english', text)` only, PostgreSQL's planner judged a
sequential scan cheaper on a collection of a few thousand clauses, and a sequential scan
computes the vector of every clause on every search: 0.3 s for each of the two queries of
a search over the shipped story. A stored vector costs a scan next to nothing and the
index serves as before. The column is PostgreSQL's alone (no model field: SQLite has its
FTS5 table, migration 0007); the search reads it through `timeline.search`. Changing the
type of `text` would now need the column dropped first.
"""

from django.db import migrations

POSTGRESQL = [
    "ALTER TABLE timeline_clause ADD COLUMN text_search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, COALESCE(text, ''))) STORED",
    "CREATE INDEX clause_text_search_vector_idx ON timeline_clause USING gin (text_search)",
    "DROP INDEX IF EXISTS clause_text_search_idx",
]
POSTGRESQL_DROP = [
    "CREATE INDEX IF NOT EXISTS clause_text_search_idx ON timeline_clause "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))",
    "DROP INDEX IF EXISTS clause_text_search_vector_idx",
    "ALTER TABLE timeline_clause DROP COLUMN IF EXISTS text_search",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("timeline", "0010_country_indexes")]

    operations = [migrations.RunPython(_run(POSTGRESQL), _run(POSTGRESQL_DROP))]
