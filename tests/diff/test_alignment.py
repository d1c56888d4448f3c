"""Alignment a person would sign: near-duplicates keep document order, repeated texts do
not make false moves, rewrites need a second signal, moves say where from."""

import random

import pytest
from rapidfuzz.distance import Indel

from timeline.diff import Status, compare_texts, render_text
from timeline.diff import align as align_module


def layout(*paragraphs: str) -> str:
    return "\n\n".join(["The Security Council,", *paragraphs])


def statuses(comparison) -> dict[tuple[int | None, int | None], Status]:
    return {(c.old, c.new): c.status for c in comparison.alignment}


def test_near_duplicate_paragraphs_keep_document_order():
    """Each new paragraph is a shade closer to the other old one: position decides."""

    def decides(n, who, resolution, year):
        return (
            f"{n}. Decides that the measures imposed in paragraph 7 shall apply to the {who} "
            f"designated by the Committee established pursuant to resolution {resolution} ({year});"
        )

    old = layout(decides(1, "individuals", 1267, 1999), decides(2, "entities", 1989, 2011))
    new = layout(decides(1, "entities", 1989, 1999), decides(2, "individuals", 1267, 2011))
    assert statuses(compare_texts(old, new)) == {
        (0, 0): Status.UNCHANGED,
        (1, 1): Status.EDITED,
        (2, 2): Status.EDITED,
    }


def test_a_repeated_text_removed_once_is_not_a_move():
    a = "Reaffirming its strong commitment to the sovereignty of the country,"
    b = "Noting the report of the Secretary-General,"
    comparison = compare_texts(layout(a, b, a), layout(b, a))
    found = statuses(comparison)
    assert Status.MOVED not in found.values()
    assert found[(3, 2)] is Status.UNCHANGED
    assert found[(1, None)] is Status.REMOVED


def test_a_repeated_text_pairs_with_the_copy_where_it_stands_not_the_first():
    # Two renewals one after the other: the second old text kept a paragraph that the
    # first new text had added. The old copy is the second new copy, in place; the first
    # new copy is an addition, not the old one moved up.
    a = "Recalling its previous resolutions on the situation in the country,"
    b = "Welcoming the progress made in the electoral process,"
    c = "Noting the report of the Secretary-General,"
    x = "Stressing the importance of full humanitarian access,"
    found = statuses(compare_texts(layout(a, b, x, c), layout(a, x, b, x, c)))
    assert Status.MOVED not in found.values()
    assert found[(3, 4)] is Status.UNCHANGED
    assert found[(None, 2)] is Status.ADDED


def test_a_text_kept_into_the_next_renewal_is_not_a_move_to_its_copy():
    # Two renewals one after the other, each extending the mandate by a year: the second
    # old text says what the first new one says. Each old paragraph is the new paragraph
    # in its own place, edited; not the identical copy in the other text, moved.
    def mandate(year: int) -> str:
        return f"Recalling its decision to extend the mandate of the Mission until 31 July {year},"

    a = "Recalling its previous resolutions on the situation in the country,"
    b = "Welcoming the progress made in the electoral process,"
    c = "Noting the report of the Secretary-General,"
    d = "Stressing the importance of full humanitarian access,"
    old = layout(a, mandate(2014), b, c, mandate(2015), d)
    new = layout(a, mandate(2015), b, c, mandate(2016), d)
    found = statuses(compare_texts(old, new))
    assert found[(2, 2)] is Status.EDITED
    assert found[(5, 5)] is Status.EDITED
    assert Status.MOVED not in found.values()


def test_many_repeated_paragraphs_report_no_false_moves():
    texts = [
        f"{n}. Decides to renew the measures of paragraph {n % 7} of resolution 2140 (2014);"
        for n in range(1, 1_201)
    ]
    old = layout(*texts)
    new = layout(*texts[5:], "1201. Decides to remain seized of the matter;")
    counts = compare_texts(old, new).counts()
    assert counts == {"unchanged": 1196, "edited": 0, "moved": 0, "removed": 5, "added": 1}


def test_a_rewritten_paragraph_pairs_in_place_only_with_a_second_signal():
    before = "1. Welcomes the report;"
    after = "3. Decides to remain seized of the matter."
    old = layout(
        before, "2. Requests the Secretary-General to report on the observers every month;", after
    )
    related = layout(
        before, "2. Requests the Secretary-General to brief the Council within fifteen days;", after
    )
    unrelated = layout(
        before, "2. Urges all parties to the conflict to allow access to the country;", after
    )
    assert statuses(compare_texts(old, related))[(2, 2)] is Status.EDITED
    found = statuses(compare_texts(old, unrelated))
    assert found[(2, None)] is Status.REMOVED
    assert found[(None, 2)] is Status.ADDED


@pytest.mark.parametrize(
    "scanned", [align_module._SCANNED_ALONE, 0], ids=["word by word", "all words at once"]
)
def test_a_rare_word_is_counted_by_the_blocks_it_is_in_not_its_occurrences(monkeypatch, scanned):
    # "observers" four times in one paragraph is still in two blocks: with "deployment",
    # two rare words in common, the rewrite's second signal. Counted either way.
    monkeypatch.setattr(align_module, "_SCANNED_ALONE", scanned)
    old = (
        "2. Requests the Secretary-General to report on the observers, on the observers'"
        " safety, on the observers' movements and on the observers' deployment every month;"
    )
    new = "2. Asks that the observers' deployment be reviewed on all sides and on the ground;"
    before, after = "1. Welcomes the report;", "3. Decides to remain seized of the matter."
    found = statuses(compare_texts(layout(before, old, after), layout(before, new, after)))
    assert found[(2, 2)] is Status.EDITED
    # Two more paragraphs name them: in four blocks, they are common words.
    before = "1. Welcomes the report on the observers' deployment;"
    after = "3. Decides to keep the observers' deployment under review."
    found = statuses(compare_texts(layout(before, old, after), layout(before, new, after)))
    assert found[(2, None)] is Status.REMOVED


def test_a_move_says_where_it_came_from():
    old = layout(
        "1. Welcomes the report;",
        "2. Requests the Secretary-General to report every month;",
        "3. Demands an end to all violence;",
        "4. Decides to remain seized of the matter.",
    )
    new = layout(
        "1. Demands an end to all violence;",
        "2. Welcomes the report;",
        "3. Requests the Secretary-General to report every month;",
        "4. Decides to remain seized of the matter.",
    )
    lines = render_text(compare_texts(old, new)).splitlines()
    assert "1 (was 3), moved: Demands an end to all violence;" in lines
    unnumbered = render_text(compare_texts(old.replace("3. Demands", "Demands"), new))
    assert "1, moved from the operative part: Demands an end to all violence;" in unnumbered


def test_a_paragraph_moved_from_the_preamble_says_so():
    concern = "its grave concern at the situation in the country"
    old = f"Expressing {concern},\n\n1. Decides to remain seized;"
    new = f"1. Expresses {concern};\n\n2. Decides to remain seized;"
    lines = render_text(compare_texts(old, new)).splitlines()
    assert lines[1].startswith("1, moved from the preamble, edited: ")


@pytest.mark.parametrize("opening", ["Whilst welcoming", "While welcoming"])
def test_a_paragraph_opened_by_while_moved_from_the_preamble_says_so(opening):
    # The parser reads "Whilst welcoming" as a preambular opening (S/RES/2363); the
    # alignment must read past the same words to the verb, or the move is an addition.
    efforts = "the efforts of the Secretary-General"
    old = f"{opening} {efforts},\n\n1. Decides to remain seized;"
    new = f"1. Welcomes {efforts};\n\n2. Decides to remain seized;"
    lines = render_text(compare_texts(old, new)).splitlines()
    assert lines[1].startswith("1, moved from the preamble, edited: ")


def test_two_paragraphs_merged_into_one_are_a_merge_not_a_removal():
    old = layout(
        "1. Condemns the continued widespread violations of human rights by the authorities;",
        "2. Condemns all violence, irrespective of where it comes from;",
        "3. Decides to remain seized of the matter.",
    )
    new = layout(
        "1. Condemns the continued widespread violations of human rights by the authorities, "
        "and condemns all violence, irrespective of where it comes from;",
        "2. Decides to remain seized of the matter.",
    )
    comparison = compare_texts(old, new)
    merged = next(c for c in comparison.alignment if c.old == 2)
    assert merged.status is Status.REMOVED
    assert merged.joined == 1
    assert merged.to_dict()["merged_into"] == 1
    assert "2, merged into OP 1: " in render_text(comparison)


def test_a_paragraph_split_in_two_is_a_split_not_an_addition():
    old = layout(
        "1. Demands that all parties immediately cease all violence and allow full "
        "humanitarian access to all areas affected by the fighting;",
    )
    new = layout(
        "1. Demands that all parties immediately cease all violence;",
        "2. Demands full humanitarian access to all areas affected by the fighting;",
    )
    comparison = compare_texts(old, new)
    (split,) = [c for c in comparison.alignment if c.status is Status.ADDED]
    assert split.joined == 1
    assert f"{split.new}, split from OP 1: " in render_text(comparison)


def test_a_split_is_found_whichever_half_keeps_the_paragraph_and_whatever_stands_above():
    # The second half is the longer, so it continues the paragraph; the first half has an
    # unchanged paragraph above it, whose partner does not hold its words.
    old = layout(
        "1. Recalls its earlier resolutions;",
        "2. Reaffirms its commitment to the sovereignty of Syria, emphasizing its intention"
        " to resolve the current political crisis in Syria peacefully and noting that"
        " nothing in this resolution authorizes measures under Article 42 of the Charter;",
    )
    new = layout(
        "1. Recalls its earlier resolutions;",
        "2. Reaffirms its commitment to the sovereignty of Syria,",
        "3. Emphasizing its intention to resolve the current political crisis in Syria"
        " peacefully and noting that nothing in this resolution authorizes measures under"
        " Article 42 of the Charter;",
    )
    comparison = compare_texts(old, new)
    (split,) = [c for c in comparison.alignment if c.status is Status.ADDED]
    assert split.new == 2
    assert split.joined == 2
    assert split.to_dict()["split_from"] == 2


def test_an_unrelated_removal_next_to_an_edit_is_still_a_removal():
    old = layout("1. Welcomes the report of the Secretary-General;", "2. Urges restraint by all;")
    new = layout("1. Welcomes the report of the Secretary-General of 3 May;")
    removed = next(c for c in compare_texts(old, new).alignment if c.old == 2)
    assert removed.joined is None


@pytest.mark.parametrize("cutoff", [0.25, 0.5, 0.8, 0.95])
def test_scores_by_length_miss_no_pair_that_reaches_the_cutoff(cutoff):
    # Word codes of every length from 0 to 60 over a small alphabet, so that many pairs
    # score near the cutoff: the length window must keep each pair a full scan keeps.
    rng = random.Random(int(cutoff * 100))
    codes = ["".join(rng.choices("abcdef", k=rng.randrange(61))) for _ in range(70)]
    queries, choices = codes[:35], codes[35:]
    found = list(align_module._scores(queries, choices, cutoff, align_module._WordSets()))
    expected = []
    for q, code in enumerate(queries):
        if not code:
            continue
        pairs = sorted(
            (-Indel.normalized_similarity(code, choice), k)
            for k, choice in enumerate(choices)
            if choice and Indel.normalized_similarity(code, choice) >= cutoff
        )
        expected += [(q, -negative, k) for negative, k in pairs]
    assert len(choices) >= align_module._BY_LENGTH
    assert found == expected


def test_the_word_index_proposes_by_shared_rare_words_then_nearest_then_first():
    # 3,000 blocks, all holding "a" (a rank above 2**30 in an earlier encoding); block k
    # also holds the word of its hundred, g(k // 100), and blocks 1,400, 1,500 and 1,600
    # the word "z".
    codes = ["a" + chr(0x4E00 + k // 100) for k in range(3000)]
    for k in (1400, 1500, 1600):
        codes[k] += "z"
    index = align_module._WordIndex(codes, align_module._WordSets())
    near = index.near("a" + chr(0x4E00 + 15) + "z", 1520)
    # Block 1,500 shares all three words; then, of the blocks sharing two, the nearest
    # to 1,520, the earlier of two as near first.
    assert near[:6] == [1500, 1520, 1519, 1521, 1518, 1522]
    assert near[-2:] == [1509, 1531]
    assert len(near) == align_module._CANDIDATES


def test_the_word_index_proposes_far_blocks_only_when_they_share_two_rare_words():
    # 2,000 blocks of common words; blocks 100, 1,000 and 1,900 hold the rare word "y",
    # block 1,950 the rare words "y" and "z". Asked from 1,000 for "y" and "z": 1,950
    # shares two words and is proposed however far; 1,000 shares one and is near; 100
    # and 1,900 share one only and lie further than `_ONE_WORD_NEAR`.
    codes = ["ab" for _ in range(2000)]
    for k in (100, 1000, 1900):
        codes[k] += "y"
    codes[1950] += "yz"
    index = align_module._WordIndex(codes, align_module._WordSets())
    assert index.near("yz", 1000) == [1950, 1000]
    assert 1000 + align_module._ONE_WORD_NEAR < 1900
    # Where the text is no longer than that, every block is near.
    small = align_module._WordIndex([*codes[:200], "abz"], align_module._WordSets())
    assert sorted(small.near("yz", 150)) == [100, 200]


def test_a_lane_of_long_paragraphs_is_scored_through_the_word_index(monkeypatch):
    # 40 paragraphs a side of 1,000 words: 1,600 pairs, fewer than a full scan allows,
    # but each slow to score (200 paragraphs of 2,500 words a side, each scored against
    # each, took 30 s). The word index proposes at most `_CANDIDATES` for each.
    rng = random.Random(11)
    codes = ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(1000)) for _ in range(80)]
    queries, choices = codes[:40], codes[40:]
    scored = []
    extract = align_module.process.extract

    def counting(query, choices, **kwargs):
        scored.append(len(choices))
        return extract(query, choices, **kwargs)

    monkeypatch.setattr(align_module.process, "extract", counting)
    list(align_module._scores(queries, choices, 0.5, align_module._WordSets()))
    assert len(queries) * len(choices) <= align_module._FULL_SCAN
    assert sum(scored) <= len(queries) * align_module._CANDIDATES
