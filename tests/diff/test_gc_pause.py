"""The collector paused during a comparison, and resumed as it was."""

from __future__ import annotations

import gc
import importlib
import threading

import pytest

from timeline.diff import compare_texts
from timeline.diff.gc_pause import gc_paused


@pytest.fixture
def collector_running():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_comparison_runs_without_collections_and_resumes_the_collector(
    collector_running, monkeypatch
):
    runs = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    compare_module = importlib.import_module("timeline.diff.compare")
    original = compare_module._compare

    def watched(old, new):
        gc.callbacks.append(count)
        try:
            return original(old, new)
        finally:
            gc.callbacks.remove(count)

    monkeypatch.setattr(compare_module, "_compare", watched)
    old = "\n\n".join(f"{n}. Decides to remain seized of matter {n};" for n in range(400))
    new = "\n\n".join(f"{n}. Decides to stay seized of matter {n};" for n in range(400))
    comparison = compare_texts(old, new)
    assert comparison.counts()["edited"] == 400
    assert runs == []
    assert gc.isenabled()


def test_nested_pauses_resume_once_the_outer_one_ends(collector_running):
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled():
    was = gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_the_collector_resumes_after_an_error(collector_running):
    with pytest.raises(ValueError, match="bad input"), gc_paused():
        raise ValueError("bad input")
    assert gc.isenabled()


def test_overlapping_pauses_in_two_threads_resume_when_the_last_ends(collector_running):
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with gc_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_out.wait(5)
            seen["while the second runs"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"while the second runs": False}
    assert gc.isenabled()
