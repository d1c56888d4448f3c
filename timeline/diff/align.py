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
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from timeline.diff.result import Block, Kind
from timeline.diff.tokens import Alphabet

# Similarity is Indel's normalized similarity over lower-cased word tokens, i.e.
# 2 * LCS / (words in old + words in new) -- difflib's ratio, at the word level.
# Thresholds measured on every keyed revision pair of the Syria collection and on the
# benchmark's synthetic revisions:
# - the same full paragraph after negotiation edits scores 0.54-1.0 (the 2042 "Noting
#   the Envoy's assessment" paragraph, US draft against Russian draft, 0.54); different
#   clauses of one section score at most 0.47 (two "League of Arab States" paragraphs of
#   the 1 February preamble; the two long "Noting" paragraphs of 2042), the shared
#   words being "the", "of", "Syrian", "and". One
#   rival pair scores 0.55: Pakistan's and the UK's "Requests the Secretary-General to
#   report ..." of 19 July 2012, which editors keyed apart and keys override.
#   0.5 therefore pairs edited clauses wherever they moved, without false pairs;
SAME_CLAUSE = 0.5
# - heavy rewrites and truncated copies keep their opening verb and subject and score
#   0.25-0.5 (the assessment paragraph, Russian draft against S/2012/219, 0.47; the
#   UNSMIS renewal, Pakistan against UK, 0.49), a range in which unrelated clauses also
#   fall now and then; accepted only where nothing else explains the paragraph, between
#   the same two in-order neighbours.
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
    aligner = _Aligner(old, new)
    aligner.match_keys()
    # Paragraphs first, then each paragraph's sub-paragraphs against those of the
    # paragraph it became (identical "(a) cease ..." items recur under several
    # paragraphs), then the sub-paragraphs left over, wherever they went.
    aligner.match([b for b in old if b.parent is None], [b for b in new if b.parent is None])
    new_children: dict[int, list[Block]] = {}
    for block in new:
        if block.parent is not None:
            new_children.setdefault(block.parent, []).append(block)
    old_children: dict[int, list[Block]] = {}
    for block in old:
        if block.parent is not None:
            old_children.setdefault(block.parent, []).append(block)
    for parent, children in old_children.items():
        if parent in aligner.pairs:
            aligner.match(children, new_children.get(aligner.pairs[parent][0], []))
    aligner.match(
        [b for b in old if b.parent is not None], [b for b in new if b.parent is not None]
    )
    aligner.match_in_place()

    order = sorted(aligner.pairs.items())
    kept = _increasing(order)
    return [Match(i, j, score, position in kept) for position, (i, (j, score)) in enumerate(order)]


class _Aligner:
    """The pairs found so far, and the word encodings computed for them."""

    def __init__(self, old: Sequence[Block], new: Sequence[Block]) -> None:
        self.old = old
        self.new = new
        self.pairs: dict[int, tuple[int, float]] = {}
        self.taken: set[int] = set()
        self.alphabet = Alphabet()
        self.old_codes: dict[int, str] = {}
        self.new_codes: dict[int, str] = {}

    def match_keys(self) -> None:
        new_by_key: dict[str, int] = {}
        for block in self.new:
            if block.key is not None:
                new_by_key.setdefault(block.key, block.index)
        for block in self.old:
            if block.key is not None and block.key in new_by_key:
                j = new_by_key.pop(block.key)
                similarity = 1.0
                if block.text != self.new[j].text:
                    similarity = Indel.normalized_similarity(
                        self._code(self.old_codes, block), self._code(self.new_codes, self.new[j])
                    )
                self._pair(block.index, j, similarity)

    def match(self, olds: list[Block], news: list[Block]) -> None:
        """Pair identical, then similar (``SAME_CLAUSE``) blocks, lane by lane."""
        new_lanes: dict[object, list[Block]] = {}
        for block in news:
            if block.index not in self.taken:
                new_lanes.setdefault(_lane(block), []).append(block)
        old_lanes: dict[object, list[Block]] = {}
        for block in olds:
            if block.index not in self.pairs:
                old_lanes.setdefault(_lane(block), []).append(block)
        for lane, lane_olds in old_lanes.items():
            lane_news = new_lanes.get(lane)
            if lane_news:
                self._match_identical(lane_olds, lane_news)
                self._match_similar(lane_olds, lane_news, SAME_CLAUSE, crossing=True)

    def match_in_place(self) -> None:
        """Pair ``REWRITTEN`` blocks that lie in the same gap of the in-order backbone."""
        order = sorted(self.pairs.items())
        kept = sorted(_increasing(order))
        anchor_old = [order[p][0] for p in kept]
        anchor_new = [order[p][1][0] for p in kept]
        gaps: dict[tuple[int, object], tuple[list[Block], list[Block]]] = {}
        for block in self.old:
            if block.index not in self.pairs:
                key = (bisect_left(anchor_old, block.index), _lane(block))
                gaps.setdefault(key, ([], []))[0].append(block)
        for block in self.new:
            if block.index not in self.taken:
                key = (bisect_left(anchor_new, block.index), _lane(block))
                if key in gaps:
                    gaps[key][1].append(block)
        for olds, news in gaps.values():
            if news:
                self._match_similar(olds, news, REWRITTEN, crossing=False)

    def _match_identical(self, olds: list[Block], news: list[Block]) -> None:
        news_by_text: dict[str, list[Block]] = {}
        for block in news:
            news_by_text.setdefault(block.text, []).append(block)
        olds_by_text: dict[str, list[Block]] = {}
        for block in olds:
            olds_by_text.setdefault(block.text, []).append(block)
        for text, same_old in olds_by_text.items():
            same_new = news_by_text.get(text)
            # Identical texts pair in order only when both sides hold as many copies;
            # otherwise position decides, in the similarity step.
            if same_new and len(same_new) == len(same_old):
                for o, n in zip(same_old, same_new, strict=True):
                    if o.key is None or n.key is None:
                        self._pair(o.index, n.index, 1.0)

    def _match_similar(
        self, olds: list[Block], news: list[Block], cutoff: float, *, crossing: bool
    ) -> None:
        """Pair free blocks scoring ``cutoff`` or more, best first, nearest first on ties.

        Without ``crossing``, a pair is skipped if it would cross one made here before.
        """
        olds = [block for block in olds if block.index not in self.pairs]
        news = [block for block in news if block.index not in self.taken]
        if not olds or not news:
            return
        new_codes = [self._code(self.new_codes, block) for block in news]
        candidates: list[tuple[float, int, int, int]] = []
        for rank, block in enumerate(olds):
            code = self._code(self.old_codes, block)
            if not code:
                continue
            for _, score, k in process.extract(
                code, new_codes, scorer=Indel.normalized_similarity, limit=None, score_cutoff=cutoff
            ):
                if new_codes[k] and (block.key is None or news[k].key is None):
                    candidates.append((score, abs(rank - k), block.index, news[k].index))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        made: list[tuple[int, int]] = []
        for score, _, i, j in candidates:
            if i in self.pairs or j in self.taken:
                continue
            if not crossing and any((i2 < i) != (j2 < j) for i2, j2 in made):
                continue
            made.append((i, j))
            self._pair(i, j, score)

    def _pair(self, i: int, j: int, similarity: float) -> None:
        self.pairs[i] = (j, similarity)
        self.taken.add(j)

    def _code(self, codes: dict[int, str], block: Block) -> str:
        code = codes.get(block.index)
        if code is None:
            code = codes[block.index] = self.alphabet.encode_words(block.text)
        return code


def _lane(block: Block) -> tuple[object, bool]:
    """Headings with headings; clauses within their section; sub-paragraphs apart."""
    return (block.kind if block.kind is Kind.HEADING else block.section, block.parent is None)


def _increasing(order: list[tuple[int, tuple[int, float]]]) -> set[int]:
    """Positions in ``order`` (sorted by old index) of a longest run increasing in new.

    Among runs of the longest length, the one with the most similar pairs wins, so that
    when two clauses swap places the unchanged one stays and the edited one is "moved".
    A Fenwick tree over new indexes keeps this O(n log n).
    """
    count = len(order)
    size = max((j for _, (j, _) in order), default=-1) + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    weight = [0.0] * count
    previous = [-1] * count
    for position, (_, (j, similarity)) in enumerate(order):
        best, at = 0.0, -1
        k = j
        while k > 0:
            if tree[k][0] > best:
                best, at = tree[k]
            k -= k & -k
        # Each pair counts 1 plus its similarity scaled below 1 / count, so length
        # always outweighs similarity.
        weight[position] = best + 1 + similarity / (count + 1)
        previous[position] = at
        k = j + 1
        while k <= size:
            if tree[k][0] < weight[position]:
                tree[k] = (weight[position], position)
            k += k & -k
    kept: set[int] = set()
    position = max(range(count), key=weight.__getitem__, default=-1)
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept
