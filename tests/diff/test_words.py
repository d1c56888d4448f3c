"""Word-level diff: exact reconstruction, tokens never split, replaced when mostly new."""

from itertools import pairwise

import pytest

from timeline.diff import Op
from timeline.diff.words import diff_words

PAIRS = [
    ("", ""),
    ("", "Decides to remain seized of the matter;"),
    ("Decides to remain seized of the matter;", ""),
    ("Decides to remain seized of the matter;", "Decides to remain seized of the matter;"),
    ("Decides to remain seized of the matter;", "Decides to remain actively seized of the matter."),
    ("Recalling its statement of 3 August 2011,", "Recalling its statements of 3 August 2011,"),
    ("Noting the League of Arab States\u2019 request", "Noting the League of Arab States request"),
    ("a  b\tc", "a b c"),
    ("The cat sat on the mat.", "A dog lay under a big table!"),
    ("Recalling A/Res/66/176 of 19 December,", "Recalling A/RES/66/176 of 19 December 2011,"),
]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_ops_rebuild_both_texts_exactly(old, new):
    ops = diff_words(old, new)
    assert "".join(text for op, text in ops if op is not Op.INSERT) == old
    assert "".join(text for op, text in ops if op is not Op.DELETE) == new
    assert all(text for _, text in ops)
    assert all(a[0] is not b[0] for a, b in pairwise(ops))


def test_changed_words_are_whole_words():
    ops = diff_words(
        "Recalling its statement of 3 August 2011,", "Recalling its statements of 3 August 2011,"
    )
    assert (Op.DELETE, "statement") in ops
    assert (Op.INSERT, "statements") in ops


def test_a_deletion_comes_before_the_insertion_that_replaces_it():
    ops = diff_words("within 15 days;", "within 7 days;")
    assert ops == (
        (Op.EQUAL, "within "),
        (Op.DELETE, "15"),
        (Op.INSERT, "7"),
        (Op.EQUAL, " days;"),
    )


def test_no_one_token_islands_between_large_changes():
    old = "Demands that the government immediately ceases all attacks on civilians;"
    new = "Urges all sides to negotiate in good faith, the aim being a ceasefire on civilians;"
    ops = diff_words(old, new)
    equal_inside = [text for op, text in ops[1:-1] if op is Op.EQUAL]
    assert all(len(text.split()) > 1 for text in equal_inside)


def test_a_mostly_rewritten_clause_is_shown_replaced():
    old = "Decides to extend the mandate of the Mission for a period of 45 days;"
    new = "Expresses its willingness to consider renewal after a report by the Secretary-General;"
    assert diff_words(old, new) == ((Op.DELETE, old), (Op.INSERT, new))


def test_a_lightly_edited_clause_is_shown_hunk_by_hunk():
    old = "Decides to extend the mandate of UNSMIS for a period of 45 days;"
    new = "Decides to renew the mandate of UNSMIS for a final period of 30 days;"
    ops = diff_words(old, new)
    assert len(ops) > 2
    assert (Op.INSERT, "final ") in ops or (Op.INSERT, " final") in ops


def test_very_long_clauses_diff_exactly():
    old = " ".join(f"word{i % 97}" for i in range(5000)) + ";"
    new = old.replace("word13 ", "term13 ", 40)
    ops = diff_words(old, new)
    assert "".join(text for op, text in ops if op is not Op.INSERT) == old
    assert "".join(text for op, text in ops if op is not Op.DELETE) == new
    assert sum(1 for op, _ in ops if op is Op.INSERT) == 40
