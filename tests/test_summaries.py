"""What a comparison may claim (timeline.summaries): gaps in a partial copy are not removals,
typography is not wording, and a number's spelling is not a renumbering."""

import pytest

from timeline.diff import ClauseInput, compare_clauses
from timeline.summaries import Side, number_value, summarise, words_of

RECALLING = ClauseInput("preambular", None, "Recalling its resolution 2042 (2012),", key="a")
CONDEMNING = ClauseInput("preambular", None, "Condemning the violence,", key="b")
DEMANDS = ClauseInput("operative", "1", "Demands an immediate end to all violence;", key="c")


def line(old, new, old_status="complete", new_status="complete") -> str:
    comparison = compare_clauses(old, new)
    return summarise(comparison, Side("R1", old_status), Side("R2", new_status)).line


@pytest.mark.parametrize(
    ("old", "new", "old_status", "new_status", "expected"),
    [
        ([RECALLING, CONDEMNING], [RECALLING], "complete", "complete", "1 removed"),
        (
            [RECALLING, CONDEMNING],
            [RECALLING],
            "complete",
            "partial",
            "no changes in what both copies have; 1 not in R2’s available text",
        ),
        (
            [RECALLING],
            [RECALLING, DEMANDS],
            "fragments",
            "complete",
            "no changes in what both copies have; 1 not in R1’s available fragments",
        ),
        ([RECALLING], [RECALLING, DEMANDS], "complete", "partial", "1 added"),
        (
            [RECALLING, DEMANDS],
            [RECALLING, ClauseInput("operative", "1", DEMANDS.text.replace(";", "."), key="c")],
            "complete",
            "complete",
            "1 typography only",
        ),
        (
            [DEMANDS],
            [ClauseInput("operative", "1", "Demands an end to all violence;", key="c")],
            "complete",
            "complete",
            "1 edited",
        ),
        ([RECALLING], [RECALLING], "partial", "partial", "no changes"),
    ],
)
def test_the_summary_says_what_the_copies_allow(old, new, old_status, new_status, expected):
    assert line(old, new, old_status, new_status) == expected


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("PP2", "pp2", True),
        ("pp 2", "2", True),
        ("2.", "2", True),
        ("OP 9", "9", True),
        ("para 6", "6", True),
        ("pp9bis", "pp9", False),
        ("2", "3", False),
    ],
)
def test_a_number_is_read_by_its_value(one, other, same):
    assert (number_value(one) == number_value(other)) is same


def test_typography_is_punctuation_quotes_spacing_and_case():
    assert words_of("the Government’s  commitment,") == words_of("the government's commitment")
    assert words_of("the Government’s commitment") != words_of("the Governments’ commitments")


def test_a_merge_and_a_split_are_counted_as_such_not_as_removed_and_added():
    from timeline.diff import compare_texts
    from timeline.summaries import Side, summarise

    old = (
        "1. Condemns the continued widespread violations of human rights by the authorities;"
        "\n\n2. Condemns all violence, irrespective of where it comes from;"
    )
    new = (
        "1. Condemns the continued widespread violations of human rights by the authorities, "
        "and condemns all violence, irrespective of where it comes from;"
    )
    summary = summarise(compare_texts(old, new), Side("A", "complete"), Side("B", "complete"))
    assert summary.line == "1 edited, 1 merged"
