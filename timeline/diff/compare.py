"""The engine's entry points: two texts, or two sequences of clauses, in; a comparison out."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.diff.align import align
from timeline.diff.clean import visible
from timeline.diff.parse import parse_text
from timeline.diff.result import (
    Block,
    Change,
    ClauseInput,
    Comparison,
    Kind,
    Op,
    Section,
    Status,
)
from timeline.diff.words import diff_words


def compare_texts(old: str, new: str) -> Comparison:
    """Compare two whole texts in UN layout, parsed by :func:`timeline.diff.parse_text`.

    Block indexes in the result are the indexes ``parse_text`` gives.
    """
    return _compare(tuple(parse_text(old)), tuple(parse_text(new)))


def compare_clauses(old: Sequence[ClauseInput], new: Sequence[ClauseInput]) -> Comparison:
    """Compare two revisions given as clauses, in document order.

    Block indexes in the result are positions in ``old`` and ``new``. Texts are compared
    and reported with each run of whitespace collapsed to one space and without the
    characters that print as nothing (`timeline.diff.clean.visible`). A clause's ``key``
    decides its alignment when the clause on the other side has one too.
    """
    return _compare(_blocks(old), _blocks(new))


def _blocks(clauses: Sequence[ClauseInput]) -> tuple[Block, ...]:
    return tuple(
        Block(
            index,
            Kind(clause.kind),
            None if clause.kind == Kind.HEADING else Section(clause.section or "operative"),
            clause.number,
            " ".join(visible(clause.text).split()),
            clause.parent,
            clause.key,
            tuple(clause.proposers),
        )
        for index, clause in enumerate(clauses)
    )


def _compare(old: tuple[Block, ...], new: tuple[Block, ...]) -> Comparison:
    matches = align(old, new)
    partner = {match.new: match for match in matches}
    in_order_new = {match.old: match.new for match in matches if match.in_order}

    # Reading order: every new block in new-text order (a key (j, 0)); every removed
    # block right after the new block continuing the nearest unmoved old block above
    # it (a key (j, 1, i)), or first of all when there is none.
    entries: list[tuple[tuple[int, int, int], Change]] = []
    for block in new:
        match = partner.get(block.index)
        if match is None:
            change = Change(None, block.index, Status.ADDED, True, 0.0, _whole(Op.INSERT, block))
        else:
            change = _pair(old[match.old], block, match.similarity, match.in_order)
        entries.append(((block.index, 0, 0), change))
    matched_old = {match.old for match in matches}
    anchor = -1
    for block in old:
        if block.index in in_order_new:
            anchor = in_order_new[block.index]
        elif block.index not in matched_old:
            change = Change(block.index, None, Status.REMOVED, True, 0.0, _whole(Op.DELETE, block))
            entries.append(((anchor, 1, block.index), change))
    entries.sort(key=lambda entry: entry[0])
    return Comparison(old, new, tuple(change for _, change in entries))


def _pair(old: Block, new: Block, similarity: float, in_order: bool) -> Change:
    text_changed = old.text != new.text
    if not in_order or old.section != new.section:
        # Out of order, or from the preamble into the operative part (or back): moved.
        status = Status.MOVED
    elif text_changed:
        status = Status.EDITED
    else:
        status = Status.UNCHANGED
    return Change(
        old.index, new.index, status, text_changed, similarity, diff_words(old.text, new.text)
    )


def _whole(op: Op, block: Block) -> tuple[tuple[Op, str], ...]:
    return ((op, block.text),) if block.text else ()
