"""A draft pasted from Word or a PDF, cleaned and read into clauses (issue 5, points 2 and 4).

Pure functions, no database. The engine's parser (`timeline.diff.parse_text`) already
joins a paragraph's own line breaks, makes tabs and the common non-breaking spaces plain
spaces, drops a byte-order mark and finds labels, headings, sections and sub-paragraphs.
What real pasted input adds on top of that is undone here, by the rules of
`CLEANING_RULES`, before parsing. Cleaning never changes the draft's words: curly quotes,
dashes and [square brackets] are kept exactly as pasted.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from django.utils.text import slugify

from timeline.diff import ClauseInput, Kind, Op, compare_clauses, parse_text

# A UN draft is tens of kilobytes; anything this long is not one.
MAX_PASTE_CHARS = 200_000


class PasteError(ValueError):
    """Pasted text that cannot become clauses; the message is shown to the editor."""


@dataclass(frozen=True, slots=True)
class PastedClause:
    """One paragraph of a pasted text: `parent` is the index, in the same list, of the
    paragraph a sub-paragraph belongs to; `key` is filled in once its lineage is known."""

    section: str
    number: str | None
    text: str
    parent: int | None = None
    key: str = ""

    @property
    def bracketed(self) -> bool:
        return "[" in self.text


# Line breaks: Windows and old Mac endings, Word's line (Shift+Enter) and paragraph
# separators, and a PDF's form feed between pages.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x0c": "\n"})
# Spaces of every width that PDFs and word processors produce.
_ODD_SPACES = re.compile("[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Characters that print as nothing. Zero-width (non-)joiners shape Arabic script, so they
# are kept between Arabic letters.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u2060\ufeff]"
    "|(?<![\u0600-\u06ff])[\u200c\u200d]|[\u200c\u200d](?![\u0600-\u06ff])"
)
# Lines that are only a page's header or footer.
_PAGE_FURNITURE = re.compile(
    r"""
    \d{2}-\d{5}(?:[ ]*\([A-Z]\))?(?:[ ]+\d{6})*   # UN job number: 12-23456 (E) 030212
    | \*\d{7}\*                           # its barcode line: *1223456*
    | S/(?:RES/)?\d+(?:/\d+)?(?:/Rev\.\d+)?(?:[ ]*\(\d{4}\))?   # S/2012/77, S/RES/2042 (2012)
    | \d{1,3}/\d{1,3}                     # page 2/5
    | [-\u2013\u2014][ ]*\d{1,3}[ ]*[-\u2013\u2014]   # - 3 -
    | page[ ]+\d{1,3}(?:[ ]+of[ ]+\d{1,3})?         # Page 3, Page 3 of 5
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A paragraph that a line ending like this closes; a page break after any other ends
# inside a paragraph.
_CLOSES_PARAGRAPH = re.compile(r"[,;:.]\]?$")
_BRACKETED_LABEL = re.compile(
    r"^\[(?P<label>(?:pp|op)[ ]*\d+(?:[ ]*(?:bis|ter|quater))?|\d+\.)[ ]+", re.I | re.M
)
_HYPHENATED = re.compile(r"(?P<head>\w*[a-z])-\n(?P<tail>[a-z]\w*)")
_OPENS_PARAGRAPH = re.compile(r"[\[\"“‘']?[A-Z]")
_LABEL_ONLY = re.compile(
    r"\[?(?:(?:pp|op)[ ]*\d+[a-z]*|\d+(?:[ ]*bis)?|\(?[a-z]{1,4}\))[.)\-:]?", re.I
)


def _normalise_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_LINE_BREAKS)


def _normalise_spaces(text: str) -> str:
    lines = (_ODD_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def _remove_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _drop_page_furniture(text: str) -> str:
    """Drop header and footer lines, and the blank lines around them when the page broke
    a paragraph (the line above does not close one, or the line below starts in lower
    case), so the paragraph's two halves join again."""
    lines = text.split("\n")
    kept: list[str] = []
    i = 0
    while i < len(lines):
        if not _PAGE_FURNITURE.fullmatch(lines[i]):
            kept.append(lines[i])
            i += 1
            continue
        while i < len(lines) and (not lines[i] or _PAGE_FURNITURE.fullmatch(lines[i])):
            i += 1
        while kept and not kept[-1]:
            kept.pop()
        following = lines[i] if i < len(lines) else ""
        broke_paragraph = kept and (
            not _CLOSES_PARAGRAPH.search(kept[-1]) or following[:1].islower()
        )
        if kept and following and not broke_paragraph:
            kept.append("")
    return "\n".join(kept)


def _label_before_bracket(text: str) -> str:
    """A paragraph bracketed with its label ("[pp8 Expressing … arms,]") gets the label
    first ("pp8 [Expressing … arms,]"): the parser reads labels only at a paragraph's
    start, and the text keeps its brackets."""
    return _BRACKETED_LABEL.sub(r"\g<label> [", text)


def _join_hyphenated_words(text: str) -> str:
    """Join a word a PDF hyphenated at a line end ("deterio-/ration") only when the text
    elsewhere spells it whole; otherwise the hyphen is kept ("six-/point" → "six-point")."""

    def join(match: re.Match[str]) -> str:
        head, tail = match["head"], match["tail"]
        whole = head + tail
        if re.search(rf"\b{re.escape(whole)}\b", text, re.IGNORECASE) and not re.search(
            rf"\b{re.escape(head)}-{re.escape(tail)}\b", text, re.IGNORECASE
        ):
            return whole
        return f"{head}-{tail}"

    return _HYPHENATED.sub(join, text)


def _split_single_spaced_paragraphs(text: str) -> str:
    """Text pasted from Word often has one line per paragraph and no blank lines between
    them; the parser would join such lines into one paragraph. When the text has no blank
    line at all, a line closing a paragraph (ending in , ; : or .) followed by a line
    opening one (a capital, possibly after a bracket or quote) is a paragraph break."""
    if "\n\n" in text.strip("\n"):
        return text
    lines = text.strip("\n").split("\n")
    out = lines[:1]
    for previous, line in itertools.pairwise(lines):
        if (
            _CLOSES_PARAGRAPH.search(previous)
            and not _LABEL_ONLY.fullmatch(previous)
            and _OPENS_PARAGRAPH.match(line)
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)


# The cleaning rules, in the order they run: (what it does, the function).
CLEANING_RULES: tuple[tuple[str, Callable[[str], str]], ...] = (
    (
        "Line breaks of every kind (CR LF, CR, Word's separators, form feed) become \\n",
        _normalise_line_breaks,
    ),
    (
        "Non-breaking and other odd-width spaces and tabs become plain spaces; lines are trimmed",
        _normalise_spaces,
    ),
    ("Soft hyphens and zero-width characters are removed", _remove_invisible),
    (
        "Page headers and footers (a job number, a document symbol, a page number alone on "
        "a line) are dropped, rejoining a paragraph they split",
        _drop_page_furniture,
    ),
    (
        "A label inside a paragraph's opening bracket is put before the bracket",
        _label_before_bracket,
    ),
    (
        "A word hyphenated at a line end is joined; the hyphen goes only when the text "
        "elsewhere spells the word whole",
        _join_hyphenated_words,
    ),
    (
        "Without any blank line, each line that closes a paragraph ends one",
        _split_single_spaced_paragraphs,
    ),
)


def paste_clean(text: str) -> str:
    """The pasted text with every rule of `CLEANING_RULES` applied, in order."""
    for _, rule in CLEANING_RULES:
        text = rule(text)
    return text.strip()


def paste_parse(text: str) -> list[PastedClause]:
    """The clauses of a pasted draft, in document order; headings are left out.

    Raises `PasteError` with a message for the editor when the text is too long, empty
    once cleaned, has no paragraph, or has a label without text.
    """
    if len(text) > MAX_PASTE_CHARS:
        raise PasteError(
            f"The pasted text is {len(text):,} characters long; the limit is "
            f"{MAX_PASTE_CHARS:,}. A draft resolution is tens of kilobytes: paste one "
            "draft's text only."
        )
    cleaned = paste_clean(text)
    if not cleaned:
        raise PasteError("Nothing to read: the pasted text is empty once cleaned.")
    blocks = parse_text(cleaned)
    clause_index: dict[int, int] = {}
    clauses: list[PastedClause] = []
    for block in blocks:
        if block.kind is Kind.HEADING:
            continue
        if not block.text:
            raise PasteError(
                f"Paragraph {block.number} has a label but no text: join the label to its "
                "paragraph."
            )
        clause_index[block.index] = len(clauses)
        parent = clause_index.get(block.parent) if block.parent is not None else None
        clauses.append(PastedClause(str(block.section), block.number, block.text, parent))
    if not clauses:
        raise PasteError(
            "No paragraph found: the text has only headings. Paste the paragraphs too."
        )
    return clauses


# Words a key leaves out: they tell paragraphs apart no better than their neighbours.
_KEY_STOPWORDS = frozenset(
    {"a", "all", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have"}
    | {"in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this"}
    | {"to", "was", "which", "who", "with"}
)
KEY_WORDS = 4


def clause_key(clause: PastedClause, taken: Iterable[str]) -> str:
    """A new kebab-case key from the clause's opening words ("op-demands-end-violence"),
    not among `taken`."""
    prefix = "pp" if clause.section == "preambular" else "op"
    words = [w for w in slugify(clause.text).split("-") if w and w not in _KEY_STOPWORDS]
    base = "-".join([prefix, *words[:KEY_WORDS]])[:90].strip("-")
    taken = set(taken)
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


@dataclass(frozen=True, slots=True)
class Proposal:
    """The engine's proposed lineage of one pasted clause: `old` is the index of the
    predecessor's clause it continues (None: a new clause), `ops` the words changed."""

    clause: PastedClause
    old: int | None
    status: str
    ops: tuple[tuple[Op, str], ...]


@dataclass(frozen=True, slots=True)
class Lineage:
    """One proposal per pasted clause, in order, and the predecessor's clauses that none
    continues (`dropped`, as indexes)."""

    proposals: tuple[Proposal, ...]
    dropped: tuple[int, ...]


def lineage_propose(old: Sequence[ClauseInput], new: Sequence[PastedClause]) -> Lineage:
    """Which clause of the predecessor (`old`, with its keys) each pasted clause continues,
    as the comparison engine aligns them."""
    comparison = compare_clauses(
        old,
        [ClauseInput(c.section, c.number, c.text, parent=c.parent) for c in new],
    )
    by_new = {change.new: change for change in comparison.alignment if change.new is not None}
    proposals = tuple(
        Proposal(clause, by_new[i].old, str(by_new[i].status), by_new[i].ops)
        for i, clause in enumerate(new)
    )
    dropped = tuple(c.old for c in comparison.alignment if c.status == "removed")
    return Lineage(proposals, dropped)


def lineage_keys(
    new: Sequence[PastedClause], links: Sequence[str | None], taken: Iterable[str]
) -> list[PastedClause]:
    """The pasted clauses with their keys: the linked predecessor clause's key, or a new
    key from the clause's opening words that is none of `taken` (the family's keys).

    Raises `PasteError` when two clauses continue the same predecessor clause.
    """
    seen: dict[str, int] = {}
    for i, key in enumerate(links):
        if key is None:
            continue
        if key in seen:
            raise PasteError(
                f"Clauses {seen[key] + 1} and {i + 1} both continue “{key}”: a clause of "
                "the previous revision can continue into one clause only. Choose “new "
                "clause” for one of them."
            )
        seen[key] = i
    used = set(taken) | set(seen)
    keyed = []
    for clause, key in zip(new, links, strict=True):
        if key is None:
            key = clause_key(clause, used)
            used.add(key)
        keyed.append(replace(clause, key=key))
    return keyed
