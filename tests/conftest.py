"""Fixtures, one per concept: the shipped collection as data and as a loaded database,
and small factories for the model tests."""

import contextlib
import datetime
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_django.fixtures
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, transaction

from tests.helpers import (
    empty_caches,
    empty_timeline,
    restore,
    seed_collection,
    shipped_collection,
    snapshot,
)
from timeline import outage, versions
from timeline.akn import read_document
from timeline.akn.metadata import read_metadata
from timeline.akn.reader import find_documents
from timeline.collection import collection_import
from timeline.collection.official import load_grouping, official_collection
from timeline.models import (
    Clause,
    Country,
    Resolution,
    Revision,
    RevisionStatus,
    Section,
    Source,
    SourceKind,
    TextKind,
    TextStatus,
)
from timeline.page_cache import clear_pages

DATA = Path(__file__).resolve().parent.parent / "timeline/data"
FAMILIES_PATH = DATA / "syria-families.json"
OFFICIAL_PATH = DATA / "unxml"


@pytest.fixture(autouse=True)
def _empty_shared_cache():
    """Each test starts with the shared cache empty (the sign-in throttle's and the rate
    limit's counts are there), and outside any outage a test before it opened
    (`timeline.outage` is the process's): that test fails, not every test after it for
    the next five seconds.

    The pages this process keeps in front of the shared cache stay: each is kept under
    the content version it was rendered at, and a test's rollback brings back the data
    of that version exactly, so a page kept is a page the next test would render. A test
    that wants every request rendered asks for `fresh_pages`."""
    cache.clear()
    outage.reached()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A test that wrote (the content version moved) leaves no page behind: its rollback
    brings back the version before, and a later test writing in the same millisecond
    could reach its version again (SQLite's clock counts milliseconds)."""
    uses_database = "django_db_setup" in item.fixturenames
    before = _version_now(item) if uses_database else None
    try:
        return (yield)
    finally:
        if uses_database and _version_now(item) != before:
            clear_pages()


def _version_now(item) -> str | None:
    """The version as this thread's connection sees it, or None where it has none open:
    reading never opens a connection (one left open would keep PostgreSQL from dropping
    the test database), and a test that opened one has used it, so None then counts as
    a change."""
    if connection.connection is None:
        return None
    blocker = item._request.getfixturevalue("django_db_blocker")
    with blocker.unblock():
        try:
            return versions.current().token
        except DatabaseError:  # the test broke its transaction, or took the database away
            return None


@pytest.fixture
def fresh_pages():
    """No page cached anywhere, for a test that counts renders or their queries."""
    empty_caches()


def _databases_for_test(test):
    """pytest-django makes the test database only if a collected test asks for `db`,
    `transactional_db` or `live_server`. The browser tests that only read ask for `site`
    (a live server of ours, over the committed collection): run alone, they got no test
    database, and the collection was seeded into the real one (`db.sqlite3`, or
    DATABASE_URL's). They need the default test database too."""
    databases, serialized = _pytest_django_databases_for_test(test)
    if not databases and "site" in getattr(test, "fixturenames", ()):
        return (DEFAULT_DB_ALIAS,), serialized
    return databases, serialized


_pytest_django_databases_for_test = pytest_django.fixtures._get_databases_for_test
pytest_django.fixtures._get_databases_for_test = _databases_for_test


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the Syria collection imported once for the whole session:
    a test that asks for `syria` reads it (its writes roll back with its transaction);
    any other test sees an empty collection (see `_database_as_the_test_expects`).
    Never anything but a test database: the collection is not seeded into a real one."""
    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if not (in_memory or Path(name).name.startswith("test_")):
        pytest.fail(f"The tests would write to the database {name!r}, not a test database.")
    with django_db_blocker.unblock():
        _GROUPS.append(
            serializers.serialize(
                "json",
                Group.objects.all(),
                use_natural_foreign_keys=True,
                use_natural_primary_keys=True,
            )
        )
        seed_collection()


# The groups the migrations made (the Editors and their permissions), as the session started.
_GROUPS: list[str] = []


# The fixtures for which the test database holds what the session keeps in it.
_SEEDED = {"syria", "story", "story_db", "site", "editing_site"}


@pytest.fixture(autouse=True)
def _database_as_the_test_expects(request, django_db_blocker):
    """A test that uses the database but not the collection starts with it empty: inside
    its transaction for most tests, at once and committed for a transactional one, whose
    flush at the end empties every table; the collection is loaded again after that (see
    `pytest_runtest_teardown`)."""
    names = set(request.fixturenames)
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        # pytest-django flushes after such a test too, but the collection would not be
        # loaded again: every test after it on the worker would find an empty database.
        raise pytest.UsageError(
            f"{request.node.nodeid}: ask for the transactional_db fixture, not "
            "django_db(transaction=True), so that the collection is loaded again after it"
        )
    if "transactional_db" in names:
        request.node.stash[_FLUSHED] = django_db_blocker
        if not names & _SEEDED:
            with django_db_blocker.unblock(), transaction.atomic():
                empty_timeline()
    elif "db" in names and not names & _SEEDED:
        request.getfixturevalue("db")
        empty_timeline()


_FLUSHED = pytest.StashKey()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's fixtures are gone (pytest-django's own run first, and
    its flush empties every table), what the session started with is back for the next
    tests: the migrations' groups and the collection."""
    result = yield
    blocker = item.stash.get(_FLUSHED, None)
    # After the last test the session's fixtures are gone too: the test database has been
    # destroyed, and the connection names the real database again.
    if blocker is not None and nextitem is not None:
        with blocker.unblock():
            # On SQLite the copy taken when the session began has the groups too.
            if restore("collection"):
                return result
            with transaction.atomic():
                for group in serializers.deserialize("json", _GROUPS[0]):
                    group.save()
                seed_collection()
            # Not left open between tests (see `seed_collection`).
            connection.close()
    return result


@contextlib.contextmanager
def _made_once_per_run(tmp_path_factory, worker_id, name: str) -> Iterator[Path]:
    """The run's own folder, which pytest-xdist's workers share, held under a lock named
    ``name`` while the caller makes something in it if it is not there yet: the first
    worker makes it; the others wait, then find it made."""
    import fcntl

    base = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # each worker's base is a folder of the run's own
        base = base.parent
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield base


def _manage(*args: str, **env: str) -> None:
    """``manage.py`` in a process of its own, with ``env`` over this one's environment."""
    import subprocess
    import sys

    environment = {**os.environ, **env}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        check=True,
    )


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory, worker_id) -> Path:
    """The static files collected as production serves them (hashed), once per run, for
    the tests that run the app under gunicorn with production settings: its pages name
    files by the manifest this writes."""
    import secrets

    with _made_once_per_run(tmp_path_factory, worker_id, "staticfiles") as base:
        root = base / "staticfiles"
        if not (root / "staticfiles.json").is_file():
            _manage(
                "collectstatic",
                "--no-input",
                "-v0",
                DEBUG="0",
                SECRET_KEY=secrets.token_urlsafe(50),
                STATIC_ROOT=str(root),
                # Hashed as in production; the compressed copies are not what these
                # tests are about, and making them is most of collectstatic's time.
                STATIC_COMPRESSED="0",
            )
    return root


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory, worker_id):
    """Copies an empty SQLite database with every migration applied to a path and gives
    its DATABASE_URL, for the tests that run the app's commands or servers in processes of
    their own. The database is migrated once per run: `migrate` in each such test cost it
    5 s of CPU."""
    import shutil

    with _made_once_per_run(tmp_path_factory, worker_id, "migrated") as base:
        template = base / "migrated.sqlite3"
        if not template.is_file():
            making = base / "migrating.sqlite3"
            _manage("migrate", "--no-input", "-v0", DEBUG="1", DATABASE_URL=f"sqlite:///{making}")
            making.rename(template)

    def copy(path: Path) -> str:
        shutil.copyfile(template, path)
        return f"sqlite:///{path}"

    return copy


@pytest.fixture(scope="session")
def story_data() -> dict:
    """What `make data` loads: the curated collection merged with the UN's official texts
    that Redline ships, read once per test session (do not change it: copy it)."""
    return official_collection(
        base=shipped_collection(),
        documents=[read_document(p) for p in find_documents([OFFICIAL_PATH])],
        metadata=read_metadata(OFFICIAL_PATH / "data_extract"),
        grouping=load_grouping(FAMILIES_PATH),
        root=OFFICIAL_PATH,
    )


@pytest.fixture(scope="module")
def story_db(django_db_setup, django_db_blocker, story_data):
    """The whole Syria story in the test database instead of the collection, loaded once
    for a module whose tests only read it (each test's own writes are rolled back as
    usual); the collection is back afterwards."""
    with django_db_blocker.unblock():
        if not restore("story"):
            with transaction.atomic():
                empty_timeline()
                collection_import(data=story_data)
            snapshot("story")
        yield story_data
        seed_collection()


@pytest.fixture
def story(story_db, db) -> dict:
    """The whole Syria story, for a test (see `story_db`)."""
    return story_db


@pytest.fixture
def collection_data() -> dict:
    """The shipped Syria collection as parsed JSON, a fresh copy each test may change."""
    return shipped_collection()


@pytest.fixture
def syria(db, collection_data) -> dict:
    """The Syria collection imported into the test database (it is, once per session: see
    `django_db_setup`)."""
    return collection_data


@pytest.fixture
def country(db):
    def make(code: str = "FR", name: str = "France", **fields) -> Country:
        fields.setdefault("un_name", name)
        return Country.objects.create(code=code, name=name, **fields)

    return make


@pytest.fixture
def source(db):
    def make(slug: str = "a-source", **fields) -> Source:
        fields = {
            "title": "A report",
            "publisher": "A publisher",
            "url": "https://example.org/report",
            "kind": SourceKind.NEWS,
            **fields,
        }
        return Source.objects.create(slug=slug, **fields)

    return make


@pytest.fixture
def revision(db):
    def make(label: str = "R1", family: Resolution | None = None, **fields) -> Revision:
        family = family or Resolution.objects.get_or_create(slug="family", title="A family")[0]
        fields = {
            "position": family.revisions.count() + 1,
            "slug": label.lower(),
            "date": datetime.date(2012, 1, 16),
            "status": RevisionStatus.CIRCULATED,
            "text_status": TextStatus.PARTIAL,
            **fields,
        }
        return Revision.objects.create(resolution=family, label=label, **fields)

    return make


@pytest.fixture
def clause(db):
    def make(revision: Revision, key: str = "pp-recalling", **fields) -> Clause:
        fields = {
            "section": Section.PREAMBULAR,
            "position": revision.clauses.count() + 1,
            "text": "Recalling its previous resolutions,",
            "text_kind": TextKind.VERBATIM,
            "complete": True,
            "bracketed": False,
            **fields,
        }
        return Clause.objects.create(revision=revision, key=key, **fields)

    return make
