"""The engine's data: blocks going in, a comparison coming out.

Everything here is an immutable value. Computing lives in ``align``, ``words`` and
``compare``; turning a comparison into HTML or text lives in ``render``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple


class Kind(StrEnum):
    """What a block of text is: a paragraph of the resolution, or a line above one."""

    HEADING = "heading"
    CLAUSE = "clause"


class Section(StrEnum):
    """The parts of a resolution (DESIGN §3): preamble, operative part and annexes;
    headings belong to none."""

    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    ANNEX = "annex"


class Status(StrEnum):
    """What happened to a block between the old and the new text."""

    UNCHANGED = "unchanged"
    EDITED = "edited"
    MOVED = "moved"
    REMOVED = "removed"
    ADDED = "added"


class Op(StrEnum):
    """One step of a word-level diff."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class ClauseInput:
    """One clause as the pages hold it, for :func:`timeline.diff.compare_clauses`.

    ``key`` is the editor-confirmed stable key (DESIGN §3); when the old and the new
    clause both have one, it decides the alignment. ``proposers`` are the names shown
    for inserted text (e.g. country codes). ``parent`` is the position, in the same
    sequence, of the paragraph a sub-paragraph belongs to. A clause without a section
    is compared as operative; a heading (``kind="heading"``) has no section.
    """

    section: Section | str | None
    number: str | None
    text: str
    key: str | None = None
    proposers: tuple[str, ...] = ()
    kind: Kind | str = Kind.CLAUSE
    parent: int | None = None


class Block(NamedTuple):
    """One block of a text: its 0-based ``index`` in that text, and what it says.

    ``text`` never contains the label (that is ``number``, as printed, without a trailing
    full stop or dash) and has every run of whitespace collapsed to one space.
    ``section`` is ``None`` exactly for headings. ``parent`` is the index of the
    paragraph a sub-paragraph such as ``(a)`` belongs to, otherwise ``None``.

    (Blocks and changes are named tuples, not frozen dataclasses: a comparison makes one
    per paragraph, and a tuple is made in a third of the time.)
    """

    index: int
    kind: Kind
    section: Section | None
    number: str | None
    text: str
    parent: int | None = None
    key: str | None = None
    proposers: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The block as JSON-ready data; ``parent`` appears only for sub-paragraphs."""
        data: dict[str, Any] = {
            "index": self.index,
            "kind": self.kind.value,
            "number": self.number,
            "section": self.section.value if self.section else None,
            "text": self.text,
        }
        if self.parent is not None:
            data["parent"] = self.parent
        return data


class Change(NamedTuple):
    """One entry of the alignment: an old block, a new block, or a matched pair.

    Guarantees: ``removed`` has only ``old``, ``added`` only ``new``, every other status
    both. ``ops`` joined over ``equal`` and ``delete`` give exactly the old block's text,
    over ``equal`` and ``insert`` exactly the new block's text. ``similarity`` is the
    word-level similarity in [0, 1] (0 for removed and added blocks).
    """

    old: int | None
    new: int | None
    status: Status
    text_changed: bool
    similarity: float
    ops: tuple[tuple[Op, str], ...]
    # A removed block whose words went into the new block next to the one it stood
    # beside (a merge): that new block's index; an added block split off an old one:
    # the old block's index. None otherwise.
    joined: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data, in the shape of issue 3, point 5."""
        data = {
            "old": self.old,
            "new": self.new,
            "status": self.status.value,
            "text_changed": self.text_changed,
            "similarity": round(self.similarity, 4),
            "ops": [[op.value, text] for op, text in self.ops],
        }
        if self.joined is not None:
            data["merged_into" if self.status is Status.REMOVED else "split_from"] = self.joined
        return data


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two texts and how every block of one became the other.

    Guarantees: every old block appears in exactly one ``alignment`` entry, and so does
    every new block. Entries come in reading order: new-text order, with each removed
    block placed after the block that preceded it in the old text.
    """

    old: tuple[Block, ...]
    new: tuple[Block, ...]
    alignment: tuple[Change, ...]

    def counts(self) -> dict[str, int]:
        """How many alignment entries have each status, every status present."""
        counts = dict.fromkeys((status.value for status in Status), 0)
        for change in self.alignment:
            counts[change.status.value] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready data, in the shape of issue 3, point 5."""
        return {
            "old": [block.to_dict() for block in self.old],
            "new": [block.to_dict() for block in self.new],
            "alignment": [change.to_dict() for change in self.alignment],
            "summary": self.counts(),
        }

    def to_html(self) -> str:
        """The comparison as an HTML fragment: see :func:`.render.render_html`."""
        # Imported here because the render module imports this one.
        from timeline.diff.render import render_html

        return render_html(self)

    def summary_line(self) -> str:
        """``"3 added, 1 removed"`` or ``"no changes"``: see :func:`.render.summary_line`."""
        from timeline.diff.render import summary_line

        return summary_line(self)
