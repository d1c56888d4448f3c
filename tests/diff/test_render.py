"""Renderings: escaped, accessible HTML; the summary line; text; the command line."""

import pytest

from timeline.diff import ClauseInput, compare_clauses, compare_texts, render_text

OLD = "The Security Council,\n\nPP1. Recalling its statement,\n\n1. Decides to act within 15 days;"
NEW = "The Security Council,\n\nPP1. Recalling its statement,\n\n1. Decides to act within 7 days;"


def test_a_clause_containing_markup_shows_as_text():
    comparison = compare_texts("1. Decides <script>alert('x')</script> & more;", "")
    html = comparison.to_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more;" in html


def test_numbers_and_proposers_are_escaped_too():
    old = [ClauseInput("operative", '1"><b>', "Decides;")]
    new = [ClauseInput("operative", '1"><b>', "Decides firmly;", proposers=('F"R',))]
    html = compare_clauses(old, new).to_html()
    assert "<b>" not in html
    assert 'data-proposer="F&quot;R"' in html


def test_insertions_and_deletions_are_labelled_in_words():
    html = compare_texts(OLD, NEW).to_html()
    assert '<del><span class="visually-hidden">deleted: </span>15</del>' in html
    assert '<ins><span class="visually-hidden">inserted: </span>7</ins>' in html
    assert 'data-status="edited"' in html
    assert '<span class="redline-label">1, edited</span>' in html


@pytest.mark.parametrize(
    ("old_text", "new_text", "label"),
    [
        ("Noting A,", "", "removed"),
        ("", "Noting A,", "added"),
        (
            "PP1. Noting A,\n\nPP2. Noting B,\n\nPP3. Noting C,",
            "PP1. Noting C,\n\nPP2. Noting A,\n\nPP3. Noting B,",
            "PP1 (was PP3), moved",
        ),
    ],
)
def test_every_change_says_what_it_is_in_visible_text(old_text, new_text, label):
    html = compare_texts(old_text, new_text).to_html()
    assert f'<span class="redline-label">{label}</span>' in html


def test_inserted_text_carries_the_new_clause_proposers():
    old = [ClauseInput("operative", "1", "Demands an end to all violence;")]
    new = [
        ClauseInput(
            "operative",
            "1",
            "Demands an end to all violence and the release of all detainees;",
            proposers=("FR", "PT"),
        )
    ]
    html = compare_clauses(old, new).to_html()
    assert '<ins data-proposer="FR PT">' in html
    assert "<del data-proposer" not in html


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (OLD, OLD, "no changes"),
        (OLD, NEW, "1 edited"),
        (OLD, "", "3 removed"),
        ("", OLD, "3 added"),
        (
            "Noting A,\n\nNoting B,\n\nNoting C,",
            "Noting C,\n\nNoting A,\n\nWelcoming the report,",
            "1 added, 1 removed, 1 moved",
        ),
    ],
)
def test_summary_line(old, new, line):
    assert compare_texts(old, new).summary_line() == line


def test_text_rendering_marks_changes_wdiff_style():
    assert render_text(compare_texts(OLD, NEW)).splitlines() == [
        "1 edited",
        "unchanged: The Security Council,",
        "PP1: Recalling its statement,",
        "1, edited: Decides to act within [-15-]{+7+} days;",
    ]


def test_every_text_of_a_long_comparison_is_escaped_in_its_place():
    # More texts than one escaping batch holds: each text still comes out escaped, in its
    # own paragraph.
    old = [ClauseInput("operative", str(n), f"Decides <{n}> & stays;") for n in range(1200)]
    new = [ClauseInput("operative", str(n), f"Decides <{n}> & goes;") for n in range(1200)]
    html = compare_clauses(old, new).to_html()
    assert html.count("&lt;") == 1200
    assert "<1" not in html
    for n in (0, 499, 500, 699, 700, 701, 1199):
        assert f'data-new="{n}"><span class="redline-label">{n}, edited</span> ' in html
        assert f'<p class="redline-text">Decides &lt;{n}&gt; &amp; <del>' in html


def test_a_batch_holding_the_separator_is_escaped_text_by_text():
    # The batches are joined with NUL, which a comparison's texts never hold (it prints
    # as nothing, and goes); were one to, its batch is escaped text by text.
    from timeline.diff.render import _escape_all

    texts = [f"<{n}>" for n in range(1200)]
    texts[700] = "<700>\0&"
    escaped = _escape_all(texts)
    assert escaped[700] == "&lt;700&gt;\0&amp;"
    assert escaped[:2] == ["&lt;0&gt;", "&lt;1&gt;"]
    assert escaped[-1] == "&lt;1199&gt;"
    assert len(escaped) == 1200
