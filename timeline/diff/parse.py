"""Read a resolution's text as laid out in UN documents into blocks.

The layout (DESIGN §6, issue 3 point 2): paragraphs separated by blank lines, a
paragraph's own line breaks joined; an optional leading label (``PP1.``, ``PP1-``,
``pp9bis``, ``OP 3 bis``, ``12.``, ``(a)``, ``a)``) that becomes the block's number;
heading lines such as ``The Security Council,``; preambular paragraphs opening with a
participle, operative ones with a finite verb; lettered sub-paragraphs under the operative
paragraph above them.
"""

from __future__ import annotations

import re

from timeline.diff.result import Block, Kind, Section

# Every blank-looking character pasted from word processors and PDFs becomes a plain
# space, so that labels and blank lines are recognised whatever the source.
_SPACES = str.maketrans(
    dict.fromkeys("\t\v\f\x85\u00a0\u2007\u2009\u200a\u2028\u2029\u202f\u3000", " ")
)
_BLANK_LINE = re.compile(r"\n[ ]*\n")

_MAIN_LABEL = re.compile(
    r"""
    (?:
        (?P<marked>(?:pp|op)[ ]*\d+(?:[ ]*(?:bis|ter|quater))?)   # PP1  pp9bis  OP 3 bis
        (?:[ ]*[.\-\u2013\u2014:)][ ]*|[ ]+|$)
    |
        (?P<bare>\d+(?:[ ]*(?:bis|ter|quater))?)[.)](?:[ ]+|$)    # 1.  12.  3 bis.  4)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SUB_LABEL = re.compile(r"(?P<sub>\([a-z]{1,2}\)|\([ivxl]+\)|[a-z]\))(?:[ ]+|$)", re.IGNORECASE)
_HEADING = re.compile(
    r"(?:the[ ]+)?(?:security[ ]+council|general[ ]+assembly)[ ]*[,:]?"
    r"|annex(?:[ ]+[\w.]+)?"
    r"|resolution[ ]+\d+[ ]*\(\d{4}\)",
    re.IGNORECASE,
)
_FIRST_WORDS = re.compile(r"[A-Za-z]+")

# Words that may precede the participle or verb that decides the section ("Further
# recalling", "Strongly condemns", "Also requests").
_QUALIFIERS = frozenset({"further", "also", "again", "once", "more", "and"})
# Preambular openings that are neither -ing nor -ed forms.
_PREAMBULAR_WORDS = frozenset(
    {"mindful", "aware", "conscious", "cognizant", "cognisant", "desirous", "keen"}
)
# A line ending like this closes a paragraph; only then may a labelled line start a new
# block inside a blank-line-separated paragraph (input pasted with single line breaks).
# Preambular paragraphs end with a comma, but so do the inline items "(a) ..., (b) ..."
# of a wrapped paragraph, so a comma ends a paragraph only before a paragraph label.
_PARAGRAPH_END = re.compile(r"[,;:.]$")
_ITEM_END = re.compile(r"(?:[;:.]|;[ ]+(?:and|or))$")


def parse_text(text: str) -> list[Block]:
    """Split a UN-layout text into blocks, in document order.

    Guarantees:
    - ``block.index`` is the block's position in the returned list; for text whose
      paragraphs are separated by blank lines that is the position of the paragraph.
      A paragraph also splits after a heading line, before a line starting with a
      paragraph label when the line above ends with ``,`` ``;`` ``:`` or ``.``, and before
      a line starting with a sub-paragraph label when the line above ends with ``;``
      ``:`` ``.`` or ``; and``/``; or``: sub-paragraphs written on their own lines, and
      text pasted without blank lines, still give one block per paragraph.
    - ``block.text`` has no label, and each run of whitespace (line breaks, tabs,
      non-breaking spaces) is one space; every other character is kept as-is.
    - headings have ``section`` ``None``; a ``PP`` label makes a paragraph preambular,
      an ``OP`` or bare number label operative; otherwise the opening word decides
      (participles and ``Mindful``-like adjectives preambular, finite verbs operative);
      a paragraph that shows neither continues the section of the paragraph before it.
    - a sub-paragraph ``(a)``/``a)`` has ``parent`` set to the nearest paragraph above
      it that is not itself a sub-paragraph, and takes that paragraph's section.
    """
    blocks: list[Block] = []
    parent: Block | None = None
    section = Section.PREAMBULAR
    for number, body, is_sub in _paragraphs(text):
        if number is None and not is_sub and _HEADING.fullmatch(body):
            blocks.append(Block(len(blocks), Kind.HEADING, None, None, body))
            continue
        if is_sub:
            sub_parent = parent.index if parent else None
            block_section = parent.section if parent and parent.section else Section.OPERATIVE
        else:
            sub_parent = None
            block_section = _section(number, body) or section
        block = Block(len(blocks), Kind.CLAUSE, block_section, number, body, sub_parent)
        blocks.append(block)
        section = block_section
        if not is_sub:
            parent = block
    return blocks


def _paragraphs(text: str) -> list[tuple[str | None, str, bool]]:
    """(number, text, is sub-paragraph) for each paragraph, labels stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.translate(_SPACES)
    paragraphs: list[tuple[str | None, str, bool]] = []
    for chunk in _BLANK_LINE.split(text):
        lines: list[str] = []
        for line in chunk.split("\n"):
            line = line.strip()
            if not line:
                continue
            if lines and _starts_paragraph(lines[-1], line):
                paragraphs.append(_label(" ".join(lines)))
                lines = []
            lines.append(line)
        if lines:
            paragraphs.append(_label(" ".join(lines)))
    return paragraphs


def _starts_paragraph(previous: str, line: str) -> bool:
    """Whether ``line`` opens a new paragraph rather than continuing ``previous``."""
    if _HEADING.fullmatch(previous):
        return True
    if _MAIN_LABEL.match(line):
        return bool(_PARAGRAPH_END.search(previous))
    return bool(_SUB_LABEL.match(line) and _ITEM_END.search(previous))


def _label(text: str) -> tuple[str | None, str, bool]:
    if "  " in text:
        text = " ".join(text.split())
    match = _MAIN_LABEL.match(text)
    if match:
        label = match.group("marked") or match.group("bare")
        return label, text[match.end() :], False
    match = _SUB_LABEL.match(text)
    if match:
        return match.group("sub"), text[match.end() :], True
    return None, text, False


def _section(number: str | None, text: str) -> Section | None:
    """The section a label or opening word shows, or ``None`` if neither shows one."""
    if number is not None:
        return Section.PREAMBULAR if number[:2].lower() == "pp" else Section.OPERATIVE
    words = _FIRST_WORDS.findall(text[:80])
    if not words or not words[0][0].isupper():
        # A lower-case opening is a quotation cut from inside a paragraph.
        return None
    for word in words:
        lower = word.lower()
        if lower in _QUALIFIERS or lower.endswith("ly"):
            continue
        if lower.endswith(("ing", "ed")) or lower in _PREAMBULAR_WORDS:
            return Section.PREAMBULAR
        if lower.endswith("s"):
            return Section.OPERATIVE
        return None
    return None
