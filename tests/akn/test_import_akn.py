"""`import_akn` on the UN's real files, and the Syria story it makes of them: broken files are
refused with their place and nothing written, `make data` twice changes nothing, and the merge
keeps what the curated collection knew while giving it the official texts.

The command's own tests come first and need an empty database; the story's tests read the
whole story, loaded once for the module (`story`)."""

import json
import re
import shutil
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import FAMILIES_PATH, OFFICIAL_PATH
from tests.helpers import COLLECTION_PATH
from timeline.models import (
    Clause,
    Collection,
    Country,
    Event,
    LanguageVersion,
    Resolution,
    Revision,
    RevisionStatus,
    Source,
    SourceKind,
    TextStatus,
)

MAKE_DATA = ["--base", COLLECTION_PATH, "--families", FAMILIES_PATH, OFFICIAL_PATH]
# A small piece of the UN's layout: 2672 (2023) and the two rival drafts that followed it,
# with the year's data_extract beside them.
RES_2672 = "2023/English/S_RES_2672_E.xml"
DRAFT_506 = "Not adopted/English/S_2023_506-2313545E.xml"
DRAFT_507 = "Not adopted/English/S_2023_507-2313551E.xml"
SUBSET = [RES_2672, DRAFT_506, DRAFT_507, "data_extract/2023.json"]
CURATED = json.loads(COLLECTION_PATH.read_text(encoding="utf-8"))
CROSS_BORDER = "cross-border-aid"
RENEWALS = [
    "2165 (2014)",
    "2191 (2014)",
    "2258 (2015)",
    "2332 (2016)",
    "2393 (2017)",
    "2449 (2018)",
    "2504 (2020)",
    "2533 (2020)",
    "2585 (2021)",
    "2642 (2022)",
    "2672 (2023)",
]
COUNCIL_2012 = ["AZ", "CN", "CO", "FR", "DE", "GT", "IN", "MA", "PK", "PT", "RU", "ZA", "TG"]
COUNCIL_2012 += ["GB", "US"]


def run(*args, **options) -> tuple[str, str]:
    """`manage.py import_akn ARGS`: what it printed, and what it printed as errors."""
    out, err = StringIO(), StringIO()
    call_command("import_akn", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def counts() -> dict[str, int]:
    models = (Resolution, Revision, Clause, Country, Source, Event, Collection)
    return {model.__name__: model.objects.count() for model in models}


def curated_revision(symbol: str | None = None, label: str | None = None) -> dict:
    return next(
        v
        for family in CURATED["resolutions"]
        for v in family["revisions"]
        if (symbol and v["symbol"] == symbol) or (label and v["label"] == label)
    )


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def empty_db(db):
    """An empty database for the command's tests. They run before the module's story is
    loaded; should they ever run after, the story is deleted inside the test's transaction
    (and comes back when it is rolled back)."""
    for model in (Revision, Resolution, Event, Source, Country, Collection):
        model.objects.all().delete()
    assert not any(counts().values())


@pytest.fixture
def un_copy(tmp_path) -> Path:
    """A few of the UN's files, copied unchanged into a folder of the UN's layout."""
    for name in SUBSET:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(OFFICIAL_PATH / name, target)
    return tmp_path


# The command: refusals


def test_the_good_copies_import(empty_db, un_copy):
    out, err = run("--base", COLLECTION_PATH, un_copy)
    assert "Imported: 3 files" in out
    assert err == ""
    assert (
        Revision.objects.filter(symbol__in=["S/2023/18", "S/2023/506", "S/2023/507"]).count() == 3
    )


def test_into_an_empty_database_without_a_grouping_each_document_is_a_family(empty_db, un_copy):
    out, err = run(un_copy)
    assert "Imported: 3 files, 3 families" in out
    assert err == ""
    assert Collection.objects.get().title == "UN Security Council resolutions"
    assert set(Resolution.objects.values_list("slug", flat=True)) == {
        "resolution-2672-2023",
        "s-2023-506",
        "s-2023-507",
    }


def truncated(text: str) -> tuple[str, str]:
    """The first half of the file, cut in the middle of the text."""
    return text[: len(text) // 2], "not well-formed XML"


def without_symbol(text: str) -> tuple[str, str]:
    element = '<docNumber refersTo="#symbol">S/2023/506</docNumber>'
    assert text.count(element) == 1
    return text.replace(element, ""), "no symbol"


def unknown_voter(text: str) -> tuple[str, str]:
    voter = ">SWITZERLAND</organization>"
    assert text.count(voter) == 1
    return text.replace(voter, ">FREEDONIA</organization>"), 'unknown member state "FREEDONIA"'


@pytest.mark.parametrize(
    ("breaking", "where"),
    [
        pytest.param(truncated, None, id="truncated"),
        pytest.param(without_symbol, "<statement", id="no-docNumber"),
        pytest.param(unknown_voter, ">SWITZERLAND<", id="unknown-voter"),
    ],
)
def test_a_broken_file_among_good_ones_is_refused_naming_it_and_its_line(
    empty_db, un_copy, breaking, where
):
    path = un_copy / DRAFT_506
    original = path.read_text(encoding="utf-8")
    broken, message = breaking(original)
    path.write_text(broken, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_akn", "--base", str(COLLECTION_PATH), str(un_copy), stderr=err)
    found = re.search(rf"{re.escape(str(path))}:(\d+): (.*)", err.getvalue())
    assert found, err.getvalue()
    assert message in found[2]
    line = int(found[1])
    if where is None:
        assert 1 <= line <= broken.count("\n") + 1
    else:
        assert line == line_of(original, where)
    assert not any(counts().values()), "a refused import wrote something"


def test_a_refusal_on_a_loaded_database_changes_nothing(empty_db, un_copy):
    run("--base", COLLECTION_PATH, un_copy)
    before = counts()
    path = un_copy / DRAFT_507
    path.write_text(truncated(path.read_text(encoding="utf-8"))[0], encoding="utf-8")
    with pytest.raises(CommandError):
        run(un_copy)
    assert counts() == before


# The command: idempotence and the export


def test_make_data_twice_changes_nothing_and_its_export_imports_back_unchanged(empty_db, tmp_path):
    first, _ = run(*MAKE_DATA)
    assert "Imported: 161 files" in first
    loaded = counts()
    assert loaded["Revision"] > 24
    second, _ = run(*MAKE_DATA)
    assert "Already up to date" in second
    assert "(0 created, 0 updated, 0 deleted" in second
    assert counts() == loaded
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    call_command("export_collection", output=one, stderr=StringIO())
    out = StringIO()
    call_command("import_collection", one, stdout=out)
    assert "Already up to date" in out.getvalue()
    assert "(0 created, 0 updated, 0 deleted" in out.getvalue()
    call_command("export_collection", output=two, stderr=StringIO())
    assert one.read_bytes() == two.read_bytes()
    assert counts() == loaded


# The merge: the curated revisions get the official texts


def english(revision: Revision):
    return revision.clauses.filter(language="en").order_by("position")


def test_resolution_2042_is_complete_with_its_annex(story):
    revision = Revision.objects.get(symbol="S/2012/219")
    assert revision.resolution.slug == "resolution-2042-2012"
    assert revision.text_status == TextStatus.COMPLETE
    assert revision.language == "en"
    sections = Counter(english(revision).values_list("section", flat=True))
    assert sections == {"preambular": 6, "operative": 13, "annex": 11}
    assert list(english(revision).filter(section="operative").values_list("number", flat=True)) == [
        str(n) for n in range(1, 14)
    ]


@pytest.mark.parametrize(
    ("key", "section", "number", "text"),
    [
        (
            "op-govt-ensure-effective",
            "operative",
            "6",
            "Calls upon the Syrian government to ensure the effective operation of the mission",
        ),
        ("pp-recalling-prsts", "preambular", None, "Recalling its Presidential Statements"),
        ("op-support-six-point-proposal", "operative", "1", "Reaffirms its full support for"),
    ],
)
def test_2042_keeps_the_curated_keys_on_the_official_paragraphs(story, key, section, number, text):
    clause = Clause.objects.get(revision__symbol="S/2012/219", language="en", key=key)
    assert (clause.section, clause.number) == (section, number)
    assert clause.text.startswith(text)
    assert clause.complete


@pytest.mark.parametrize("symbol", ["S/2012/219", "S/2012/245"])
def test_the_merge_keeps_every_curated_clause_with_its_proposers_sources_and_note(story, symbol):
    curated = curated_revision(symbol)
    revision = Revision.objects.get(symbol=symbol)
    for before in curated["clauses"]:
        language = before.get("language") or curated.get("language", "en")
        clause = revision.clauses.get(language=language, key=before["key"])
        note = before["note"] or ""
        if note and language == revision.language:
            # The official text replaced the copy the note describes, and the note says so.
            note = f"On the copy known before the official text: {note}"
        assert clause.note == note, before["key"]
        assert [
            (p.country_id, p.source_id, p.quote) for p in clause.proposers.order_by("position")
        ] == [(p["country"], p["source"], p["quote"]) for p in before["proposers"]]
        sources = list(clause.sources.values_list("slug", flat=True))
        assert set(before["sources"]) <= set(sources), before["key"]


def test_2042_has_the_un_file_as_an_added_source(story):
    revision = Revision.objects.get(symbol="S/2012/219")
    curated = curated_revision("S/2012/219")
    slugs = list(revision.sources.values_list("slug", flat=True))
    assert set(curated["sources"]) < set(slugs)
    (un_file,) = revision.sources.exclude(slug__in=curated["sources"])
    assert un_file.kind == SourceKind.UN_DOCUMENT
    assert un_file.url.startswith("https://github.com/UNxml/SCresolutions/")
    assert un_file.url.endswith("/Pre-2020/2012/S_RES_2042_N1229528E.xml")
    assert "United Nations" in un_file.publisher
    assert not english(revision).exclude(sources=un_file).exists()


def test_2043_is_english_and_complete_with_its_curated_arabic_as_another_language(story):
    revision = Revision.objects.get(symbol="S/2012/245")
    assert (revision.language, revision.text_status) == ("en", TextStatus.COMPLETE)
    assert list(revision.other_languages.values_list("language", "text_status")) == [
        ("ar", TextStatus.PARTIAL)
    ]
    arabic = list(
        revision.clauses.filter(language="ar").order_by("position").values_list("key", flat=True)
    )
    assert arabic == [c["key"] for c in curated_revision("S/2012/245")["clauses"]]
    english_keys = list(english(revision).values_list("key", flat=True))
    assert english_keys[: len(arabic)] == arabic
    assert (
        english(revision)
        .get(key="pp-recalling-2042-prsts")
        .text.startswith("Recalling its Resolution 2042 (2012)")
    )


def test_2059_ends_the_july_2012_family(story):
    family = Resolution.objects.get(slug="unsmis-renewal-july-2012")
    last = family.revisions.order_by("position").last()
    assert (last.label, last.symbol) == ("2059 (2012)", "S/2012/560")
    assert last.status == RevisionStatus.ADOPTED
    assert last.text_status == TextStatus.COMPLETE
    assert last.follows.label == "UK draft, final 30 days (19 Jul)"
    assert list(last.sponsorships.values_list("country", flat=True)) == ["FR", "DE", "PT", "GB"]


def test_r3_keeps_its_three_clauses_and_their_proposers(story):
    revision = Revision.objects.get(
        resolution__slug="russian-drafts-2011-2012", label__startswith="R3"
    )
    proposers = [
        list(c.proposers.order_by("position").values_list("country", flat=True))
        for c in revision.clauses.order_by("position")
    ]
    assert proposers == [["FR"], ["FR", "PT"], ["RU"]]
    assert [c["key"] for c in curated_revision(label=revision.label)["clauses"]] == list(
        revision.clauses.order_by("position").values_list("key", flat=True)
    )


def test_s_2012_538_still_names_no_one_in_favour(story):
    vote = Revision.objects.get(symbol="S/2012/538").vote
    casts = {
        cast: list(vote.ballots.filter(cast=cast).values_list("country", flat=True))
        for cast in ("in_favour", "against", "abstaining")
    }
    assert casts == {"in_favour": [], "against": ["CN", "RU"], "abstaining": ["PK", "ZA"]}
    assert not vote.all_members_named()


# Syria after 2012: the cross-border aid mandate


def cross_border() -> list[Revision]:
    return list(
        Revision.objects.filter(resolution__slug=CROSS_BORDER)
        .order_by("position")
        .select_related("follows")
    )


def test_every_cross_border_renewal_is_complete_and_follows_the_one_before(story):
    revisions = cross_border()
    assert [r.label for r in revisions] == [*RENEWALS, "S/2023/506", "S/2023/507"]
    previous = None
    for revision in revisions[: len(RENEWALS)]:
        assert revision.status == RevisionStatus.ADOPTED, revision.label
        assert revision.text_status == TextStatus.COMPLETE, revision.label
        assert revision.follows == previous, revision.label
        assert not revision.rivals.exists()
        previous = revision


def test_the_july_2023_drafts_are_rivals_that_both_follow_2672(story):
    vetoed = Revision.objects.get(symbol="S/2023/506")
    russian = Revision.objects.get(symbol="S/2023/507")
    assert vetoed.status == RevisionStatus.VETOED
    assert russian.status == RevisionStatus.NOT_ADOPTED
    for draft in (vetoed, russian):
        assert draft.follows.label == "2672 (2023)"
        assert draft.text_status == TextStatus.COMPLETE
        assert not draft.vote.adopted
    assert list(vetoed.rivals.all()) == [russian]
    assert list(russian.rivals.all()) == [vetoed]
    assert list(vetoed.vote.ballots.filter(cast="against").values_list("country", flat=True)) == [
        "RU"
    ]
    assert [c.code for c in vetoed.vote.vetoed_by()] == ["RU"]
    assert list(vetoed.sponsorships.values_list("country", flat=True)) == ["BR", "CH"]
    assert list(russian.sponsorships.values_list("country", flat=True)) == ["RU"]


@pytest.mark.parametrize(
    "text",
    [
        "Decides to renew the decisions in paragraphs 2 and 3 of Security Council resolution "
        "2165 (2014)",
        "Decides to remain actively seized of the matter.",
    ],
)
def test_a_paragraph_carried_from_2504_to_2533_keeps_its_key(story, text):
    def key_in(label: str) -> str:
        return Clause.objects.get(
            revision__resolution__slug=CROSS_BORDER,
            revision__label=label,
            language="en",
            text__startswith=text,
        ).key

    assert key_in("2533 (2020)") == key_in("2504 (2020)")
    assert not key_in("2533 (2020)").startswith("2533-2020")


# Languages and votes


def test_the_language_versions_of_s_2023_506_are_one_revision(story):
    (revision,) = Revision.objects.filter(symbol="S/2023/506")
    assert not Revision.objects.filter(label__contains="2023/506").exclude(pk=revision.pk).exists()
    languages = set(revision.clauses.values_list("language", flat=True))
    assert languages == {"en", "fr", "es", "ru", "zh", "ar", "de"}
    assert revision.language == "en"
    assert set(revision.other_languages.values_list("language", flat=True)) == languages - {"en"}
    assert not revision.other_languages.exclude(text_status=TextStatus.COMPLETE).exists()


def test_every_official_language_version_has_the_keys_of_the_english_text(story):
    """Complete versions are the UN's: the same paragraphs in the same order. (A curated
    partial version may hold a fragment known only in its language: S/2011/612 in French.)"""
    versions = LanguageVersion.objects.filter(text_status=TextStatus.COMPLETE)
    assert versions.count() > 50
    for version in versions.select_related("revision"):
        revision = version.revision
        main, theirs = (
            list(
                revision.clauses.filter(language=language)
                .order_by("position")
                .values_list("key", flat=True)
            )
            for language in ("en", version.language)
        )
        assert theirs == main, f"{revision.label} in {version.language}"


def test_2042_names_all_fifteen_members_in_favour(story):
    vote = Revision.objects.get(symbol="S/2012/219").vote
    assert vote.adopted
    assert list(vote.ballots.values_list("cast", "country")) == [
        ("in_favour", code) for code in COUNCIL_2012
    ]


def test_every_adopted_official_resolution_names_all_fifteen_members(story):
    adopted = Revision.objects.filter(
        status=RevisionStatus.ADOPTED, sources__slug__startswith="un-akn-"
    ).distinct()
    assert adopted.count() > 50
    for revision in adopted:
        ballots = list(revision.vote.ballots.select_related("country"))
        codes = {b.country.code for b in ballots}
        assert len(ballots) == len(codes) == 15, revision.label
        assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes), revision.label
        assert all(b.country.name for b in ballots), revision.label


@pytest.mark.parametrize("symbol", ["S/2012/219", "S/2012/245"])
def test_a_merged_revision_says_its_notes_describe_the_copies_known_before(story, symbol):
    note = Revision.objects.get(symbol=symbol).note
    assert note.startswith(curated_revision(symbol)["note"] or "")
    assert note.endswith(
        "The complete text is the United Nations' official one, from its Akoma Ntoso file; "
        "notes about the text describe the copies known before it."
    )
