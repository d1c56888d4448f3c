"""The UN-layout parser: labels, headings, sections, sub-paragraphs, messy input."""

import pytest

from timeline.diff import Kind, Section, parse_text


@pytest.mark.parametrize(
    ("paragraph", "number", "section"),
    [
        ("PP1. Recalling its resolutions,", "PP1", Section.PREAMBULAR),
        ("PP1- Recalling its resolutions,", "PP1", Section.PREAMBULAR),
        ("PP1 Recalling its resolutions,", "PP1", Section.PREAMBULAR),
        ("pp9bis Recalling its resolutions,", "pp9bis", Section.PREAMBULAR),
        ("PP 12. Recalling its resolutions,", "PP 12", Section.PREAMBULAR),
        ("OP 3 bis Recalling its resolutions,", "OP 3 bis", Section.OPERATIVE),
        ("OP3. Decides to remain seized of the matter;", "OP3", Section.OPERATIVE),
        ("1. Decides to remain seized of the matter;", "1", Section.OPERATIVE),
        ("12. Decides to remain seized of the matter;", "12", Section.OPERATIVE),
        ("4 bis. Decides to remain seized of the matter;", "4 bis", Section.OPERATIVE),
        ("Recalling its resolutions,", None, Section.PREAMBULAR),
    ],
)
def test_a_leading_label_is_the_number_not_the_text(paragraph, number, section):
    (block,) = parse_text(paragraph)
    assert block.number == number
    assert block.section is section
    assert block.kind is Kind.CLAUSE
    assert block.text.split()[0] in {"Recalling", "Decides"}


@pytest.mark.parametrize("label", ["(a)", "a)", "(b)", "(ii)"])
def test_a_sub_paragraph_label_is_its_number(label):
    blocks = parse_text(f"1. Decides that:\n\n{label} all parties shall cease fire;")
    assert blocks[1].number == label
    assert blocks[1].text == "all parties shall cease fire;"
    assert blocks[1].parent == 0


@pytest.mark.parametrize(
    ("opening", "section"),
    [
        ("Recalling", Section.PREAMBULAR),
        ("Reaffirming", Section.PREAMBULAR),
        ("Expressing grave concern", Section.PREAMBULAR),
        ("Noting", Section.PREAMBULAR),
        ("Welcoming", Section.PREAMBULAR),
        ("Further recalling", Section.PREAMBULAR),
        ("Deeply concerned", Section.PREAMBULAR),
        ("Mindful", Section.PREAMBULAR),
        ("Bearing in mind", Section.PREAMBULAR),
        ("Having considered", Section.PREAMBULAR),
        ("Acting under Chapter VII of the Charter", Section.PREAMBULAR),
        ("Decides", Section.OPERATIVE),
        ("Demands", Section.OPERATIVE),
        ("Calls upon", Section.OPERATIVE),
        ("Requests", Section.OPERATIVE),
        ("Strongly condemns", Section.OPERATIVE),
        ("Also requests", Section.OPERATIVE),
    ],
)
def test_the_opening_word_of_an_unlabelled_paragraph_gives_its_section(opening, section):
    (block,) = parse_text(f"{opening} the parties to respect the ceasefire,")
    assert block.section is section


def test_a_label_outweighs_the_opening_word():
    blocks = parse_text("PP3 Decides nothing,\n\nOP2 Recalling everything;")
    assert [b.section for b in blocks] == [Section.PREAMBULAR, Section.OPERATIVE]


def test_an_unclear_paragraph_continues_the_section_before_it():
    text = (
        "Recalling its resolutions,\n\nthe League of Arab States\n\n1. Decides to act;\n\nthe Envoy"
    )
    assert [b.section for b in parse_text(text)] == [
        Section.PREAMBULAR,
        Section.PREAMBULAR,
        Section.OPERATIVE,
        Section.OPERATIVE,
    ]


@pytest.mark.parametrize(
    "line", ["The Security Council,", "The General Assembly,", "Annex", "Resolution 2042 (2012)"]
)
def test_heading_lines_are_heading_blocks(line):
    (block,) = parse_text(line)
    assert block.kind is Kind.HEADING
    assert block.section is None
    assert block.number is None


def test_a_paragraph_own_line_breaks_are_joined():
    blocks = parse_text("PP1. Recalling its presidential\nstatement of\n   3 August 2011,\n")
    assert [b.text for b in blocks] == ["Recalling its presidential statement of 3 August 2011,"]


def test_sub_paragraphs_in_their_own_blocks_belong_to_the_paragraph_above():
    text = "The Security Council,\n\n1. Decides that:\n\n(a) first;\n\n(b) second;\n\n2. Requests;"
    blocks = parse_text(text)
    assert [(b.number, b.parent, b.section) for b in blocks] == [
        (None, None, None),
        ("1", None, Section.OPERATIVE),
        ("(a)", 1, Section.OPERATIVE),
        ("(b)", 1, Section.OPERATIVE),
        ("2", None, Section.OPERATIVE),
    ]


def test_sub_paragraphs_inside_the_paragraph_block_are_split_off():
    blocks = parse_text(
        "3. Calls upon the government to:\n(a) cease fire;\n(b) withdraw; and\nc) talk."
    )
    assert [(b.number, b.text, b.parent) for b in blocks] == [
        ("3", "Calls upon the government to:", None),
        ("(a)", "cease fire;", 0),
        ("(b)", "withdraw; and", 0),
        ("c)", "talk.", 0),
    ]


def test_inline_item_letters_in_a_wrapped_paragraph_stay_in_its_text():
    text = (
        "Noting its commitments to\n(a) cease troop movements towards population centres,\n"
        "(b) cease all use of heavy weapons,"
    )
    (block,) = parse_text(text)
    assert block.text.startswith("Noting its commitments to (a) cease")
    assert block.number is None


def test_paragraphs_pasted_without_blank_lines_still_split_at_labels():
    blocks = parse_text("The Security Council,\nPP1. Recalling A,\nPP2. Noting B,\n1. Decides C;")
    assert [b.number for b in blocks] == [None, "PP1", "PP2", "1"]


def test_messy_whitespace_is_normalised_and_quotes_kept():
    text = (
        "\ufeffPP1.\u00a0Noting  the Envoy\u2019s\t assessment,  \r\n\r\n \r\n2.\u00a0Decides; \r\n"
    )
    blocks = parse_text(text)
    assert [(b.number, b.text) for b in blocks] == [
        ("PP1", "Noting the Envoy\u2019s assessment,"),
        ("2", "Decides;"),
    ]


def test_empty_text_has_no_blocks():
    assert parse_text("") == []
    assert parse_text(" \n\n \r\n") == []


def test_indexes_are_positions():
    blocks = parse_text("The Security Council,\n\nRecalling A,\n\nNoting B,")
    assert [b.index for b in blocks] == [0, 1, 2]
