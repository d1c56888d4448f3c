"""Clause alignment: which block of the new text continues which block of the old.

The order of decisions, most certain first:
1. stable keys: an old and a new block with the same key are the same clause;
2. identical text within a section (the bulk of any revision, found by hashing);
3. word-level similarity within a section, best pairs first, for pairs scoring
   ``SAME_CLAUSE`` or more, wherever the clause went;
4. the longest increasing subsequence of those pairs is the text's unchanged backbone;
   a pair scoring ``REWRITTEN`` or more is accepted only inside a gap of that backbone,
   i.e. where a rewritten clause stayed in place;
5. pairs outside the final longest increasing subsequence are *moved*.
Two blocks that both carry a key are never paired unless the keys are equal.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from timeline.diff.result import Block, Kind, Section
from timeline.diff.tokens import Alphabet

# Similarity is Indel's normalized similarity over lower-cased word tokens, i.e.
# 2 * LCS / (words in old + words in new) -- difflib's ratio, at the word level.
# Thresholds measured on the Syria pairs and on the benchmark's synthetic revisions:
# - the same clause after negotiation edits scores 0.55-0.98 (the 2042 "Noting the
#   Envoy's assessment" pair, reordered and extended, scores 0.57); different clauses of
#   one text score below 0.35, the shared words being "the", "of", "Syrian", "and".
#   0.5 therefore pairs edited clauses wherever they moved, without false pairs;
SAME_CLAUSE = 0.5
# - heavy rewrites keep their opening verb and subject and score 0.25-0.5, a range in
#   which unrelated clauses also fall now and then; accepted only where nothing else
#   explains the paragraph, between the same two unchanged neighbours.
REWRITTEN = 0.25


@dataclass(frozen=True, slots=True)
class Match:
    """An old block paired with a new block; ``in_order`` is false for moved pairs."""

    old: int
    new: int
    similarity: float
    in_order: bool


def align(old: Sequence[Block], new: Sequence[Block]) -> list[Match]:
    """Pair old and new blocks; every block appears in at most one match.

    Guarantees: blocks pair only within the same lane (headings with headings, clauses
    with clauses of the same section) unless their keys are equal; matches are sorted by
    old index; ``in_order`` marks one longest subsequence of matches increasing in both
    indexes.
    """
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()

    new_by_key: dict[str, int] = {}
    for block in new:
        if block.key is not None:
            new_by_key.setdefault(block.key, block.index)
    for block in old:
        if block.key is not None and block.key in new_by_key:
            j = new_by_key.pop(block.key)
            pairs[block.index] = (j, _similarity(block.text, new[j].text))
            taken.add(j)

    old_lanes = _lanes(block for block in old if block.index not in pairs)
    new_lanes = _lanes(block for block in new if block.index not in taken)
    bands: list[tuple[float, int, int]] = []
    for lane, olds in old_lanes.items():
        news = new_lanes.get(lane)
        if news:
            bands += _match_lane(olds, news, pairs, taken)

    if bands:
        _match_in_place(bands, pairs, taken)
    order = sorted(pairs.items())
    kept = _increasing(order)
    return [Match(i, j, score, position in kept) for position, (i, (j, score)) in enumerate(order)]


def _lanes(blocks: Iterable[Block]) -> dict[Kind | Section | None, list[Block]]:
    lanes: dict[Kind | Section | None, list[Block]] = {}
    for block in blocks:
        lane = block.kind if block.kind is Kind.HEADING else block.section
        lanes.setdefault(lane, []).append(block)
    return lanes


def _match_lane(
    olds: list[Block],
    news: list[Block],
    pairs: dict[int, tuple[int, float]],
    taken: set[int],
) -> list[tuple[float, int, int]]:
    """Pair identical and similar blocks of one lane; return the rewritten-band pairs."""
    news_by_text: dict[str, list[Block]] = {}
    for block in news:
        news_by_text.setdefault(block.text, []).append(block)
    olds_by_text: dict[str, list[Block]] = {}
    for block in olds:
        olds_by_text.setdefault(block.text, []).append(block)
    for text, same_old in olds_by_text.items():
        same_new = news_by_text.get(text)
        # Identical texts pair in order only when both sides hold as many copies;
        # otherwise position decides, in the similarity step below.
        if same_new and len(same_new) == len(same_old):
            for o, n in zip(same_old, same_new, strict=True):
                if o.key is None or n.key is None:
                    pairs[o.index] = (n.index, 1.0)
                    taken.add(n.index)

    olds = [block for block in olds if block.index not in pairs]
    news = [block for block in news if block.index not in taken]
    if not olds or not news:
        return []
    alphabet = Alphabet()
    new_codes = [alphabet.encode_words(block.text) for block in news]
    candidates: list[tuple[float, int, int, int]] = []
    for rank, block in enumerate(olds):
        code = alphabet.encode_words(block.text)
        if not code:
            continue
        for _, score, k in process.extract(
            code, new_codes, scorer=Indel.normalized_similarity, limit=None, score_cutoff=REWRITTEN
        ):
            if new_codes[k] and (block.key is None or news[k].key is None):
                candidates.append((score, abs(rank - k), block.index, news[k].index))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    bands: list[tuple[float, int, int]] = []
    for score, _, i, j in candidates:
        if i in pairs or j in taken:
            continue
        if score >= SAME_CLAUSE:
            pairs[i] = (j, score)
            taken.add(j)
        else:
            bands.append((score, i, j))
    return bands


def _match_in_place(
    bands: list[tuple[float, int, int]],
    pairs: dict[int, tuple[int, float]],
    taken: set[int],
) -> None:
    """Accept rewritten-band pairs that sit in a gap of the in-order backbone."""
    order = sorted(pairs.items())
    kept = _increasing(order)
    anchor_old = [order[p][0] for p in sorted(kept)]
    anchor_new = [order[p][1][0] for p in sorted(kept)]
    chosen: dict[int, list[tuple[int, int]]] = {}
    for score, i, j in sorted(bands, key=lambda band: -band[0]):
        if i in pairs or j in taken:
            continue
        gap = bisect_left(anchor_old, i)
        if gap != bisect_left(anchor_new, j):
            continue
        in_gap = chosen.setdefault(gap, [])
        if any((oi < i) != (nj < j) for oi, nj in in_gap):
            continue
        in_gap.append((i, j))
        pairs[i] = (j, score)
        taken.add(j)


def _increasing(order: list[tuple[int, tuple[int, float]]]) -> set[int]:
    """Positions in ``order`` (sorted by old index) of a longest run increasing in new."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(order)
    for position, (_, (j, _)) in enumerate(order):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_at.append(position)
        else:
            tails[length] = j
            tail_at[length] = position
        previous[position] = tail_at[length - 1] if length else -1
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept


def _similarity(old: str, new: str) -> float:
    if old == new:
        return 1.0
    alphabet = Alphabet()
    return Indel.normalized_similarity(alphabet.encode_words(old), alphabet.encode_words(new))
