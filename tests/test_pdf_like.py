"""The PDF-like fixtures (tests/pdf_like.py): the reference is the official text's
clauses, the clean text reads back into them, and a copy of the PDF carries every
artefact of one, loses no word and adds none but the page's furniture."""

import datetime
import itertools
import re
import unicodedata
from pathlib import Path

import pytest

from tests.pdf_like import (
    FOOTNOTE_RULE,
    SAMPLE,
    SHARED,
    SHIPPED,
    Reference,
    clean_reference,
    has_usual_labels,
    render_clean,
    render_pdf_copy,
)
from timeline.diff import Kind, parse_text

DRAFT = SHIPPED / "Not adopted/English/S_2023_506-2313545E.xml"
RESOLUTION = SHIPPED / "Pre-2020/2015/S_RES_2254_1522539E.xml"
SEEDS = range(8)

# A short draft with what the shipped sample lacks: sub-paragraphs and a subheading.
SANCTIONS = Reference(
    path=Path("sanctions.xml"),
    kind="draftResolution",
    symbol="S/2012/77",
    date=datetime.date(2012, 2, 4),
    title="Morocco: draft resolution",
    adopted=None,
    job_number="12-23456",
    clauses=[
        {
            "section": "preambular",
            "number": None,
            "text": "Expressing grave concern at the humanitarian consequences of the attacks "
            "by ISIL, Al-Qaida and associated groups, and at the deterioration of the "
            "situation,",
            "parent": None,
        },
        {
            "section": "preambular",
            "number": None,
            "text": "Acting under Chapter VII of the Charter of the United Nations,",
            "parent": None,
        },
        {
            "section": "operative",
            "number": "1",
            "text": "Requests the Secretary-General to report to the Council within 30 days "
            "on the implementation of this resolution, including on:",
            "parent": None,
        },
        {
            "section": "operative",
            "number": "(a)",
            "text": "the humanitarian situation and the delivery of humanitarian assistance;",
            "parent": 2,
        },
        {
            "section": "operative",
            "number": "(b)",
            "text": "the follow-up given to the recommendations of the Panel of Experts;",
            "parent": 2,
        },
        {
            "section": "operative",
            "number": "2",
            "text": "Decides that the measures imposed by paragraph 1 shall apply to "
            "individuals and entities engaging in or providing support for acts that "
            "threaten the peace, security or stability of the country;",
            "parent": None,
        },
        {
            "section": "operative",
            "number": "3",
            "text": "Decides to remain seized of the matter.",
            "parent": None,
        },
    ],
    headings=((5, "Designation Criteria"),),
)


def parsed(text: str) -> list[dict]:
    """The engine's clauses of ``text`` as the reference writes them, headings apart."""
    blocks = [b for b in parse_text(text) if b.kind is Kind.CLAUSE]
    position = {block.index: i for i, block in enumerate(blocks)}
    return [
        {
            "section": str(b.section),
            "number": b.number,
            "text": b.text,
            "parent": position.get(b.parent) if b.parent is not None else None,
        }
        for b in blocks
    ]


def copies(ref: Reference, *, blank_lines: bool = True) -> list[str]:
    return [render_pdf_copy(ref, blank_lines=blank_lines, seed=seed) for seed in SEEDS]


# The reference


def test_the_reference_is_the_official_texts_clauses_without_its_headings():
    ref = clean_reference(DRAFT)
    assert (ref.kind, ref.symbol, ref.date) == (
        "draftResolution",
        "S/2023/506",
        datetime.date(2023, 7, 11),
    )
    assert ref.title == "Brazil and Switzerland: draft resolution"
    assert ref.adopted is None
    assert ref.job_number == "23-13545"
    assert len(ref.clauses) == 19
    assert ref.clauses[0]["text"].startswith("Recalling its resolutions 2042 (2012),")
    first = ref.clauses[10]
    assert (first["section"], first["number"], first["parent"]) == ("operative", "1", None)
    assert first["text"].startswith("Demands the full and immediate implementation")
    assert ref.headings == ()


def test_a_resolution_is_titled_with_its_number_and_its_meeting():
    ref = clean_reference(RESOLUTION)
    assert ref.title == "Resolution 2254 (2015)"
    assert (
        ref.adopted == "Adopted by the Security Council at its 7588th meeting, on 18 December 2015"
    )


def test_reference_texts_are_what_a_reader_sees():
    texts = " ".join(c["text"] for c in clean_reference(RESOLUTION).clauses)
    assert "Secretary-General" in texts
    assert not re.search("[\u00ad\u200b\u2011\u00a0]", texts)


def test_the_sample_is_english_texts_without_annexes_and_with_the_usual_labels():
    assert len(SAMPLE) == len(set(SAMPLE))
    assert len(SAMPLE) >= (60 if SHARED.is_dir() else 20)
    for path in SAMPLE:
        assert has_usual_labels(clean_reference(path)), path


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="the UN's whole repository is not beside the checkout"
)
def test_the_whole_sample_has_long_preambles_and_sub_paragraphs():
    refs = [clean_reference(path) for path in SAMPLE]
    preambles = [sum(c["section"] == "preambular" for c in ref.clauses) for ref in refs]
    assert sum(count >= 30 for count in preambles) >= 10
    assert sum(any(c["parent"] is not None for c in ref.clauses) for ref in refs) >= 15
    assert sum(bool(ref.headings) for ref in refs) >= 8


# The clean text


@pytest.mark.parametrize("path", [DRAFT, RESOLUTION], ids=lambda path: path.name)
def test_the_clean_text_parses_back_into_the_reference(path):
    ref = clean_reference(path)
    assert parsed(render_clean(ref)) == ref.clauses


def test_the_clean_text_reads_as_a_un_document():
    text = render_clean(SANCTIONS)
    assert text.startswith("The Security Council,\n\nExpressing grave concern")
    assert "\n\n1. Requests the Secretary-General" in text
    assert "\n\n(a) the humanitarian situation" in text
    assert "\n\nDesignation Criteria\n\n2. Decides that" in text
    assert parsed(text) == SANCTIONS.clauses


# The copy of the PDF


def test_a_copy_opens_with_the_un_heading_block_then_the_job_number_and_sponsors():
    for text in copies(SANCTIONS, blank_lines=False):
        assert text.startswith(
            "United Nations\nS/2012/77\nSecurity Council\nDistr.: General\n4 February 2012\n"
            "Original: English\n"
        )
        assert re.search(r"^12-23456 \(E\) {4}\d{6}", text, re.MULTILINE)
        assert "\n*1223456*\nPlease recycle\n" in text
        assert "\nMorocco: draft resolution\n" in text


@pytest.mark.parametrize(
    ("language", "heading_block", "title", "council", "letter"),
    [
        (
            "French",
            "Nations Unies\nS/RES/2672 (2023)\nConseil de sécurité\nDistr. générale\n"
            "9 janvier 2023\n",
            "Résolution 2672 (2023)\nAdoptée par le Conseil de sécurité à sa 9237e séance,",
            "Le Conseil de sécurité,",
            "F",
        ),
        (
            "Chinese",
            "联合国\nS/RES/2672 (2023)\n安全理事会\nDistr.: General\n9 January 2023\n",
            "第2672(2023)号决议\n2023年1月9日 9237次会议通过",
            "安全理事会，",
            "C",
        ),
    ],
)
def test_a_copy_in_another_language_has_its_own_furniture(
    language, heading_block, title, council, letter
):
    """Read from the file's cover page and formula, as its PDF prints them."""
    path = next(p for p in SHIPPED.rglob("S_RES_2672_*.xml") if p.parent.name == language)
    text = render_pdf_copy(clean_reference(path), blank_lines=False, seed=0)
    assert text.startswith(heading_block)
    assert title in text
    assert re.search(rf"^ *{council}$", text, re.MULTILINE)
    assert re.search(rf"^\d{{2}}-\d{{5}} \({letter}\) {{4}}\d{{6}}", text, re.MULTILINE)
    assert "The Security Council" not in text


def test_a_resolutions_copy_has_its_title_and_adoption_line():
    text = render_pdf_copy(clean_reference(RESOLUTION), blank_lines=False, seed=0)
    assert "\nDistr.: General\n18 December 2015\n" in text
    assert "Original: English" not in text
    assert "\nResolution 2254 (2015)\nAdopted by the Security Council at its 7588th" in text


def test_later_pages_have_the_running_header_and_the_un_footers():
    ref = clean_reference(DRAFT)
    texts = copies(ref)
    for text in texts:
        # The heading block's symbol, then each later page's running header.
        pages = len(re.findall(r"^\f?S/2023/506$", text, re.MULTILINE))
        assert pages >= 3
        assert re.search(rf"^23-13545 +3/{pages}$", text, re.MULTILINE)
        assert re.search(rf"^2(?:/{pages})? 23-13545$", text, re.MULTILINE)
    assert any("\f" in text for text in texts)
    assert any("\f" not in text for text in texts)


def test_words_are_hyphenated_at_line_ends():
    refs = [SANCTIONS, clean_reference(DRAFT), clean_reference(RESOLUTION)]
    lines = [line.strip() for ref in refs for text in copies(ref) for line in text.split("\n")]
    pairs = list(itertools.pairwise(lines))
    assert any(re.search(r"[a-z][-\u00ad]$", a) and b[:1].islower() for a, b in pairs)
    assert any(a.endswith("Secretary-") and b.startswith("General") for a, b in pairs)


def test_footnotes_have_a_marker_in_the_text_and_the_note_under_a_rule():
    for text in copies(clean_reference(RESOLUTION)):
        lines = text.split("\n")
        rule = lines.index(FOOTNOTE_RULE)
        assert re.match(r"1 \S", lines[rule + 1])
        assert re.search(r"[a-z,;:.)’”](?:1|¹)(?: |$)", text, re.MULTILINE)


def test_copies_carry_the_characters_word_and_pdf_producers_add():
    text = "".join(copies(clean_reference(RESOLUTION)))
    for char in ("\u00a0", "\u00ad", "\u200b", "\u2011", "\t"):
        assert char in text, repr(char)
    # Some copies spell "fi" as its ligature, some an accented letter decomposed.
    assert "\ufb01" in text
    assert any(unicodedata.combining(char) for char in text)


def test_a_copy_is_the_same_for_the_same_seed_and_another_for_another():
    ref = clean_reference(DRAFT)
    one = render_pdf_copy(ref, blank_lines=True, seed=7)
    assert render_pdf_copy(ref, blank_lines=True, seed=7) == one
    assert render_pdf_copy(ref, blank_lines=True, seed=8) != one


def test_without_blank_lines_no_line_is_blank():
    for text in copies(clean_reference(DRAFT), blank_lines=False):
        # A form feed is no line break: it opens the next page's first line.
        assert all(line.strip() for line in text.split("\n")[:-1])


def test_with_blank_lines_paragraphs_are_apart():
    for text in copies(clean_reference(DRAFT)):
        assert "\n\n1." in text or re.search(r"\n\n +1\.", text)


@pytest.mark.parametrize("blank_lines", [True, False])
@pytest.mark.parametrize("ref", [SANCTIONS, clean_reference(RESOLUTION)], ids=["sanctions", "2254"])
def test_a_copy_loses_no_letter_of_the_text_and_adds_only_furniture_and_notes(ref, blank_lines):
    for seed in SEEDS:
        copy = render_pdf_copy(ref, blank_lines=blank_lines, seed=seed)
        assert _letters(_body(copy, ref)) == _letters(render_clean(ref)), seed


def _body(copy: str, ref: Reference) -> str:
    """The copy from "The Security Council," on, without the page furniture and the
    footnotes (from their rule to the page's footer or the next page's header)."""
    lines = copy.replace("\f", "").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "The Security Council,")
    kept = []
    in_notes = False
    for line in lines[start:]:
        furniture = (
            line == ref.symbol
            or ref.job_number in line
            or line == f"*{ref.job_number.replace('-', '')}*"
            or line == "Please recycle"
        )
        if line == FOOTNOTE_RULE:
            in_notes = True
        elif furniture:
            in_notes = False
        elif not in_notes:
            kept.append(line)
    return "\n".join(kept)


def _letters(text: str) -> str:
    """The letters as a reader sees them: a ligature's letters, an accented letter whole
    (the copy's font may spell either way)."""
    return "".join(char for char in unicodedata.normalize("NFKC", text) if char.isalpha())


@pytest.mark.parametrize(
    ("language", "glyphs"),
    [("Arabic", "[\ufe70-\ufefc]"), ("Chinese", "[\u2f00-\u2fd5]")],
)
def test_some_arabic_and_chinese_copies_spell_letters_with_their_fonts_glyphs(language, glyphs):
    """Presentation forms ("ﺍﻟﻤﺘﺤﺪﺓ"), Kangxi radicals ("⼈"): in about half the copies,
    and the paste reads them as the letters they draw."""
    path = next(p for p in SHIPPED.rglob("S_RES_2672_*.xml") if p.parent.name == language)
    ref = clean_reference(path)
    copies = [render_pdf_copy(ref, blank_lines=True, seed=seed) for seed in range(8)]
    with_glyphs = [text for text in copies if re.search(glyphs, text)]
    assert 0 < len(with_glyphs) < len(copies)
    for text in with_glyphs:
        clauses = [b for b in parse_text(text) if b.kind is Kind.CLAUSE]
        assert [b.text for b in clauses] == [c["text"] for c in ref.clauses]
