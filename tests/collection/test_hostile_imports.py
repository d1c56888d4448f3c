"""Files built to break the importer are refused with their place, and nothing is written:
nesting deeper than any collection, numbers the database cannot hold, texts and lists far
beyond any real document, a symbol taken from a family the file does not name; and two
imports at once wait for each other instead of colliding."""

import fcntl
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command

from tests.helpers import throwaway_database
from timeline import limits
from timeline.collection import (
    CollectionError,
    collection_dumps,
    collection_export,
    collection_import,
)
from timeline.collection.importer import IMPORT_LOCK
from timeline.collection.json_file import JsonFileError, read_json
from timeline.models import Resolution, Revision

ROOT = Path(__file__).resolve().parent.parent.parent


def refused(data: dict) -> list[str]:
    """The problems that refuse `data`, having checked that nothing was written."""
    before = collection_dumps(collection_export())
    with pytest.raises(CollectionError) as error:
        collection_import(data=data)
    assert collection_dumps(collection_export()) == before
    return [str(p) for p in error.value.problems]


def r3(data: dict) -> dict:
    """Russia's third draft of 16/17 January 2012."""
    return data["resolutions"][1]["revisions"][3]


def test_a_file_nested_100000_deep_is_refused_with_its_place(db, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"format": "unsc-drafts/1",\n "title": ' + "[" * 100_000 + "]" * 100_000)
    stderr = StringIO()
    with pytest.raises(CommandError, match="1 problem found; nothing was imported"):
        call_command("import_collection", str(path), stderr=stderr)
    assert stderr.getvalue().strip() == (
        f"{path} nests lists and objects more than 32 levels deep, from line 2, column 42"
    )
    assert not Resolution.objects.exists()


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    # The object is 1 deep, the 32nd "[" (column 26 + 31) 33 deep.
    path = tmp_path / "deep.json"
    path.write_text('{"a": "[[[[\\"{{{{", "b": ' + "[" * 10_000 + "]" * 10_000 + "}")
    with pytest.raises(JsonFileError, match=r"levels deep, from line 1, column 57$"):
        read_json(path)


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(" " * 2_000_000)
    with pytest.raises(JsonFileError, match=r"big.json is 2 MB; at most 1 MB can be imported"):
        read_json(path, max_bytes=1024 * 1024)
    assert limits.FILE_BYTES == 256 * 1024 * 1024


def test_a_position_of_three_billion_is_refused(syria):
    changed = json.loads(json.dumps(syria))
    r3(changed)["clauses"][0]["position"] = 3_000_000_000
    assert refused(changed) == [
        "resolutions[1].revisions[3].clauses[0].position: "
        "must be a whole number from 1 to 5,000, not 3000000000"
    ]


def test_a_description_of_200_million_characters_is_refused(syria):
    changed = json.loads(json.dumps(syria))
    changed["description"] = "x" * 200_000_000
    assert refused(changed) == [
        "description: is 200,000,000 characters long; at most 10,000 allowed"
    ]


@pytest.mark.parametrize(
    ("path", "most"),
    [
        pytest.param(("clauses", 0, "text"), "20,000", id="clause-text"),
        pytest.param(("clauses", 0, "proposers", 0, "quote"), "20,000", id="quote"),
        pytest.param(("clauses", 0, "note"), "10,000", id="clause-note"),
        pytest.param(("note",), "10,000", id="revision-note"),
    ],
)
def test_texts_beyond_their_limit_are_refused(syria, path, most):
    changed = json.loads(json.dumps(syria))
    *parents, last = path
    place = r3(changed)
    for step in parents:
        place = place[step]
    place[last] = "x" * 1_000_000
    where = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path)
    assert refused(changed) == [
        f"resolutions[1].revisions[3]{where}: is 1,000,000 characters long; at most {most} allowed"
    ]


def test_a_revision_of_100000_clauses_is_refused_before_its_clauses_are_read(syria):
    changed = json.loads(json.dumps(syria))
    clause = r3(changed)["clauses"][0]
    r3(changed)["clauses"] = [{**clause, "key": f"k{i}", "position": i} for i in range(1, 100_001)]
    assert refused(changed) == [
        "resolutions[1].revisions[3].clauses: has 100,000 clauses; at most 5,000 per "
        "language allowed"
    ]


def test_the_clause_limit_counts_each_language(syria):
    changed = json.loads(json.dumps(syria))
    revision = r3(changed)
    revision["other_languages"] = [{"language": "fr", "text_status": "partial"}]
    clause = revision["clauses"][0]
    revision["clauses"] = [
        {**clause, "key": f"k{i}", "position": i} for i in range(1, limits.CLAUSES_PER_TEXT + 2)
    ]
    assert refused(changed) == [
        "resolutions[1].revisions[3].clauses[5000].position: "
        "must be a whole number from 1 to 5,000, not 5001"
    ]


def test_the_longest_official_text_is_within_every_limit():
    """Resolution 2231 (2015) with its annexes: 2,129 paragraphs, the most of 2000-2026."""
    assert limits.CLAUSES_PER_TEXT >= 2 * 2_129
    assert limits.CLAUSE_CHARACTERS >= 4 * 4_244


def symbol_holders(data: dict) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, r in enumerate(data["resolutions"])
        for j, v in enumerate(r["revisions"])
        if v["symbol"]
    ]


def test_a_symbol_held_by_a_family_the_file_does_not_name_is_refused(syria):
    changed = json.loads(json.dumps(syria))
    family = changed["resolutions"][0]
    symbol = family["revisions"][4]["symbol"]
    assert symbol == "S/2011/612"
    family["slug"] = "european-drafts-2011-again"
    assert refused(changed) == [
        "resolutions[0].revisions[4].symbol: S/2011/612 is already the symbol of revision "
        '"S/2011/612" of family "european-drafts-2011", which this file does not name '
        "(import with --prune to replace that family, or give the symbol to one revision "
        "only)"
    ]
    collection_import(data=changed, prune=True)
    assert Revision.objects.get(symbol=symbol).resolution.slug == "european-drafts-2011-again"
    assert collection_export() == changed


def test_symbols_may_change_places_between_the_families_a_file_names(syria):
    changed = json.loads(json.dumps(syria))
    (a, b), (c, d) = symbol_holders(changed)[:2]
    first, second = (
        changed["resolutions"][a]["revisions"][b],
        changed["resolutions"][c]["revisions"][d],
    )
    assert a != c
    first["symbol"], second["symbol"] = second["symbol"], first["symbol"]
    report = collection_import(data=changed)
    assert report.updated["revision"] == 2
    assert collection_export() == changed


@contextmanager
def import_lock_held(database_url: str) -> Iterator[None]:
    """The import lock, held by the test as an import in another process would hold it."""
    if database_url.startswith("sqlite:///"):
        with open(database_url.removeprefix("sqlite:///") + ".import-lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        return
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK])
        yield


def test_two_imports_at_once_wait_for_each_other(tmp_path, migrated_sqlite):
    with throwaway_database(tmp_path) as database_url:
        manage = [sys.executable, "manage.py"]
        on_sqlite = database_url.startswith("sqlite")
        if on_sqlite:
            database_url = migrated_sqlite(tmp_path / "migrated.sqlite3")
        env = {"DEBUG": "1", "DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
        if not on_sqlite:
            subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        with import_lock_held(database_url):
            imports = [
                subprocess.Popen(
                    [*manage, "import_collection", "timeline/data/syria-2011-2012.json"],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for _ in range(2)
            ]
            # Both have read the file and wait for the lock, so they start writing at once.
            for process in imports:
                assert process.stderr.readline() == (
                    "Another import is running: waiting for it to finish.\n"
                )
        results = [(p.wait(timeout=120), *p.communicate()) for p in imports]
    assert [code for code, _, _ in results] == [0, 0], results
    verdicts = sorted(out.splitlines()[-1].split(":")[0] for _, out, _ in results)
    assert verdicts == ["Already up to date", "Imported"], results
