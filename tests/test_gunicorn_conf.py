"""gunicorn's settings (gunicorn.conf.py): each worker moves what it keeps for its life out
of the garbage collector's sight, whose full collections stalled cached pages for
hundreds of milliseconds under load (`make loadtest`)."""

import gc
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"


@pytest.fixture
def conf():
    settings = runpy.run_path(str(CONF))
    yield settings
    gc.unfreeze()


def _collector_sees(thing):
    # gc.get_objects() lists the three generations the collector scans, not the frozen one.
    # (Counting the frozen objects instead failed once in CI: a frozen object freed by its
    # reference count lowers gc.get_freeze_count() between two calls.)
    return any(obj is thing for obj in gc.get_objects())


def test_a_worker_freezes_what_it_loaded_and_again_after_its_first_requests(conf):
    gc.unfreeze()
    loaded = [[n] for n in range(10)]  # what the app holds once loaded
    conf["post_worker_init"](SimpleNamespace(nr=0))
    assert not _collector_sees(loaded)

    kept = [[n] for n in range(10)]  # what the first requests keep (templates, caches)
    request = (None, {}, None)
    conf["post_request"](SimpleNamespace(nr=99), *request)
    assert _collector_sees(kept)
    conf["post_request"](SimpleNamespace(nr=102), *request)  # threads may pass 100 unseen
    assert not _collector_sees(kept)

    later = [[n] for n in range(10)]
    conf["post_request"](SimpleNamespace(nr=103), *request)
    assert _collector_sees(later)  # once per mark
    conf["post_request"](SimpleNamespace(nr=1000), *request)
    assert not _collector_sees(later)
    conf["post_request"](SimpleNamespace(nr=5000), *request)
    assert conf["_FREEZE_AFTER_REQUESTS"] == []
