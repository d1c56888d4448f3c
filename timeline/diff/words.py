"""Word-level diff of two clause texts.

Tokens are words, single punctuation marks and runs of whitespace, so that the tokens
of a text joined give the text back exactly. Each distinct token is mapped to one
character; rapidfuzz computes the longest-common-subsequence opcodes over those
characters (C++), and diff-match-patch's semantic cleanup, run on the same characters,
merges the result into hunks a reader takes in at a glance. Working on one character per
token means no word is ever split and cleanup counts tokens, not letters.
"""

from __future__ import annotations

from collections.abc import Sequence

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from timeline import limits
from timeline.diff.result import Op
from timeline.diff.tokens import Alphabet

# Share of a clause's word and punctuation tokens (counted on both sides) that must be
# kept for the diff to be shown hunk by hunk -- "replaced" below it, i.e. when about 60%
# or more changed. Measured on every keyed pair of the Syria collection: negotiated
# edits keep 0.42-0.99 of their tokens and read well marked up (the 2042 "Noting the
# Envoy's assessment" pairs keep 0.42-0.68); paraphrases and fragments quoted against
# full text keep under 0.4 after cleanup, and their few kept tokens are "the", "of" and
# commas scattered between hunks, so those are shown as one deletion and one insertion.
_MIN_KEPT = 0.4
# A run of this many words kept in a row is shown kept, whatever the rest of the clause.
_KEPT_RUN = 5
# Beyond this many token pairs, the exact LCS would need too much memory (a
# 100,000-word paragraph against another): diff-match-patch's linear-memory diff is used.
# Two paragraphs at the limit of a clause (`timeline.limits`), up to 20,000 tokens each,
# stay exact: 90 ms and 50 MB for the bit matrix, where diff-match-patch ran to its 2 s
# limit and returned a coarser diff (9,000 one-letter words, a fifth changed: 2.0 s,
# 6,788-6,898 kept, as time allowed).
_LCS_CELLS = limits.CLAUSE_CHARACTERS**2

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 2.0


def diff_words(old: str, new: str, alphabet: Alphabet | None = None) -> tuple[tuple[Op, str], ...]:
    """The ops turning ``old`` into ``new``, token by token.

    Guarantees: joining the text of ``equal`` and ``delete`` ops gives exactly ``old``;
    joining ``equal`` and ``insert`` gives exactly ``new``; no op has empty text; no two
    neighbouring ops have the same kind; between two equal ops, a delete comes before an
    insert. When less than 40% of the tokens are kept and no five words in a row are,
    the result is one delete of ``old`` and one insert of ``new``; a run of five or more
    kept words is always shown kept. ``alphabet`` is the comparison's, which may already
    hold the two texts' tokens.
    """
    if old == new:
        return ((Op.EQUAL, old),) if old else ()
    if not old or not new:
        return ((Op.DELETE, old),) if old else ((Op.INSERT, new),)
    if alphabet is None:
        alphabet = Alphabet()
    a = alphabet.encode_tokens(old)
    b = alphabet.encode_tokens(new)
    spaces = alphabet.spaces
    decoding, word_marks = alphabet.tables()
    exact = len(a) * len(b) <= _LCS_CELLS
    opcodes = _opcodes(a, b, exact)
    hunks = _restore_kept_runs(_cleanup(a, b, opcodes), word_marks, exact)

    # Kept and total tokens, whitespace aside.
    kept = sum(len(hunk) - _count(hunk, spaces) for hunk in hunks if type(hunk) is str)
    total = len(a) - _count(a, spaces) + len(b) - _count(b, spaces)
    if total and 2 * kept / total < _MIN_KEPT and not _has_kept_run(a, opcodes, word_marks):
        return ((Op.DELETE, old), (Op.INSERT, new))
    ops: list[tuple[Op, str]] = []
    for hunk in hunks:
        if type(hunk) is str:
            ops.append((Op.EQUAL, hunk.translate(decoding)))
        else:
            if hunk[0]:
                ops.append((Op.DELETE, hunk[0].translate(decoding)))
            if hunk[1]:
                ops.append((Op.INSERT, hunk[1].translate(decoding)))
    return tuple(ops)


# A diff's steps are opcodes (tag, i1, i2, j1, j2) as difflib and rapidfuzz give them;
# its hunks: a kept code (``str``), or a change ``[deleted, inserted, folded]`` where
# ``folded`` tells that a kept run was folded into it.
Opcodes = Sequence[tuple[str, int, int, int, int]]
# `Alphabet.tables`' second: a code translated by it keeps only its words' characters.
WordMarks = list[str | None]


def _opcodes(a: str, b: str, exact: bool) -> Opcodes:
    """The steps turning ``a`` into ``b``: the longest common subsequence if ``exact``,
    else (texts too long for it) diff-match-patch's own linear-memory diff."""
    if exact:
        # As plain tuples: unpacking rapidfuzz's own Opcode objects, step by step in the
        # passes below, cost ten times as much.
        return Indel.opcodes(a, b).as_list()
    opcodes = []
    i = j = 0
    for op, text in _DMP.diff_main(a, b, False):
        n = len(text)
        if op == 0:
            opcodes.append(("equal", i, i + n, j, j + n))
        elif op == -1:
            opcodes.append(("delete", i, i + n, j, j))
        else:
            opcodes.append(("insert", i, i, j, j + n))
        i += n if op != 1 else 0
        j += n if op != -1 else 0
    return opcodes


def _cleanup(a: str, b: str, opcodes: Opcodes) -> list:
    """The hunks of the steps, each kept run no longer than the changes on both its sides
    folded into them, so that "the" or a comma kept between two rewrites does not cut one
    hunk in two — the first and main rule of diff-match-patch's semantic cleanup, in one
    pass with a stack (linear; the library's pure-Python loop took half of a
    comparison's time).

    A change and the kept runs folded into it cover one stretch of each text, so the pass
    keeps index ranges (a kept run ``(i1, i2)``, a change ``[i1, i2, j1, j2, folded]``)
    and cuts the texts once, at the end."""
    hunks: list = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            hunks.append((i1, i2))
            continue
        if hunks and type(hunks[-1]) is list:
            hunks[-1][1] = i2
            hunks[-1][3] = j2
        else:
            hunks.append([i1, i2, j1, j2, False])
        # Fold while the hunk before the last change is a short kept run between changes.
        while len(hunks) >= 3 and type(hunks[-2]) is tuple and type(hunks[-3]) is list:
            after, (k1, k2), before = hunks[-1], hunks[-2], hunks[-3]
            kept = k2 - k1
            if kept > before[1] - before[0] and kept > before[3] - before[2]:
                break
            if kept > after[1] - after[0] and kept > after[3] - after[2]:
                break
            del hunks[-2:]
            before[1] = after[1]
            before[3] = after[3]
            before[4] = True
    return [
        a[hunk[0] : hunk[1]]
        if type(hunk) is tuple
        else [a[hunk[0] : hunk[1]], b[hunk[2] : hunk[3]], hunk[4]]
        for hunk in hunks
    ]


def _restore_kept_runs(hunks: list, word_marks: WordMarks, exact: bool) -> list:
    """Semantic cleanup can fold words both texts share into a deletion and the insertion
    beside it; a run of ``_KEPT_RUN`` or more such words is taken back out as kept.

    Beside an ``exact`` longest common subsequence, a deletion and its insertion share no
    word until a fold puts one in both: only the folded changes are looked at then."""
    out: list = []
    for hunk in hunks:
        if type(hunk) is str or not hunk[0] or not hunk[1] or (exact and not hunk[2]):
            out.append(hunk)
            continue
        a, b = hunk[0], hunk[1]
        opcodes = Indel.opcodes(a, b).as_list()
        if not _has_kept_run(a, opcodes, word_marks):
            out.append(hunk)
            continue
        deleted: list[str] = []
        inserted: list[str] = []
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal" and len(a[i1:i2].translate(word_marks)) >= _KEPT_RUN:
                if deleted or inserted:
                    out.append(["".join(deleted), "".join(inserted), False])
                    deleted, inserted = [], []
                out.append(a[i1:i2])
            else:
                deleted.append(a[i1:i2])
                inserted.append(b[j1:j2])
        if deleted or inserted:
            out.append(["".join(deleted), "".join(inserted), False])
    return out


def _has_kept_run(a: str, opcodes: Opcodes, word_marks: WordMarks) -> bool:
    """Whether the diff keeps ``_KEPT_RUN`` words in a row somewhere."""
    return any(
        tag == "equal" and i2 - i1 >= _KEPT_RUN and len(a[i1:i2].translate(word_marks)) >= _KEPT_RUN
        for tag, i1, i2, _, _ in opcodes
    )


def _count(text: str, chars: set[str]) -> int:
    """How many characters of ``text`` are in ``chars`` (in C: one count per character
    for a few, such as the one or two whitespace tokens of a text, else one pass)."""
    if len(chars) <= 4:
        return sum(map(text.count, chars))
    return sum(map(chars.__contains__, text))
