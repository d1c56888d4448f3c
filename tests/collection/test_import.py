"""import_collection: refuses broken files precisely and writes nothing; imports valid ones
in one transaction, idempotently, updating exactly what changed."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.helpers import empty_timeline
from timeline.collection import (
    CollectionError,
    collection_dumps,
    collection_export,
    collection_import,
    validate_collection,
)
from timeline.models import Clause, Resolution, Revision


def r3(data: dict) -> dict:
    """Russia's third draft of 16/17 January 2012."""
    return data["resolutions"][1]["revisions"][3]


def set_path(data, path, value):
    *parents, last = path
    for step in parents:
        data = data[step]
    data[last] = value


def delete_path(data, path):
    *parents, last = path
    for step in parents:
        data = data[step]
    del data[last]


def swap_first_and_last_clause(revision: dict) -> None:
    clauses = revision["clauses"]
    clauses[0], clauses[-1] = clauses[-1], clauses[0]
    for position, clause in enumerate(clauses, 1):
        clause["position"] = position


R3_CLAUSE = ["resolutions", 1, "revisions", 3, "clauses", 0]

BROKEN = [
    pytest.param(
        lambda d: delete_path(d, ["resolutions", 2, "revisions", 1, "label"]),
        'resolutions[2].revisions[1]: missing key "label"',
        id="missing-key",
    ),
    pytest.param(
        lambda d: delete_path(d, ["countries"]),
        'missing key "countries"',
        id="missing-top-level-key",
    ),
    pytest.param(
        lambda d: set_path(d, [*R3_CLAUSE, "proposers", 0, "country"], "XX"),
        'resolutions[1].revisions[3].clauses[0].proposers[0].country: unknown country "XX"',
        id="unknown-country",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "sponsors"], ["RU", "ZZ"]),
        'resolutions[1].revisions[3].sponsors[1]: unknown country "ZZ"',
        id="unknown-sponsor",
    ),
    pytest.param(
        lambda d: set_path(d, [*R3_CLAUSE, "sources", 0], "nowhere-2012"),
        'resolutions[1].revisions[3].clauses[0].sources[0]: unknown source "nowhere-2012"',
        id="unknown-source",
    ),
    pytest.param(
        lambda d: set_path(d, [*R3_CLAUSE, "proposers", 0, "source"], "nowhere-2012"),
        'resolutions[1].revisions[3].clauses[0].proposers[0].source: unknown source "nowhere-2012"',
        id="unknown-proposer-source",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "clauses", 1, "position"], 1),
        "resolutions[1].revisions[3].clauses[1].position: duplicate position 1 "
        "(also at resolutions[1].revisions[3].clauses[0].position)",
        id="duplicate-position",
    ),
    pytest.param(
        lambda d: set_path(
            d,
            ["resolutions", 1, "revisions", 3, "clauses", 2, "key"],
            "op-cease-violence-release-detainees",
        ),
        'resolutions[1].revisions[3].clauses[2].key: duplicate key "op-cease-violence-release-'
        'detainees" (also at resolutions[1].revisions[3].clauses[0].key)',
        id="duplicate-key",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "date"], "2012-02-30"),
        'resolutions[1].revisions[3].date: "2012-02-30" is not a real calendar date',
        id="impossible-date",
    ),
    pytest.param(
        lambda d: set_path(d, ["events", 0, "date"], "3 August 2011"),
        'events[0].date: "3 August 2011" is not a date in YYYY-MM-DD form',
        id="date-not-iso",
    ),
    pytest.param(
        lambda d: set_path(d, ["sources", 0, "date"], 20120118),
        "sources[0].date: 20120118 is not a date in YYYY-MM-DD form",
        id="date-a-number",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "status"], "leaked"),
        'resolutions[1].revisions[3].status: "leaked" is not one of: circulated, in-blue, '
        "not-voted, vetoed, not-adopted, adopted",
        id="unknown-status",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "clauses", 1, "complete"], True),
        "resolutions[1].revisions[3].clauses[1].complete: a paraphrase is never a complete "
        "paragraph",
        id="complete-paraphrase",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "date_note"], None),
        "resolutions[1].revisions[3].date_note: an approximate date must say how it is known",
        id="approximate-without-note",
    ),
    pytest.param(
        lambda d: set_path(d, [*R3_CLAUSE, "text"], "   "),
        "resolutions[1].revisions[3].clauses[0].text: must not be empty",
        id="empty-text",
    ),
    pytest.param(
        lambda d: set_path(d, [*R3_CLAUSE, "lang"], "en"),
        "resolutions[1].revisions[3].clauses[0].lang: unknown key",
        id="unknown-key",
    ),
    pytest.param(
        lambda d: set_path(d, ["format"], "unsc-drafts/2"),
        'format: "unsc-drafts/2" is not one of: unsc-drafts/1',
        id="other-format",
    ),
    pytest.param(
        lambda d: set_path(d, ["countries", 1, "code"], "CN"),
        'countries[1].code: duplicate country code "CN" (also at countries[0].code)',
        id="duplicate-country",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 3, "revisions", 3, "vote", "against"], ["US"]),
        'resolutions[3].revisions[3].vote.against[0]: duplicate member "US" '
        "(also at resolutions[3].revisions[3].vote.in_favour[14])",
        id="member-voting-twice",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 0, "revisions"], {}),
        "resolutions[0].revisions: must be a list, not an object",
        id="wrong-type",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "language"], "xx"),
        'resolutions[1].revisions[3].language: "xx" is not one of: ar, zh, en, fr, ru, es, de',
        id="unknown-language",
    ),
    pytest.param(
        lambda d: set_path(d, [*R3_CLAUSE, "language"], "ar"),
        'resolutions[1].revisions[3].clauses[0].language: "ar" is not one of the '
        "revision's languages: en",
        id="clause-language-not-the-revisions",
    ),
    pytest.param(
        lambda d: set_path(
            d,
            ["resolutions", 1, "revisions", 3, "other_languages"],
            [
                {"language": "ar", "text_status": "partial"},
                {"language": "ar", "text_status": "none"},
            ],
        ),
        'resolutions[1].revisions[3].other_languages[1].language: duplicate language "ar" '
        "(also at resolutions[1].revisions[3].other_languages[0].language)",
        id="other-language-twice",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "follows"], "R9"),
        'resolutions[1].revisions[3].follows: no revision "R9" in this family',
        id="follows-unknown-revision",
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 1, "revisions", 3, "rivals"], ["R1 (15 Dec)"]),
        'resolutions[1].revisions[3].rivals[0]: "R1 (15 Dec)" does not list "R3 (16/17 Jan)" '
        "among its rivals (rivalry goes both ways)",
        id="one-sided-rivalry",
    ),
]


@pytest.mark.parametrize(("breakage", "message"), BROKEN)
def test_a_broken_collection_is_refused_with_its_location(syria, breakage, message):
    before = collection_dumps(collection_export())
    broken = json.loads(json.dumps(syria))
    breakage(broken)
    with pytest.raises(CollectionError) as refused:
        collection_import(data=broken)
    assert message in [str(p) for p in refused.value.problems]
    assert collection_dumps(collection_export()) == before


def test_every_problem_is_listed_not_only_the_first(collection_data):
    set_path(collection_data, [*R3_CLAUSE, "proposers", 0, "country"], "XX")
    set_path(collection_data, ["events", 0, "date"], "2011-13-01")
    delete_path(collection_data, ["sources", 3, "url"])
    problems = [str(p) for p in validate_collection(collection_data)]
    assert problems == [
        'sources[3]: missing key "url"',
        'events[0].date: "2011-13-01" is not a real calendar date',
        'resolutions[1].revisions[3].clauses[0].proposers[0].country: unknown country "XX"',
    ]


def test_the_shipped_collection_is_valid(collection_data):
    assert validate_collection(collection_data) == []


def test_a_valid_collection_imports_everything(syria):
    assert Resolution.objects.count() == 6
    assert Revision.objects.count() == 24
    assert Clause.objects.count() == 119
    assert not Clause.objects.filter(source_links__isnull=True).exists()


def test_importing_the_same_file_again_changes_nothing(syria, django_assert_max_num_queries):
    before = collection_export()
    ids = sorted(Clause.objects.values_list("pk", flat=True))
    report = collection_import(data=syria)
    assert not report.changed
    assert report.summary().startswith("0 created, 0 updated, 0 deleted")
    assert collection_export() == before
    assert sorted(Clause.objects.values_list("pk", flat=True)) == ids


def test_a_new_revision_is_written_without_reading_what_it_holds(syria):
    """What a revision holds (its clauses and their links, its sponsors, vote, ballots and
    amendments) is read only to compare it with the file; a revision new to its family
    holds nothing yet, so an import into an empty database neither reads nor deletes any
    of it."""
    held = (
        "timeline_clause",
        "timeline_clausesource",
        "timeline_proposer",
        "timeline_sponsorship",
        "timeline_revisionsource",
        "timeline_vote",
        "timeline_ballot",
        "timeline_votesource",
        "timeline_amendment",
    )
    empty_timeline()
    with CaptureQueriesContext(connection) as queries:
        collection_import(data=syria)
    assert Clause.objects.count() == 119
    needless = [
        q["sql"][:120]
        for q in queries.captured_queries
        if q["sql"].startswith("DELETE")
        or (q["sql"].startswith("SELECT") and any(f'FROM "{table}"' in q["sql"] for table in held))
    ]
    assert needless == []


CHANGES = [
    pytest.param(lambda d: set_path(d, [*R3_CLAUSE, "text"], "cease all violence"), id="text"),
    pytest.param(lambda d: r3(d)["clauses"].pop(1), id="clause-removed"),
    pytest.param(lambda d: swap_first_and_last_clause(r3(d)), id="clauses-swapped"),
    pytest.param(lambda d: d["resolutions"][2]["revisions"].reverse(), id="revisions-reordered"),
    pytest.param(lambda d: r3(d)["clauses"][0]["proposers"].pop(), id="proposer-removed"),
    pytest.param(
        lambda d: d["resolutions"][2]["revisions"][3]["amendments"].pop(0), id="amendment-removed"
    ),
    pytest.param(
        lambda d: set_path(d, ["resolutions", 2, "revisions", 3, "vote"], None), id="vote-removed"
    ),
    pytest.param(lambda d: d["resolutions"].pop(0), id="family-dropped-is-kept-without-prune"),
]


@pytest.mark.parametrize("change", CHANGES)
def test_a_changed_file_updates_what_changed(syria, change):
    changed = json.loads(json.dumps(syria))
    change(changed)
    report = collection_import(data=changed)
    exported = collection_export()
    if len(changed["resolutions"]) < len(syria["resolutions"]):
        # Without --prune, families the file omits are kept: nothing is created or deleted.
        assert not report.created
        assert not report.deleted
        assert exported == syria
    else:
        assert report.changed
        assert exported == changed


def test_prune_deletes_what_the_file_no_longer_names(syria):
    changed = json.loads(json.dumps(syria))
    changed["resolutions"].pop(0)
    changed["events"].pop(0)
    collection_import(data=changed, prune=True)
    assert collection_export() == changed


def test_a_changed_clause_keeps_its_row_and_its_anchor_follows_its_number(syria):
    changed = json.loads(json.dumps(syria))
    v3 = changed["resolutions"][2]["revisions"][1]
    v3["clauses"][9]["number"] = "pp9ter"
    clause = Clause.objects.get(revision__label=v3["label"], key=v3["clauses"][9]["key"])
    assert clause.anchor == "pp9bis"
    collection_import(data=changed)
    clause.refresh_from_db()
    assert clause.anchor == "pp9ter"


def test_the_command_lists_every_problem_and_exits_non_zero(db, tmp_path, collection_data):
    set_path(collection_data, [*R3_CLAUSE, "proposers", 0, "country"], "XX")
    set_path(collection_data, [*R3_CLAUSE, "sources", 0], "nowhere")
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(collection_data), encoding="utf-8")
    stderr = StringIO()
    with pytest.raises(CommandError, match="2 problems found; nothing was imported"):
        call_command("import_collection", str(path), stderr=stderr)
    assert stderr.getvalue().splitlines() == [
        'resolutions[1].revisions[3].clauses[0].proposers[0].country: unknown country "XX"',
        'resolutions[1].revisions[3].clauses[0].sources[0]: unknown source "nowhere"',
    ]
    assert not Resolution.objects.exists()


def test_the_command_refuses_invalid_json(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "unsc-drafts/1",\n "title": "x"\n "countries": []}', "utf-8")
    stderr = StringIO()
    with pytest.raises(CommandError, match="1 problem found"):
        call_command("import_collection", str(path), stderr=stderr)
    assert "is not valid JSON: Expecting ',' delimiter at line 3, column 2" in stderr.getvalue()


def test_the_command_refuses_a_missing_file(db, tmp_path):
    stderr = StringIO()
    with pytest.raises(CommandError):
        call_command("import_collection", str(tmp_path / "none.json"), stderr=stderr)
    assert "cannot read" in stderr.getvalue()


def test_the_command_shows_progress_and_a_summary(db, tmp_path, collection_data):
    path = tmp_path / "syria.json"
    path.write_text(json.dumps(collection_data), encoding="utf-8")
    stdout = StringIO()
    call_command("import_collection", str(path), stdout=stdout)
    lines = stdout.getvalue().splitlines()
    assert lines[0] == "[1/6] european-drafts-2011"
    assert lines[5] == "[6/6] unsmis-renewal-july-2012"
    assert lines[6].startswith(f"Imported: {path} (")
    stdout = StringIO()
    call_command("import_collection", str(path), stdout=stdout)
    assert "Already up to date" in stdout.getvalue()


def test_a_revision_whose_text_an_import_changes_is_a_changed_revision(syria):
    """The feeds list revisions by their last change: a new clause text in the file is one,
    though none of the revision's own fields changed; a revision left alone is not."""
    before = dict(Revision.objects.values_list("pk", "updated_at"))
    changed = json.loads(json.dumps(syria))
    revision = changed["resolutions"][2]["revisions"][1]
    revision["clauses"][0]["text"] += " (corrected)"
    collection_import(data=changed)
    after = dict(Revision.objects.values_list("pk", "updated_at"))
    moved = [pk for pk in after if after[pk] != before[pk]]
    assert len(moved) == 1
    assert Revision.objects.get(pk=moved[0]).label == revision["label"]
    assert after[moved[0]] > before[moved[0]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_an_import_of_its_own_refreshes_the_planners_statistics(
    transactional_db, collection_data, tmp_path
):
    """A command's import, a transaction of its own, ends with VACUUM (ANALYZE) of the app's
    tables (after a bulk load PostgreSQL plans by guesswork until autovacuum gets there);
    an import inside a caller's transaction leaves that to the caller."""
    edited = copy.deepcopy(collection_data)
    edited["description"] += " Edited."
    path = tmp_path / "collection.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    with CaptureQueriesContext(connection) as queries:
        call_command("import_collection", path, stdout=StringIO())
    analyzed = [q["sql"] for q in queries.captured_queries if "ANALYZE" in q["sql"]]
    assert len(analyzed) == 1, analyzed
    assert '"timeline_clause"' in analyzed[0]
    assert '"timeline_ballot"' in analyzed[0]

    edited["description"] += " Again."
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        assert collection_import(data=edited).changed
    assert not [q for q in queries.captured_queries if "ANALYZE" in q["sql"]]
