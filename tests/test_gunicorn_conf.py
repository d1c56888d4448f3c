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


def test_a_worker_freezes_what_it_loaded_and_again_after_its_first_requests(conf):
    gc.unfreeze()
    conf["post_worker_init"](SimpleNamespace(nr=0))
    after_init = gc.get_freeze_count()
    assert after_init > 0

    kept = [[n] for n in range(1000)]  # what the first requests keep (templates, caches)
    request = (None, {}, None)
    conf["post_request"](SimpleNamespace(nr=99), *request)
    assert gc.get_freeze_count() == after_init
    conf["post_request"](SimpleNamespace(nr=102), *request)  # threads may pass 100 unseen
    assert gc.get_freeze_count() >= after_init + len(kept)
    frozen = gc.get_freeze_count()
    conf["post_request"](SimpleNamespace(nr=103), *request)
    assert gc.get_freeze_count() == frozen  # once per mark
    conf["post_request"](SimpleNamespace(nr=1000), *request)
    conf["post_request"](SimpleNamespace(nr=5000), *request)
    assert conf["_FREEZE_AFTER_REQUESTS"] == []
