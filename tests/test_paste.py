"""Pasted drafts: messy Word and PDF input is cleaned, then read into clauses."""

import re

import pytest

from timeline.diff import parse_text
from timeline.paste import (
    MAX_PASTE_CHARS,
    PastedClause,
    PasteError,
    clause_key,
    paste_parse,
)

# The Syria v3 preamble as leaked (timeline/data/syria-2011-2012.json): labels before the
# text, two spaces after some, whole paragraphs and their labels in square brackets.
SYRIA_V3_PREAMBLE = """The Security Council,

pp1  Recalling its presidential statement of 3 August 2011,

pp3 Noting the League of Arab States’ request in its decision of 22 January 2012,

[pp8 Expressing grave concern at the continued transfer of weapons into Syria which \
fuels the violence and calling on Member States to take necessary steps to prevent such \
flow of arms,]

pp9 Mindful that stability in Syria is key to peace and stability in the region,

[pp9bis  Noting the announced commitments by the Syrian authorities to reform, and \
regretting the lack of progress in implementation],

pp10 Reaffirming its strong commitment to the sovereignty, independence, unity and \
territorial integrity of Syria, and emphasizing [its intention to resolve the current \
political crisis in Syria peacefully without foreig
"""

# A page of a UN document copied from its PDF: wrapped lines, a page break with the job
# number, symbol and page number in the middle of a paragraph, a hyphenated word.
PDF_PAGE = """S/2012/77

12-22880 (E)    030212

*1222880*

The Security Council,

Expressing grave concern at the deterioration of the situation in Syria, and
profound concern at the death of thousands of people and calling for an immediate
end to all violence,

Welcoming the League of Arab States’ Action Plan of 2 November 2011 and its
subsequent decisions, including its decision of 22 January 2012, and supporting full

2/5

12-22880

implementation with the aim of a peaceful resolution of the crisis,

1. Condemns the continued widespread and gross violations of human rights and
fundamental freedoms by the Syrian authorities, and the deterio-
ration of the situation;

- 3 -

S/RES/2042 (2012)

2. Demands that the Syrian Government immediately put an end to all human rights
violations, in line with the six-
point plan;
"""


def texts(clauses: list[PastedClause]) -> list[str]:
    return [c.text for c in clauses]


def test_the_syria_v3_preamble_layout_gives_its_labels_and_keeps_its_brackets():
    clauses = paste_parse(SYRIA_V3_PREAMBLE)
    assert [c.number for c in clauses] == ["pp1", "pp3", "pp8", "pp9", "pp9bis", "pp10"]
    assert {c.section for c in clauses} == {"preambular"}
    assert clauses[1].text.endswith(
        "League of Arab States’ request in its decision of 22 January 2012,"
    )
    assert clauses[2].text.startswith("[Expressing grave concern")
    assert clauses[2].text.endswith("prevent such flow of arms,]")
    assert clauses[4].text == (
        "[Noting the announced commitments by the Syrian authorities to reform, and "
        "regretting the lack of progress in implementation],"
    )
    assert [c.bracketed for c in clauses] == [False, False, True, False, True, True]


def test_a_pdf_page_joins_its_wrapped_lines_and_drops_its_headers_and_footers():
    clauses = paste_parse(PDF_PAGE)
    assert texts(clauses) == [
        "Expressing grave concern at the deterioration of the situation in Syria, and "
        "profound concern at the death of thousands of people and calling for an immediate "
        "end to all violence,",
        "Welcoming the League of Arab States’ Action Plan of 2 November 2011 and its "
        "subsequent decisions, including its decision of 22 January 2012, and supporting "
        "full implementation with the aim of a peaceful resolution of the crisis,",
        "Condemns the continued widespread and gross violations of human rights and "
        "fundamental freedoms by the Syrian authorities, and the deterioration of the "
        "situation;",
        "Demands that the Syrian Government immediately put an end to all human rights "
        "violations, in line with the six-point plan;",
    ]
    assert [(c.section, c.number) for c in clauses] == [
        ("preambular", None),
        ("preambular", None),
        ("operative", "1"),
        ("operative", "2"),
    ]


@pytest.mark.parametrize(
    ("pasted", "cleaned"),
    [
        # Line breaks: Windows, old Mac, Word's line and paragraph separators, form feed.
        ("Noting,\r\n\r\nRecalling,", "Noting,\n\nRecalling,"),
        ("Noting,\r\rRecalling,", "Noting,\n\nRecalling,"),
        ("Noting the\u2028request,\u2029Recalling,", "Noting the\nrequest,\n\nRecalling,"),
        ("Noting the\x0crequest,", "Noting the\nrequest,"),
        # Odd spaces become plain spaces; lines are trimmed.
        (
            "Noting\u00a0the\u202frequest\u2009of\u3000the\tLeague,",
            "Noting the request of the League,",
        ),
        ("  Noting the request,  ", "Noting the request,"),
        # Soft hyphens and zero-width characters go.
        (
            "Noting the re\u00adquest\u200b of the\u2060 League\ufeff,",
            "Noting the request of the League,",
        ),
        ("Noting the\u200c request\u200d,", "Noting the request,"),
        # A stray left-to-right mark goes from a Latin text (the UN's own files hold some).
        ("Requests a review of \u200eUNISFA,", "Requests a review of UNISFA,"),
        # On a line of Arabic, a right-to-left mark places the number beside it: it stays.
        (
            "Requests a review of \u200eUNISFA,\n\n"
            "\u0625\u0630 \u200f2012 \u0645\u062c\u0644\u0633\u060c",
            "Requests a review of UNISFA,\n\n"
            "\u0625\u0630 \u200f2012 \u0645\u062c\u0644\u0633\u060c",
        ),
        # Letters copied decomposed ("e" and a combining acute) are composed, and a PDF's
        # ligatures are their letters.
        ("D\u00e9cide de la C\u00f4te,", "De\u0301cide de la Co\u0302te,"),
        ("Noting the \ufb01nancial \ufb02ows,", "Noting the financial flows,"),
        # Control characters print as nothing (a broken font copies some glyphs as them).
        ("Noting the\x02 re\x00quest\x1f,", "Noting the request,"),
        # A zero-width non-joiner between Arabic letters shapes them: it stays.
        ("\u0645\u200c\u0646", "\u0645\u200c\u0646"),
        # Page furniture alone on a line is dropped.
        ("Noting,\n\n12-23456\n\nRecalling,", "Noting,\n\nRecalling,"),
        ("Noting,\n\n12-23456 (E)\n\nRecalling,", "Noting,\n\nRecalling,"),
        ("Noting,\n\nS/2012/77\n\nRecalling,", "Noting,\n\nRecalling,"),
        ("Noting,\n\nS/RES/2042 (2012)\n\nRecalling,", "Noting,\n\nRecalling,"),
        ("Noting,\n\n2/5\n\nRecalling,", "Noting,\n\nRecalling,"),
        ("Noting,\n\n- 3 -\n\nRecalling,", "Noting,\n\nRecalling,"),
        ("Noting,\n\nPage 3 of 5\n\nRecalling,", "Noting,\n\nRecalling,"),
        # A page break inside a paragraph rejoins its halves.
        ("Noting the\n\n12-23456\n\nrequest,", "Noting the\nrequest,"),
        (
            "Noting the League,\n\nS/2012/77\n\nand its request,",
            "Noting the League,\nand its request,",
        ),
        # A symbol or number inside a sentence is text, not furniture.
        ("Recalling S/2012/77 and 2/5 of it,", "Recalling S/2012/77 and 2/5 of it,"),
        # A bracketed label goes before the bracket; the brackets stay.
        ("[pp8 Expressing concern,]", "pp8 [Expressing concern,]"),
        ("[OP 3 bis Demands,]", "OP 3 bis [Demands,]"),
        # A hyphenated line end: joined whole only when the text spells the word whole.
        ("the deterio-\nration, the deterioration", "the deterioration, the deterioration"),
        ("a six-\npoint plan", "a six-point plan"),
        ("a six-\npoint plan and a six-point plan", "a six-point plan and a six-point plan"),
        ("the so-\ncalled", "the so-called"),
        # One line per paragraph and no blank line: each closing line ends a paragraph.
        (
            "Recalling it,\nNoting the\nrequest,\n[Mindful it,]",
            "Recalling it,\n\nNoting the\nrequest,\n\n[Mindful it,]",
        ),
        ("1.\nDemands it;", "1.\nDemands it;"),
        # Curly quotes, dashes and brackets are the draft's words: kept exactly.
        (
            "Noting the “request” – [and ‘welcoming’ it],",
            "Noting the “request” – [and ‘welcoming’ it],",
        ),
    ],
)
def test_each_cleaning_rule(pasted, cleaned):
    """The messy text reads as the clean one does (one pipeline: `timeline.diff`)."""

    def read(text):
        return [(b.kind, b.section, b.number, b.text) for b in parse_text(text)]

    assert read(pasted) == read(cleaned)


def test_word_paste_without_blank_lines_gives_one_clause_per_paragraph():
    pasted = (
        "The Security Council,\n"
        "Recalling its presidential statement of 3 August 2011,\n"
        "Noting the “request” of the League of Arab States,\n"
        "1. Demands [that] the Syrian Government immediately put an end to all violence;\n"
        "(a) first, withdraw;\n"
        "(b) second, release detainees;\n"
        "2. Decides to remain seized of the matter."
    )
    clauses = paste_parse(pasted)
    assert [(c.section, c.number, c.parent) for c in clauses] == [
        ("preambular", None, None),
        ("preambular", None, None),
        ("operative", "1", None),
        ("operative", "(a)", 2),
        ("operative", "(b)", 2),
        ("operative", "2", None),
    ]
    assert clauses[1].text == "Noting the “request” of the League of Arab States,"
    assert clauses[2].bracketed


@pytest.mark.parametrize(
    ("pasted", "message"),
    [
        ("", "empty"),
        ("  \n\u00a0\n\u200b ", "empty"),
        ("12-23456\n\nS/2012/77\n\n2/5", "empty"),
        ("The Security Council,", "No paragraph found"),
        ("1.\n\n2. Demands it;", "label but no text"),
    ],
)
def test_unparseable_text_is_refused_with_a_message(pasted, message):
    with pytest.raises(PasteError, match=message):
        paste_parse(pasted)


def test_text_over_the_size_limit_is_refused():
    with pytest.raises(PasteError, match="the limit is 200,000"):
        paste_parse("Recalling it,\n\n" * (MAX_PASTE_CHARS // 10))
    assert paste_parse("Recalling it," + " " * (MAX_PASTE_CHARS - 13))


@pytest.mark.parametrize(
    ("clause", "taken", "key"),
    [
        (
            PastedClause("operative", "1", "Demands an end to all violence;"),
            [],
            "op-demands-end-violence",
        ),
        (
            PastedClause(
                "preambular", None, "Recalling its presidential statement of 3 August 2011,"
            ),
            [],
            "pp-recalling-presidential-statement-3",
        ),
        (
            PastedClause("operative", "1", "Demands an end to all violence;"),
            ["op-demands-end-violence"],
            "op-demands-end-violence-2",
        ),
        (
            PastedClause("operative", "1", "Demands an end to all violence;"),
            ["op-demands-end-violence", "op-demands-end-violence-2"],
            "op-demands-end-violence-3",
        ),
    ],
)
def test_a_new_clause_key_comes_from_its_opening_words_and_is_not_taken(clause, taken, key):
    assert clause_key(clause, taken) == key


# An Arabic text copied in the order it is printed: each lam-alef ligature's letters come
# out reversed (as pdftotext gives LibreOffice's PDFs of the UN's Arabic texts).


def _as_printed(text: str) -> str:
    return re.sub("ل([اأإآ])", lambda m: m[1] + "ل", text)


def test_an_arabic_text_copied_in_printed_order_is_refused_with_a_message():
    from tests.pdf_like import SHIPPED, clean_reference, render_clean

    (path,) = SHIPPED.rglob("S_RES_2585 (2021)-2109587A.xml")
    official = render_clean(clean_reference(path))
    assert paste_parse(official)
    with pytest.raises(PasteError, match="order it is printed") as refusal:
        paste_parse(_as_printed(official))
    assert "another PDF viewer" in str(refusal.value)


def test_a_short_arabic_paste_is_never_taken_for_one_copied_in_printed_order():
    # Too little text to tell: a paste of one paragraph is read as it comes.
    (clause,) = paste_parse(_as_printed("1 - يقرر ألا يقبل الطلب وأن يبقي المسألة قيد نظره."))
    assert clause.number == "1"


def test_manage_py_parse_refuses_the_same_arabic_text(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from tests.pdf_like import SHIPPED, clean_reference, render_clean

    (path,) = SHIPPED.rglob("S_RES_2585 (2021)-2109587A.xml")
    copy = tmp_path / "copy.txt"
    copy.write_text(_as_printed(render_clean(clean_reference(path))), encoding="utf-8")
    with pytest.raises(CommandError, match="order it is printed"):
        call_command("parse", str(copy))


def test_manage_py_compare_refuses_it_too(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from tests.pdf_like import SHIPPED, clean_reference, render_clean

    (path,) = SHIPPED.rglob("S_RES_2585 (2021)-2109587A.xml")
    official = render_clean(clean_reference(path))
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(official, encoding="utf-8")
    new.write_text(_as_printed(official), encoding="utf-8")
    with pytest.raises(CommandError, match=r"new\.txt: This Arabic text was copied"):
        call_command("compare", str(old), str(new))
