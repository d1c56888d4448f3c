"""The engine on real revision pairs of the Syria collection, checked against its keys.

The texts are compared without their keys, as the engine sees a pasted revision; the
collection's hand-checked keys then say which pairs it should have found.
"""

import pytest

from tests.diff import real_pairs
from timeline.diff import ClauseInput, Section, Status, compare_clauses, compare_texts


def un_layout(revision):
    """The revision as printed: a heading, then one labelled paragraph per clause."""
    paragraphs = ["The Security Council,"]
    for _, _, number, text in revision:
        if number is None:
            paragraphs.append(text)
        elif number.isdigit():
            paragraphs.append(f"{number}. {text}")
        else:
            paragraphs.append(f"{number} {text}")
    return "\n\n".join(paragraphs)


def key_pairs(old, new):
    """(old index, new index) of the clauses the keys pair, counting the heading as 0."""
    old_index = {key: i for i, (key, *_) in enumerate(old, 1)}
    return {(old_index[key], j) for j, (key, *_) in enumerate(new, 1) if key in old_index} | {
        (0, 0)
    }


def clauses(revision, *, keys):
    return [
        ClauseInput(section, number, text, key=key if keys else None)
        for key, section, number, text in revision
    ]


PAIRS = {
    "v3 preamble -> late preamble": (real_pairs.V3_PREAMBLE, real_pairs.LATE_PREAMBLE),
    "US revised -> Russian 13 April": (real_pairs.US_REVISED, real_pairs.RUSSIAN_13_APRIL),
    "US revised -> S/2012/219": (real_pairs.US_REVISED, real_pairs.S_2012_219),
    "Russian 13 April -> S/2012/219": (real_pairs.RUSSIAN_13_APRIL, real_pairs.S_2012_219),
}


@pytest.mark.parametrize(("old", "new"), PAIRS.values(), ids=PAIRS.keys())
def test_the_engine_finds_the_pairs_the_keys_record(old, new):
    comparison = compare_texts(un_layout(old), un_layout(new))
    found = {(c.old, c.new) for c in comparison.alignment if None not in (c.old, c.new)}
    assert found == key_pairs(old, new)


@pytest.mark.parametrize(
    "revision",
    [
        real_pairs.V3_PREAMBLE,
        real_pairs.LATE_PREAMBLE,
        real_pairs.US_REVISED,
        real_pairs.RUSSIAN_13_APRIL,
        real_pairs.S_2012_219,
        real_pairs.PAKISTAN_19_JULY,
        real_pairs.UK_FINAL_19_JULY,
    ],
)
def test_the_parser_reads_real_revisions_as_the_collection_records_them(revision):
    blocks = compare_texts(un_layout(revision), "").old
    assert [(b.section, b.number, b.text) for b in blocks[1:]] == [
        (Section(section), number, " ".join(text.split())) for _, section, number, text in revision
    ]


def status_by_key(old, new):
    comparison = compare_texts(un_layout(old), un_layout(new))
    statuses = {}
    for change in comparison.alignment:
        if change.new is not None and change.new > 0:
            statuses[new[change.new - 1][0]] = change.status
        elif change.old is not None and change.old > 0:
            statuses[old[change.old - 1][0]] = change.status
    return statuses, comparison


def test_v3_preamble_against_the_late_preamble():
    statuses, comparison = status_by_key(real_pairs.V3_PREAMBLE, real_pairs.LATE_PREAMBLE)
    # The bracketed arms paragraph was dropped, pp10 rewritten, a paragraph added.
    assert statuses["pp-arms-transfers"] is Status.REMOVED
    assert statuses["pp-sovereignty-peaceful-resolution"] is Status.EDITED
    assert statuses["pp-welcoming-sg-engagement"] is Status.ADDED
    # Labels dropped (pp1 -> none) and a doubled space alone are no change.
    assert statuses["pp-recalling-prst-3-aug-2011"] is Status.UNCHANGED
    assert statuses["pp-return-refugees-idps"] is Status.UNCHANGED
    assert statuses["pp-grave-concern-deterioration"] is Status.UNCHANGED
    # Apostrophes dropped and a year added are edits.
    assert statuses["pp-noting-las-request"] is Status.EDITED
    assert statuses["pp-recalling-ga-hrc-resolutions"] is Status.EDITED
    assert Status.MOVED not in statuses.values()
    assert comparison.summary_line() == "1 added, 1 removed, 6 edited"


def test_us_revised_draft_against_the_russian_draft():
    statuses, comparison = status_by_key(real_pairs.US_REVISED, real_pairs.RUSSIAN_13_APRIL)
    assert statuses == {
        "pp-recalling-prsts": Status.UNCHANGED,
        "pp-support-envoy": Status.EDITED,
        "pp-sovereignty": Status.UNCHANGED,
        "pp-condemning-hr-violations": Status.REMOVED,
        "pp-noting-govt-commitment": Status.EDITED,
        "pp-noting-envoy-assessment": Status.EDITED,
        "op-support-six-point-proposal": Status.ADDED,
    }
    (support,) = [c for c in comparison.alignment if c.old == 2]
    assert support.ops == (
        (
            "equal",
            "Reaffirming its support to Joint Special Envoy for the United Nations and the "
            "League of Arab States, Kofi Annan, and his work,",
        ),
        (
            "delete",
            " based on General Assembly resolution A/RES/66/253 of 16 February 2012 and "
            "relevant resolutions of the League of Arab States,",
        ),
    )
    (assessment,) = [c for c in comparison.alignment if c.old == 6]
    # The square brackets of the US draft go; the bracketed words themselves stay.
    assert ("delete", "[") in assessment.ops
    assert ("delete", "]") in assessment.ops


def test_keys_win_over_text_similarity():
    # Pakistan's "report any obstructions" and the UK's "report within 15 days" read
    # alike (similarity 0.55) and the engine pairs them; the editors' keys say they are
    # rival clauses, and with keys given the engine follows the keys.
    old, new = real_pairs.PAKISTAN_19_JULY, real_pairs.UK_FINAL_19_JULY
    without = compare_clauses(clauses(old, keys=False), clauses(new, keys=False))
    assert any((c.old, c.new) == (8, 2) for c in without.alignment)
    with_keys = compare_clauses(clauses(old, keys=True), clauses(new, keys=True))
    found = {(c.old, c.new) for c in with_keys.alignment if None not in (c.old, c.new)}
    assert found == {(i - 1, j - 1) for i, j in key_pairs(old, new) if i}


@pytest.mark.parametrize(("old", "new"), PAIRS.values(), ids=PAIRS.keys())
def test_with_keys_the_alignment_is_the_keys(old, new):
    comparison = compare_clauses(clauses(old, keys=True), clauses(new, keys=True))
    found = {(c.old, c.new) for c in comparison.alignment if None not in (c.old, c.new)}
    assert found == {(i - 1, j - 1) for i, j in key_pairs(old, new) if i}
