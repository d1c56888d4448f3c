"""Word-level diff: exact reconstruction, tokens never split, replaced when mostly new."""

import random
from itertools import pairwise

import pytest

from timeline import limits
from timeline.diff import Op
from timeline.diff.clean import visible
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


def test_a_clause_that_keeps_its_long_opening_is_not_shown_wholly_replaced():
    opening = (
        "Requests the Secretary-General to report to the Council on the implementation "
        "of this resolution"
    )
    old = f"{opening} within 30 days;"
    new = (
        f"{opening}, including on cross-border access through the crossings at Bab al-Hawa "
        "and Bab al-Salam, on monitoring by the United Nations of every shipment, on the "
        "needs of the people in every governorate and on the funding of the appeal, within "
        "sixty days and every month thereafter, and to brief the members of the Council;"
    )
    ops = diff_words(old, new)
    assert ops != ((Op.DELETE, old), (Op.INSERT, new))
    assert ops[0] == (Op.EQUAL, opening)


def test_five_words_kept_in_a_row_stay_kept_between_large_changes():
    before_old = (
        "Condemns the continued widespread and gross violations of human rights by the authorities"
    )
    before_new = (
        "Urges all parties to the conflict to refrain immediately from any attack against civilians"
    )
    kept = "in the cities of Homs and Hama"
    after_old = "and demands that they cease all violence at once without any condition whatsoever;"
    after_new = "and calls for the release of every detainee held in connection with the protests;"
    ops = diff_words(f"{before_old} {kept} {after_old}", f"{before_new} {kept} {after_new}")
    assert any(op is Op.EQUAL and kept in text for op, text in ops)


def test_kept_runs_of_five_words_are_never_inside_a_deletion_and_its_insertion():
    from tests.diff import real_pairs
    from timeline.diff import ClauseInput, compare_clauses

    pairs = [
        (real_pairs.V3_PREAMBLE, real_pairs.LATE_PREAMBLE),
        (real_pairs.US_REVISED, real_pairs.RUSSIAN_13_APRIL),
        (real_pairs.US_REVISED, real_pairs.S_2012_219),
        (real_pairs.RUSSIAN_13_APRIL, real_pairs.S_2012_219),
        (real_pairs.PAKISTAN_19_JULY, real_pairs.UK_FINAL_19_JULY),
    ]
    checked = 0
    for old, new in pairs:
        comparison = compare_clauses(
            [ClauseInput(s, n, t) for _, s, n, t in old],
            [ClauseInput(s, n, t) for _, s, n, t in new],
        )
        for change in comparison.alignment:
            for (op, deleted), (next_op, inserted) in pairwise(change.ops):
                if op is Op.DELETE and next_op is Op.INSERT:
                    checked += 1
                    for kept_op, text in diff_words(deleted, inserted):
                        if kept_op is Op.EQUAL:
                            assert len(text.split()) < 5, (deleted, inserted)
    assert checked >= 15


def test_invisible_characters_are_no_edit():
    from timeline.diff import ClauseInput, Status, compare_clauses

    old = [
        ClauseInput("operative", "1", "Calls for humanitarian access to non-governmental groups;")
    ]
    new = [
        ClauseInput(
            "operative",
            "1",
            "Calls for hu\u00admanitarian\u200b access to non\u2011governmental groups;",
        )
    ]
    (change,) = compare_clauses(old, new).alignment
    assert change.status is Status.UNCHANGED


@pytest.mark.parametrize(
    ("official", "copied"),
    [
        # Words of S/RES/2318 (2016) as the UN’s own file spells them, with a stray
        # left-to-right mark, against the same words without it.
        (
            "Requests the Secretary-General to conduct a strategic review of \u200eUNISFA;",
            "Requests the Secretary-General to conduct a strategic review of UNISFA;",
        ),
        # "é" as one character, or as "e" and a combining acute (a PDF copy); "fi" as two
        # letters, or as the PDF's ligature.
        (
            "D\u00e9cide de rester saisi de la question financi\u00e8re;",
            "De\u0301cide de rester saisi de la question \ufb01nancie\u0300re;",
        ),
        # Control characters, as a font with a broken encoding copies some glyphs.
        ("Calls for humanitarian access;", "Calls for\x02 humanitarian\x00 access\x7f;"),
        # Arabic letters, or a PDF's presentation forms of them (S/RES/2672, operative 7).
        (
            "يقرر أن يبقي المسألة قيد نظره الفعلي.",
            "ﻳﻘﺮﺭ ﺃﻥ ﻳﺒﻘﻲ ﺍﻟﻤﺴﺄﻟﺔ ﻗﻴﺪ ﻧﻈﺮﻩ ﺍﻟﻔﻌﻠﻲ.",
        ),
        # Chinese ideographs, or the Kangxi radicals a font drew for them ("⼀", "⼈").
        ("决定继续积极处理此案。一个人", "决定继续积极处理此案。⼀个⼈"),
    ],
    ids=["direction mark", "decomposed and ligature", "controls", "Arabic", "Chinese"],
)
def test_what_prints_the_same_is_no_edit(official, copied):
    from timeline.diff import ClauseInput, Status, compare_clauses, compare_texts

    old = [ClauseInput("operative", "1", official)]
    new = [ClauseInput("operative", "1", copied)]
    (change,) = compare_clauses(old, new).alignment
    assert change.status is Status.UNCHANGED
    assert change.ops == ((Op.EQUAL, visible(official)),)
    assert "\u200e" not in compare_clauses(old, new).to_html()
    (change,) = compare_texts(f"1. {official}", f"1. {copied}").alignment
    assert change.status is Status.UNCHANGED


def test_direction_marks_among_arabic_letters_stay():
    # Between Arabic words, a right-to-left mark places the number and the comma beside
    # it: it is part of what a reader sees.
    arabic = "\u0642\u0631\u0627\u0631 \u200f2012\u200f\u060c \u0645\u062c\u0644\u0633"
    assert visible(arabic) == arabic
    assert visible("review \u200eof \u061cthe \u200fmandate") == "review of the mandate"


def test_what_a_reader_sees_differently_stays_different():
    # Composition is not compatibility: a Chinese full-width comma is not a comma.
    assert visible("\u5b89\u5168\u7406\u4e8b\u4f1a\uff0c") == "\u5b89\u5168\u7406\u4e8b\u4f1a\uff0c"
    assert visible("x\u00b2 \u2026") == "x\u00b2 \u2026"


def test_a_hundred_thousand_word_paragraph_is_diffed_exactly():
    old = " ".join(f"word{i % 997}" for i in range(100_000)) + ";"
    # Changed at both ends, so no common opening or ending shortens the work.
    new = "Recalls " + old.replace("word13 ", "term13 ", 25)[:-1] + " and more;"
    ops = diff_words(old, new)
    assert "".join(text for op, text in ops if op is not Op.INSERT) == old
    assert "".join(text for op, text in ops if op is not Op.DELETE) == new


def test_two_clauses_at_the_length_limit_are_diffed_exactly():
    # 9,000 one-letter words (18,000 characters, within a clause's limit), a fifth of
    # them changed: 18,000 tokens a side. Beyond 50 million token pairs the diff fell back
    # to diff-match-patch, which ran to its 2 s limit and kept 6,788-6,898 words; the exact
    # diff keeps 7,352, in about 70 ms.
    rng = random.Random(4)
    letters = list("abcdefghijklmnopqrst")
    old_words = [rng.choice(letters) for _ in range(9_000)]
    new_words = [w if rng.random() > 0.2 else rng.choice(letters) for w in old_words]
    old, new = " ".join(old_words), " ".join(new_words)
    assert len(old) <= limits.CLAUSE_CHARACTERS
    ops = diff_words(old, new)
    assert "".join(text for op, text in ops if op is not Op.INSERT) == old
    assert "".join(text for op, text in ops if op is not Op.DELETE) == new
    assert sum(len(text.split()) for op, text in ops if op is Op.EQUAL) >= 7_300
