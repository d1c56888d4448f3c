"""The comparison engine's speed on real UN texts, against the floor, difflib and dmp.

Run as ``.venv/bin/python bench/engine_bench.py [--unxml PATH] [--timeout S]
[--profile [SIZE ...]]``
(``make bench`` runs it after ``bench/compare_bench.py``, whose synthetic drafts give the
accuracy figures). It measures issue 10, point 4: the engine at most 3× the floor at 40
paragraphs, at most 6× at 1,000, and n log n growth to 10,000.

The inputs are held out: the UN's English Akoma Ntoso files under PATH (default
``../shared/data/unxml`` beside the checkout, else the shipped ``timeline/data/unxml``),
without the documents the project ships (the Syria story the tests use). Each file is read
with :func:`timeline.akn.reader.read_document` and laid out as the UN prints it: "The
Security Council," then every paragraph of the preamble and the operative part (annexes
left out), operative paragraphs "1." and so on, sub-paragraphs "(a)", blank lines between.

A *renewal* pairs a resolution with the earlier one whose text it shares most, the share
being 2 × shared paragraphs / (paragraphs of both), with the rarer paragraphs (in at most
40 documents) proposing the candidates: a share of 0.2 or more, or of 0.1 or more where
the later text cites the earlier by number ("Recalling its resolution 2026 (2011)").
Resolutions of one mandate so form chains (UNFICYP 2026 → 2058 → 2089 → …). The cases:

- 40 paragraphs, ``renewal``: eight renewals of different mandates, 35–45 paragraphs a
  side, spread over the years;
- 1,000, 5,000 and 10,000 paragraphs, ``distinct``: renewals one after another, the old
  side the earlier texts and the new side the later ones, each document used once, every
  paragraph text kept only where it first occurs, so that no text occurs twice on a side.
  One pool of such renewals, drawn alike from every year, is made for the largest size,
  and each size takes renewals from it in a low-discrepancy order, so that every size
  holds the same mix of years and of paragraph lengths (a pool made for each size would
  hold longer paragraphs the larger it is, since more of the short common ones recur);
- the same sizes, ``repeated``: the renewals of each chain in turn, whole, each document
  used once (2026 → 2058, 2089 → 2114, …), so that a paragraph a mandate keeps recurs
  verbatim in each of its blocks; a new block is the next renewal of its old block. Should
  the corpus run short, the chains start again.

Each document on either side opens with its own "The Security Council,", so each block of
the old side has its counterpart in the same place on the new side. A pair joining
paragraphs of different blocks is a false pairing: ``cross`` counts them, ``moved`` the
``moved`` statuses (with repeated paragraphs, false moves show up in both), and ``apart``
the ``moved`` statuses found when each document is compared with its renewal alone: the
moves the texts hold. (Not every move beyond those is false: a paragraph one document
drops and a later one adds is, in the texts laid end to end, a move.)

What is timed, with :func:`time.perf_counter`, the garbage collector paused as
:mod:`timeit` does:

- the engine: ``compare_texts(old, new)`` (parse, align, word diffs), then ``.to_html()``
  of its result; ``x floor`` is the two together over the floor, the goals' measure;
- the floor: ``re.findall(r"\\w+|[^\\w\\s]", text)`` over both texts;
- difflib: ``SequenceMatcher`` over the two lists of paragraphs (``autojunk`` off, so that
  it sees every paragraph), then a word-level ``SequenceMatcher`` of each pair of
  paragraphs that a ``replace`` opcode lines up;
- dmp: diff-match-patch's ``diff_main`` over the two whole texts (its line mode, as it
  chooses for long texts), then ``diff_cleanupSemantic``; ``Diff_Timeout`` 1 s, its
  default, at which it stops looking for the shortest diff and returns a coarser one
  (marked ``*``): with no limit its character diff of the changed paragraphs took 10–29 s
  on most 40-paragraph renewals, too long to repeat here.

At 40 and 1,000 paragraphs every run takes the best of interleaved repeats in this
process. At 5,000 and 10,000 each run is a child process (this script with ``--run``) with
a time limit (``--timeout``, 40 s by default, so that ``make bench`` ends within about
three minutes); a run that reaches it keeps the best of the rounds it finished, or is
printed as ``timeout`` and bounds the growth exponent from below, with a note. The
growth is timed apart (`measure_growth`): the engine on every size of a kind, each run a
child process, the sizes in turn, three rounds, each size its best, so that a drift in the
machine's speed meets every size alike; those are the engine's figures at 5,000 and
10,000.
``--profile`` prints, instead, cProfile's ten most expensive functions (cumulative) of the
engine on the cases of each SIZE (by default 40, the slowest renewal, and 1,000). It is a
benchmark, not a test: nothing here fails on speed.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import difflib
import gc
import io
import itertools
import json
import math
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff_match_patch import diff_match_patch  # noqa: E402

from timeline.akn.reader import Document, find_documents, read_document  # noqa: E402
from timeline.diff import Block, Comparison, Kind, Status, compare_texts  # noqa: E402

SHIPPED = ROOT / "timeline" / "data" / "unxml"
DEFAULT_UNXML = ROOT.parent / "shared" / "data" / "unxml"
HEADING = "The Security Council,"
FLOOR = re.compile(r"\w+|[^\w\s]")
WORD = re.compile(r"\w")
SIZES = (1000, 5000, 10000)
IN_PROCESS = 1000  # the largest size timed in this process
GOALS = {40: 3.0, 1000: 6.0}
NLOGN = 1.15  # n log n from 1,000 to 10,000 is n^1.125
GOLDEN = 0.6180339887498949  # k × this, modulo 1: a sequence spread evenly at every length
PAIRS_AT_40 = 8
SMALL = range(35, 46)
# Renewals: a share of paragraphs, with or without the later text citing the earlier.
SHARE = 0.2
CITED_SHARE = 0.1
RARE = 40  # documents a paragraph may occur in and still propose a predecessor
METHODS = ("engine", "floor", "difflib", "dmp")
REPEATS = {40: 30, 1000: 10, 5000: 3, 10000: 3}
# The growth's timing (`measure_growth`): rounds, and repeats of each size in each round
# (two at least: a process's first run also pays for growing its heap, up to 12% more at
# 10,000 paragraphs, and a run on this machine may take 15% longer than the next).
GROWTH_ROUNDS = 3
GROWTH_REPEATS = {1000: 5, 5000: 2, 10000: 2}
DMP_TIMEOUT = 1.0  # diff-match-patch's own default


# The texts

# A document's paragraphs: for each, (text, printed line) of it and of its sub-paragraphs.
Units = tuple[tuple[tuple[str, str], ...], ...]


@dataclass(frozen=True)
class Text:
    """One document in UN layout."""

    document: Document
    units: Units

    @property
    def name(self) -> str:
        return self.document.resolution_number or self.document.symbol

    @property
    def size(self) -> int:
        return _size(self.units)

    def texts(self) -> set[str]:
        return {text for unit in self.units for text, _ in unit}


def layout(document: Document) -> Text:
    """The preamble and operative part of ``document``, paragraph by paragraph."""
    units: list[list[tuple[str, str]]] = []
    for paragraph in document.paragraphs:
        # A line without a word ("-----" across a form) is no paragraph, and a PDF
        # copy's footnote rule to the parser.
        if paragraph.section == "annex" or not WORD.search(paragraph.text):
            continue
        number, text = paragraph.number, paragraph.text
        if paragraph.parent is None or not units:
            line = f"{number}. {text}" if number and number[0].isalnum() else text
            units.append([(text, line)])
        elif number and re.fullmatch(r"[a-z]{1,2}|[ivxl]+", number):
            units[-1].append((text, f"({number}) {text}"))
        else:
            units[-1].append((text, f"{number} {text}" if number else text))
    return Text(document, tuple(tuple(unit) for unit in units))


def _size(units: Units) -> int:
    return sum(len(unit) for unit in units)


def printed(units: Units) -> str:
    """One document as text: the heading, then each paragraph, blank lines between."""
    return "\n\n".join([HEADING, *(line for unit in units for _, line in unit)])


def is_held_out(unxml: Path) -> bool:
    """Whether the texts under ``unxml`` are other than the shipped ones, which the tests
    use."""
    return unxml.resolve() != SHIPPED.resolve()


def load_texts(unxml: Path) -> tuple[list[Text], str]:
    """The English resolutions under ``unxml`` in date order, and where they come from."""
    shipped: set[str] = set()
    where = f"{unxml}: the shipped documents, not held out"
    if is_held_out(unxml):
        shipped = {read_document(path).symbol for path in find_documents([SHIPPED])}
        where = f"{unxml}, held out (without the {len(shipped)} documents the project ships)"
    documents = [
        document
        for document in map(read_document, find_documents([unxml]))
        if document.language == "en"
        and document.kind == "resolution"
        and document.symbol not in shipped
    ]
    documents.sort(key=lambda d: (d.date, d.symbol))
    texts = [text for text in map(layout, documents) if text.units]
    return texts, where


# Renewals


@dataclass(frozen=True)
class Renewal:
    """A resolution (``new``) and the earlier one whose text it continues (``old``)."""

    old: Text
    new: Text
    share: float
    cited: bool
    chain: int  # the index of the first text of the chain

    @property
    def name(self) -> str:
        return f"{self.old.name} → {self.new.name}"


def renewals(texts: list[Text]) -> list[Renewal]:
    """Every text paired with the earlier text it renews, in the later text's date order."""
    paragraph_sets = [text.texts() for text in texts]
    frequency = Counter(paragraph for paragraphs in paragraph_sets for paragraph in paragraphs)
    occurs: dict[str, list[int]] = defaultdict(list)
    chain: dict[int, int] = {}
    found = []
    for k, paragraphs in enumerate(paragraph_sets):
        rare = [paragraph for paragraph in paragraphs if frequency[paragraph] <= RARE]
        candidates = Counter(j for paragraph in rare for j in occurs[paragraph])
        for paragraph in rare:
            occurs[paragraph].append(k)
        chain[k] = k
        if not candidates:
            continue
        j = max(candidates, key=lambda j: (candidates[j], j))
        shared = len(paragraphs & paragraph_sets[j])
        share = 2 * shared / (len(paragraphs) + len(paragraph_sets[j]))
        number = texts[j].document.resolution_number
        cited = bool(number) and any(number in text for text in paragraphs)
        if share >= SHARE or (cited and share >= CITED_SHARE):
            chain[k] = chain[j]
            found.append(Renewal(texts[j], texts[k], share, cited, chain[j]))
    return found


# The cases


@dataclass(frozen=True)
class Case:
    """Two texts to compare: ``size`` paragraphs on the old side, made for ``target``;
    ``blocks`` the blocks each side should parse into (paragraphs and headings)."""

    target: int
    kind: str
    old: str
    new: str
    size: int
    blocks: tuple[int, int]
    name: str = ""
    # Each document's old and new text, to compare apart (`moves_apart`).
    documents: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        return f"{self.size:,} {self.kind}" + (f" {self.name}" if self.name else "")


def make_case(target: int, kind: str, pairs: list[tuple[Units, Units]], name: str = "") -> Case:
    """The old documents of ``pairs`` one after another, and the new ones likewise."""
    old_size = sum(_size(units) for units, _ in pairs)
    new_size = sum(_size(units) for _, units in pairs)
    return Case(
        target,
        kind,
        "\n\n".join(printed(units) for units, _ in pairs),
        "\n\n".join(printed(units) for _, units in pairs),
        old_size,
        (old_size + len(pairs), new_size + len(pairs)),
        name,
        tuple((printed(old), printed(new)) for old, new in pairs),
    )


def small_cases(found: list[Renewal]) -> list[Case]:
    """Renewals of 35-45 paragraphs a side, the latest of each mandate, spread in time."""
    latest: dict[int, Renewal] = {}
    for renewal in found:
        if renewal.old.size in SMALL and renewal.new.size in SMALL and renewal.share < 0.95:
            latest[renewal.chain] = renewal
    chosen = sorted(latest.values(), key=lambda r: r.new.document.date)
    step = max(1, len(chosen) / PAIRS_AT_40)
    picked = [chosen[int(k * step)] for k in range(min(PAIRS_AT_40, len(chosen)))]
    return [make_case(40, "renewal", [(r.old.units, r.new.units)], r.name) for r in picked]


def _disjoint(found: Iterable[Renewal]) -> Iterator[Renewal]:
    """The renewals whose two documents no renewal before them uses."""
    used: set[int] = set()
    for renewal in found:
        if id(renewal.old) not in used and id(renewal.new) not in used:
            used.update((id(renewal.old), id(renewal.new)))
            yield renewal


def distinct_pool(found: list[Renewal], size: int) -> list[tuple[Units, Units]]:
    """Renewals one after another, each document once, each paragraph text in one renewal
    only, drawn from every year alike, until the old sides hold ``size`` paragraphs: the
    pool every size of the ``distinct`` cases is drawn from.

    A paragraph whose text an earlier renewal holds is left out of both sides, with its
    sub-paragraphs; a sub-paragraph likewise, alone. (The more renewals, the more of their
    short, common paragraphs are left out so: a pool grown to each size would hold longer
    paragraphs the larger it is, 11% longer at 10,000 than at 1,000.)
    """
    disjoint = list(_disjoint(found))
    # Taken in a low-discrepancy order (k × the golden ratio, modulo 1), so that the pool
    # holds the same mix of years at every length.
    spread = sorted(range(len(disjoint)), key=lambda k: (k * GOLDEN) % 1)
    seen: set[str] = set()
    chosen: dict[int, tuple[Units, Units]] = {}
    count = 0
    for k in spread:
        if count >= size:
            break
        renewal = disjoint[k]
        old = tuple(_fresh(renewal.old.units, seen))
        new = tuple(_fresh(renewal.new.units, seen))
        seen |= renewal.old.texts() | renewal.new.texts()
        if old and new:
            chosen[k] = (old, new)
            count += sum(len(unit) for unit in old)
    return [chosen[k] for k in sorted(chosen)]


def distinct_case(pool: list[tuple[Units, Units]], size: int) -> Case:
    """Renewals of the pool, in the years' order, ``size`` paragraphs a side: the whole
    pool at its own size, else renewals taken from it in a low-discrepancy order, so that
    every size holds the same mix of years and paragraphs of the same lengths. The growth
    from one size to the next is then growth in paragraphs, not in their length."""
    spread = sorted(range(len(pool)), key=lambda k: (k * GOLDEN) % 1)
    taken: list[int] = []
    count = 0
    for k in spread:
        if count >= size:
            break
        taken.append(k)
        count += sum(len(unit) for unit in pool[k][0])
    return make_case(size, "distinct", [pool[k] for k in sorted(taken)])


def _fresh(units: Units, seen: set[str]) -> Iterator[tuple[tuple[str, str], ...]]:
    here: set[str] = set()
    for unit in units:
        if unit[0][0] in seen or unit[0][0] in here:
            continue
        kept = [unit[0]]
        for text, line in unit[1:]:
            if text not in seen and text not in here:
                kept.append((text, line))
                here.add(text)
        here.add(unit[0][0])
        yield tuple(kept)


def repeated_case(found: list[Renewal], size: int) -> Case:
    """Renewals chain by chain, whole, each document once: a mandate's kept paragraphs
    recur in each of its blocks. Taking every renewal (2026 → 2058, then 2058 → 2089)
    would make the new side the old one shifted by one document, and that, not the
    renewals, the best answer."""
    first: dict[int, object] = {}
    for renewal in found:
        first.setdefault(renewal.chain, renewal.old.document.date)
    # Chains in a low-discrepancy order of their first dates, so that every size holds
    # the same mix of mandates and years (see `distinct_case`).
    by_date = sorted(first, key=lambda chain: (first[chain], chain))
    spread = {chain: (k * GOLDEN) % 1 for k, chain in enumerate(by_date)}
    ordered = sorted(found, key=lambda r: (spread[r.chain], r.chain, r.new.document.date))
    pairs: list[tuple[Units, Units]] = []
    count = 0
    rounds = 0
    while count < size:
        rounds += 1
        for renewal in _disjoint(ordered):
            if count >= size:
                break
            pairs.append((renewal.old.units, renewal.new.units))
            count += renewal.old.size
    return make_case(size, "repeated", pairs, f"(the corpus {rounds} times)" if rounds > 1 else "")


def make_cases(found: list[Renewal]) -> tuple[list[Case], list[str]]:
    """Every case, and a note for each size the texts hold too few distinct paragraphs
    for (the shipped texts alone, where ``../shared`` is not beside the checkout): such a
    size would repeat the largest distinct case there is, and it is left out."""
    cases = small_cases(found)
    pool = distinct_pool(found, max(SIZES))
    notes = []
    short: list[int] = []
    for size in SIZES:
        distinct = distinct_case(pool, size)
        if any(case.kind == "distinct" and case.size == distinct.size for case in cases):
            short.append(size)
        else:
            cases.append(distinct)
        cases.append(repeated_case(found, size))
    if short:
        largest = max(case.size for case in cases if case.kind == "distinct")
        sizes = " and ".join(f"{size:,}" for size in short)
        notes.append(
            f"the texts hold {largest:,} distinct paragraphs a side at most: no distinct "
            f"case of {sizes} paragraphs"
        )
    return cases, notes


# The runs


def floor(old: str, new: str) -> None:
    FLOOR.findall(old)
    FLOOR.findall(new)


def difflib_run(old: str, new: str) -> None:
    """Paragraphs aligned by one SequenceMatcher, then replaced pairs diffed word by word."""
    a = re.split(r"\n\s*\n", old.strip())
    b = re.split(r"\n\s*\n", new.strip())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    words = difflib.SequenceMatcher(None, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            for old_paragraph, new_paragraph in zip(a[i1:i2], b[j1:j2], strict=False):
                words.set_seqs(FLOOR.findall(old_paragraph), FLOOR.findall(new_paragraph))
                words.get_opcodes()


_DMP = diff_match_patch()
_DMP.Diff_Timeout = DMP_TIMEOUT


def dmp_run(old: str, new: str) -> None:
    diffs = _DMP.diff_main(old, new)
    _DMP.diff_cleanupSemantic(diffs)


RUNS: dict[str, Callable[[str, str], object]] = {
    "floor": floor,
    "difflib": difflib_run,
    "dmp": dmp_run,
}


def engine(old: str, new: str) -> tuple[float, float, Comparison]:
    """The engine once: the seconds ``compare_texts`` took, then ``to_html``."""
    start = time.perf_counter()
    comparison = compare_texts(old, new)
    middle = time.perf_counter()
    comparison.to_html()
    return middle - start, time.perf_counter() - middle, comparison


def falsehoods(comparison: Comparison) -> dict[str, int]:
    """``moved`` statuses, pairs joining paragraphs of different documents (``cross``),
    and the blocks each side parsed into."""
    old_document = _documents(comparison.old)
    new_document = _documents(comparison.new)
    moved = cross = 0
    for change in comparison.alignment:
        moved += change.status is Status.MOVED
        if change.old is not None and change.new is not None:
            cross += old_document[change.old] != new_document[change.new]
    return {
        "moved": moved,
        "cross": cross,
        "old_blocks": len(comparison.old),
        "new_blocks": len(comparison.new),
    }


def moves_apart(case: Case) -> int | None:
    """``moved`` statuses when each document is compared with its renewal alone: the
    moves its texts hold, against which the moves found in the whole case are read."""
    if not case.documents:
        return None
    return sum(compare_texts(old, new).counts()["moved"] for old, new in case.documents)


def _documents(blocks: Iterable[Block]) -> list[int]:
    """For each block, which document of the concatenation it belongs to."""
    document = -1
    found = []
    for block in blocks:
        document += block.kind is Kind.HEADING and block.text == HEADING
        found.append(document)
    return found


def best(method: str, old: str, new: str, repeats: int) -> Iterator[dict[str, float | int]]:
    """One run's best times after each of ``repeats`` rounds (one for dmp, which runs
    to its time limit), with the engine's counts."""
    figures: dict[str, float | int] = {}
    for _ in range(1 if method == "dmp" else repeats):
        if method == "engine":
            compare, html, comparison = engine(old, new)
            figures["compare"] = min(figures.get("compare", math.inf), compare)
            figures["html"] = min(figures.get("html", math.inf), html)
            figures.update(falsehoods(comparison))
        else:
            start = time.perf_counter()
            RUNS[method](old, new)
            seconds = time.perf_counter() - start
            figures[method] = min(figures.get(method, math.inf), seconds)
        yield figures


@dataclass
class Figures:
    """A case's best times in seconds (``None``: not measured, ``inf``: out of time),
    and what the engine found."""

    compare: float | None = None
    html: float | None = None
    floor: float | None = None
    difflib: float | None = None
    dmp: float | None = None
    moved: int | None = None
    cross: int | None = None
    apart: int | None = None
    old_blocks: int | None = None
    new_blocks: int | None = None

    @property
    def engine(self) -> float | None:
        if self.compare is None or self.html is None:
            return None
        return self.compare + self.html

    @property
    def ratio(self) -> float | None:
        if self.engine is None or math.isinf(self.engine) or not self.floor:
            return None
        return self.engine / self.floor


def measure(case: Case, repeats: int) -> Figures:
    """Every run on ``case`` in this process, the best of ``repeats`` rounds, interleaved
    so that every run meets the same load on a shared machine; the garbage collector
    paused, as :mod:`timeit` does."""
    rounds = [best(method, case.old, case.new, repeats) for method in METHODS]
    figures = Figures()
    gc.disable()
    try:
        while rounds:
            for run in list(rounds):
                done = next(run, None)
                if done is None:
                    rounds.remove(run)
                else:
                    vars(figures).update(done)
    finally:
        gc.enable()
    return figures


def measure_apart(
    case: Case, repeats: int, timeout: float, methods: Iterable[str]
) -> tuple[Figures, list[str]]:
    """Each of ``methods`` on ``case`` in a child process (this script with ``--run``), stopped
    after ``timeout`` seconds; a stopped run keeps the best of the rounds it finished."""
    figures = Figures()
    notes = []
    with _written(case) as paths:
        for method in methods:
            found, note = _child(method, paths, repeats, timeout, case.label)
            vars(figures).update(found)
            notes += note
    return figures, notes


def measure_growth(cases: list[Case], timeout: float) -> tuple[list[Figures], list[str]]:
    """The engine on each of ``cases`` (one kind, every size), each run in a child
    process, the sizes taken in turn for `GROWTH_ROUNDS` rounds; each size keeps its best.
    Timed so, every size meets the machine as it is over the same minute or two: timed
    one after another, half a minute apart, a drift in the machine's speed between the
    smallest size and the largest moved the growth exponent from run to run (1.13-1.21
    over seven runs of one engine)."""
    best = [Figures() for _ in cases]
    notes: list[str] = []
    with contextlib.ExitStack() as stack:
        paths = [stack.enter_context(_written(case)) for case in cases]
        for _ in range(GROWTH_ROUNDS):
            for case, where, figures in zip(cases, paths, best, strict=True):
                repeats = GROWTH_REPEATS[case.target]
                found, note = _child("engine", where, repeats, timeout, case.label)
                notes += note
                for name in ("compare", "html"):
                    if name in found:
                        found[name] = min(found[name], getattr(figures, name) or math.inf)
                vars(figures).update(found)
    return best, notes


@contextlib.contextmanager
def _written(case: Case) -> Iterator[tuple[Path, Path]]:
    """The case's two texts in files, for a child process to read."""
    with tempfile.TemporaryDirectory() as directory:
        old, new = Path(directory, "old.txt"), Path(directory, "new.txt")
        old.write_text(case.old, encoding="utf-8")
        new.write_text(case.new, encoding="utf-8")
        yield old, new


def _child(
    method: str, paths: tuple[Path, Path], repeats: int, timeout: float, label: str
) -> tuple[dict[str, float | int], list[str]]:
    """One child process's figures for ``method`` (``inf`` if it finished no round in
    ``timeout`` seconds), and a note if it was stopped."""
    command = [sys.executable, __file__, "--run", method, *map(str, paths)]
    try:
        done = subprocess.run(
            [*command, "--repeats", str(repeats)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        output = done.stdout
    except subprocess.TimeoutExpired as stopped:
        output = stopped.stdout or ""
        if isinstance(output, bytes):
            output = output.decode()
        lines = [line for line in output.splitlines() if line.endswith("}")]
        finished = f"after {len(lines)} of {repeats} rounds" if lines else "unfinished"
        note = [f"{label}: {method} stopped at {timeout:.0f} s, {finished}"]
        if not lines:
            names = ("compare", "html") if method == "engine" else (method,)
            return dict.fromkeys(names, math.inf), note
        return json.loads(lines[-1]), note
    if not output.strip():
        return {}, []
    return json.loads(output.strip().splitlines()[-1]), []


def run_alone(method: str, old_path: Path, new_path: Path, repeats: int) -> None:
    """The child of :func:`measure_apart`: its figures as a JSON line after each round."""
    old = old_path.read_text(encoding="utf-8")
    new = new_path.read_text(encoding="utf-8")
    gc.disable()
    for figures in best(method, old, new, repeats):
        print(json.dumps(figures), flush=True)


# The report


def milliseconds(seconds: float | None, limit: float | None = None) -> str:
    if seconds is None:
        return "-"
    if math.isinf(seconds):
        return "timeout"
    shown = f"{seconds * 1e3:.1f}" if seconds < 10 else f"{seconds * 1e3:,.0f}"
    return shown + ("*" if limit is not None and seconds >= limit else "")


def table(rows: list[tuple[Case, Figures]]) -> None:
    print(
        f"{'paragraphs':>10} {'kind':<9} {'engine ms':>10} {'compare':>9} {'html':>7} "
        f"{'floor ms':>9} {'x floor':>8} {'goal':>5} {'difflib ms':>11} {'dmp ms':>9} "
        f"{'moved':>6} {'apart':>6} {'cross':>6}  case"
    )
    for case, f in rows:
        goal = GOALS.get(case.target)
        ratio = "-" if f.ratio is None else f"{f.ratio:.1f}"
        print(
            f"{case.size:>10,} {case.kind:<9} {milliseconds(f.engine):>10} "
            f"{milliseconds(f.compare):>9} {milliseconds(f.html):>7} "
            f"{milliseconds(f.floor):>9} {ratio:>8} {(f'{goal:.0f}' if goal else ''):>5} "
            f"{milliseconds(f.difflib):>11} {milliseconds(f.dmp, DMP_TIMEOUT):>9} "
            f"{_count(f.moved):>6} {_count(f.apart):>6} {_count(f.cross):>6}  {case.name}"
        )


def _count(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def parse_notes(rows: list[tuple[Case, Figures]]) -> list[str]:
    """Cases whose sides the engine parsed into other blocks than their paragraphs
    (more than 1% apart): what it compared is not what was laid out."""
    notes = []
    for case, f in rows:
        for side, expected, parsed in zip(
            ("old", "new"), case.blocks, (f.old_blocks, f.new_blocks), strict=True
        ):
            if parsed is not None and abs(parsed - expected) > expected / 100:
                notes.append(
                    f"{case.label}: the engine parsed the {side} side into {parsed:,} blocks, "
                    f"not its {expected:,} paragraphs and headings"
                )
    return notes


def verdicts(
    rows: list[tuple[Case, Figures]],
    growth: dict[str, list[tuple[Case, Figures]]],
    timeout: float,
    held_out: bool = True,
) -> None:
    """The worst case, the goals, and the growth between sizes (as `measure_growth`
    timed it). The goals are judged on held-out texts only: on the shipped ones, the
    figures are given without a verdict."""
    measured = [(case, f) for case, f in rows if f.ratio is not None]
    worst_case, worst = max(measured, key=lambda row: row[1].ratio)
    stopped = [case.label for case, f in rows if f.engine is not None and math.isinf(f.engine)]
    worst_line = f"{worst_case.label}, {worst.ratio:.1f}× the floor."
    print()
    if stopped:
        print(f"Worst cases: {', '.join(stopped)}: out of time (over {timeout:.0f} s).")
        print(f"Of the rest, the worst: {worst_line}")
    else:
        print(f"Worst case: {worst_line}")
    for target, goal in GOALS.items():
        at = [(f.ratio, case) for case, f in measured if case.target == target]
        (low, _), (high, slowest) = min(at, key=_first), max(at, key=_first)
        print(
            f"Goal at {target:,} paragraphs: at most {goal:.0f}× the floor; measured "
            f"{low:.1f}–{high:.1f}× (worst: {slowest.label}): "
            f"{_verdict(high <= goal, held_out)}."
        )
    for kind in ("distinct", "repeated"):
        sized = [(case.size, f.engine) for case, f in growth[kind]]
        if len(sized) < 2:
            print(f"Growth, {kind}: not measured: only one size (see the notes above).")
            continue
        steps = [
            f"{n1:,}→{n2:,} {_exponent(n1, t1, n2, t2, timeout)}"
            for (n1, t1), (n2, t2) in itertools.pairwise(sized)
        ]
        (n1, t1), (n2, t2) = sized[0], sized[-1]
        overall = _exponent(n1, t1, n2, t2, timeout)
        verdict = _verdict(overall[0] == "=" and float(overall[2:]) <= NLOGN, held_out)
        chars = [len(case.old) + len(case.new) for case, _ in growth[kind]]
        timed = ", ".join(f"{n:,} in {milliseconds(t)} ms" for n, t in sized)
        by_chars = _exponent(chars[0], t1, chars[-1], t2, timeout)
        floors = {case.label: f.floor for case, f in rows}
        floor = _exponent(
            chars[0],
            floors.get(growth[kind][0][0].label),
            chars[-1],
            floors.get(growth[kind][-1][0].label),
            timeout,
        )
        print(
            f"Growth, {kind} (the engine timed apart, the sizes in turn, best of "
            f"{GROWTH_ROUNDS} rounds: {timed}): time ∝ n^e, {'; '.join(steps)}; "
            f"{n1:,}→{n2:,} {overall} "
            f"(n log n: e ≤ {NLOGN}): {verdict}. The texts grew {chars[-1] / chars[0]:.1f}× "
            f"in characters: time ∝ characters^e, e {by_chars}; the floor's, one linear pass "
            f"over those characters, e {floor} (the table's times): what this machine adds "
            "to any linear work."
        )


def _verdict(met: bool, held_out: bool) -> str:
    if not held_out:
        return "not judged (the texts are not held out)"
    return "met" if met else "not met"


def _first(pair: tuple[float, Case]) -> float:
    return pair[0]


def _exponent(n1: int, t1: float | None, n2: int, t2: float | None, timeout: float) -> str:
    """``= 1.23``, ``> 1.23`` when the larger size ran out of time, ``?`` otherwise (or
    when the sizes are not apart)."""
    if t1 is None or t2 is None or math.isinf(t1) or n2 <= n1:
        return "?"
    if math.isinf(t2):
        return f"> {math.log(timeout / t1) / math.log(n2 / n1):.2f}"
    return f"= {math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def profile(cases: list[Case]) -> None:
    """cProfile's ten most expensive functions (cumulative) of the engine on each case."""
    for case in cases:
        profiler = cProfile.Profile()
        profiler.runcall(_compare_and_render, case)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(11)
        lines = out.getvalue().replace(f"{ROOT}/", "").splitlines()
        print(f"\ncProfile of compare_texts(old, new).to_html(), {case.label}:")
        print(
            "\n".join(line for line in lines if line.strip() and "_compare_and_render" not in line)
        )


def _compare_and_render(case: Case) -> str:
    return compare_texts(case.old, case.new).to_html()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unxml", type=Path, default=DEFAULT_UNXML)
    parser.add_argument("--timeout", type=float, default=40.0)
    parser.add_argument("--profile", nargs="*", type=int, metavar="SIZE")
    parser.add_argument("--run", nargs=3, metavar=("METHOD", "OLD", "NEW"))
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    if args.run:
        method, old, new = args.run
        run_alone(method, Path(old), Path(new), args.repeats)
        return

    unxml = args.unxml if args.unxml.is_dir() else SHIPPED
    started = time.perf_counter()
    texts, where = load_texts(unxml)
    found = renewals(texts)
    cases, case_notes = make_cases(found)
    cited = sum(renewal.cited for renewal in found)
    print(
        f"The engine on real UN texts: {len(texts):,} English resolutions from {where}; "
        f"{len(found):,} renewals found ({cited:,} citing the resolution they renew), "
        f"in {time.perf_counter() - started:.1f} s."
    )
    if args.profile is not None:
        sizes = args.profile or (40, IN_PROCESS)
        chosen = [case for case in cases if case.target in sizes and case.target != 40]
        if 40 in sizes:
            small = [case for case in cases if case.target == 40]
            chosen.insert(0, max(small, key=lambda case: engine(case.old, case.new)[0]))
        profile(chosen)
        return

    rows: list[tuple[Case, Figures]] = []
    notes: list[str] = list(case_notes)
    growth: dict[str, list[tuple[Case, Figures]]] = {}
    for kind in ("distinct", "repeated"):
        sized = [case for case in cases if case.kind == kind]
        figures, stopped = measure_growth(sized, args.timeout)
        growth[kind] = list(zip(sized, figures, strict=True))
        notes += stopped
    grown = {id(case): figures for kind in growth.values() for case, figures in kind}
    others = [method for method in METHODS if method != "engine"]
    for case in cases:
        if case.target <= IN_PROCESS:
            rows.append((case, measure(case, REPEATS[case.target])))
        else:
            # The engine as the growth's rounds timed it.
            figures, stopped = measure_apart(case, REPEATS[case.target], args.timeout, others)
            vars(figures).update({k: v for k, v in vars(grown[id(case)]).items() if v is not None})
            rows.append((case, figures))
            notes += stopped
        rows[-1][1].apart = moves_apart(case)
    print(
        "Best times in ms. engine = compare + html; x floor = engine / floor; goal = the "
        "most x floor may be; moved = moved statuses; apart = moved statuses when each "
        "document is compared with its renewal alone; cross = pairs joining paragraphs of "
        f"different documents; dmp ms* = stopped at its {DMP_TIMEOUT:.0f} s limit."
    )
    table(rows)
    for note in [*parse_notes(rows), *notes]:
        print(f"Note: {note}.")
    verdicts(rows, growth, args.timeout, held_out=is_held_out(unxml))
    print(f"Took {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
