"""Clause alignment: which block of the new text continues which block of the old.

The order of decisions, most certain first:
1. stable keys: an old and a new block with the same key are the same clause;
2. identical text within a section (the bulk of any revision, found by hashing); a text
   repeated a different number of times on the two sides pairs copy by copy where the
   pairs found so far put each copy (document order wins);
3. word-level similarity within a section for pairs scoring ``SAME_CLAUSE`` or more,
   wherever the clause went: among pairs within ``TIE`` of each block's best, the set
   that keeps document order and scores most is taken first (two near-identical
   "Decides … paragraph 7" paragraphs never cross), then the rest, best first;
4. a paragraph that changed section ("Expressing …," in the preamble, "Expresses …;" in
   the operative part) pairs when, its opening verb reduced to its stem, it scores
   ``ACROSS_SECTIONS`` or more;
5. the longest increasing subsequence of those pairs is the text's unchanged backbone;
   a pair scoring ``REWRITTEN`` or more is accepted only inside a gap of that backbone,
   i.e. where a rewritten clause stayed in place, and only with a second signal: the same
   opening words, or two rare words in common;
6. pairs outside the final longest increasing subsequence are *moved*.
Two blocks that both carry a key are never paired unless the keys are equal. Candidate
pairs in a large section are found through the words they share (an inverted index of
each block's rarest words; a block sharing only one of them is a candidate only near where
the other stood), so the cost grows with the blocks, not their pairs.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Indel

from timeline.diff.parse import OPENING_QUALIFIERS
from timeline.diff.result import Block, Kind, Section
from timeline.diff.tokens import Words

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
# Two candidates for one block within this of its best score are a tie, which document
# order breaks.
TIE = 0.1
# A paragraph that moved between preamble and operative part keeps nearly all its words.
ACROSS_SECTIONS = 0.8
# Above this many old × new blocks in one lane, candidates come from the word index.
_FULL_SCAN = 40_000
# Or above this many words of the old blocks times words of the new (40,000 pairs of
# 60-word paragraphs): scoring a pair of paragraphs of 2,500 words takes about 1 ms (its
# words beyond the 256 characters rapidfuzz reads fastest), and 200 such paragraphs a
# side, scored each against each, took 30 s.
_FULL_SCAN_WORDS = _FULL_SCAN * 60 * 60
# How many candidates the word index proposes for each block, and how many of a
# block's rarest words it looks them up by.
_CANDIDATES = 24
_RARE_WORDS = 6
# A block sharing only one of a query's rarest words is proposed only this near the place
# the query stood in its own text (more paragraphs than any resolution holds). Measured on
# the 10,009-paragraph distinct case of `make bench`: the further ones were 70% of all
# proposals, 60% more proposals a query than at 1,000 paragraphs; the 122 right pairs
# made from such proposals all lay nearer than 256, and the 34 made beyond it were false.
_ONE_WORD_NEAR = 256
_DISTANCE_BITS = (1 << 21) - 1  # blocks in a lane: at most 2 million
# How many characters of the blocks' codes `_RareWords` reads, a pass for each word it is
# asked about, before it counts every word of every block at once instead. A pass is in C;
# counting every word makes a set of each code's words, character by character. At 40
# paragraphs (codes of about 10,000 characters in all) a comparison asks about 30 words
# at most, and counting them one at a time took 0.1-0.3 ms less (a fifth to a third of
# the floor of `make bench`); at 1,000 it asks about thousands in codes 25 times longer.
_SCANNED_ALONE = 1_000_000


class Match(NamedTuple):
    """An old block paired with a new block; ``in_order`` is false for moved pairs."""

    old: int
    new: int
    similarity: float
    in_order: bool


def align(old: Sequence[Block], new: Sequence[Block], words: Words | None = None) -> list[Match]:
    """Pair old and new blocks; every block appears in at most one match.

    Guarantees: blocks pair only within the same lane (headings with headings, clauses
    with clauses of the same section) unless their keys are equal; matches are sorted by
    old index; ``in_order`` marks one longest subsequence of matches increasing in both
    indexes.
    """
    aligner = _Aligner(old, new, words or Words())
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
    # Where each sub-paragraph is expected: after its paragraph, by the backbone of the
    # paragraphs' pairs (found once, not once per paragraph).
    aligner.anchors = aligner.backbone()
    for parent, children in old_children.items():
        if parent in aligner.pairs:
            aligner.match(children, new_children.get(aligner.pairs[parent][0], []))
    aligner.anchors = None
    aligner.match(
        [b for b in old if b.parent is not None], [b for b in new if b.parent is not None]
    )
    aligner.match_across_sections()
    aligner.match_in_place()

    order = sorted(aligner.pairs.items())
    kept = _increasing(order)
    return [Match(i, j, score, position in kept) for position, (i, (j, score)) in enumerate(order)]


class _Aligner:
    """The pairs found so far, and the word encodings computed for them."""

    def __init__(self, old: Sequence[Block], new: Sequence[Block], words: Words) -> None:
        self.old = old
        self.new = new
        self.pairs: dict[int, tuple[int, float]] = {}
        self.taken: set[int] = set()
        self.old_of: dict[int, int] = {}  # new index -> the old index paired with it
        # The backbone to use while sub-paragraphs are matched paragraph by paragraph.
        self.anchors: tuple[list[int], list[int]] | None = None
        self.words = words
        self.old_codes: dict[int, str] = {}
        self.new_codes: dict[int, str] = {}
        self._rare_words_made: _RareWords | None = None
        self.words_in = _WordSets()

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
        for lane, lane_olds in old_lanes.items():
            lane_news = new_lanes.get(lane)
            if lane_news:
                self._match_repeated(lane_olds, lane_news)
                self._match_similar(lane_olds, lane_news, SAME_CLAUSE, crossing=True)

    def match_across_sections(self) -> None:
        """Pair paragraphs that moved between preamble and operative part, nearly unchanged
        once the opening verb's form is set aside."""
        olds = [b for b in self.old if b.index not in self.pairs and _movable(b)]
        news = [b for b in self.new if b.index not in self.taken and _movable(b)]
        if not olds or not news:
            return
        stems: dict[str, str] = {}
        candidates = []
        # Each part's paragraphs against the other part's.
        for section in (Section.PREAMBULAR, Section.OPERATIVE):
            queries = [b for b in olds if b.section is section]
            choices = [b for b in news if b.section is not section]
            if not queries or not choices:
                continue
            query_codes = [
                self._stem_opening(self._code(self.old_codes, b), stems) for b in queries
            ]
            choice_codes = [
                self._stem_opening(self._code(self.new_codes, b), stems) for b in choices
            ]
            for q, score, k in _scores(query_codes, choice_codes, ACROSS_SECTIONS, self.words_in):
                block, other = queries[q], choices[k]
                if block.key is None or other.key is None:
                    candidates.append((score, block.index, other.index))
        candidates.sort(key=lambda c: -c[0])
        for _, i, j in candidates:
            if i not in self.pairs and j not in self.taken:
                old_block, new_block = self.old[i], self.new[j]
                self._pair(
                    i,
                    j,
                    Indel.normalized_similarity(
                        self._code(self.old_codes, old_block), self._code(self.new_codes, new_block)
                    ),
                )

    def match_in_place(self) -> None:
        """Pair ``REWRITTEN`` blocks that lie in the same gap of the in-order backbone."""
        anchor_old, anchor_new = self.anchors or self.backbone()
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
                self._match_similar(olds, news, REWRITTEN, crossing=False, related=True)

    def _match_identical(self, olds: list[Block], news: list[Block]) -> None:
        news_by_text: dict[str, list[Block]] = {}
        for block in news:
            news_by_text.setdefault(block.text, []).append(block)
        olds_by_text: dict[str, list[Block]] = {}
        for block in olds:
            olds_by_text.setdefault(block.text, []).append(block)
        found: list[tuple[int, tuple[int, float]]] = []
        for text, same_old in olds_by_text.items():
            same_new = news_by_text.get(text)
            # Identical texts pair in order only when both sides hold as many copies;
            # otherwise position decides, in the similarity step.
            if same_new and len(same_new) == len(same_old):
                for o, n in zip(same_old, same_new, strict=True):
                    if o.key is None or n.key is None:
                        found.append((o.index, (n.index, 1.0)))
        # A pair out of the order the others keep would be a move; it is left to the
        # similarity step, which takes it unless an in-order pair nearly as good is there:
        # where one text's paragraph was kept into the next (renewals one after another),
        # its copy in the next text is not the paragraph moved.
        found.sort()
        for position in _increasing(found):
            i, (j, similarity) = found[position]
            self._pair(i, j, similarity)

    def _match_repeated(self, olds: list[Block], news: list[Block]) -> None:
        """Pair the copies of a text repeated a different number of times on each side,
        each new copy with the free old copy nearest where the pairs so far expect it,
        keeping their order. (A text as often on each side was paired in order, or, if a
        pair would have been a move, left to the similarity step.)"""
        copies_of = Counter(block.text for block in olds)
        copies_of.subtract(block.text for block in news)
        news_by_text: dict[str, list[Block]] = {}
        for block in news:
            if block.index not in self.taken and copies_of[block.text]:
                news_by_text.setdefault(block.text, []).append(block)
        olds_by_text: dict[str, list[Block]] = {}
        for block in olds:
            if block.index not in self.pairs and block.text in news_by_text:
                olds_by_text.setdefault(block.text, []).append(block)
        if not olds_by_text:
            return
        anchor_old, anchor_new = self.anchors or self.backbone()

        def expected(i: int) -> int:
            at = bisect_left(anchor_old, i) - 1
            return i if at < 0 else anchor_new[at] + (i - anchor_old[at])

        for text, copies in olds_by_text.items():
            targets = [b for b in news_by_text[text] if b.index not in self.taken]
            for n, t in _nearest_in_order(
                [expected(b.index) for b in copies], [b.index for b in targets]
            ):
                if copies[n].key is None or targets[t].key is None:
                    self._pair(copies[n].index, targets[t].index, 1.0)

    def _match_similar(
        self,
        olds: list[Block],
        news: list[Block],
        cutoff: float,
        *,
        crossing: bool,
        related: bool = False,
    ) -> None:
        """Pair free blocks scoring ``cutoff`` or more.

        With ``crossing``, the near-best pairs that keep document order (with each other
        and with the pairs already made) are taken first, then the rest best first;
        without it, best first, skipping a pair that would cross one made here. With
        ``related`` (and without ``crossing``), a pair also needs a second signal
        (`_related`).
        """
        olds = [block for block in olds if block.index not in self.pairs]
        news = [block for block in news if block.index not in self.taken]
        if not olds or not news:
            return
        candidates = self._candidates(olds, news, cutoff)
        candidates.sort(key=lambda c: (-c[0], c[1]))
        if crossing:
            for i, j, score in self._in_order(candidates):
                self._pair(i, j, score)
        made: list[tuple[int, int]] = []
        for score, _, i, j in candidates:
            if i in self.pairs or j in self.taken:
                continue
            if not crossing and any((i2 < i) != (j2 < j) for i2, j2 in made):
                continue
            # (The second signal is asked last: it is the costliest, and a pair it turns
            # down takes no part in the rest.)
            if related and not self._related(i, j):
                continue
            made.append((i, j))
            self._pair(i, j, score)

    def _candidates(
        self, olds: list[Block], news: list[Block], cutoff: float
    ) -> list[tuple[float, int, int, int]]:
        """(score, distance in rank, old index, new index) of pairs scoring ``cutoff`` or
        more: every pair in a small lane, the word index's proposals in a large one."""
        new_codes = [self._code(self.new_codes, block) for block in news]
        old_codes = [self._code(self.old_codes, block) for block in olds]
        candidates: list[tuple[float, int, int, int]] = []
        for rank, score, k in _scores(old_codes, new_codes, cutoff, self.words_in):
            block = olds[rank]
            if block.key is None or news[k].key is None:
                candidates.append((score, abs(rank - k), block.index, news[k].index))
        return candidates

    def _in_order(
        self, candidates: list[tuple[float, int, int, int]]
    ) -> list[tuple[int, int, float]]:
        """Among the candidates within ``TIE`` of both their blocks' best, the pairs of
        the heaviest chain that increases in both texts, the pairs already made counting
        more than any candidate: where near-duplicates compete, document order wins."""
        best_old: dict[int, float] = {}
        best_new: dict[int, float] = {}
        for score, _, i, j in candidates:
            best_old[i] = max(best_old.get(i, 0.0), score)
            best_new[j] = max(best_new.get(j, 0.0), score)
        near = [
            (i, j, score)
            for score, _, i, j in candidates
            if score >= best_old[i] - TIE and score >= best_new[j] - TIE
        ]
        if not near:
            return []
        # The pairs made that share a range of either text with the candidates: those
        # before or after all of them in both texts weigh the same in every chain.
        low_i, high_i = min(p[0] for p in near), max(p[0] for p in near)
        low_j, high_j = min(p[1] for p in near), max(p[1] for p in near)
        fixed = {i: self.pairs[i][0] for i in range(low_i, high_i + 1) if i in self.pairs}
        fixed.update((self.old_of[j], j) for j in range(low_j, high_j + 1) if j in self.old_of)
        points = sorted(
            [(i, j, 10.0) for i, j in fixed.items()] + near, key=lambda p: (p[0], -p[1])
        )
        # New indexes by rank, for a tree as small as the points.
        ranks = {j: r for r, j in enumerate(sorted({p[1] for p in points}))}
        chosen: list[tuple[int, int, float]] = []
        taken_old: set[int] = set()
        for position in _heaviest_chain([ranks[p[1]] for p in points], [p[2] for p in points]):
            i, j, score = points[position]
            if score < 10.0 and i not in self.pairs and j not in self.taken and i not in taken_old:
                chosen.append((i, j, score))
                taken_old.add(i)
        return chosen

    def _related(self, i: int, j: int) -> bool:
        """A second signal that two rewritten paragraphs are one: the same two opening
        words, or at least two words of four letters or more in common that are rare in
        the two texts (in three blocks or fewer)."""
        old, new = self.old[i], self.new[j]
        old_code, new_code = self._code(self.old_codes, old), self._code(self.new_codes, new)
        word = self.words.word
        if old_code and _opening(old_code, word) == _opening(new_code, word):
            return True
        shared = self.words_in(old_code) & self.words_in(new_code)
        rare_words = self._rare_words()
        rare = 0
        for char in shared:
            spelt = word(char)
            # A word of a paragraph both texts hold unchanged is in that paragraph's two
            # copies and in these two blocks: four at least, so not rare.
            if len(spelt) > 3 and rare_words.rare(char) and spelt not in rare_words.unchanged:
                rare += 1
                if rare == 2:
                    return True
        return False

    def _rare_words(self) -> _RareWords:
        """The blocks not paired with an identical text, which rare words are counted in,
        and the text of those that are (made on first need: once the pairs it reads are
        made)."""
        if self._rare_words_made is None:
            unchanged_old: set[int] = set()
            unchanged_new: set[int] = set()
            for i, (j, _) in self.pairs.items():
                if self.old[i].text == self.new[j].text:
                    unchanged_old.add(i)
                    unchanged_new.add(j)
            codes = [
                self._code(codes, block)
                for codes, blocks, unchanged in (
                    (self.old_codes, self.old, unchanged_old),
                    (self.new_codes, self.new, unchanged_new),
                )
                for block in blocks
                if block.index not in unchanged
            ]
            unchanged_text = "\n".join(self.old[i].text for i in unchanged_old).lower()
            self._rare_words_made = _RareWords(codes, unchanged_text, self.words_in)
        return self._rare_words_made

    def _stem_opening(self, code: str, cache: dict[str, str]) -> str:
        """A paragraph's word code with its opening verb reduced to a stem
        ("Expressing"/"Expresses" → "express"), so that a paragraph reads the same in
        either part of a resolution."""
        for n, char in enumerate(code[:3]):
            word = self.words.word(char)
            if word in OPENING_QUALIFIERS or word.endswith("ly"):
                continue
            stem = cache.get(char)
            if stem is None:
                stem = cache[char] = self.words.encode_word(_stem(word))
            return code[:n] + stem + code[n + 1 :]
        return code

    def backbone(self) -> tuple[list[int], list[int]]:
        """The old and the new indexes of the in-order pairs so far (a longest run
        increasing in both texts), in order."""
        order = sorted(self.pairs.items())
        kept = sorted(_increasing(order))
        return [order[p][0] for p in kept], [order[p][1][0] for p in kept]

    def _pair(self, i: int, j: int, similarity: float) -> None:
        self.pairs[i] = (j, similarity)
        self.taken.add(j)
        self.old_of[j] = i

    def _code(self, codes: dict[int, str], block: Block) -> str:
        code = codes.get(block.index)
        if code is None:
            code = codes[block.index] = self.words.encode(block.text)
        return code


class _RareWords:
    """Which words are rare: in three of ``codes`` (blocks' word codes) or fewer; and
    ``unchanged``, the lower-cased text of the paragraphs both texts hold unchanged (a
    word found in it occurs in at least two blocks).

    The first words asked about (`_SCANNED_ALONE`) are counted in all the codes at once
    (in C), and block by block only when they occur more often than that (a word may
    recur in one block): a few rewritten paragraphs share few words. Beyond that, every
    word of the codes is counted once, block by block."""

    def __init__(self, codes: list[str], unchanged: str, words_in: _WordSets) -> None:
        self.codes = codes
        self.unchanged = unchanged
        self._words_in = words_in
        self._all = "".join(codes)
        self._scanned = 0  # characters of the codes read so far, word by word
        self._frequency: Counter[str] | None = None

    def rare(self, char: str) -> bool:
        """Whether the word ``char`` codes is in three of the codes or fewer."""
        if self._frequency is None:
            self._scanned += len(self._all)
            if self._scanned > _SCANNED_ALONE:
                self._frequency = Counter(chain.from_iterable(map(self._words_in, self.codes)))
        if self._frequency is not None:
            return self._frequency.get(char, 0) <= 3
        if self._all.count(char) <= 3:
            return True
        blocks = 0
        for code in self.codes:
            if char in code:
                blocks += 1
                if blocks > 3:
                    return False
        return True


class _WordSets(dict[str, frozenset[str]]):
    """A word code -> the set of its words, each made once. (Reading a code character by
    character makes a new string for each character beyond the 256 Python keeps, which
    makes a set of a long code cost more than everything rapidfuzz does with it.)"""

    def __call__(self, code: str) -> frozenset[str]:
        words = self.get(code)
        if words is None:
            words = self[code] = frozenset(code)
        return words


def _scores(
    queries: list[str], choices: list[str], cutoff: float, words_in: _WordSets
) -> Iterator[tuple[int, float, int]]:
    """(query position, score, choice position) of the word codes scoring ``cutoff`` or
    more: every pair when there are few, else the pairs the word index proposes, so that
    the cost grows with the codes, not their pairs."""
    if not choices:
        return
    index = None
    if len(queries) * len(choices) > _FULL_SCAN or (
        len(choices) > _CANDIDATES
        and sum(map(len, queries)) * sum(map(len, choices)) > _FULL_SCAN_WORDS
    ):
        index = _WordIndex(choices, words_in)
    lengths = _ByLength(choices) if index is None and len(choices) >= _BY_LENGTH else None
    for q, code in enumerate(queries):
        if not code:
            continue
        if lengths is not None:
            yield from ((q, score, k) for score, k in lengths.scores(code, cutoff))
        elif index is None:
            for _, score, k in process.extract(
                code, choices, scorer=Indel.normalized_similarity, limit=None, score_cutoff=cutoff
            ):
                if choices[k]:
                    yield q, score, k
        else:
            near = index.near(code, q * len(choices) // len(queries))
            for _, score, n in process.extract(
                code,
                list(map(choices.__getitem__, near)),
                scorer=Indel.normalized_similarity,
                limit=None,
                score_cutoff=cutoff,
            ):
                yield q, score, near[n]


# From this many choices, a full scan scores only the choices whose length allows the cutoff.
_BY_LENGTH = 16


class _ByLength:
    """Choices sorted by length: a similarity of ``cutoff`` or more needs
    2 × LCS ≥ cutoff × (m + n), so a choice of length n can reach it from a code of length
    m only for m × c / (2 − c) ≤ n ≤ m × (2 − c) / c; the others are never scored (most
    of them where the cutoff is high, as for paragraphs that changed section)."""

    def __init__(self, choices: list[str]) -> None:
        self.order = sorted(range(len(choices)), key=lambda k: len(choices[k]))
        self.lengths = [len(choices[k]) for k in self.order]
        self.choices = [choices[k] for k in self.order]

    def scores(self, code: str, cutoff: float) -> list[tuple[float, int]]:
        """(score, choice position) of the choices scoring ``cutoff`` or more, best first,
        ties in choice order (as ``process.extract`` gives them)."""
        m = len(code)
        low = bisect_left(self.lengths, m * cutoff / (2 - cutoff) - 1e-9)
        high = bisect_right(self.lengths, m * (2 - cutoff) / cutoff + 1e-9) if cutoff else None
        found = [
            (-score, self.order[low + n])
            for _, score, n in process.extract(
                code,
                self.choices[low:high],
                scorer=Indel.normalized_similarity,
                limit=None,
                score_cutoff=cutoff,
            )
            if self.lengths[low + n]
        ]
        found.sort()
        return [(-negative, k) for negative, k in found]


class _WordIndex:
    """Blocks by their rarest words: for a query, the blocks sharing most of its rarest
    words, the nearest to where it stood first."""

    def __init__(self, codes: list[str], words_in: _WordSets) -> None:
        self.words_in = words_in
        frequency = Counter(chain.from_iterable(map(words_in, codes)))
        # A word's rank: rarest first, ties by its character, as a small positive integer,
        # so that a block's words are ranked and sorted in C, and on list.sort's fast path
        # for integers below 2**30 (``count × 0x110000 + character`` passed it from 960
        # copies of a word on, and sorted three times slower at 10,000 paragraphs).
        self.rank: dict[str, int] = {
            chr(key % 0x110000): position
            for position, key in enumerate(
                sorted([n * 0x110000 + ord(char) for char, n in frequency.items()]), start=1
            )
        }
        self.postings: dict[int, list[int]] = {}
        for k, code in enumerate(codes):
            for word in self._rarest(code):
                self.postings.setdefault(word, []).append(k)

    def _rarest(self, code: str) -> list[int]:
        """The ranks of a code's rarest words that the indexed blocks use."""
        return sorted(filter(None, map(self.rank.get, self.words_in(code))))[:_RARE_WORDS]

    def near(self, code: str, where: int) -> list[int]:
        found = []
        for word in self._rarest(code):
            postings = self.postings.get(word, ())
            if len(postings) > 4 * _CANDIDATES:
                # A word in very many blocks: only the copies nearest this place.
                at = bisect_left(postings, where)
                postings = postings[max(0, at - 2 * _CANDIDATES) : at + 2 * _CANDIDATES]
            found.append(postings)
        hits = list(chain.from_iterable(found))
        # Blocks sharing two words or more, and those sharing one that lie near.
        low, high = where - _ONE_WORD_NEAR, where + _ONE_WORD_NEAR
        if len(hits) <= _CANDIDATES and (not hits or (low < min(hits) and max(hits) < high)):
            return list(dict.fromkeys(hits))
        shared = [(k, n) for k, n in Counter(hits).items() if n > 1 or low < k < high]
        if len(shared) <= _CANDIDATES:
            return [k for k, _ in shared]
        # Those sharing most of the words first, then the nearest, then the first: one
        # integer per block below 2**30, sorted in C on list.sort's fast path: fewer words
        # shared, then twice the distance, plus one after ``where`` (of two blocks as
        # near, the first).
        keys = sorted(
            [
                ((_RARE_WORDS - n) << 22) | (k - where) << 1 | 1
                if k > where
                else ((_RARE_WORDS - n) << 22) | (where - k) << 1
                for k, n in shared
            ]
        )
        return [
            where + (key >> 1 & _DISTANCE_BITS) if key & 1 else where - (key >> 1 & _DISTANCE_BITS)
            for key in keys[:_CANDIDATES]
        ]


def _nearest_in_order(where: list[int], targets: list[int]) -> list[tuple[int, int]]:
    """Pairs (copy, target) of the copies expected at ``where`` and the ``targets``
    (both ascending), nearest first, no pair crossing another and each taken once: a
    copy goes to the target nearest where it is expected, not to the first target that
    asks for it (a text kept from the second document of two would otherwise pair with
    its copy in the first). Each copy weighs its two nearest targets and each target its
    two nearest copies, so the cost grows with the copies, not their pairs."""
    candidates: set[tuple[int, int, int]] = set()
    for n, at in enumerate(where):
        k = bisect_left(targets, at)
        for t in (k - 1, k):
            if 0 <= t < len(targets):
                candidates.add((abs(at - targets[t]), n, t))
    for t, at in enumerate(targets):
        k = bisect_left(where, at)
        for n in (k - 1, k):
            if 0 <= n < len(where):
                candidates.add((abs(where[n] - at), n, t))
    chosen: list[tuple[int, int]] = []  # sorted by copy, and so by target
    for _, n, t in sorted(candidates):
        k = bisect_left(chosen, (n, -1))
        if k < len(chosen) and chosen[k][0] == n:
            continue  # the copy is taken
        if (k > 0 and chosen[k - 1][1] >= t) or (k < len(chosen) and chosen[k][1] <= t):
            continue  # the target is taken, or the pair would cross one made
        chosen.insert(k, (n, t))
    return chosen


def _movable(block: Block) -> bool:
    return (
        block.kind is Kind.CLAUSE
        and block.parent is None
        and block.section in (Section.PREAMBULAR, Section.OPERATIVE)
    )


def _stem(word: str) -> str:
    for ending in ("ing", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def _opening(code: str, word: Callable[[str], str]) -> tuple[str, ...]:
    """The first two words of a word code, the first reduced to its stem."""
    words = [word(char) for char in code[:2]]
    return tuple([_stem(words[0]), *words[1:]]) if words else ()


def _lane(block: Block) -> tuple[object, bool]:
    """Headings with headings; clauses within their section; sub-paragraphs apart."""
    return (block.kind if block.kind is Kind.HEADING else block.section, block.parent is None)


def _increasing(order: list[tuple[int, tuple[int, float]]]) -> set[int]:
    """Positions in ``order`` (sorted by old index) of a longest run increasing in new.

    Among runs of the longest length, the one with the most similar pairs wins, so that
    when two clauses swap places the unchanged one stays and the edited one is "moved".
    A Fenwick tree over new indexes keeps this O(n log n).
    """
    # Each pair counts 1 plus its similarity scaled below 1 / count, so length always
    # outweighs similarity.
    scale = 1 / (len(order) + 1)
    return set(
        _heaviest_chain(
            [j for _, (j, _) in order], [1 + similarity * scale for _, (_, similarity) in order]
        )
    )


def _heaviest_chain(news: list[int], weights: list[float]) -> list[int]:
    """Positions, last first, of the chain of items whose ``news`` (non-negative
    integers) strictly increase along it with the heaviest total of ``weights``; of
    chains as heavy, the one found first. A Fenwick tree of prefix maxima over ``news``
    keeps this O(n log n); its best weights and their positions are two lists, so that
    no tuple is made or read per step."""
    size = max(news, default=-1) + 1
    tree_weight = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    total = [0.0] * len(news)
    previous = [-1] * len(news)
    for position, (j, weight) in enumerate(zip(news, weights, strict=True)):
        best, at = 0.0, -1
        k = j  # chains ending before j
        while k > 0:
            if tree_weight[k] > best:
                best = tree_weight[k]
                at = tree_at[k]
            k &= k - 1
        total[position] = here = best + weight
        previous[position] = at
        k = j + 1
        while k <= size:
            if tree_weight[k] < here:
                tree_weight[k] = here
                tree_at[k] = position
            k += k & -k
    chain = []
    position = max(range(len(news)), key=total.__getitem__, default=-1)
    while position != -1:
        chain.append(position)
        position = previous[position]
    return chain
