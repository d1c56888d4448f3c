"""How well a text pipeline reads UN documents copied from their PDF (issue 10, point 5).

Run as ``.venv/bin/python bench/paste_accuracy.py [TARGET ...] [--seed N] [--all
[--language L]] [--pdf]``, or
``--show FILE`` to print one rendered copy (``--clean`` for the clean text instead,
``--no-blank-lines`` for the copy without blank lines, ``--pdf`` for the copy of a real
PDF).

With ``--pdf`` the copies are not rendered here but copied out of real PDFs that
LibreOffice prints, by pdftotext in two ways (``bench/real_pdf.py``), and each way takes
the place of "with and without blank lines" below.

Each TARGET is a ``module:function`` that takes a text and returns its clauses in order
(default ``timeline.diff.parse:parse_text``; ``timeline.paste:paste_parse`` is the
admin's paste): objects with ``.section``, ``.number``, ``.text`` and ``.parent`` (the
engine's ``Block``, the paste's ``PastedClause``) or dicts with those keys. Headings
(``kind == "heading"``) are left out and a ``parent``, the index in the returned list,
follows its clause. A function that raises reads nothing.

For each file of ``tests.pdf_like.SAMPLE`` (with ``--all``, of the whole repository beside
the checkout: every English file with the usual labels, ``tests.pdf_like.repository``,
1,172 files in about 20 s; with ``--language French``, ``Spanish``, ``Russian``, ``Arabic``
or ``Chinese``, that language's files, 2020-2026, each copy with its own cover page and
heading), with and without blank lines, the script
renders the copy of its PDF (``render_pdf_copy``, seeded by ``--seed`` and the file's
name, so that ``--show`` prints the same copy), parses it, compares the clauses with the
official text's (``clean_reference``), then prints:

- the inputs that give exactly the right number of clauses;
- the share of expected clauses whose text comes out identical, whitespace aside;
- the share with the right section and number, and with the right parent;
- the five worst inputs, each with its first clause that differs, expected against got;
- the parse's time per input, median and maximum.

Expected and parsed clauses are paired as difflib pairs their texts: identical texts in
order, and the clauses between two such pairs one for one. A split or a merge so costs
the clauses it touches, not every clause after it. It is a measurement, not a test:
nothing fails.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import real_pdf  # beside this script

from tests.pdf_like import (
    SAMPLE,
    ExpectedClause,
    Reference,
    clean_reference,
    render_clean,
    render_pdf_copy,
    repository,
)

DEFAULT_TARGET = "timeline.diff.parse:parse_text"
WORST = 5
EXCERPT = 60


@dataclass(frozen=True)
class Parsed:
    """One clause as a target returned it, normalised."""

    section: str | None
    number: str | None
    text: str
    parent: int | None


@dataclass(frozen=True)
class Outcome:
    """One input read by one target, compared with its reference."""

    name: str
    layout: str  # how the copy was made: "blank lines", "no blank lines", "pdftotext"…
    expected: list[ExpectedClause]
    got: list[Parsed]
    seconds: float
    error: str | None = None

    @cached_property
    def pairs(self) -> dict[int, int]:
        """Expected clause → the parsed clause it is paired with (see the docstring)."""
        matcher = difflib.SequenceMatcher(
            None,
            [_normal(c["text"]) for c in self.expected],
            [c.text for c in self.got],
            autojunk=False,
        )
        pairs = {}
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("equal", "replace"):
                pairs.update(zip(range(i1, i2), range(j1, j2), strict=False))
        return pairs

    @property
    def identical(self) -> int:
        return sum(
            _normal(self.expected[i]["text"]) == self.got[j].text for i, j in self.pairs.items()
        )

    @property
    def labelled(self) -> int:
        return sum(
            (self.expected[i]["section"], self.expected[i]["number"])
            == (self.got[j].section, self.got[j].number)
            for i, j in self.pairs.items()
        )

    @property
    def parented(self) -> int:
        pairs = self.pairs
        right = 0
        for i, j in pairs.items():
            parent = self.expected[i]["parent"]
            want = None if parent is None else pairs.get(parent, -1)
            right += self.got[j].parent == want
        return right

    def reason(self) -> str:
        """The first clause that differs, expected against got, in document order."""
        counts = f"{len(self.expected)} clauses expected, {len(self.got)} got"
        if self.error:
            return f"{counts}: {self.error}"
        for index, clause in enumerate(self.expected):
            want = Parsed(clause["section"], clause["number"], _normal(clause["text"]), None)
            got = self.got[index] if index < len(self.got) else None
            if got is None:
                return f"{counts}; clause {index + 1}: expected {_describe(want)}, got nothing"
            if (want.section, want.number, want.text) != (got.section, got.number, got.text):
                at = _common_prefix(want.text, got.text)
                return (
                    f"{counts}; clause {index + 1}: expected {_describe(want, at)}, "
                    f"got {_describe(got, at)}"
                )
        if len(self.got) > len(self.expected):
            extra = self.got[len(self.expected)]
            return f"{counts}; an extra clause at the end: {_describe(extra)}"
        for index, clause in enumerate(self.expected):
            if clause["parent"] != self.got[index].parent:
                return (
                    f"{counts}; clause {index + 1} ({_describe(self.got[index])}): parent "
                    f"expected {_parent(clause['parent'])}, got {_parent(self.got[index].parent)}"
                )
        return f"{counts}: the same clauses"


def _normal(text: str) -> str:
    return " ".join(text.split())


def _common_prefix(one: str, other: str) -> int:
    differ = (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b)
    return next(differ, min(len(one), len(other)))


def _describe(clause: Parsed, at: int = 0) -> str:
    """A clause's section, number and text around character ``at``, where it differs."""
    start = max(0, at - EXCERPT // 3)
    excerpt = clause.text[start : start + EXCERPT]
    if start:
        excerpt = "…" + excerpt
    if start + EXCERPT < len(clause.text):
        excerpt += "…"
    return f"[{clause.section or 'heading'} {clause.number or '-'}] “{excerpt}”"


def load(target: str) -> Callable[[str], Any]:
    module, _, name = target.partition(":")
    if not name:
        raise SystemExit(f"{target}: a target is module:function")
    return getattr(importlib.import_module(module), name)


def clauses(result: Any) -> list[Parsed]:
    """A target's result as clauses, headings left out and parents renumbered."""
    kept: list[Parsed] = []
    position: dict[int, int] = {}
    for index, item in enumerate(result):
        if str(_field(item, "kind") or "clause") == "heading":
            continue
        position[index] = len(kept)
        parent = _field(item, "parent")
        section = _field(item, "section")
        kept.append(
            Parsed(
                section=str(section) if section is not None else None,
                number=_field(item, "number"),
                text=_normal(_field(item, "text") or ""),
                # A parent the target left out (a heading) is no clause's index.
                parent=position.get(parent, -1) if parent is not None else None,
            )
        )
    return kept


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _parent(index: int | None) -> str:
    return "none" if index is None else f"clause {index + 1}"


def synthetic_copies(refs: list[Reference], seed: int) -> list[dict[str, str]]:
    """For each reference, its synthetic copies (`render_pdf_copy`), with and without
    blank lines."""
    return [
        {
            layout: render_pdf_copy(ref, blank_lines=blank_lines, seed=copy_seed(ref.path, seed))
            for layout, blank_lines in (("blank lines", True), ("no blank lines", False))
        }
        for ref in refs
    ]


def measure(
    parse: Callable[[str], Any], refs: list[Reference], copies: list[dict[str, str]]
) -> list[Outcome]:
    outcomes = []
    for ref, texts in zip(refs, copies, strict=True):
        for layout, text in texts.items():
            start = time.perf_counter()
            try:
                result, error = parse(text), None
            except Exception as exception:  # A failure is a measurement too.
                result, error = [], f"raises {type(exception).__name__}: {exception}"
            seconds = time.perf_counter() - start
            outcomes.append(
                Outcome(
                    f"{ref.symbol} ({ref.path.name})",
                    layout,
                    ref.clauses,
                    clauses(result),
                    seconds,
                    error,
                )
            )
    return outcomes


def copy_seed(path: Path, seed: int) -> int:
    """The seed of one file's copy: the same in a run and in ``--show``."""
    return zlib.crc32(f"{seed}:{path.name}".encode())


def report(target: str, outcomes: list[Outcome], files: int) -> None:
    expected = sum(len(o.expected) for o in outcomes)
    right = [o for o in outcomes if len(o.got) == len(o.expected) and not o.error]

    layouts = list(dict.fromkeys(o.layout for o in outcomes))

    def by_layout(selected: list[Outcome]) -> str:
        return ", ".join(
            f"{layout} {sum(o.layout == layout for o in selected)}/"
            f"{sum(o.layout == layout for o in outcomes)}"
            for layout in layouts
        )

    by_expected = {
        layout: sum(len(o.expected) for o in outcomes if o.layout == layout) for layout in layouts
    }

    def share(count: int) -> str:
        return f"{count / expected:6.1%}  ({count}/{expected})"

    times = sorted(o.seconds for o in outcomes)
    print(f"{target}: {len(outcomes)} inputs ({files:,} files; {', '.join(layouts)})")
    print(f"  right number of clauses   {len(right)}/{len(outcomes)}  ({by_layout(right)})")
    identical_by_layout = ", ".join(
        f"{layout} "
        f"{sum(o.identical for o in outcomes if o.layout == layout) / by_expected[layout]:.1%}"
        for layout in layouts
    )
    print(
        f"  identical clause texts   {share(sum(o.identical for o in outcomes))}"
        f"  ({identical_by_layout})"
    )
    print(f"  right section and number {share(sum(o.labelled for o in outcomes))}")
    print(f"  right parent             {share(sum(o.parented for o in outcomes))}")
    print(
        f"  time per input            median {statistics.median(times) * 1000:.1f} ms, "
        f"max {times[-1] * 1000:.1f} ms"
    )
    print(f"  worst {WORST}:")
    worst = sorted(
        outcomes,
        key=lambda o: (o.identical / len(o.expected), -abs(len(o.got) - len(o.expected))),
    )
    for o in worst[:WORST]:
        print(f"    {o.name}, {o.layout}: {o.identical}/{len(o.expected)} identical; {o.reason()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", default=[DEFAULT_TARGET], metavar="TARGET")
    parser.add_argument("--seed", type=int, default=0, help="the copies' seed (default 0)")
    parser.add_argument(
        "--all", action="store_true", help="every file of the UN's repository with the usual labels"
    )
    parser.add_argument(
        "--language", default="English", help="with --all: the files' language (default English)"
    )
    parser.add_argument("--show", type=Path, metavar="FILE", help="print FILE's copy and stop")
    parser.add_argument("--clean", action="store_true", help="with --show: the clean text")
    parser.add_argument(
        "--no-blank-lines", action="store_true", help="with --show: the copy without blank lines"
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="copies of real PDFs (LibreOffice, pdftotext: bench/real_pdf.py), not synthetic ones",
    )
    args = parser.parse_args()
    if args.pdf and (missing := real_pdf.missing_tools()):
        raise SystemExit(f"--pdf needs {' and '.join(missing)} (see bench/real_pdf.py)")
    if args.show:
        ref = clean_reference(args.show)
        if args.clean:
            print(render_clean(ref))
        elif args.pdf:
            print(real_pdf.copies([ref])[0]["pdftotext -raw"], end="")
        else:
            seed = copy_seed(args.show, args.seed)
            print(render_pdf_copy(ref, blank_lines=not args.no_blank_lines, seed=seed), end="")
        return
    files = repository(args.language) if args.all else SAMPLE
    if not files:
        raise SystemExit("--all: the UN's repository is not beside the checkout (../shared)")
    refs = [clean_reference(path) for path in files]
    copies = real_pdf.copies(refs) if args.pdf else synthetic_copies(refs, args.seed)
    for number, target in enumerate(args.targets):
        if number:
            print()
        report(target, measure(load(target), refs, copies), len(files))


if __name__ == "__main__":
    main()
