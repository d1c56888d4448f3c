"""Alignment and statuses: what became of every block between two texts."""

import json

import pytest

from timeline.diff import ClauseInput, Op, Status, compare_clauses, compare_texts
from timeline.diff.parse import MAX_PARAGRAPH_CHARS

PREAMBLE = [
    "Recalling its presidential statement of 3 August 2011,",
    "Reaffirming its strong commitment to the sovereignty, independence, unity and "
    "territorial integrity of Syria,",
    "Expressing grave concern at the deterioration of the situation in Syria,",
    "Underscoring the importance of ensuring the voluntary return of refugees,",
]
OPERATIVE = [
    "Demands that the Syrian government immediately put an end to all human rights "
    "violations and attacks against civilians;",
    "Calls upon all parties to reject violence and extremism;",
    "Requests the Secretary-General to report on the implementation of this resolution "
    "within 15 days;",
    "Decides to remain seized of the matter.",
]


def layout(preamble, operative, *, heading=True, labels=True):
    blocks = ["The Security Council,"] if heading else []
    blocks += [f"PP{n}. {t}" if labels else t for n, t in enumerate(preamble, 1)]
    blocks += [f"{n}. {t}" for n, t in enumerate(operative, 1)]
    return "\n\n".join(blocks)


def pairs(comparison):
    return {(c.old, c.new): c.status for c in comparison.alignment}


def test_identical_texts_are_all_unchanged():
    text = layout(PREAMBLE, OPERATIVE)
    comparison = compare_texts(text, text)
    assert {c.status for c in comparison.alignment} == {Status.UNCHANGED}
    assert [(c.old, c.new) for c in comparison.alignment] == [(i, i) for i in range(9)]
    assert comparison.summary_line() == "no changes"


@pytest.mark.parametrize(("old", "new"), [("", ""), ("", "x"), ("x", "")])
def test_empty_inputs(old, new):
    text = layout(PREAMBLE, OPERATIVE)
    comparison = compare_texts(old and text, new and text)
    statuses = {c.status for c in comparison.alignment}
    if not old and not new:
        assert comparison.alignment == ()
        assert comparison.summary_line() == "no changes"
    else:
        assert statuses == {Status.ADDED if new else Status.REMOVED}
        assert len(comparison.alignment) == 9


def test_renumbering_and_dropped_labels_alone_are_unchanged():
    old = layout(PREAMBLE, OPERATIVE)
    new = layout(PREAMBLE, OPERATIVE, labels=False).replace("1. Demands", "7. Demands")
    comparison = compare_texts(old, new)
    assert {c.status for c in comparison.alignment} == {Status.UNCHANGED}


def test_each_status():
    old = layout(PREAMBLE, OPERATIVE)
    edited = OPERATIVE[2].replace("15 days", "7 days")
    added = "Urges all parties to cooperate fully with the observer mission of the League;"
    new_operative = [OPERATIVE[1], added, edited, OPERATIVE[0], OPERATIVE[3]]
    new = layout(PREAMBLE[:2] + PREAMBLE[3:], new_operative)
    comparison = compare_texts(old, new)
    assert pairs(comparison) == {
        (0, 0): Status.UNCHANGED,
        (1, 1): Status.UNCHANGED,
        (2, 2): Status.UNCHANGED,
        (3, None): Status.REMOVED,
        (4, 3): Status.UNCHANGED,
        (6, 4): Status.UNCHANGED,
        (None, 5): Status.ADDED,
        (7, 6): Status.EDITED,
        (5, 7): Status.MOVED,
        (8, 8): Status.UNCHANGED,
    }
    assert comparison.counts() == {
        "unchanged": 6,
        "edited": 1,
        "moved": 1,
        "removed": 1,
        "added": 1,
    }
    assert comparison.summary_line() == "1 added, 1 removed, 1 edited, 1 moved"


@pytest.mark.parametrize("edit", [False, True])
def test_a_moved_clause_is_found_with_or_without_edits(edit):
    moved = OPERATIVE[0].replace("immediately", "urgently") if edit else OPERATIVE[0]
    old = layout(PREAMBLE, OPERATIVE)
    new = layout(PREAMBLE, [OPERATIVE[1], OPERATIVE[2], moved, OPERATIVE[3]])
    comparison = compare_texts(old, new)
    (change,) = [c for c in comparison.alignment if c.status is Status.MOVED]
    assert (change.old, change.new) == (5, 7)
    assert change.text_changed is edit
    assert (Op.INSERT, "urgently") in change.ops if edit else len(change.ops) == 1
    assert sum(c.status is Status.MOVED for c in comparison.alignment) == 1


def test_removed_blocks_come_where_they_stood_in_reading_order():
    old = layout(PREAMBLE, OPERATIVE)
    new = layout(PREAMBLE[:1] + PREAMBLE[2:], OPERATIVE)
    order = [(c.old, c.new) for c in compare_texts(old, new).alignment]
    assert order[:4] == [(0, 0), (1, 1), (2, None), (3, 2)]


def test_headings_align_with_headings_only():
    old = layout(PREAMBLE, OPERATIVE)
    new = layout(PREAMBLE, OPERATIVE, heading=False)
    comparison = compare_texts(old, new)
    assert pairs(comparison)[(0, None)] is Status.REMOVED
    assert all(c.status is Status.UNCHANGED for c in comparison.alignment if c.old != 0)


def test_a_paragraph_that_changed_section_is_a_move_whatever_its_verb_form():
    old = "Recalling its statement of 3 August 2011,\n\n1. Decides to remain seized;"
    new = "1. Recalls its statement of 3 August 2011;\n\n2. Decides to remain seized;"
    assert pairs(compare_texts(old, new))[(0, 0)] is Status.MOVED


def test_different_paragraphs_do_not_pair_across_sections():
    old = "Recalling its statement of 3 August 2011,"
    new = "1. Recalls its resolution 2042 (2012) and its resolution 2043 (2012);"
    assert set(pairs(compare_texts(old, new)).values()) == {Status.REMOVED, Status.ADDED}


def test_a_rewritten_clause_pairs_only_where_it_stood():
    rewritten = "Requests the Secretary-General to brief the Council on progress every month;"
    old = layout(PREAMBLE, OPERATIVE)
    in_place = layout(PREAMBLE, [OPERATIVE[0], OPERATIVE[1], rewritten, OPERATIVE[3]])
    assert pairs(compare_texts(old, in_place))[(7, 7)] is Status.EDITED
    moved = layout(PREAMBLE, [rewritten, *OPERATIVE[:2], OPERATIVE[3]])
    statuses = pairs(compare_texts(old, moved))
    assert statuses[(7, None)] is Status.REMOVED
    assert statuses[(None, 5)] is Status.ADDED


def test_sub_paragraphs_pair_under_the_paragraph_they_belong_to():
    items = "(a) cease troop movements;\n\n(b) cease all use of heavy weapons;"
    old = (
        f"1. Calls upon the government to:\n\n{items}\n\n2. Demands that the opposition:\n\n{items}"
    )
    new = (
        f"1. Demands that the opposition:\n\n{items}\n\n2. Calls upon the government to:\n\n{items}"
    )
    comparison = compare_texts(old, new)
    matched = {(c.old, c.new) for c in comparison.alignment}
    assert {(0, 3), (1, 4), (2, 5), (3, 0), (4, 1), (5, 2)} == matched
    assert comparison.to_dict()["new"][1]["parent"] == 0


def test_every_block_appears_exactly_once():
    old = layout(PREAMBLE, OPERATIVE)
    new = layout(list(reversed(PREAMBLE)), [*OPERATIVE[1:], "Decides to act;"])
    comparison = compare_texts(old, new)
    olds = [c.old for c in comparison.alignment if c.old is not None]
    news = [c.new for c in comparison.alignment if c.new is not None]
    assert sorted(olds) == list(range(len(comparison.old)))
    assert sorted(news) == list(range(len(comparison.new)))


def test_ops_rebuild_every_block():
    old = layout(PREAMBLE, OPERATIVE)
    new = layout(PREAMBLE[::-1], [t.replace("the", "all the") for t in OPERATIVE])
    comparison = compare_texts(old, new)
    for change in comparison.alignment:
        if change.old is not None:
            text = "".join(t for op, t in change.ops if op is not Op.INSERT)
            assert text == comparison.old[change.old].text
        if change.new is not None:
            text = "".join(t for op, t in change.ops if op is not Op.DELETE)
            assert text == comparison.new[change.new].text


def test_very_long_clauses():
    """A clause just under the stored-clause limit still compares word by word."""
    long = "Recalling " + ", ".join(f"its resolution {n} (2012)" for n in range(700)) + ","
    assert 18_000 < len(long) <= MAX_PARAGRAPH_CHARS
    edited = long.replace("resolution 500 (2012)", "resolution 500 (2013)")
    comparison = compare_texts(f"{long}\n\nNoting the Envoy,", f"{edited}\n\nNoting the Envoy,")
    (first, second) = comparison.alignment
    assert first.status is Status.EDITED
    assert (Op.DELETE, "2012") in first.ops
    assert second.status is Status.UNCHANGED


def test_to_dict_has_the_documented_shape():
    old = layout(PREAMBLE, OPERATIVE)
    new = layout(PREAMBLE[1:], [*OPERATIVE, "Decides to act;"]) + "\n\n(a) at once;"
    data = json.loads(json.dumps(compare_texts(old, new).to_dict()))
    assert set(data) == {"old", "new", "alignment", "summary"}
    for block in data["old"] + data["new"]:
        assert {"index", "kind", "number", "section", "text"} <= set(block)
        assert set(block) - {"index", "kind", "number", "section", "text"} <= {"parent"}
        assert block["kind"] in {"heading", "clause"}
        assert block["section"] in {"preambular", "operative", None}
    assert data["new"][-1]["parent"] == len(data["new"]) - 2
    assert data["old"][0] == {
        "index": 0,
        "kind": "heading",
        "number": None,
        "section": None,
        "text": "The Security Council,",
    }
    for entry in data["alignment"]:
        assert set(entry) == {"old", "new", "status", "text_changed", "similarity", "ops"}
        assert entry["status"] in {"unchanged", "edited", "moved", "removed", "added"}
        assert isinstance(entry["text_changed"], bool)
        assert 0.0 <= entry["similarity"] <= 1.0
        assert all(op in {"equal", "insert", "delete"} for op, _ in entry["ops"])
    assert data["summary"] == {"unchanged": 8, "edited": 0, "moved": 0, "removed": 1, "added": 2}


def test_compare_clauses_takes_clauses_in_document_order():
    old = [ClauseInput("preambular", "PP1", PREAMBLE[0]), ClauseInput("operative", "1", "Decides;")]
    new = [
        ClauseInput("preambular", None, "  " + PREAMBLE[0].replace(" ", "\n  ")),
        ClauseInput("operative", "1", "Decides firmly;"),
    ]
    comparison = compare_clauses(old, new)
    assert [c.status for c in comparison.alignment] == [Status.UNCHANGED, Status.EDITED]
    assert comparison.new[0].text == PREAMBLE[0]


def test_equal_keys_pair_clauses_whatever_their_text_or_place():
    # The two clauses swap places: the unchanged one stays, the rewritten one moved.
    old = [
        ClauseInput("operative", "1", "Decides to extend the mandate for 45 days;", key="renew"),
        ClauseInput("operative", "2", "Decides to remain seized of the matter.", key="seized"),
    ]
    new = [
        ClauseInput("operative", "1", "Decides to remain seized of the matter.", key="seized"),
        ClauseInput("operative", "2", "Expresses its willingness to renew later;", key="renew"),
    ]
    assert pairs(compare_clauses(old, new)) == {
        (0, 1): Status.MOVED,
        (1, 0): Status.UNCHANGED,
    }


def test_different_keys_never_pair_even_with_identical_text():
    old = [ClauseInput("operative", "1", "Decides to act;", key="a")]
    new = [ClauseInput("operative", "1", "Decides to act;", key="b")]
    assert pairs(compare_clauses(old, new)) == {(0, None): Status.REMOVED, (None, 0): Status.ADDED}


def test_a_clause_without_a_key_pairs_by_text_with_a_keyed_one():
    old = [ClauseInput("operative", "1", "Decides to act;", key="a")]
    new = [ClauseInput("operative", "1", "Decides to act;")]
    assert pairs(compare_clauses(old, new)) == {(0, 0): Status.UNCHANGED}
