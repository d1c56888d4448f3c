"""A word index over clause texts, so search matches words, not parts of words, and does
not read every clause (see timeline/search.py for how each is queried).

- SQLite (built with FTS5): the external-content FTS5 table `timeline_clause_fts`, kept
  right by triggers on every insert, update of the text and delete of a clause, bulk
  statements included. Django remakes a SQLite table to alter it, which drops its triggers:
  a later migration that alters timeline_clause must create them again (SQLITE_TRIGGERS).
- PostgreSQL: a GIN index on `to_tsvector('english', text)`, written exactly as Django
  compiles `SearchVector("text", config="english")` so the search's filter uses it; and,
  for "Did you mean …?", pg_trgm and a trigram-indexed list of the published clauses'
  distinct words, marked stale by statement triggers and rebuilt by
  `timeline_search_words_refresh()` when a search needs it.
"""

from django.db import migrations

SQLITE_TABLE = [
    "CREATE VIRTUAL TABLE timeline_clause_fts USING fts5("
    "text, content='timeline_clause', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
]
SQLITE_TRIGGERS = [
    """CREATE TRIGGER timeline_clause_fts_insert AFTER INSERT ON timeline_clause BEGIN
        INSERT INTO timeline_clause_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER timeline_clause_fts_delete AFTER DELETE ON timeline_clause BEGIN
        INSERT INTO timeline_clause_fts(timeline_clause_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER timeline_clause_fts_update AFTER UPDATE OF id, text ON timeline_clause
    BEGIN
        INSERT INTO timeline_clause_fts(timeline_clause_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
        INSERT INTO timeline_clause_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO timeline_clause_fts(timeline_clause_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS timeline_clause_fts_insert",
    "DROP TRIGGER IF EXISTS timeline_clause_fts_delete",
    "DROP TRIGGER IF EXISTS timeline_clause_fts_update",
    "DROP TABLE IF EXISTS timeline_clause_fts",
]

POSTGRESQL = [
    "CREATE INDEX clause_text_search_idx ON timeline_clause "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE timeline_search_word (word text PRIMARY KEY, ndoc integer NOT NULL)",
    "CREATE INDEX timeline_search_word_trgm ON timeline_search_word USING gin (word gin_trgm_ops)",
    # One row: whether the word list is behind the clauses.
    "CREATE TABLE timeline_search_word_state "
    "(id boolean PRIMARY KEY DEFAULT true CHECK (id), stale boolean NOT NULL)",
    "INSERT INTO timeline_search_word_state (stale) VALUES (true)",
    # "WHERE NOT stale" writes (and locks) the row only for the first statement of an
    # import, not for each of its thousands.
    """CREATE FUNCTION timeline_search_words_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE timeline_search_word_state SET stale = true WHERE NOT stale;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER timeline_clause_search_words "
    "AFTER INSERT OR DELETE OR UPDATE OF text, language, revision_id OR TRUNCATE "
    "ON timeline_clause "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_words_stale()",
    "CREATE TRIGGER timeline_revision_search_words "
    "AFTER UPDATE OF published ON timeline_revision "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_search_words_stale()",
    # Only English words, as queries are (other languages' near-spellings, such as the
    # Spanish "humanitaria", would win over the English word), and only of published
    # revisions: a suggestion must not reveal a draft in preparation. A refresh already under way elsewhere is not waited for (SKIP LOCKED):
    # its caller uses the list as it stands.
    """CREATE FUNCTION timeline_search_words_refresh() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM FROM timeline_search_word_state WHERE stale FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            RETURN;
        END IF;
        DELETE FROM timeline_search_word;
        INSERT INTO timeline_search_word (word, ndoc)
        SELECT word, ndoc FROM ts_stat(
            'SELECT to_tsvector(''simple'', c.text) FROM timeline_clause c '
            'JOIN timeline_revision r ON r.id = c.revision_id '
            'WHERE r.published AND c.language = ''en'''
        ) WHERE word ~ '^[[:alpha:]]{3,}$';
        UPDATE timeline_search_word_state SET stale = false;
    END $$""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS timeline_revision_search_words ON timeline_revision",
    "DROP TRIGGER IF EXISTS timeline_clause_search_words ON timeline_clause",
    "DROP FUNCTION IF EXISTS timeline_search_words_refresh()",
    "DROP FUNCTION IF EXISTS timeline_search_words_stale()",
    "DROP TABLE IF EXISTS timeline_search_word_state",
    "DROP TABLE IF EXISTS timeline_search_word",
    "DROP INDEX IF EXISTS clause_text_search_idx",
]


def _has_fts5(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any(option == "ENABLE_FTS5" for (option,) in cursor.fetchall())


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        statements = POSTGRESQL
    elif connection.vendor == "sqlite" and _has_fts5(connection):
        statements = SQLITE_TABLE + SQLITE_TRIGGERS
    else:
        return
    for statement in statements:
        schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0006_editors_language_versions")]

    operations = [migrations.RunPython(create, drop)]
