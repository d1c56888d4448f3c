"""`make bench` on a machine with only the UN texts the project ships (no ../shared): the
texts hold too few distinct paragraphs for the larger sizes, and the benchmark says so
instead of failing."""

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import engine_bench


@pytest.fixture(scope="module")
def shipped_cases():
    texts, _ = engine_bench.load_texts(engine_bench.SHIPPED)
    return engine_bench.make_cases(engine_bench.renewals(texts))


def test_sizes_the_shipped_texts_cannot_fill_are_left_out_with_a_note(shipped_cases):
    cases, notes = shipped_cases
    distinct = [case.size for case in cases if case.kind == "distinct"]
    # One distinct case: the shipped texts hold a few hundred distinct paragraphs.
    assert len(distinct) == 1
    assert distinct[0] < 1000
    assert any(f"{distinct[0]:,} distinct paragraphs" in note for note in notes)
    assert any("5,000 and 10,000" in note for note in notes)
    # The repeated cases go round the texts again: every size is there.
    assert [case.target for case in cases if case.kind == "repeated"] == [1000, 5000, 10000]


def test_growth_over_one_size_is_not_measured_and_says_why(shipped_cases, capsys):
    cases, _ = shipped_cases
    timed = engine_bench.Figures(compare=0.03, html=0.002, floor=0.006)
    growth = {
        kind: [(case, timed) for case in cases if case.kind == kind]
        for kind in ("distinct", "repeated")
    }
    rows = [(case, timed) for case in cases]
    engine_bench.verdicts(rows, growth, timeout=40, held_out=False)
    printed = capsys.readouterr().out
    assert "Growth, distinct: not measured" in printed
    assert "Growth, repeated" in printed
    # The shipped texts are the tests' own, not held out: figures, but no verdict.
    assert " met" not in printed
    assert printed.count("not judged (the texts are not held out)") == 3


def test_an_exponent_between_equal_sizes_is_unknown():
    assert engine_bench._exponent(285, 0.03, 285, 0.04, 40) == "?"


def test_growth_is_given_beside_the_floors_own(shipped_cases, capsys):
    cases, _ = shipped_cases
    repeated = [case for case in cases if case.kind == "repeated"]
    # The engine and the floor each take ten times as long from the smallest size to the
    # largest.
    figures = [
        engine_bench.Figures(compare=0.1 * 10**k, html=0.0, floor=0.02 * 10**k) for k in (0, 0.5, 1)
    ]
    growth = list(zip(repeated, figures, strict=True))
    rows = [(case, figures[0]) for case in cases if case.kind != "repeated"] + growth
    engine_bench.verdicts(rows, {"distinct": [], "repeated": growth}, timeout=40)
    printed = next(
        line for line in capsys.readouterr().out.splitlines() if "Growth, repeated" in line
    )
    exponent = math.log(10) / math.log(repeated[-1].size / repeated[0].size)
    assert f"→{repeated[-1].size:,} = {exponent:.2f} (n log n" in printed
    chars = [len(case.old) + len(case.new) for case in repeated]
    by_chars = math.log(10) / math.log(chars[-1] / chars[0])
    assert f"characters^e, e = {by_chars:.2f}; the floor's, one linear pass" in printed
    assert f"over those characters, e = {by_chars:.2f} (the table's times)" in printed
