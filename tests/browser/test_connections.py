"""The browser leaves no database connection open behind it: on PostgreSQL the test database
is dropped at the end of the run only if no connection to it is left."""

import threading

import pytest
from django.db import connection, connections

from tests.browser.conftest import chromium


def test_a_connection_opened_while_the_browser_ran_is_closed_when_it_stops(db):
    """A test that uses the database while the browser runs opens a connection pytest-django
    does not close at the session's end (see `chromium`). The browser is started in a
    thread of its own: in this one the session's browser may be running already, and
    Playwright's sync API refuses to start inside its event loop."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("Django never closes a connection to SQLite's in-memory test database")
    seen: dict[str, bool] = {}

    def run() -> None:
        with chromium():
            opened = connections["default"]
            opened.ensure_connection()
        seen["left open"] = opened.connection is not None
        # This thread's connections, closed whatever the outcome: nothing else closes them.
        opened.close()
        connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == {"left open": False}
