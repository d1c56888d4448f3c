"""manage.py compare: two text files or two stored revisions, the same result either way."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline.diff import compare_texts
from timeline.models import Revision

ROOT = Path(__file__).resolve().parent.parent
V3 = "arab-european-draft-2012/v3-1-feb-19-00"
LATE = "arab-european-draft-2012/late-preamble-scribd-undated"

OLD = "The Security Council,\n\nPP1. Recalling its resolutions,\n\n1. Demands an end to violence;"
NEW = OLD.replace("Recalling its", "Recalling all its")


def compare(*args: str) -> str:
    out = StringIO()
    call_command("compare", *args, stdout=out)
    return out.getvalue()


def as_text(revision: Revision) -> str:
    """A stored revision written out in UN layout, labels first."""
    return "\n\n".join(
        f"{c.number} {c.text}" if c.number else c.text
        for c in revision.clauses.order_by("position")
    )


@pytest.fixture
def files(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_two_files_give_the_engines_json_and_nothing_else(db, files):
    assert json.loads(compare(*files, "--format", "json")) == compare_texts(OLD, NEW).to_dict()


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("text", "{+all +}"), ("html", "<ins")],
)
def test_two_files_in_the_other_formats(db, files, fmt, expected):
    assert expected in compare(*files, "--format", fmt)


def test_two_stored_revisions_are_compared_by_their_keys(syria):
    result = json.loads(compare(V3, LATE, "--format", "json"))
    assert result["summary"] == {"unchanged": 4, "edited": 6, "moved": 0, "removed": 1, "added": 1}
    (removed,) = [a for a in result["alignment"] if a["status"] == "removed"]
    assert result["old"][removed["old"]]["number"] == "pp8"
    assert "continued transfer of weapons into Syria" in result["old"][removed["old"]]["text"]
    (added,) = [a for a in result["alignment"] if a["status"] == "added"]
    assert result["new"][added["new"]]["text"].startswith("Welcoming the engagement of the")


def test_a_revision_and_its_text_in_a_file_give_the_same_result(syria, tmp_path):
    for label, name in [
        ("v3 (1 Feb 19:00)", "v3.txt"),
        ("late preamble (Scribd, undated)", "late.txt"),
    ]:
        revision = Revision.objects.get(label=label)
        (tmp_path / name).write_text(as_text(revision), encoding="utf-8")
    from_files = compare(str(tmp_path / "v3.txt"), str(tmp_path / "late.txt"), "--format", "json")
    from_database = compare(V3, LATE, "--format", "json")
    assert json.loads(from_files) == json.loads(from_database)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("no-such-family/v1", 'no file "no-such-family/v1", and no revision'),
        ("not a revision", '"not a revision" is neither a file nor a revision'),
    ],
)
def test_unknown_names_are_errors(syria, spec, message):
    with pytest.raises(CommandError, match=message):
        compare(spec, V3)


def test_from_a_shell_errors_go_to_stderr_with_a_non_zero_exit(tmp_path):
    missing = str(tmp_path / "missing.txt")
    result = subprocess.run(
        [sys.executable, "manage.py", "compare", missing, missing, "--format", "json"],
        cwd=ROOT,
        env={
            "DEBUG": "1",
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert "missing.txt" in result.stderr


def test_revisions_of_two_families_are_paired_by_their_text_not_their_keys(syria):
    # Keys are scoped to a family: S/2012/219's "pp-recalling-prsts" and the Western draft's
    # "pp-recalling-2042-prsts" name paragraphs of two families, which the text pairs.
    result = json.loads(
        compare(
            "resolution-2042-2012/s-2012-219",
            "resolution-2043-2012/western-draft",
            "--format",
            "json",
        )
    )
    old = {b["index"]: b for b in result["old"]}
    recalling = next(
        change
        for change in result["alignment"]
        if change["old"] is not None and old[change["old"]]["text"].startswith("Recalling its")
    )
    assert recalling["status"] == "edited"
