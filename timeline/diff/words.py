"""Word-level diff of two clause texts.

Tokens are words, single punctuation marks and runs of whitespace, so that the tokens
of a text joined give the text back exactly. Each distinct token is mapped to one
character; rapidfuzz computes the longest-common-subsequence opcodes over those
characters (C++), and diff-match-patch's semantic cleanup, run on the same characters,
merges the result into hunks a reader takes in at a glance. Working on one character per
token means no word is ever split and cleanup counts tokens, not letters.
"""

from __future__ import annotations

from collections.abc import Callable

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

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
_LCS_CELLS = 50_000_000

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
    spaces, count_words = alphabet.spaces, alphabet.count_words
    raw, exact = _token_diff(a, b)
    diffs, folded = _cleanup(raw)
    diffs = _restore_kept_runs(diffs, count_words, None if not exact else folded)

    # Kept and total tokens, whitespace aside.
    kept = sum(len(text) - _count(text, spaces) for op, text in diffs if op == 0)
    total = len(a) - _count(a, spaces) + len(b) - _count(b, spaces)
    if total and 2 * kept / total < _MIN_KEPT and not _has_kept_run(raw, count_words):
        return ((Op.DELETE, old), (Op.INSERT, new))
    decode = alphabet.decode
    return tuple((op, decode(text)) for op, text in _hunks(diffs))


def _has_kept_run(diffs: list[tuple[int, str]], count_words: Callable[[str], int]) -> bool:
    """Whether the diff keeps ``_KEPT_RUN`` words in a row somewhere."""
    return any(
        op == 0 and len(text) >= _KEPT_RUN and count_words(text) >= _KEPT_RUN for op, text in diffs
    )


def _cleanup(diffs: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], set[int]]:
    """Fold each kept run no longer than the changes on both its sides into them, so that
    "the" or a comma kept between two rewrites does not cut one hunk in two — the first
    and main rule of diff-match-patch's semantic cleanup, in one pass with a stack
    (linear; the library's pure-Python loop took half of a comparison's time).

    Works on hunks: each equality, and each run of changes as (deleted, inserted).
    Returns the new diffs and the positions in them of the deletions that took in a
    kept run (the only ones whose deletion and insertion can share words again)."""
    hunks: list[list] = []  # [0, text] or [1, deleted, inserted, folded]
    for op, text in diffs:
        if op == 0:
            hunks.append([0, text])
        elif hunks and hunks[-1][0] == 1:
            hunks[-1][1 if op == -1 else 2] += text
        else:
            hunks.append([1, text, "", False] if op == -1 else [1, "", text, False])
        # Fold while the hunk before the last change is a short equality between changes.
        while (
            len(hunks) >= 3
            and hunks[-1][0] == 1
            and hunks[-2][0] == 0
            and hunks[-3][0] == 1
            and _foldable(hunks[-3], hunks[-2][1], hunks[-1])
        ):
            after = hunks.pop()
            kept = hunks.pop()[1]
            before = hunks[-1]
            before[1] += kept + after[1]
            before[2] += kept + after[2]
            before[3] = True
    out: list[tuple[int, str]] = []
    folded: set[int] = set()
    for hunk in hunks:
        if hunk[0] == 0:
            out.append((0, hunk[1]))
        else:
            if hunk[3]:
                folded.add(len(out))
            if hunk[1]:
                out.append((-1, hunk[1]))
            if hunk[2]:
                out.append((1, hunk[2]))
    return out, folded


def _foldable(before: list, kept: str, after: list) -> bool:
    return len(kept) <= max(len(before[1]), len(before[2])) and len(kept) <= max(
        len(after[1]), len(after[2])
    )


def _token_diff(a: str, b: str) -> tuple[list[tuple[int, str]], bool]:
    """(op, tokens) runs turning ``a`` into ``b``, in diff-match-patch's shape, and
    whether they are exact: the longest common subsequence, or, for texts too long for
    it, diff-match-patch's own linear-memory diff."""
    if len(a) * len(b) > _LCS_CELLS:
        return [tuple(d) for d in _DMP.diff_main(a, b, False)], False
    diffs: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(a, b):
        if tag == "equal":
            diffs.append((0, a[i1:i2]))
        else:
            if i2 > i1:
                diffs.append((-1, a[i1:i2]))
            if j2 > j1:
                diffs.append((1, b[j1:j2]))
    return diffs, True


def _restore_kept_runs(
    diffs: list, count_words: Callable[[str], int], folded: set[int] | None
) -> list[tuple[int, str]]:
    """Semantic cleanup can fold words both texts share into a deletion and the insertion
    beside it; a run of ``_KEPT_RUN`` or more such words is taken back out as kept.

    Only the deletions at ``folded`` are looked at (``None``: all): beside an exact
    longest common subsequence, a deletion and its insertion share no word until a fold
    puts one in both."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(diffs):
        op, text = diffs[i]
        if (
            op == -1
            and (folded is None or i in folded)
            and i + 1 < len(diffs)
            and diffs[i + 1][0] == 1
        ):
            inserted = diffs[i + 1][1]
            pieces, _ = _token_diff(text, inserted)
            if any(p == 0 and count_words(t) >= _KEPT_RUN for p, t in pieces):
                deleted_run, inserted_run = [], []
                for p, t in pieces:
                    if p == 0 and count_words(t) >= _KEPT_RUN:
                        out.extend(_pending(deleted_run, inserted_run))
                        out.append((0, t))
                    elif p == 0:
                        deleted_run.append(t)
                        inserted_run.append(t)
                    elif p == -1:
                        deleted_run.append(t)
                    else:
                        inserted_run.append(t)
                out.extend(_pending(deleted_run, inserted_run))
                i += 2
                continue
        out.append((op, text))
        i += 1
    return out


def _pending(deleted: list[str], inserted: list[str]) -> list[tuple[int, str]]:
    out = []
    if deleted:
        out.append((-1, "".join(deleted)))
    if inserted:
        out.append((1, "".join(inserted)))
    deleted.clear()
    inserted.clear()
    return out


def _hunks(diffs: list[tuple[int, str]]) -> list[tuple[Op, str]]:
    """Merge each run of changes between two equalities into one delete, one insert."""
    hunks: list[tuple[Op, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for op, text in diffs:
        if op == -1:
            deleted.append(text)
        elif op == 1:
            inserted.append(text)
        else:
            _flush(hunks, deleted, inserted)
            hunks.append((Op.EQUAL, text))
    _flush(hunks, deleted, inserted)
    return hunks


def _flush(hunks: list[tuple[Op, str]], deleted: list[str], inserted: list[str]) -> None:
    if deleted:
        hunks.append((Op.DELETE, "".join(deleted)))
        deleted.clear()
    if inserted:
        hunks.append((Op.INSERT, "".join(inserted)))
        inserted.clear()


def _count(text: str, chars: set[str]) -> int:
    """How many characters of ``text`` are in ``chars`` (in C: one count per character
    for a few, such as the one or two whitespace tokens of a text, else one pass)."""
    if len(chars) <= 4:
        return sum(map(text.count, chars))
    return sum(map(chars.__contains__, text))
