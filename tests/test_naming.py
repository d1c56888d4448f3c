import pytest

from timeline.naming import clause_anchors, revision_slug


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("S/2012/77", "s-2012-77"),
        ("v3 (1 Feb 19:00)", "v3-1-feb-19-00"),
        ("R3 (16/17 Jan)", "r3-16-17-jan"),
        ("UK draft, final 30 days (19 Jul)", "uk-draft-final-30-days-19-jul"),
        ("((()))", "revision"),
    ],
)
def test_revision_slugs(label, slug):
    assert revision_slug(label) == slug


def test_a_revision_never_takes_a_word_the_family_urls_use():
    assert revision_slug("Compare") == "compare-2"


def test_a_taken_slug_gets_a_suffix():
    assert revision_slug("S/2012/77", taken={"s-2012-77", "s-2012-77-2"}) == "s-2012-77-3"


@pytest.mark.parametrize(
    ("clauses", "text_status", "anchors"),
    [
        ([("preambular", "PP1"), ("preambular", "pp9bis")], "partial", ["pp1", "pp9bis"]),
        ([("operative", "1"), ("operative", "OP 9")], "partial", ["op1", "op9"]),
        ([("operative", "para 6"), ("operative", "5 (a)")], "partial", ["op6", "op5a"]),
        (
            [("preambular", None), ("preambular", None), ("operative", "1")],
            "partial",
            ["pp1", "pp2", "op1"],
        ),
        (
            [("preambular", None), ("operative", None)],
            "fragments",
            ["pp-fragment-1", "op-fragment-1"],
        ),
        ([("operative", "1"), ("operative", "1")], "complete", ["op1", "op1-2"]),
    ],
)
def test_clause_anchors(clauses, text_status, anchors):
    assert clause_anchors(clauses, text_status) == anchors
