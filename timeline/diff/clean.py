"""The first step of the text pipeline: a UN text as pasted or copied from a PDF or Word,
made into the lines of its body.

`clean_lines(text)` undoes what copying adds and keeps every word of the draft:

- Unicode: letters are composed (NFC: "e" and a combining acute, as some PDF copies give
  them, are the "é" of the official text), and the glyphs a PDF's font drew for letters
  are those letters: ligatures ("ﬁ"), Arabic presentation forms ("ﺍﻟﻤﺘﺤﺪﺓ" is "المتحدة")
  and the radicals some Chinese fonts draw for ideographs ("⼈" is "人");
  every line break (CR LF, CR, Word's line and paragraph separators, the PDF's
  form feed between pages) is one; spaces of every width and tabs are plain spaces;
  characters that print as nothing (soft hyphens, zero-width spaces, the byte-order mark,
  control characters) go, and a non-breaking hyphen is a hyphen. Zero-width joiners
  between Arabic letters shape the script and stay; so do the marks of writing direction
  (LRM, RLM, ALM) on a line that holds right-to-left letters, where they can move a
  neighbouring comma or number, while on any other line they change nothing a reader
  sees and go. Curly quotes, dashes and [square brackets] are kept.
- The page's furniture: the document's heading block (United Nations / S/2012/77 /
  Security Council / Distr.: General / the date / Original: English, the sponsors'
  "…: draft resolution" line, "Adopted by the Security Council at its …th meeting"), job
  numbers and their barcode, running headers (the symbol) and footers (`12-23456 3/5`,
  `2 12-23456`, "Please recycle"), and footnotes: the rule, the notes under it, and their
  markers in the text.

What is left is a list of lines, each the text of one printed line, or `BLANK` (a blank
line the author typed, a signal of a paragraph break) or `PAGE` (where a page broke,
which says nothing about paragraphs). `timeline.diff.parse` decides the paragraphs.
Time is linear in the text's length.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

BLANK = "\n"  # a blank line in the text
PAGE = "\x0c"  # a page broke here (and its header, footer or footnotes were dropped)

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u0085]")
_PARAGRAPH_SEPARATOR = "\u2029"
_ODD_SPACES = re.compile("[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Characters that print as nothing: these always go; the joiners (ZWNJ, ZWJ) only where
# they join nothing, i.e. not between two Arabic letters. Among them, the embeddings,
# overrides and isolates of writing direction: a PDF's copy (``pdftotext``, some viewers)
# wraps each run of Arabic, and each number in it, in a pair of them; the page orders a
# clause's text itself, and an override kept in a clause would reorder what follows it.
_BIDI_CONTROLS = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e")
_BIDI_CONTROLS += ("\u2066", "\u2067", "\u2068", "\u2069")
_INVISIBLE_CHARS = ("\u200b", "\u2060", "\ufeff", *_BIDI_CONTROLS)
_JOINERS = ("\u200c", "\u200d")
_IDLE_JOINERS = re.compile(
    "[\u200c\u200d](?:(?<![\u0600-\u06ff][\u200c\u200d])|(?![\u0600-\u06ff]))"
)
_SOFT_HYPHEN = "\u00ad"
# Control characters other than whitespace and line breaks: a font with a broken encoding
# copies some glyphs as these; they print as nothing.
_CONTROL_CHARS = frozenset(
    map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)])
)
_CONTROLS = re.compile("[" + "".join(sorted(_CONTROL_CHARS)) + "]")
# The marks of writing direction (left-to-right, right-to-left, Arabic letter mark): they
# print as nothing, and only order what stands around them among right-to-left letters
# (in the same paragraph, which a line is part of).
# The UN's own English texts hold stray ones ("a strategic review of \u200eUNISFA").
_DIRECTION_MARKS = ("\u200e", "\u200f", "\u061c")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

# Lines that are a page's furniture wherever they are.
_FURNITURE = re.compile(
    r"""
    \d{2}-\d{5}[A-Z]?(?:[ ]*\([A-Z]\))?(?:[ ]+\d{6})*(?:[ ]+\d{1,3}/\d{1,3})?
    | \d{1,3}/\d{1,3}[ ]+\d{2}-\d{5}[A-Z]?(?:[ ]*\([A-Z]\))?   # 2/8 09-66548
                                                # job number: 12-23456 (E) 030212, 12-23456 3/5
    | \d{1,3}[ ]+\d{2}-\d{5}[A-Z]?(?:[ ]*\([A-Z]\))?   # 2 12-23456
    | \*\d{7}\*                                 # the job number's barcode: *1223456*
    | S/(?:RES/)?\d+(?:/\d+)?(?:/Rev\.\d+)?(?:[ ]*\(\d{4}\))?   # S/2012/77, S/RES/2042 (2012)
    | \d{1,3}/\d{1,3}                           # 2/5
    | [-\u2013\u2014][ ]*\d{1,3}[ ]*[-\u2013\u2014]   # - 3 -
    | page[ ]+\d{1,3}(?:[ ]+of[ ]+\d{1,3})?     # Page 3, Page 3 of 5
    | please[ ]+recycle[ ]*\W?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Lines of the heading block a UN document opens with (only before its first paragraph).
_HEADING_BLOCK = re.compile(
    r"""
    united[ ]+nations
    | security[ ]+council
    | general[ ]+assembly
    | distr\.?[ ]*:?[ ]*(?:general|limited|restricted)
    | original[ ]*:?[ ]*(?:english|french|spanish|russian|chinese|arabic)
    | \d{1,2}[ ]+(?:january|february|march|april|may|june|july|august|september|october
                  |november|december)[ ]+\d{4}
    | .*:[ ]*(?:revised[ ]+)?draft[ ]+resolution
    | (?:revised[ ]+)?draft[ ]+resolution
    | adopted[ ]+by[ ]+the[ ]+security[ ]+council[ ]+at[ ]+its[ ].*
    """,
    re.IGNORECASE | re.VERBOSE,
)
_COUNCIL = re.compile(
    r"(?:the[ ]+)?security[ ]+council[ ]*,|le[ ]+conseil[ ]+de[ ]+s[ée]curit[ée][ ]*,"
    r"|el[ ]+consejo[ ]+de[ ]+seguridad[ ]*,|совет[ ]+безопасности[ ]*,|安全理事会[，,]"
    r"|(?:إن[ ]+)?مجلس[ ]+الأمن[ ]*[،,]",
    re.IGNORECASE,
)
_FOOTNOTE_RULE = re.compile(r"[_\u2014\u2015-]{5,}")
_FOOTNOTE = re.compile(r"(?P<number>\d{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]+)[ .)]+\S")
_SUPERSCRIPTS = str.maketrans(
    "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079", "1230456789"
)
_SUPERSCRIPT_MARKER = re.compile(r"(?<=[\w.,;:)\]”’\"])[\u00b9\u00b2\u00b3\u2070-\u2079]+")
_BRACKETED_LABEL = re.compile(
    r"^\[(?P<label>(?:pp|op)[ ]*\d+(?:[ ]*(?:bis|ter|quater))?|\d+\.)[ ]+", re.IGNORECASE
)

# How far into a text the heading block may reach, in lines.
_HEADING_REACH = 40


def visible(text: str) -> str:
    """The text without the characters that print as nothing (soft hyphens inside a line
    included), its letters composed and ligatures spelt out, and with non-breaking hyphens
    as hyphens: what a reader sees, so that a comparison never shows an edit nobody can
    see."""
    unusual = _unusual(text)
    text = composed(text, unusual)
    text = _without_invisible(text, unusual).replace("\u2011", "-").replace("\u2010", "-")
    return text.replace(_SOFT_HYPHEN, "") if _SOFT_HYPHEN in text else text


# The glyphs a PDF's fonts draw for letters, which a copy gives back: the Latin ligatures
# ("ﬁ"), the Arabic presentation forms (each letter in its joining form, "ﻟﻤ", and the
# lam-alef ligatures) and the Kangxi and supplementary radicals that some Chinese fonts
# draw for the ideographs they look like ("⼈" for "人"). Each is what NFKC makes of it;
# NFKC itself would also rewrite what a reader does see, such as Chinese full-width commas.
_GLYPH_RANGES = (
    (0xFB00, 0xFB06),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFC),
    (0x2E80, 0x2EF3),
    (0x2F00, 0x2FD5),
)
_GLYPH_CLASS = "".join(f"{chr(first)}-{chr(last)}" for first, last in _GLYPH_RANGES)
_GLYPHS = re.compile(f"[{_GLYPH_CLASS}]")
_GLYPH_CHARS = frozenset(
    chr(code) for first, last in _GLYPH_RANGES for code in range(first, last + 1)
)


@functools.cache
def _glyph_letters() -> dict[int, str]:
    """Glyph -> the letters it draws, for ``str.translate`` (made on first need)."""
    table = {}
    for first, last in _GLYPH_RANGES:
        for code in range(first, last + 1):
            letters = unicodedata.normalize("NFKC", chr(code))
            if letters != chr(code):
                table[code] = letters
    return table


def composed(text: str, unusual: set[str] | None = None) -> str:
    """The text with its letters composed (NFC) and the glyphs a PDF's font drew for them
    (ligatures, Arabic presentation forms, Chinese radicals) made letters again. An ASCII
    text, or one already composed, is returned as it is after one pass in C. A caller that
    has the text's unusual characters (`_unusual`) passes them: the glyphs are then looked
    for among those, not in the text (a second pass over it)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if _GLYPHS.search(text) if unusual is None else not _GLYPH_CHARS.isdisjoint(unusual):
        text = text.translate(_glyph_letters())
    return text


def _without_invisible(text: str, found: set[str]) -> str:
    """The text without the characters that print as nothing, soft hyphens aside.
    ``found`` holds the text's unusual characters (`_unusual`): only those are looked for."""
    if found.intersection(_JOINERS):
        # (First: whether a joiner joins is read from its neighbours as they were.)
        text = _IDLE_JOINERS.sub("", text)
    for invisible in found.intersection(_INVISIBLE_CHARS):
        # str.replace, not a regex: a regex tries every position of a long text.
        text = text.replace(invisible, "")
    if found.intersection(_DIRECTION_MARKS):
        text = _without_idle_marks(text)
    if found & _CONTROL_CHARS:
        text = _CONTROLS.sub("", text)
    return text


def _without_idle_marks(text: str) -> str:
    """The text without the direction marks that order nothing: those on a line (a
    paragraph, for a clause's text) without right-to-left letters. (Marks are few, so
    each is found with str.find: a regex over a long text is ten times slower.)"""
    idle = []
    for at in sorted(_positions(text, _DIRECTION_MARKS)):
        line_end = text.find("\n", at)
        line = (text.rfind("\n", 0, at) + 1, len(text) if line_end < 0 else line_end)
        if not _RIGHT_TO_LEFT.search(text, *line):
            idle.append(at)
    if not idle:
        return text
    cuts = itertools.pairwise([-1, *idle, len(text)])
    return "".join(text[start + 1 : end] for start, end in cuts)


def _positions(text: str, chars: Iterable[str]) -> Iterator[int]:
    """Where each of ``chars`` occurs in ``text``."""
    for char in chars:
        at = text.find(char)
        while at >= 0:
            yield at
            at = text.find(char, at + 1)


# Every character the first step or the footnote markers' removal look at: one scan of
# the text finds which occur, and only their rules run (most texts need none). (Composing
# changes none of them: it is read before.)
_UNUSUAL = re.compile(
    "[\r\u2028\u0085\u2029\u200b\u2060\ufeff\u200c\u200d\u200e\u200f\u061c\u2010\u2011"
    "\u202a-\u202e\u2066-\u2069"
    "\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u00b9\u00b2\u00b3\u2070-\u2079"
    + "".join(sorted(_CONTROL_CHARS))
    + _GLYPH_CLASS
    + "]"
)


def _unusual(text: str) -> set[str]:
    """The unusual characters ``text`` holds, found in one pass from the first of them."""
    first = _UNUSUAL.search(text)
    return set(_UNUSUAL.findall(text, first.start())) if first else set()


# Furniture lines are short; longer lines are not tried against the patterns.
_FURNITURE_LENGTH = 48


def _normalise(text: str, found: set[str]) -> str:
    """Line breaks, spaces, hyphens and invisible characters as the module says; each
    rule runs only where its characters occur (``found``: the unusual characters of the
    text; most texts need one or two rules, a non-breaking hyphen only a replace)."""
    if found & {"\r", "\u2028", "\u0085"}:
        text = _LINE_BREAKS.sub("\n", text)
    if _PARAGRAPH_SEPARATOR in found:
        text = text.replace(_PARAGRAPH_SEPARATOR, "\n\n")
    if found & _PRINT_NOTHING:
        text = _without_invisible(text, found)
    for hyphen in found & {"\u2011", "\u2010"}:
        text = text.replace(hyphen, "-")
    if found & _ODD_SPACE_CHARS:
        text = _ODD_SPACES.sub(" ", text)
    return text


_ZERO_WIDTH_CHARS = frozenset(_INVISIBLE_CHARS + _JOINERS + _DIRECTION_MARKS)
_PRINT_NOTHING = _ZERO_WIDTH_CHARS | _CONTROL_CHARS
_ODD_SPACE_CHARS = frozenset(
    "\t\v\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)
_SUPERSCRIPT_CHARS = frozenset("\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207A))))


def clean_lines(text: str) -> list[str]:
    """The body's lines, with `BLANK` and `PAGE` markers (see the module docstring)."""
    # The rules below run only for the unusual characters the text holds.
    unusual = _unusual(text)
    text = composed(text, unusual)
    if unusual - _SUPERSCRIPT_CHARS - _GLYPH_CHARS:
        text = _normalise(text, unusual)
    lines: list[str] = []
    append = lines.append
    for page_number, page in enumerate(text.split("\x0c")):
        if page_number:
            append(PAGE)
        for raw in page.split("\n"):
            line = raw.strip()
            if not line:
                append(BLANK)
            elif len(line) <= _FURNITURE_LENGTH and _FURNITURE.fullmatch(line):
                append(PAGE)
            else:
                if _SOFT_HYPHEN in line:
                    # A soft hyphen prints only where a line breaks: one ending the line
                    # joins it to the next; any other goes.
                    ends = line.endswith(_SOFT_HYPHEN)
                    line = line.replace(_SOFT_HYPHEN, "") + (_SOFT_HYPHEN if ends else "")
                if line[0] == "[":
                    line = _BRACKETED_LABEL.sub(r"\g<label> [", line)
                append(line)
    lines = _drop_heading_block(lines)
    notes: set[str] = set()
    if any(line != BLANK and line[0] in "_-\u2014\u2015" for line in lines):
        lines, notes = _drop_footnotes(lines)
    if not notes and PAGE in lines:
        # (A line may open with a dash and be no rule: "— в Газе".)
        lines, notes = _drop_unruled_footnotes(lines)
    if notes or unusual & _SUPERSCRIPT_CHARS:
        lines = _drop_markers(lines, notes)
    if _is_chinese(text):
        lines = [_without_typeset_spaces(line) if " " in line else line for line in lines]
    return _tidy(lines)


def _drop_heading_block(lines: list[str]) -> list[str]:
    """The lines before the text proper. Where the "The Security Council," heading opens
    the text, everything above it is the heading block; otherwise only lines that are
    heading-block lines go (a pasted fragment keeps its first words)."""
    reach = lines[:_HEADING_REACH]
    council = next((i for i, line in enumerate(reach) if _COUNCIL.fullmatch(line)), None)
    if council is not None:
        return lines[council:]
    start = 0
    for i, line in enumerate(reach):
        if line in (BLANK, PAGE) or _HEADING_BLOCK.fullmatch(line):
            start = i + 1
            continue
        break
    return lines[start:]


def _drop_footnotes(lines: list[str]) -> tuple[list[str], set[str]]:
    """Lines without the footnotes at the foot of each page (a rule, then notes that
    begin with their number), and the numbers of the notes dropped."""
    kept: list[str] = []
    notes: set[str] = set()
    in_notes = False
    for line in lines:
        if line == PAGE:
            in_notes = False
            kept.append(line)
        elif in_notes:
            match = _FOOTNOTE.match(line)
            if match:
                notes.add(match["number"].translate(_SUPERSCRIPTS))
        elif line != BLANK and _FOOTNOTE_RULE.fullmatch(line):
            in_notes = True
            kept.append(PAGE)
        else:
            kept.append(line)
    return kept, notes


# How many lines above a page's end its notes may begin.
_NOTES_REACH = 12
# A note with no rule above it: its number and a space ("1 S/2012/250."), or its number
# alone on a line, its text on the next (pdftotext's reading order); not a paragraph's
# label ("1. Decides").
_UNRULED_NOTE = re.compile(r"(?P<number>\d{1,3})(?:[ ]+\S|$)")


def _drop_unruled_footnotes(lines: list[str]) -> tuple[list[str], set[str]]:
    """Lines without the footnotes at the foot of each page where no rule of underscores
    sets them apart (a separator drawn as a line copies as nothing), and the numbers of the
    notes dropped: the lines from the page's first note to its end, where each note
    begins with its number, the note before it has the number before, a word of the page
    above carries the first note's number as its marker ("humanitarian1"). A note may
    stand at the foot of the page after its marker's, where the marker's page had no room
    left for it; one that runs on to the next page (its last line ends with no full stop)
    ends at that page's foot, above its own notes, after a line that closes a paragraph
    (`_note_tail`)."""
    kept: list[str] = []
    notes: set[str] = set()
    # Where the page being read begins, and the page before it (runs of page markers,
    # a footer and the next header, part no pages).
    start = before = 0
    runs_on = False  # whether the last note read runs on to the next page
    for line in [*lines, PAGE]:
        if line != PAGE:
            kept.append(line)
            continue
        found = _notes_at_foot(kept, start, before)
        if runs_on and any(line != BLANK for line in kept[start:]):
            foot = found[0] if found is not None else len(kept)
            tail = _note_tail(kept, start, foot)
            if tail is not None:
                del kept[tail:foot]
                if found is not None:
                    found = (tail, found[1])
            runs_on = False
        if found is not None:
            at, numbers = found
            last = next((line for line in reversed(kept) if line != BLANK), "")
            runs_on = not last.endswith(".")
            del kept[at:]
            notes |= numbers
        if any(line != BLANK for line in kept[start:]):
            before = start
        kept.append(PAGE)
        start = len(kept)
    kept.pop()
    return kept, notes


# How many lines the end of a note that ran on from the page before may fill.
_TAIL_LINES = 2


def _note_tail(lines: list[str], start: int, foot: int) -> int | None:
    """Where the end of a note that ran on from the page before begins on the page
    ``lines[start:]``, whose own notes begin at ``foot``: the last line or two above them,
    ending with a full stop, after a line that closes a paragraph (";", ":", "." or ",").
    None if no such lines are there."""
    if foot - start < 2 or not lines[foot - 1].endswith("."):
        return None
    for size in range(1, _TAIL_LINES + 1):
        above = foot - size - 1
        if above < start:
            return None
        if lines[above] != BLANK and lines[above][-1] in ";:.,":
            return foot - size
    return None


def _notes_at_foot(lines: list[str], start: int, before: int) -> tuple[int, set[str]] | None:
    """Where the notes at the foot of the page ``lines[start:]`` begin, and their
    numbers, their markers read from ``lines[before:]`` on; None if it has none."""
    end = len(lines)
    while end > start and lines[end - 1] == BLANK:
        end -= 1
    if end == start:
        return None
    first: tuple[int, int] | None = None  # the topmost note found: its line, its number
    for at in range(end - 1, max(start, end - _NOTES_REACH) - 1, -1):
        match = _UNRULED_NOTE.match(lines[at])
        if match is None:
            continue
        number = int(match["number"])
        if first is not None and number != first[1] - 1:
            continue
        above = "\n".join(lines[before:at])
        if _markers({str(number)}).search(above):
            first = (at, number)
    if first is None:
        return None
    last = first[1]
    for line in lines[first[0] + 1 : end]:
        match = _UNRULED_NOTE.match(line)
        if match and match["number"] == str(last + 1):
            last += 1
    return first[0], {str(number) for number in range(first[1], last + 1)}


_NOT_A_MARKER = (
    "".join(rf"(?<!\b{part}\.)" for part in ("Add", "Corr", "Rev", "Amend", "Suppl", "Vol"))
    # A part after a symbol's slash: "A/60/L.1", "EC-M-52/DEC.1".
    + "".join(rf"(?<!/[A-Za-z]{{{n}}}\.)" for n in range(1, 5))
    # A paragraph of another resolution: "OP1".
    + r"(?<!\bOP)(?<!\bPP)"
)


def _markers(notes: set[str]) -> re.Pattern[str]:
    """The markers of the notes numbered ``notes`` glued after a word or a mark: after a
    letter of any script or a mark, not after a digit's decimal point or comma ("12.2
    million", "11,1 миллиона"), nor where a number belongs to what it follows: a
    document's part ("Corr.1", "A/60/L.1") or a paragraph ("OP1")."""
    numbers = "|".join(sorted(notes, key=len, reverse=True))
    return re.compile(
        # (A digit first: the look-behinds are read only where a number starts.)
        rf"(?=\d)(?:(?<=[^\W\d_])|(?<=[;:)\]”’\"])|(?<=\D,)|(?<=[^\W\d_]\.)|(?<=\)\.))"
        rf"{_NOT_A_MARKER}(?:{numbers})(?=[\s,;:.)\]]|$)"
    )


def _drop_markers(lines: list[str], notes: set[str]) -> list[str]:
    """The text without the footnote markers glued after a word or a mark ("arrested,1"),
    for the notes found; superscript digits glued so are always markers."""
    marker = _markers(notes) if notes else None
    out = []
    for line in lines:
        if line not in (BLANK, PAGE):
            line = _SUPERSCRIPT_MARKER.sub("", line)
            if marker is not None:
                line = marker.sub("", line)
        out.append(line)
    return out


def _tidy(lines: list[str]) -> list[str]:
    """Runs of markers made one: a page break wins over the blank lines around it,
    and none leads or trails."""
    out: list[str] = []
    for line in lines:
        if line in (BLANK, PAGE):
            if not out:
                continue
            if out[-1] in (BLANK, PAGE):
                if line == PAGE:
                    out[-1] = PAGE
                continue
        out.append(line)
    while out and out[-1] in (BLANK, PAGE):
        out.pop()
    return out


# Chinese characters (the unified ideographs, extension A and the compatibility ones),
# as a character class's ranges; with the Chinese and full-width marks, what a line that
# ends inside Chinese text holds in its last few characters ("… 2642(2022)" ⏎ "号决议").
CHINESE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHINESE = re.compile(f"[\u3000-\u303f{CHINESE}\uff00-\uffef]")
_CHINESE_REACH = 12


# Chinese is written without spaces: the UN's Chinese texts hold none beside a Chinese
# character or mark (none in the 783 clauses of 2020-2026). A PDF's copy has them where
# the type was set apart: justified lines ("回 顾 第"), and around numbers and Latin
# letters ("以及 2011 年 8 月 3 日"). In a Chinese text they go.
_CHINESE_SPACES = re.compile(f" +(?={_CHINESE.pattern})|(?<={_CHINESE.pattern}) +")
# A label's space stays: "1. 决定", "(a) 在".
_LEADING_LABEL = re.compile(r"(?:\d+[.)]|\(?[a-z]{1,4}\))[ ]+", re.IGNORECASE)
# How much of a text's opening is read to tell whether it is Chinese.
_LANGUAGE_SAMPLE = 4000


def _without_typeset_spaces(line: str) -> str:
    """A line of Chinese text without the spaces beside its Chinese characters and marks,
    its label's aside."""
    label = _LEADING_LABEL.match(line)
    start = label.end() if label else 0
    return line[:start] + _CHINESE_SPACES.sub("", line[start:])


def _is_chinese(text: str) -> bool:
    """Whether a text is written in Chinese: a third or more of its opening in Chinese
    characters and marks (an English text may quote a Chinese name)."""
    sample = text[:_LANGUAGE_SAMPLE]
    return _CHINESE.search(sample) is not None and 3 * len(_CHINESE.findall(sample)) > len(sample)


# The lam-alef ligature: a PDF's font draws "لا" as one glyph, and a copy that reads the
# page in the order it is printed gives its two letters back the other way round, "ال"
# (with each line's numbers and brackets out of place: ")2012( 2042"). In the UN's Arabic
# texts of 2020-2026 lam-alef occurs a fifth to a half as often as the article "ال"; in
# such copies (LibreOffice's PDFs through pdftotext), a thirtieth at most.
_LAM_ALEF = re.compile("ل[اأإآ]")
_ARTICLE = re.compile("ال")
_PRINTED_ORDER_SHARE = 0.1
_ENOUGH_ARTICLES = 30


def printed_order(text: str) -> bool:
    """Whether an Arabic text was copied in the order it is printed, not written: its
    lam-alef letters reversed ("استقاللها" for "استقلالها"), which nothing can undo for
    certain, the article "ال" being written the same way."""
    articles = len(_ARTICLE.findall(text))
    return articles >= _ENOUGH_ARTICLES and (
        len(_LAM_ALEF.findall(text)) < _PRINTED_ORDER_SHARE * articles
    )


# Letters or digits of a UN document's symbol on both sides of a slash: "S/" "PRST".
_SYMBOL_PART = re.compile(r"[A-Za-z0-9]{2}")


def joins(previous: str, line: str, spelt: set[str]) -> str:
    """Two lines of one paragraph as one: a word hyphenated at the line end is joined
    ("hu-" "manitarian" → "humanitarian") unless it is one written with its hyphen.

    A document's symbol broken after a slash ("(S/" "PRST/2012/6)") joins with no space.
    A hyphen is decided, first to last: a soft hyphen always joins; a number, a tail that
    is a number or capitalised (but an acronym the text spells whole: "MI-" "NUSTAH"), a
    head of one letter ("г-" "жи") and a part of a compound of three or more ("cessez-"
    "le-feu", "hard-to-" "reach"; not "non-in-" "terference" where the text spells
    "interference") keep the hyphen with no space;
    then the text's own spelling elsewhere (`spelt`, the words it holds within a line,
    lower-cased: "peacebuilding", "six-point"); then the rules of the text's language
    (`spelt.language`, see `Spelt`: English by default), which keep the hyphen in the
    compounds that language writes with one ("Secretary-General", "Syrian-led",
    "lui-même", "israélo-palestinien", "каких-либо", "государства-члены",
    "международно-правовые"). Anything else is a word broken between syllables."""
    if previous.endswith(_SOFT_HYPHEN):
        return previous[:-1] + line
    if _CHINESE.search(previous, len(previous) - _CHINESE_REACH) or _CHINESE.search(
        line, 0, _CHINESE_REACH
    ):
        # Chinese is written without spaces: its lines join as they are ("2015/1" ⏎
        # "0)、2015年").
        return previous + line
    if previous.endswith("/") and len(previous) > 1 and _SYMBOL_PART.match(previous[-2] + line):
        # A typesetter breaks a symbol after a slash: "(S/" ⏎ "PRST/2012/6)". (Not a
        # slash the text follows with a space, as the UN's Arabic does in its months,
        # "تشرين الأول/ أكتوبر".)
        return previous + line
    if previous.endswith(" -") and previous[-3:-2].isalpha() and line[:1].islower():
        # A justified line copied as laid out sets its last hyphen apart: "protec -" ⏎
        # "tion" (pdftotext -layout).
        previous = previous[:-2] + "-"
    if not previous.endswith("-") or len(previous) < 2 or not line[:1].isalnum():
        return f"{previous} {line}"
    if previous[-2].isdigit() or (previous[-2].isalpha() and line[0].isdigit()):
        # Numbers are never hyphenated between syllables: "12-month", "2015-2024".
        return previous + line
    if not (previous[-2].isalpha() and line[0].isalpha()):
        return f"{previous} {line}"
    name = _last_word(previous, len(previous) - 1)
    head, tail = name.lower(), _first_word(line).lower()
    if line[0].isupper() or len(name) == 1:
        acronym = len(name) > 1 and name.isupper() and _first_word(line).isupper()
        if acronym and head + tail in spelt:
            # An acronym a typesetter broke, spelt whole elsewhere: "MI-" "NUSTAH".
            return previous[:-1] + line
        # "Secretary-" "General", "Al-" "Qaida"; no word is broken after its first letter.
        return previous + line
    if (tail in _LINKS and line[len(tail) : len(tail) + 1] == "-") or (
        head in _LINKS
        and previous[-len(name) - 2 : -len(name) - 1] == "-"
        # (Not the head of a word broken inside a compound: "non-in-" "terference".)
        and head + tail not in spelt
    ):
        # One word of three parts or more: "cessez-" "le-feu", "hard-to-" "reach".
        return previous + line
    if f"{head}-{tail}" in spelt:
        return previous + line
    if head + tail in spelt:
        # The text's own spelling wins over the rules: "peacebuilding".
        return previous[:-1] + line
    language = getattr(spelt, "language", "en")
    if language == "en" and _SUSPENDED.match(line):
        # A suspended hyphen: "troop- and police-contributing countries".
        return f"{previous} {line}"
    if len(name) > 1 and name.isupper():
        # An acronym is not broken between syllables: "UNSMIL-facilitated".
        return previous + line
    if _is_cyrillic(head):
        keeps = _keeps_in_russian(name, head, tail)
    elif language == "en":
        keeps = _keeps_in_english(name, head, tail, spelt)
    else:
        keeps = _keeps_in_french_or_spanish(head, tail)
    return previous + line if keeps else previous[:-1] + line


class Spelt(set[str]):
    """The words a text spells within a line, lower-cased (`spelt_words`), and the
    language its commonest words say it is written in: ``"en"``, ``"fr"``, ``"es"``,
    ``"de"`` or ``"ru"``. A plain set is taken for English text. (German, which the UN
    publishes some resolutions in, has no rules of its own: its compounds are written
    whole.)"""

    language = "en"


# Each language's commonest short words, none of them a word of the others: a text is
# written in the language whose words it holds most.
_FUNCTION_WORDS = {
    "en": ("the", "and", "of", "to"),
    "fr": ("le", "des", "et", "du"),
    "es": ("el", "los", "del", "y"),
    "de": ("der", "und", "die", "den"),
    "ru": ("и", "в", "на", "с"),
}
# The parts of Arabic names as Russian writes them, with hyphens: "Баб-эль-Хава",
# "Абу-Даби".
_ARABIC_NAME_PARTS = frozenset(
    {"эль", "аль", "ад", "ар", "ас", "аш", "ат", "ан", "эс", "эн", "ибн", "бин", "бен", "абу"}
)
# Short words that link the parts of a compound of three or more: "cessez-le-feu",
# "Trinité-et-Tobago", "vis-à-vis", "state-of-the-art", "hard-to-reach", "Баб-эль-Хава".
_LINKS = frozenset(
    {"and", "or", "to", "of", "the", "in", "on", "by", "for", "at"}
    | {"le", "la", "les", "l", "à", "au", "aux", "de", "du", "des", "et", "en", "sur", "sous"}
    | {"y", "el", "del", "al", "los", "las"}
    | _ARABIC_NAME_PARTS
)


def _is_cyrillic(word: str) -> bool:
    """Whether a word ends in a letter of the Cyrillic block (U+0400 to U+04FF)."""
    return 0x400 <= ord(word[-1]) <= 0x4FF


def _keeps_in_english(name: str, head: str, tail: str, spelt: set[str]) -> bool:
    """Whether UN English writes ``head-tail`` with its hyphen."""
    word = f"{head}-{tail}"
    if word in _compounds() or (head in _NUMBER_WORDS and tail not in _SYLLABLES_AFTER_NUMBERS):
        return True
    if name[:1].isupper() and (
        tail in _tails()
        or (tail.endswith("ed") and len(tail) >= 5 and len(head) >= 4 and head in spelt)
    ):
        # A name and what it qualifies: "Syrian-led", "CAR-owned".
        return True
    if head == "non":
        # UN English writes "non-" with its hyphen (557 times in the corpus, whole 4).
        return True
    # UN English keeps the hyphen between a prefix and a word opening with its vowel:
    # re-emphasizing, re-establish, pre-existing (but writes "cooperation" and
    # "coordination" whole, 80 and 160 times as often as with one).
    return head in ("re", "pre") and tail[:1] == head[-1]


# French and Spanish write these with a hyphen, by rules of their spelling (not a list of
# words): a pronoun and "même" or "-ci"/"-là", a prefix that keeps its hyphen, the first
# of two peoples ("israélo-palestinien"), and a few compounds of everyday words.
_PRONOUN_TAILS = {
    "même": {"lui", "elle", "elles", "eux", "moi", "toi", "soi", "nous", "vous"},
    "mêmes": {"elles", "eux", "nous", "vous"},
    "ci": {"celle", "celles", "celui", "ceux", "ce", "cet", "cette", "ces", "là"},
    "là": {"celle", "celles", "celui", "ceux", "ce", "cet", "cette", "ces", "de", "par"},
    "delà": {"au", "par"},
}
_ROMANCE_PREFIXES = frozenset(
    {"non", "sous", "vice", "soi", "quasi", "demi"}
    | {"israélo", "israelo", "palestino", "arabo", "franco", "anglo", "sino", "gréco"}
    | {"judéo", "italo", "russo", "hispano", "ibéro"}
)
_ROMANCE_PAIRS = {
    "bien": {"être", "fondé", "fondée", "fondés", "fondées"},
    "mi": {"mandat", "parcours", "temps", "chemin", "session"},
    "extra": {"atmosphérique", "atmosphériques", "atmosférico", "atmosférica"},
    "porte": {"parole", "paroles"},
}


def _keeps_in_french_or_spanish(head: str, tail: str) -> bool:
    if head in _PRONOUN_TAILS.get(tail, ()) or tail in _ROMANCE_PAIRS.get(head, ()):
        return True
    return head in _ROMANCE_PREFIXES and len(tail) > 2


# Russian writes these with a hyphen, by rules of its spelling: a pronoun and a particle
# ("каких-либо", "кто-то"); "по-" and an adverb ("по-прежнему"); two nouns in apposition
# ("государства-члены", "генерал-майора"); an adverb-like first part and an adjective
# ("международно-правовые", "социально-экономического", "палестино-израильского").
_RUSSIAN_PARTICLES = frozenset({"либо", "нибудь", "то"})
_RUSSIAN_PRONOUNS = (
    "кто",
    "кого",
    "кому",
    "кем",
    "ком",
    "что",
    "чего",
    "чему",
    "чем",
    "чём",
    "как",
    "где",
    "когда",
    "куда",
    "откуда",
    "почему",
    "зачем",
    "чей",
    "чья",
    "чь",
    "сколько",
)
_RUSSIAN_APPOSITIONS = ("член", "участни", "исполнител", "террорист", "наблюдател", "резидент")
_RUSSIAN_RANKS = frozenset({"генерал", "вице"})
# Second parts that Russian writes joined to an adverb-like first: "военнослужащие".
_RUSSIAN_JOINED = ("служащ",)
_ADJECTIVE_ENDINGS = (
    "ый",
    "ий",
    "ой",
    "ая",
    "яя",
    "ое",
    "ее",
    "ые",
    "ие",
    "ого",
    "его",
    "ому",
    "ему",
    "ым",
    "им",
    "ых",
    "их",
    "ую",
    "юю",
    "ыми",
    "ими",
    "ском",
    "ческом",
    "ьном",
    "овом",
)


def _keeps_in_russian(name: str, head: str, tail: str) -> bool:
    if tail in _ARABIC_NAME_PARTS and name[:1].isupper():
        # "Баб-" ⏎ "эль": an Arabic name's parts.
        return True
    if tail in _RUSSIAN_PARTICLES:
        return head.startswith(_RUSSIAN_PRONOUNS)
    if head == "кое" or head in _RUSSIAN_RANKS:
        return True
    if head == "по":
        return len(tail) >= 6 and tail.endswith(("ому", "ему"))
    if len(head) >= 5 and tail.startswith(_RUSSIAN_APPOSITIONS):
        return True
    return (
        len(head) >= 6
        and head.endswith(("но", "ско", "цко"))
        and len(tail) >= 5
        and tail.endswith(_ADJECTIVE_ENDINGS)
        and not tail.startswith(_RUSSIAN_JOINED)
    )


# Words UN English writes with a hyphen, which a line end may split at the hyphen: the
# list bench/hyphenated_words.py draws from the UN's own texts, and these (each written
# with its hyphen more often than without there: not "peacebuilding" or "midterm"); and
# numbers, which a hyphen joins to what they count ("six-point", "two-year").
_HYPHENATED_LIST = Path(__file__).with_name("hyphenated.txt")
_COMPOUNDS = frozenset(
    {"so-called", "follow-up", "cross-border", "cross-line", "non-governmental", "non-state"}
    | {"self-determination", "well-being", "long-term", "short-term", "decision-making"}
    | {"confidence-building", "capacity-building", "re-establish"}
    | {"co-sponsor", "co-sponsors", "ex-combatants", "non-proliferation", "counter-terrorism"}
    | {"inter-agency", "large-scale", "full-scale", "high-level"}
)
_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty"}
    | {"ninety", "hundred"}
)


# What follows a number word's letters when a line end splits an English word that only
# begins with them: "ten-" "sion", "seven-" "teen", "one-" "rous".
_SYLLABLES_AFTER_NUMBERS = frozenset(
    {"sion", "sions", "ure", "ures", "ured", "dency", "dencies", "ets", "et", "able"}
    | {"ant", "ants", "der", "ders", "dered", "ding", "ty", "teen", "teenth", "tieth", "rous"}
)
# What follows a suspended hyphen: "and" or "or" and a hyphenated word, as the UN's
# English texts write it ("troop- and police-contributing", "sexual- and gender-based",
# "ethnic- or religious-"; never with "to" or "nor"). A word broken before its last
# syllable ("in-" ⏎ "to", "pri-" ⏎ "or the") is no such thing.
_SUSPENDED = re.compile(r"(?:and|or)\s+\w+-", re.IGNORECASE)


@functools.cache
def _listed() -> list[str]:
    lines = _HYPHENATED_LIST.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@functools.cache
def _compounds() -> frozenset[str]:
    words = (line for line in _listed() if not line.startswith("-"))
    return _COMPOUNDS | {pair for word in words for pair in _pairs(word)}


@functools.cache
def _tails() -> frozenset[str]:
    """The words UN English writes after a name's hyphen ("led" of "Syrian-led")."""
    return frozenset(line[1:] for line in _listed() if line.startswith("-"))


_WORD_END = re.compile(r"[\w\u00ad]+$")
_WORD_START = re.compile(r"^\w+")
_HYPHENATED_WORD = re.compile(r"\b\w+(?:-\w+)+\b")
_PLAIN_WORD = re.compile(r"\w+")


# How far back from a paragraph's end its last word is looked for first.
_WORD_TAIL = 64


def _last_word(text: str, end: int) -> str:
    """The word ``text[:end]`` ends with, read from its end: a paragraph's lines are
    joined one by one, and reading the whole paragraph at each made a paragraph of many
    hyphenated lines quadratic (4,000 lines: 31 s)."""
    start = max(0, end - _WORD_TAIL)
    match = _WORD_END.search(text, start, end)
    if match and match.start() == start and start > 0:
        match = _WORD_END.search(text, 0, end)  # a word longer than that
    return match.group() if match else ""


def _first_word(text: str) -> str:
    match = _WORD_START.match(text)
    return match.group() if match else ""


def spelt_words(lines: list[str]) -> Spelt:
    """The words the text spells within a line, lower-cased: the hyphenated ones
    ("six-point"), with each pair of neighbours of a longer one ("hard-to-reach":
    "hard-to", "to-reach"), and the others ("peacebuilding"), but not the parts of a
    word broken at a line end; and the text's language."""
    counts: Counter[str] = Counter()
    found = Spelt()
    broken = False  # whether the line before ended in a hyphen
    for line in lines:
        words = _PLAIN_WORD.findall(line.lower())
        # The parts of a word a line end broke ("Inte-" ⏎ "grated") are no words.
        if broken and line[:1].isalpha():
            del words[:1]
        if line.endswith(("-", _SOFT_HYPHEN)) and line[-2:-1].isalpha():
            del words[-1:]
            broken = True
        elif line not in (BLANK, PAGE):
            broken = False
        counts.update(words)
        if "-" in line:
            for word in _HYPHENATED_WORD.findall(line):
                found.update(_pairs(word.lower()))
    found.update(counts)
    scores = {
        language: sum(map(counts.__getitem__, words)) for language, words in _FUNCTION_WORDS.items()
    }
    found.language = max(scores, key=scores.__getitem__) if any(scores.values()) else "en"
    return found


def _pairs(word: str) -> list[str]:
    parts = word.split("-")
    return [word] if len(parts) == 2 else [f"{a}-{b}" for a, b in itertools.pairwise(parts)]
