"""Renderings of a comparison: HTML for the pages, text for the shell, a summary line.

Rendering never recomputes anything: it reads a :class:`~timeline.diff.result.Comparison`.
"""

from __future__ import annotations

from html import escape
from itertools import batched

from timeline.diff.result import Block, Change, Comparison, Kind, Op, Section, Status

# Counts in the order a reader wants them: what is new first, what stayed last.
_SUMMARY_ORDER = (Status.ADDED, Status.REMOVED, Status.EDITED, Status.MOVED)
_INSERTED = '<span class="visually-hidden">inserted: </span>'
_DELETED = '<del><span class="visually-hidden">deleted: </span>'
_TEXT_MARK = {Op.EQUAL: ("", ""), Op.INSERT: ("{+", "+}"), Op.DELETE: ("[-", "-]")}


def summary_line(comparison: Comparison) -> str:
    """One line such as ``"3 added, 1 removed, 4 edited, 1 moved"``, or ``"no changes"``.

    Statuses with a count of zero are left out; unchanged blocks are never counted.
    """
    counts = comparison.counts()
    parts = [f"{counts[status]} {status}" for status in _SUMMARY_ORDER if counts[status]]
    return ", ".join(parts) or "no changes"


def render_html(comparison: Comparison) -> str:
    """The comparison as an HTML fragment, one ``div`` per alignment entry.

    Guarantees: every text is escaped with :func:`html.escape`; each entry states its
    status in words (``data-status`` and a visible label for every change), never by
    colour alone; ``<ins>`` and ``<del>`` open with visually hidden "inserted: " or
    "deleted: " text (the page's CSS must define ``.visually-hidden``); inserted text
    carries ``data-proposer`` with the new clause's proposers, space-separated, when it
    has any.
    """
    # Every text escaped in one pass, not one call per text (a comparison holds hundreds).
    escaped = iter(_escape_all([text for change in comparison.alignment for _, text in change.ops]))
    parts = ['<div class="redline">']
    for change in comparison.alignment:
        old = comparison.old[change.old] if change.old is not None else None
        new = comparison.new[change.new] if change.new is not None else None
        attributes = f'class="redline-change redline-{change.status}" data-status="{change.status}"'
        if change.old is not None:
            attributes += f' data-old="{change.old}"'
        if change.new is not None:
            attributes += f' data-new="{change.new}"'
        parts.append(f"<div {attributes}>")
        label = _label(change, old, new, _joined(comparison, change))
        if label:
            parts.append(f'<span class="redline-label">{escape(label)}</span> ')
        heading = (new or old).kind is Kind.HEADING  # type: ignore[union-attr]
        insert = "<ins>"
        if new is not None and new.proposers:
            insert = f'<ins data-proposer="{escape(" ".join(new.proposers))}">'
        parts.append(
            '<p class="redline-text redline-heading">' if heading else '<p class="redline-text">'
        )
        for op, _ in change.ops:
            if op is Op.EQUAL:
                parts.append(next(escaped))
            elif op is Op.INSERT:
                parts += (insert, _INSERTED, next(escaped), "</ins>")
            else:
                parts += (_DELETED, next(escaped), "</del>")
        parts.append("</p></div>")
    parts.append("</div>")
    return "".join(parts)


# Texts escaped per call: enough to make the calls few, few enough that each call's
# strings stay in the processor's cache (the HTML of a 10,009-paragraph comparison took
# 93 ms with one call over its 5 million characters, 75 ms in these batches).
_ESCAPE_BATCH = 500


def _escape_all(texts: list[str]) -> list[str]:
    """Each of ``texts`` escaped, a batch per call while no text holds a NUL."""
    escaped: list[str] = []
    for batch in batched(texts, _ESCAPE_BATCH):
        joined = "\0".join(batch)
        if joined.count("\0") != len(batch) - 1:
            escaped += map(escape, batch)
        else:
            escaped += escape(joined).split("\0")
    return escaped


def render_text(comparison: Comparison) -> str:
    """The comparison as plain text: the summary line, then one line per entry.

    Each line is the status, the number label and the text, with deleted text as
    ``[-...-]`` and inserted text as ``{+...+}`` (the ``wdiff`` convention).
    """
    lines = [summary_line(comparison)]
    for change in comparison.alignment:
        old = comparison.old[change.old] if change.old is not None else None
        new = comparison.new[change.new] if change.new is not None else None
        label = _label(change, old, new, _joined(comparison, change)) or str(change.status)
        body = "".join(f"{_TEXT_MARK[op][0]}{text}{_TEXT_MARK[op][1]}" for op, text in change.ops)
        lines.append(f"{label}: {body}")
    return "\n".join(lines) + "\n"


_PARTS = {
    Section.PREAMBULAR: ("PP", "the preamble"),
    Section.OPERATIVE: ("OP", "the operative part"),
    Section.ANNEX: ("annex paragraph", "the annex"),
}


def _joined(comparison: Comparison, change: Change) -> Block | None:
    """The block a removed one was merged into, or an added one split from."""
    if change.joined is None:
        return None
    side = comparison.new if change.status is Status.REMOVED else comparison.old
    return side[change.joined]


def place(block: Block) -> str:
    """Where a block stood, as a reader names it: "OP 4", "PP 2", "(b)", "the preamble"."""
    prefix, part = _PARTS.get(block.section, ("paragraph", "the text"))
    number = block.number
    if not number:
        return part
    if number[:1].isdigit():
        return f"{prefix} {number}"
    return number


def _label(
    change: Change, old: Block | None, new: Block | None, joined: Block | None = None
) -> str:
    """The status in words, with the number label(s), e.g. ``"PP5 (was PP4), edited"``."""
    numbers = ""
    if new is not None and new.number:
        numbers = new.number
        if old is not None and old.number and old.number != new.number:
            numbers += f" (was {old.number})"
    elif old is not None and old.number:
        numbers = old.number
    if change.status is Status.UNCHANGED:
        return numbers
    if change.status is Status.MOVED:
        # Where it came from, unless its old number already says it ("PP1 (was PP3)").
        status = "moved" if old is None or "(was " in numbers else f"moved from {place(old)}"
        if change.text_changed:
            status += ", edited"
    elif joined is not None and change.status is Status.REMOVED:
        status = f"merged into {place(joined)}"
    elif joined is not None and change.status is Status.ADDED:
        status = f"split from {place(joined)}"
    else:
        status = str(change.status)
    return f"{numbers}, {status}" if numbers else status
