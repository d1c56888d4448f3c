"""A client asking for many pages that must be rendered is slowed down; cached pages are
never limited, and other clients are not affected."""

import pytest

from tests.helpers import text_of


@pytest.fixture
def limit_of_five(settings):
    settings.READER_RENDERS_PER_MINUTE = 5


def test_new_searches_beyond_the_limit_get_429_with_retry_after(
    story, client, limit_of_five, fresh_pages
):
    for n in range(5):
        assert client.get(f"/search/?q=violence+{n}").status_code == 200
    refused = client.get("/search/?q=violence+again")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 61
    assert "Too many requests" in text_of(refused)
    # What is already cached is served, as often as asked.
    for _ in range(10):
        assert client.get("/search/?q=violence+0").status_code == 200
    # Another client, behind the proxy, has its own allowance.
    other = client.get("/search/?q=violence+again", HTTP_X_FORWARDED_FOR="192.0.2.9")
    assert other.status_code == 200
