"""The cyclic garbage collector paused while the engine builds a comparison.

A comparison of ten thousand paragraphs allocates hundreds of thousands of small tuples,
lists and dicts, none of them in a reference cycle: reference counting frees each one
when it is no longer used. The cyclic collector does not know that; it runs every 2,000
allocations and each run walks the young objects, and now and then every object the
comparison holds so far. At 10,000 paragraphs that was 155 collections and 7% of the
time, at 40 paragraphs none: a cost that grows faster than the text. (Mercurial pauses it
the same way while it builds its large indexes, ``util.nogc``.)

Pausing is process-wide, so nested and concurrent comparisons share one pause: the first
to start pauses the collector if it was running, the last to finish resumes it, and a
collector that something else had disabled stays disabled. Anything cyclic made meanwhile
is collected at the collector's next run.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector paused (see the module's doc)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
