"""Benchmark of the comparison engine against the tokenising floor and a difflib baseline.

Run as ``.venv/bin/python bench/compare_bench.py``. For 40, 200 and 1000 clauses it
generates an old draft in UN layout and a revision of it (seeded, so every run compares
the same texts) with edits, insertions, deletions, moves and renumbering, and prints:

- the engine's full comparison time (parse, align, word diffs and HTML);
- the floor: ``re.findall(r"\\w+|[^\\w\\s]", text)`` over both texts, the least any
  word-level comparison must do;
- the same for a plain difflib comparison written below;
- alignment precision and recall against the generator's known answer, and the share
  of moved clauses reported as moved.

Times are the best of many interleaved repeats with :func:`time.perf_counter`. It is a
benchmark, not a test: nothing here fails on speed.
"""

from __future__ import annotations

import bisect
import difflib
import gc
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.diff import Status, compare_texts

SIZES = (40, 200, 1000)
FLOOR = re.compile(r"\w+|[^\w\s]")

PARTICIPLES = (
    "Recalling",
    "Reaffirming",
    "Expressing grave concern at",
    "Noting",
    "Welcoming",
    "Condemning",
    "Underscoring",
    "Stressing",
    "Emphasizing",
    "Recognizing",
    "Deploring",
    "Taking note of",
    "Bearing in mind",
    "Deeply concerned by",
    "Mindful of",
    "Further recalling",
)
VERBS = (
    "Decides",
    "Demands",
    "Calls upon",
    "Requests",
    "Urges",
    "Condemns",
    "Reaffirms",
    "Expresses its intention",
    "Underlines",
    "Welcomes",
    "Encourages",
    "Stresses",
    "Invites",
    "Further decides",
    "Strongly condemns",
    "Emphasizes",
)
SUBJECTS = (
    "the Syrian authorities",
    "the Syrian government",
    "all parties in Syria, including the opposition,",
    "Member States",
    "the Secretary-General",
    "the League of Arab States",
    "the Joint Special Envoy",
    "the United Nations supervision mission",
    "the Human Rights Council",
    "the international community",
    "all relevant actors",
    "the Office of the High Commissioner for Human Rights",
)
PHRASES = (
    "to cease all violence and protect its population",
    "the continued widespread and gross violations of human rights",
    "to release all persons arbitrarily detained",
    "to ensure safe and unhindered humanitarian access",
    "the sovereignty, independence, unity and territorial integrity of Syria",
    "a peaceful resolution of the crisis",
    "an inclusive Syrian-led political process",
    "to withdraw all military and armed forces from cities and towns",
    "full and unimpeded freedom of movement",
    "to allow peaceful demonstrations",
    "the deterioration of the humanitarian situation",
    "to report to the Council within 15 days",
    "in accordance with its obligations under international law",
    "including international humanitarian law",
    "the voluntary return of refugees and internally displaced persons",
    "to cooperate fully with the observer mission",
    "the transfer of weapons into Syria",
    "to take the necessary steps to prevent such flow of arms",
    "those responsible shall be held accountable",
    "the six-point proposal of the Envoy",
    "a sustained cessation of armed violence in all its forms",
    "the withdrawal of heavy weapons from population centres",
    "relevant aspects of the Action Plan of 2 November 2011",
    "to grant access to independent media",
    "to facilitate a Syrian-led political transition",
    "to a democratic, plural political system",
    "the engagement of the Secretary-General and all diplomatic efforts",
    "the deployment of the observer mission",
    "the importance of ensuring accountability",
    "with full respect for human rights and fundamental freedoms",
    "its decision to suspend the mission",
    "the protection of civilians",
    "the commitments made by the Syrian government",
    "to implement them visibly and in their entirety",
    "as agreed in its communication to the Envoy",
    "on the basis of a formal proposal from the Secretary-General",
)
PLACES = (
    "Homs",
    "Hama",
    "Idlib",
    "Deraa",
    "Damascus",
    "Aleppo",
    "Latakia",
    "Deir ez-Zor",
    "Rastan",
    "Zabadani",
    "Douma",
    "Houla",
)
QUALIFIERS = (
    "by all parties",
    "without delay",
    "by the Syrian authorities",
    "in all its forms",
    "as a matter of urgency",
    "in close consultation with the Envoy",
    "under the auspices of the League of Arab States",
    "consistent with the Charter",
    "within the framework of the Action Plan",
    "through the relevant United Nations agencies",
)
LINKS = (", and", ", as well as", ", including", " and", ", in particular", ", with a view")
SUB_ITEMS = (
    "cease troop movements towards population centres",
    "cease all use of heavy weapons in such centres",
    "begin pullback of military concentrations in and around population centres",
    "allow the immediate provision of humanitarian assistance",
    "respect freedom of association and the right to demonstrate peacefully",
)
EDIT_WORDS = ("immediately", "fully", "urgently", "all", "further", "relevant", "its", "also")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")


@dataclass
class Clause:
    """A generated clause; ``origin`` is the old clause it continues (the known answer)."""

    section: str
    text: str
    origin: int | None
    moved: bool = False


def clause_text(rng: random.Random, section: str) -> str:
    """A UN-style paragraph of 25-80 words, opened by a participle or a finite verb."""
    opener = rng.choice(PARTICIPLES if section == "pp" else VERBS)
    parts = [f"{opener} {rng.choice(SUBJECTS)} {phrase(rng)}"]
    for _ in range(rng.randint(2, 6)):
        parts.append(f"{rng.choice(LINKS)} {phrase(rng)}")
    if rng.random() < 0.5:
        parts.append(f" of {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2011, 2012)}")
    return "".join(parts) + ("," if section == "pp" else ";")


def phrase(rng: random.Random) -> str:
    """A phrase of the pool, usually narrowed by a place or a qualifier, as drafts do."""
    roll = rng.random()
    if roll < 0.35:
        return f"{rng.choice(PHRASES)} in {rng.choice(PLACES)}"
    if roll < 0.7:
        return f"{rng.choice(PHRASES)} {rng.choice(QUALIFIERS)}"
    return rng.choice(PHRASES)


def edit(rng: random.Random, text: str) -> str:
    """A negotiation edit: one to four words or phrases inserted, dropped or replaced.

    Only the paragraph's own line is edited, never its sub-paragraphs.
    """
    head, newline, subs = text.partition("\n")
    words = head.split(" ")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(1, len(words))
        action = rng.random()
        if action < 0.4:
            words.insert(at, rng.choice(EDIT_WORDS))
        elif action < 0.6:
            words[at:at] = phrase(rng).split(" ")
        elif action < 0.8 and len(words) > 12:
            del words[at : at + rng.randint(1, 3)]
        else:
            words[at] = rng.choice(EDIT_WORDS)
    return " ".join(words) + newline + subs


def draft(rng: random.Random, size: int) -> list[Clause]:
    preamble = [Clause("pp", clause_text(rng, "pp"), None) for _ in range(size * 2 // 5)]
    operative = [Clause("op", clause_text(rng, "op"), None) for _ in range(size - len(preamble))]
    for clause in rng.sample(operative, len(operative) // 10):
        items = rng.sample(SUB_ITEMS, rng.randint(2, 3))
        clause.text = (
            clause.text[:-1]
            + ":\n"
            + "\n".join(f"({chr(97 + k)}) {item};" for k, item in enumerate(items))
        )
    return preamble + operative


def revise(rng: random.Random, old: list[Clause]) -> list[Clause]:
    """The next revision: ~15% edited, ~5% deleted, ~5% added, ~4% moved (some edited)."""
    sections: dict[str, list[Clause]] = {"pp": [], "op": []}
    for index, clause in enumerate(old):
        roll = rng.random()
        if roll < 0.05:
            continue
        text = edit(rng, clause.text) if roll < 0.20 else clause.text
        sections[clause.section].append(Clause(clause.section, text, index))
    for section, clauses in sections.items():
        for _ in range(max(1, len(clauses) // 20)):
            clauses.insert(
                rng.randrange(len(clauses) + 1), Clause(section, clause_text(rng, section), None)
            )
        for _ in range(max(1, len(clauses) // 25)):
            source = rng.randrange(len(clauses))
            clause = clauses.pop(source)
            target = rng.choice([k for k in range(len(clauses) + 1) if abs(k - source) >= 3])
            clause.moved = clause.origin is not None
            if rng.random() < 0.3:
                clause.text = edit(rng, clause.text)
            clauses.insert(target, clause)
    return sections["pp"] + sections["op"]


def layout(clauses: list[Clause], label_preamble: bool) -> tuple[str, list[int]]:
    """The clauses in UN layout, and for each clause the index of its first block."""
    blocks = ["The Security Council,"]
    first: list[int] = []
    pp = op = 0
    for clause in clauses:
        first.append(len(blocks))
        head, *subs = clause.text.split("\n")
        if clause.section == "pp":
            pp += 1
            blocks.append(f"PP{pp}. {head}" if label_preamble else head)
        else:
            op += 1
            blocks.append(f"{op}. {head}")
        blocks.extend(subs)
    return "\n\n".join(blocks) + "\n", first


@dataclass
class Case:
    size: int
    old: str
    new: str
    truth: set[tuple[int, int]]
    moved: set[int]


def make_case(size: int) -> Case:
    rng = random.Random(size)
    old = draft(rng, size)
    new = revise(rng, old)
    old_text, old_first = layout(old, label_preamble=True)
    new_text, new_first = layout(new, label_preamble=False)
    truth = {(0, 0)}
    moved: set[int] = set()
    for j, clause in enumerate(new):
        if clause.origin is None:
            continue
        o, n = old_first[clause.origin], new_first[j]
        truth.add((o, n))
        if clause.moved:
            moved.add(o)
        old_subs = old[clause.origin].text.count("\n")
        new_subs = clause.text.count("\n")
        truth.update((o + k, n + k) for k in range(1, min(old_subs, new_subs) + 1))
    return Case(size, old_text, new_text, truth, moved)


def engine(old: str, new: str) -> tuple[set[tuple[int, int]], set[int]]:
    comparison = compare_texts(old, new)
    comparison.to_html()
    pairs = {
        (c.old, c.new) for c in comparison.alignment if c.old is not None and c.new is not None
    }
    moved = {c.old for c in comparison.alignment if c.status is Status.MOVED}
    return pairs, moved  # type: ignore[return-value]


def difflib_baseline(old: str, new: str) -> tuple[set[tuple[int, int]], set[int]]:
    """The engine's job done with the standard library alone.

    Paragraphs are split at blank lines and put in lanes (heading; numbered and lettered
    paragraphs; the rest). Every old paragraph is scored against every new one of its
    lane by ``SequenceMatcher`` over word tokens, behind the cheap upper bounds
    ``real_quick_ratio`` and ``quick_ratio`` as ``difflib.get_close_matches`` does;
    pairs scoring 0.5 or more are taken best first; pairs outside a longest increasing
    run are moved; each pair gets a word diff from ``SequenceMatcher`` and every
    paragraph is rendered to escaped HTML.
    """
    a = [" ".join(block.split()) for block in re.split(r"\n\s*\n", old.strip())]
    b = [" ".join(block.split()) for block in re.split(r"\n\s*\n", new.strip())]
    a_words = [FLOOR.findall(text) for text in a]
    b_words = [FLOOR.findall(text) for text in b]
    candidates = []
    for j, new_words in enumerate(b_words):
        matcher = difflib.SequenceMatcher(None)
        matcher.set_seq2(new_words)
        for i, old_words in enumerate(a_words):
            if baseline_lane(a[i]) != baseline_lane(b[j]):
                continue
            matcher.set_seq1(old_words)
            if matcher.real_quick_ratio() >= 0.5 and matcher.quick_ratio() >= 0.5:
                ratio = matcher.ratio()
                if ratio >= 0.5:
                    candidates.append((ratio, i, j))
    partner: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], abs(c[1] - c[2]))):
        if i not in partner and j not in taken:
            partner[i] = j
            taken.add(j)
    olds = sorted(partner)
    tails: list[int] = []
    links: list[list[int]] = []
    for i in olds:
        at = bisect.bisect_left(tails, partner[i])
        tails[at : at + 1] = [partner[i]]
        links[at : at + 1] = [[*links[at - 1], i] if at else [i]]
    moved = set(olds) - set(links[-1] if links else [])

    html = []
    for i, text in enumerate(a):
        if i not in partner:
            html.append(f"<p><del>{escape(text)}</del></p>")
    for i, j in partner.items():
        old_tokens, new_tokens = a[i].split(" "), b[j].split(" ")
        html.append("<p>")
        matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens)
        for op, k1, k2, l1, l2 in matcher.get_opcodes():
            if op in ("delete", "replace"):
                html.append(f"<del>{escape(' '.join(old_tokens[k1:k2]))}</del>")
            if op in ("insert", "replace"):
                html.append(f"<ins>{escape(' '.join(new_tokens[l1:l2]))}</ins>")
            if op == "equal":
                html.append(escape(" ".join(old_tokens[k1:k2])))
        html.append("</p>")
    html.extend(f"<p><ins>{escape(b[j])}</ins></p>" for j in range(len(b)) if j not in taken)
    return set(partner.items()), moved


def baseline_lane(paragraph: str) -> str:
    if paragraph == "The Security Council,":
        return "heading"
    return "operative" if paragraph[0].isdigit() or paragraph[0] == "(" else "preambular"


def floor(old: str, new: str) -> None:
    FLOOR.findall(old)
    FLOOR.findall(new)


def best_times(runs: list[Callable[[str, str], object]], case: Case, repeats: int) -> list[float]:
    """The best time of each run over ``repeats`` rounds, the runs interleaved.

    Interleaving exposes every run to the same load on a shared machine; the garbage
    collector is paused while timing, as :mod:`timeit` does.
    """
    best = [float("inf")] * len(runs)
    gc.disable()
    try:
        for _ in range(repeats):
            for k, run in enumerate(runs):
                start = time.perf_counter()
                run(case.old, case.new)
                best[k] = min(best[k], time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def scores(found: tuple[set[tuple[int, int]], set[int]], case: Case) -> tuple[float, float, float]:
    pairs, moved = found
    correct = len(pairs & case.truth)
    precision = correct / len(pairs) if pairs else 1.0
    recall = correct / len(case.truth)
    moves = len(moved & case.moved) / len(case.moved) if case.moved else 1.0
    return precision, recall, moves


def main() -> None:
    print(
        f"{'clauses':>7} {'floor ms':>9} {'engine ms':>10} {'x floor':>8} {'difflib ms':>11} "
        f"{'x floor':>8} {'speed-up':>9} {'precision':>10} {'recall':>7} {'moves':>6}"
    )
    for size in SIZES:
        case = make_case(size)
        floor_time, engine_time = best_times([floor, engine], case, max(10, 8000 // size))
        (baseline_time,) = best_times([difflib_baseline], case, max(1, 400 // size))
        precision, recall, moves = scores(engine(case.old, case.new), case)
        print(
            f"{size:>7} {floor_time * 1e3:>9.2f} {engine_time * 1e3:>10.2f} "
            f"{engine_time / floor_time:>8.1f} {baseline_time * 1e3:>11.2f} "
            f"{baseline_time / floor_time:>8.1f} {baseline_time / engine_time:>9.1f} "
            f"{precision:>10.3f} {recall:>7.3f} {moves:>6.2f}"
        )
        b_precision, b_recall, b_moves = scores(difflib_baseline(case.old, case.new), case)
        print(
            f"{'':>7} difflib baseline: precision {b_precision:.3f}, recall {b_recall:.3f}, "
            f"moves {b_moves:.2f}"
        )


if __name__ == "__main__":
    main()
