"""A client asking for many pages that must be rendered is slowed down; cached pages are
never limited, and other clients are not affected.

The limit counts renders in fixed windows of a minute of the wall clock, so these tests
run on a clock of their own: on the real one, a test that crossed a minute's end between
its fifth and sixth render saw its allowance start again (CI failed so once)."""

import pytest

from tests.helpers import text_of
from timeline import rate_limit

# A moment 10 s into a window of the limit.
START = 29_000_000 * rate_limit.WINDOW + 10.0


class Clock:
    """`time.time` for `timeline.rate_limit`, standing still until moved."""

    def __init__(self, now: float):
        self.now = now

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(START)
    monkeypatch.setattr(rate_limit, "time", clock)
    return clock


@pytest.fixture
def limit_of_five(settings, clock):
    settings.READER_RENDERS_PER_MINUTE = 5


def test_new_searches_beyond_the_limit_get_429_with_retry_after(
    story, client, limit_of_five, fresh_pages
):
    for n in range(5):
        assert client.get(f"/search/?q=violence+{n}").status_code == 200
    refused = client.get("/search/?q=violence+again")
    assert refused.status_code == 429
    # 50 s of the window are left; the client may ask again once they have passed.
    assert refused["Retry-After"] == "51"
    assert "Too many requests" in text_of(refused)
    # What is already cached is served, as often as asked.
    for _ in range(10):
        assert client.get("/search/?q=violence+0").status_code == 200
    # Another client, behind the proxy, has its own allowance.
    other = client.get("/search/?q=violence+again", HTTP_X_FORWARDED_FOR="192.0.2.9")
    assert other.status_code == 200


def test_the_allowance_starts_again_when_the_minute_is_out(
    story, client, limit_of_five, fresh_pages, clock
):
    clock.now = START + 49.5  # half a second before the window ends
    for n in range(5):
        assert client.get(f"/search/?q=arrested+{n}").status_code == 200
    refused = client.get("/search/?q=arrested+again")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    clock.now = START + 50.2  # the next window
    assert client.get("/search/?q=arrested+again").status_code == 200
