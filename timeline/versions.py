"""The content version: one number, kept in the database, that every write to Redline's
data advances, so that reader pages can be cached (and revalidated) under it.

The database advances it itself, by triggers on every table of the app: saves in the
admin, publishing, imports with their bulk statements and a hand-written ``UPDATE`` alike,
in the same transaction as the write, so that a reader never sees new data under an old
version once the write is committed. PostgreSQL fires one trigger per statement; SQLite
has only row triggers, one upsert per row written.

The triggers are (re)made after every ``migrate`` (`install_triggers`, connected to
``post_migrate``), because SQLite drops a table's triggers when Django remakes the table to
alter it, and so that a model added later is covered without anyone remembering to.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "timeline_content_version"
_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Version:
    """What the collection is at: ``number`` advances with every write; ``changed_at``
    is when it last did."""

    number: int
    changed_at: datetime.datetime

    @property
    def token(self) -> str:
        """The version as a cache key part. The time is part of it, so that a database
        restored from a backup (whose numbers repeat) never meets pages cached from
        another state under the same number."""
        return f"{self.number}.{round(self.changed_at.timestamp() * 1_000_000)}"


def current(using: BaseDatabaseWrapper | None = None) -> Version:
    """The version now, in one query (a database that was never written to is at 0)."""
    connection = using or default_connection
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed_at FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        return Version(0, _EPOCH)
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite returns text to a raw cursor
        changed_at = datetime.datetime.fromisoformat(changed_at)
    if changed_at.tzinfo is None:
        changed_at = changed_at.replace(tzinfo=datetime.UTC)
    return Version(number, changed_at)


# Tables of the app that hold no content of their own but figures counted from it at a
# version (`timeline.country_tallies`): writing them must not advance the version.
UNTRACKED = frozenset({"timeline_countrytally"})


def tracked_tables() -> list[str]:
    """Every table of the app's models (many-to-many tables included) but `UNTRACKED`,
    and the admin's history, whose last entry every page's footer shows."""
    tables = {"django_admin_log"}
    for model in apps.get_app_config("timeline").get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    return sorted(tables - UNTRACKED)


_SQLITE_ADVANCE = (
    f"INSERT INTO {TABLE} (id, number, changed_at) "
    "VALUES (1, 1, strftime('%Y-%m-%d %H:%M:%f', 'now')) "
    "ON CONFLICT (id) DO UPDATE SET number = number + 1, changed_at = excluded.changed_at"
)
# clock_timestamp(), not now(): now() is the transaction's start, the same for every
# statement of a long transaction.
_POSTGRESQL_FUNCTION = f"""CREATE OR REPLACE FUNCTION timeline_advance_version()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {TABLE} (id, number, changed_at) VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
    SET number = {TABLE}.number + 1, changed_at = clock_timestamp();
    RETURN NULL;
END $$"""


def trigger_statements(vendor: str, tables: list[str]) -> list[str]:
    """The SQL that makes ``tables`` advance the version, idempotently."""
    if vendor == "postgresql":
        statements = [_POSTGRESQL_FUNCTION]
        for table in tables:
            statements.append(
                f"CREATE OR REPLACE TRIGGER {table}_advances_version "
                f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION timeline_advance_version()"
            )
        return statements
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {table}_{event.lower()}_advances_version "
            f"AFTER {event} ON {table} BEGIN {_SQLITE_ADVANCE}; END"
            for table in tables
            for event in ("INSERT", "UPDATE", "DELETE")
        ]
    raise NotImplementedError(
        f"Redline keeps its content version on SQLite or PostgreSQL, not {vendor}"
    )


def install_triggers(using: str = "default", **kwargs) -> None:
    """Make every tracked table advance the version (run after every ``migrate``)."""
    from django.db import connections

    connection = connections[using]
    existing = set(connection.introspection.table_names())
    if TABLE not in existing:
        return  # migrating backwards, or not yet this far
    tables = [table for table in tracked_tables() if table in existing]
    with connection.cursor() as cursor:
        for statement in trigger_statements(connection.vendor, tables):
            cursor.execute(statement)


def drop_triggers(connection: BaseDatabaseWrapper) -> None:
    """Remove what `install_triggers` made (when the version's migration is reversed)."""
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in tracked_tables():
            if table not in existing:
                continue
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_advances_version ON {table}")
            else:
                for event in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_advances_version")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS timeline_advance_version()")


def tables_without_triggers(using: BaseDatabaseWrapper | None = None) -> list[str]:
    """The tracked tables a write to which would not advance the version (none, unless
    something dropped their triggers since the last ``migrate``)."""
    connection = using or default_connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE %s",
                ["%\\_advances\\_version"],
            )
            covered = {name for (name,) in cursor.fetchall()}
        else:
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE '%advances_version' GROUP BY tbl_name HAVING count(*) = 3"
            )
            covered = {name for (name,) in cursor.fetchall()}
    return [table for table in tracked_tables() if table not in covered]
