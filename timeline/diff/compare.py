"""The engine's entry points: two texts, or two sequences of clauses, in; a comparison out."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from timeline.diff.align import align
from timeline.diff.clean import visible
from timeline.diff.gc_pause import gc_paused
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
from timeline.diff.tokens import Alphabet, Words
from timeline.diff.words import diff_words


def compare_texts(old: str, new: str) -> Comparison:
    """Compare two whole texts in UN layout, parsed by :func:`timeline.diff.parse_text`.

    Block indexes in the result are the indexes ``parse_text`` gives.
    """
    with gc_paused():
        return _compare(tuple(parse_text(old)), tuple(parse_text(new)))


def compare_clauses(old: Sequence[ClauseInput], new: Sequence[ClauseInput]) -> Comparison:
    """Compare two revisions given as clauses, in document order.

    Block indexes in the result are positions in ``old`` and ``new``. Texts are compared
    and reported with each run of whitespace collapsed to one space and without the
    characters that print as nothing (`timeline.diff.clean.visible`). A clause's ``key``
    decides its alignment when the clause on the other side has one too.
    """
    with gc_paused():
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
    # The alignment and the merges read each paragraph's words; only the paragraphs paired
    # with a changed text are tokenized whole, for their word diffs, in one batch.
    words = Words()
    # Texts on both sides are most likely unchanged paragraphs, which need no codes.
    unchanged = {block.text for block in old}.intersection(block.text for block in new)
    words.prime(block.text for block in itertools.chain(old, new) if block.text not in unchanged)
    matches = align(old, new, words)
    partner = {match.new: match for match in matches}
    alphabet = Alphabet()
    alphabet.prime(
        text
        for match in matches
        for text in (old[match.old].text, new[match.new].text)
        if old[match.old].text != new[match.new].text
    )
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
            change = _pair(old[match.old], block, match.similarity, match.in_order, alphabet)
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
    changes = _merges_and_splits([change for _, change in entries], old, new, words)
    return Comparison(old, new, tuple(changes))


# A removed paragraph is merged into a neighbour's successor when this share of its words
# is found, in order, in that successor (and the other way round for a split).
_JOINED = 0.8
_JOINED_MIN_WORDS = 4


def _merges_and_splits(
    changes: list[Change], old: tuple[Block, ...], new: tuple[Block, ...], words: Words
) -> list[Change]:
    """Removed paragraphs whose words the successor of an old neighbour took in (merged),
    and added ones whose words an old neighbour of their new neighbour held (split)."""
    new_of = {c.old: c.new for c in changes if c.old is not None and c.new is not None}
    old_of = {c.new: c.old for c in changes if c.old is not None and c.new is not None}
    out = []
    for change in changes:
        joined = None
        if change.status is Status.REMOVED:
            joined = _joined(change.old, old, new, new_of, words)
        elif change.status is Status.ADDED:
            joined = _joined(change.new, new, old, old_of, words)
        out.append(change if joined is None else change._replace(joined=joined))
    return out


def _joined(
    index: int,
    blocks: tuple[Block, ...],
    others: tuple[Block, ...],
    partner: dict[int, int],
    words: Words,
) -> int | None:
    """The block of the other text, partner of a neighbour of ``blocks[index]``, that holds
    its words (`_covered`), or None."""
    return next(
        (
            other
            for other in _neighbour_partners(index, blocks, partner)
            if _covered(blocks[index], others[other], words)
        ),
        None,
    )


def _neighbour_partners(
    index: int, blocks: tuple[Block, ...], partner: dict[int, int]
) -> list[int]:
    """The partners of the blocks just before and just after ``index`` in its own text,
    among blocks of the same kind and parent, the one before first (a paragraph cut in
    two may have kept its partner in either half)."""
    here = blocks[index]
    found = []
    for near in (index - 1, index + 1):
        if 0 <= near < len(blocks) and near in partner:
            other = blocks[near]
            if other.kind is here.kind and other.parent == here.parent:
                found.append(partner[near])
    return found


def _covered(part: Block, whole: Block, words: Words) -> bool:
    a, b = words.encode(part.text), words.encode(whole.text)
    if len(a) < _JOINED_MIN_WORDS or len(b) <= len(a):
        return False
    common = (len(a) + len(b) - Indel.distance(a, b)) / 2
    return common >= _JOINED * len(a)


def _pair(old: Block, new: Block, similarity: float, in_order: bool, alphabet: Alphabet) -> Change:
    text_changed = old.text != new.text
    if not in_order or old.section != new.section:
        # Out of order, or from the preamble into the operative part (or back): moved.
        status = Status.MOVED
    elif text_changed:
        status = Status.EDITED
    else:
        status = Status.UNCHANGED
    return Change(
        old.index,
        new.index,
        status,
        text_changed,
        similarity,
        diff_words(old.text, new.text, alphabet),
    )


def _whole(op: Op, block: Block) -> tuple[tuple[Op, str], ...]:
    return ((op, block.text),) if block.text else ()
