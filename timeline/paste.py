"""A draft pasted from Word or a PDF, read into clauses (issue 5, points 2 and 4), and
the lineage the engine proposes for them.

Pure functions, no database. The text goes through the engine's one pipeline
(`timeline.diff.parse_text`: `timeline.diff.clean` removes what copying from a PDF or Word
adds, then paragraphs, labels, sections and sub-paragraphs are read), so a paste gives the
same clauses as `manage.py parse` and `manage.py compare`. This module adds what only an
editor's paste needs: a size limit and messages that say what to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.utils.text import slugify

from timeline.diff import Block, ClauseInput, Kind, Op, compare_clauses, parse_text
from timeline.diff.clean import printed_order
from timeline.diff.parse import TextTooLong

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


def readable_blocks(text: str) -> list[Block]:
    """The engine's blocks of a pasted text (`parse_text`), or `PasteError` with a message
    when the text is too long, is empty once cleaned, or is an Arabic text copied in the
    order it is printed. `manage.py parse` reads a file with it too."""
    if len(text) > MAX_PASTE_CHARS:
        raise PasteError(
            f"The pasted text is {len(text):,} characters long; the limit is "
            f"{MAX_PASTE_CHARS:,}. A draft resolution is tens of kilobytes: paste one "
            "draft's text only."
        )
    try:
        blocks = parse_text(text)
    except TextTooLong as error:
        raise PasteError(str(error)) from None
    if not blocks:
        raise PasteError("Nothing to read: the pasted text is empty once cleaned.")
    refuse_printed_order(block.text for block in blocks)
    return blocks


def refuse_printed_order(texts: Iterable[str]) -> None:
    """`PasteError` with a message if the paragraphs ``texts`` are an Arabic text copied
    in the order it is printed (`timeline.diff.clean.printed_order`)."""
    if printed_order(" ".join(texts)):
        raise PasteError(
            "This Arabic text was copied in the order it is printed, not the order it is "
            "written: its letters “لا” come out reversed (“ال”) and its numbers and "
            "brackets out of place (“)2012( 2042”), and nothing can put them back for "
            "certain. Copy the text again with another PDF viewer, or from the Word "
            "document."
        )


def paste_parse(text: str) -> list[PastedClause]:
    """The clauses of a pasted draft, in document order; headings are left out.

    Raises `PasteError` with a message for the editor when the text is too long, empty
    once cleaned, copied in an order it cannot be read in, has no paragraph, or has a
    label without text.
    """
    blocks = readable_blocks(text)
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
    predecessor's clause it continues (None: a new clause), `ops` the words changed; a
    new clause whose words the predecessor's clause continued by its neighbour held is
    `split_from` that clause (a paragraph split in two, or cut in two by the copy)."""

    clause: PastedClause
    old: int | None
    status: str
    ops: tuple[tuple[Op, str], ...]
    split_from: int | None = None


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
        Proposal(
            clause,
            by_new[i].old,
            str(by_new[i].status),
            by_new[i].ops,
            split_from=by_new[i].joined if by_new[i].old is None else None,
        )
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
