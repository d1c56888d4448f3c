"""What many test modules share: reading a page as a reader does, a collection scaled up
for the query budgets, what the page cache adds to a page's queries, and running the app
in other processes (a free port, its environment, a throwaway database), and the test
database as the session keeps it (the collection, committed)."""

import copy
import pickle
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from html import unescape
from pathlib import Path

# A page rendered (not served from the page cache) runs its view's queries and at most
# these: the content version, read once to look the page up and once more in the snapshot
# the page is rendered from, and that snapshot's own statements: BEGIN, SET TRANSACTION
# ISOLATION LEVEL and COMMIT on PostgreSQL outside a test's transaction (as in
# production), a savepoint and its release inside one.
PAGE_CACHE_QUERIES = 5

BLOCK_TAG = re.compile(
    r"</?(p|li|ul|ol|div|h\d|dt|dd|dl|td|th|tr|br|article|header|section|summary|blockquote"
    r"|nav|footer|main|table|caption|details)\b[^>]*>"
)


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(BLOCK_TAG, " ", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def scaled(data: dict, factor: int) -> dict:
    """The collection with every family, revision, clause and event `factor` times over:
    copies get their own slugs, titles and symbols and share countries and sources."""
    data = copy.deepcopy(data)
    families, events = list(data["resolutions"]), list(data["events"])
    for n in range(2, factor + 1):
        for family in families:
            twin = copy.deepcopy(family)
            twin["slug"] = f"{family['slug']}-copy-{n}"
            twin["title"] = f"{family['title']} (copy {n})"
            for revision in twin["revisions"]:
                if revision["symbol"]:
                    revision["symbol"] = f"{revision['symbol']}/copy-{n}"
            data["resolutions"].append(twin)
        for event in events:
            data["events"].append({**copy.deepcopy(event), "title": f"{event['title']} (copy {n})"})
    return data


def empty_caches() -> None:
    """Forget every cached page and comparison, so that the next request renders."""
    from django.core.cache import cache

    from timeline.page_cache import clear_pages

    cache.clear()
    clear_pages()


def free_port() -> int:
    """A loopback port nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, static_root, **extra: str) -> dict[str, str]:
    """The environment for running the app as `make serve` does (production settings, a
    throwaway key, plain HTTP on loopback, no shared cache), for tests that start it."""
    import os
    import secrets

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url,
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("REDIS_URL", None)
    return env


@contextmanager
def throwaway_database(tmp_path, *, port: int | None = None) -> Iterator[str]:
    """A new, empty database of the engine the tests run on, as a DATABASE_URL, for tests
    that run the app or its commands in other processes: on PostgreSQL one created on the
    test server (reached through `port`, a proxy, if given) and dropped afterwards; on
    SQLite a file in `tmp_path`."""
    import os

    import psycopg
    from django.conf import settings

    params = settings.DATABASES["default"]
    if params["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'throwaway.sqlite3'}"
        return
    host, server_port = params.get("HOST") or "127.0.0.1", int(params.get("PORT") or 5432)
    user = params.get("USER") or "postgres"
    name = f"redline_throwaway_{os.getpid()}"
    admin = f"host={host} port={server_port} user={user} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgres://{user}@{host}:{port or server_port}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


COLLECTION_PATH = Path(__file__).resolve().parent.parent / "timeline/data/syria-2011-2012.json"


@cache
def _shipped_collection() -> bytes:
    import json

    return pickle.dumps(json.loads(COLLECTION_PATH.read_text(encoding="utf-8")))


def shipped_collection() -> dict:
    """The shipped Syria collection as parsed JSON (read once), a fresh copy to change.
    (Unpickled: copy.deepcopy of it cost tests eight seconds in all.)"""
    return pickle.loads(_shipped_collection())


def empty_timeline() -> None:
    """Delete every row of Redline's data; users, groups and the admin's history stay.
    The foreign keys are checked at commit, so the order of the tables does not matter."""
    from django.apps import apps
    from django.db import DEFAULT_DB_ALIAS

    for model in apps.get_app_config("timeline").get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            model._base_manager.all()._raw_delete(using=DEFAULT_DB_ALIAS)


def seed_collection() -> None:
    """The test database as the session keeps it between tests (see `django_db_setup` in
    tests/conftest.py): the shipped collection imported and committed, and nothing else.
    On SQLite, a copy of the database as it first held it is put back instead (see
    `snapshot`): the same rows, at a hundredth of the cost."""
    from django.db import connection, transaction

    from timeline.collection import collection_import

    if restore("collection"):
        return
    with transaction.atomic():
        empty_timeline()
        collection_import(data=shipped_collection())
    snapshot("collection")
    if connection.vendor != "sqlite" and not connection.in_atomic_block:
        # Between tests (a module's end, a transactional test's), not left open: on
        # PostgreSQL the connection opened here was not the one the session's end closes,
        # and it kept the test database from being dropped ("accessed by other users").
        connection.close()


# Copies of the whole test database (SQLite's in-memory one) by what it held: putting one
# back is a page-by-page copy in memory, where importing the same data again takes a
# second or more.
_SNAPSHOTS: dict = {}


def _sqlite_connection():
    from django.db import connection

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return None
    connection.ensure_connection()
    return connection.connection


def snapshot(name: str) -> None:
    """Keep a copy of the test database as it is now, as `name` (SQLite only)."""
    import sqlite3

    live = _sqlite_connection()
    if live is not None and name not in _SNAPSHOTS:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        live.backup(copy)
        _SNAPSHOTS[name] = copy


def restore(name: str) -> bool:
    """Put the copy `name` back as the whole test database; False if there is none."""
    live = _sqlite_connection()
    if live is None or name not in _SNAPSHOTS:
        return False
    _SNAPSHOTS[name].backup(live)
    return True
