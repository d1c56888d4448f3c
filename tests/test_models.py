"""The database, not only the forms, keeps the collection's rules."""

import datetime

import pytest
from django.db import DataError, IntegrityError, transaction
from django.db.models import ProtectedError

from timeline.models import (
    Ballot,
    Cast,
    Clause,
    Country,
    DatePrecision,
    Proposer,
    TextKind,
    Vote,
)


def refused(create) -> bool:
    """True if the database refuses the write (PostgreSQL refuses an over-long value as a
    DataError before any constraint; SQLite leaves it to the check constraint)."""
    try:
        with transaction.atomic():
            create()
    except (IntegrityError, DataError):
        return True
    return False


def test_a_revision_cannot_hold_two_clauses_at_one_position(revision, clause):
    r = revision()
    clause(r, key="pp-a", position=1)
    assert refused(lambda: clause(r, key="pp-b", position=1))


def test_a_key_names_one_clause_per_revision(revision, clause):
    r = revision()
    clause(r, key="pp-a")
    assert refused(lambda: clause(r, key="pp-a"))


def test_the_same_key_in_two_revisions_is_the_same_paragraph(revision, clause):
    first, second = revision("R1"), revision("R2")
    clause(first, key="pp-a")
    clause(second, key="pp-a")
    assert Clause.objects.filter(key="pp-a").count() == 2


def test_anchors_are_unique_per_revision(revision, clause):
    r = revision()
    clause(r, key="pp-a", anchor="pp1")
    assert refused(lambda: clause(r, key="pp-b", anchor="pp1"))


def test_new_clauses_get_distinct_placeholder_anchors(revision, clause):
    r = revision()
    a, b = clause(r, key="pp-a"), clause(r, key="pp-b")
    assert a.anchor != b.anchor


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"section": "appendix"}, "unknown section"),
        ({"text_kind": "summary"}, "unknown text kind"),
        ({"text": ""}, "empty text"),
        ({"number": ""}, "blank number (null means none printed)"),
        ({"text_kind": TextKind.PARAPHRASE, "complete": True}, "complete paraphrase"),
        ({"position": 0}, "position before 1"),
    ],
)
def test_a_clause_refuses(revision, clause, fields, why):
    r = revision()
    assert refused(lambda: clause(r, **fields)), why


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"status": "leaked"}, "unknown status"),
        ({"text_status": "most"}, "unknown text status"),
        ({"date_precision": DatePrecision.MONTH}, "month precision is for events"),
        ({"date_precision": DatePrecision.APPROXIMATE, "date_note": ""}, "approximate, no note"),
        ({"symbol": ""}, "blank symbol (null means none)"),
    ],
)
def test_a_revision_refuses(revision, fields, why):
    assert refused(lambda: revision(**fields)), why


def test_an_approximate_date_with_its_note_is_accepted(revision):
    r = revision(date_precision=DatePrecision.APPROXIMATE, date_note="AFP 16 Jan, RIA 17 Jan")
    assert r.date_is_approximate


def test_a_document_symbol_names_one_revision(revision):
    revision("A", symbol="S/2012/77")
    assert refused(lambda: revision("B", symbol="S/2012/77"))
    revision("C", symbol=None)
    revision("D", symbol=None)


def test_labels_and_slugs_are_unique_within_a_family(revision):
    revision("R1")
    assert refused(lambda: revision("R1", slug="other"))
    assert refused(lambda: revision("R1 bis", slug="r1"))


@pytest.mark.parametrize("code", ["fr", "FRA", "F"])
def test_a_country_code_is_two_capital_letters(db, code):
    assert refused(lambda: Country.objects.create(code=code, name="X", un_name="X"))


def test_a_member_votes_once(revision, country, source):
    vote = Vote.objects.create(
        revision=revision(), date=datetime.date(2012, 2, 4), meeting="S/PV.6711", adopted=False
    )
    ru = country("RU", "Russia")
    Ballot.objects.create(vote=vote, country=ru, cast=Cast.AGAINST)
    assert refused(lambda: Ballot.objects.create(vote=vote, country=ru, cast=Cast.IN_FAVOUR))


def test_only_an_adopted_draft_has_a_resolution_number(revision):
    def make():
        Vote.objects.create(
            revision=revision(),
            date=datetime.date(2012, 2, 4),
            meeting="S/PV.6711",
            adopted=False,
            resolution_number="2042 (2012)",
        )

    assert refused(make)


def test_a_country_in_use_cannot_be_deleted(revision, clause, country, source):
    fr = country()
    Proposer.objects.create(clause=clause(revision()), country=fr, source=source(), quote="x")
    with pytest.raises(ProtectedError):
        fr.delete()


def test_a_source_in_use_cannot_be_deleted(revision, clause, country, source):
    cited = source()
    Proposer.objects.create(clause=clause(revision()), country=country(), source=cited, quote="x")
    with pytest.raises(ProtectedError):
        cited.delete()


def test_a_family_with_revisions_cannot_be_deleted(revision):
    r = revision()
    with pytest.raises(ProtectedError):
        r.resolution.delete()


def test_a_proposer_is_credited_once_per_source(revision, clause, country, source):
    c, fr, s = clause(revision()), country(), source()
    Proposer.objects.create(clause=c, country=fr, source=s, quote="France's call")
    assert refused(lambda: Proposer.objects.create(clause=c, country=fr, source=s, quote="y"))


def test_a_vote_names_its_vetoes(syria):
    vote = Vote.objects.get(meeting="S/PV.6711")
    assert [c.code for c in vote.vetoed_by()] == ["CN", "RU"]
    assert vote.all_members_named()
