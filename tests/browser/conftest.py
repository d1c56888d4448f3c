"""Real-browser tests: Playwright driving Debian's Chromium against Django's live server.

Chromium is found at $CHROMIUM, on the PATH, or at /usr/bin/chromium (browser downloads
are not used). Without it these tests are skipped and the run says so plainly; under
CI=true a missing Chromium is an error, because CI must run them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = find_chromium()
# As root Chromium needs --no-sandbox. With no network beyond loopback here, Chromium's own
# background traffic (component updates, sync, field trials) fails over and over; it is
# turned off, as it is in any test run that must not depend on the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIPPED_BECAUSE = (
    "no Chromium found (install Debian's 'chromium' package or set CHROMIUM=/path/to/chromium)"
)


def pytest_collection_modifyitems(config, items):
    browser_items = [i for i in items if "tests/browser/" in str(i.path).replace(os.sep, "/")]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if CHROMIUM or not browser_items:
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true but browser tests cannot run: {SKIPPED_BECAUSE}")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {SKIPPED_BECAUSE}"))


def pytest_terminal_summary(terminalreporter, config):
    # Counted from the reports, which reach this process from pytest-xdist's workers too.
    skipped = sum(
        SKIPPED_BECAUSE in str(getattr(report, "longrepr", ""))
        for report in terminalreporter.stats.get("skipped", [])
    )
    if skipped:
        terminalreporter.write_line(
            f"BROWSER TESTS SKIPPED: {skipped} tests did not run: {SKIPPED_BECAUSE}.",
            yellow=True,
            bold=True,
        )


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Chromium under Playwright's sync API, in this thread, for as long as the block runs.

    The database connections this thread opened meanwhile are closed before Playwright
    stops. Between its calls Playwright marks its event loop as running in this thread, and
    while a loop runs Django keeps the thread's connections apart from the ones it keeps
    otherwise (asgiref's Local holds them per context then). Once Playwright has stopped
    they are out of reach: pytest-django's teardown at the session's end closes only the
    others, and on PostgreSQL one left open keeps the test database from being dropped ("is
    being accessed by other users")."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect

    # A loaded two-core CI machine can take longer than Playwright's 5 s default to
    # settle an htmx swap; waiting longer costs nothing when the page is quick.
    expect.set_options(timeout=15_000)

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started after the test database is made, so that it
    stops (and closes its connection) before the database is destroyed."""
    return live_server


@pytest.fixture(scope="session")
def _reading_server(django_db_setup):
    """A live server for the tests that only read, one for the whole session, as
    pytest-django's `live_server` is: stopping one per module raced the requests still
    closing their shared SQLite connection. (Asking for `live_server` itself would make
    every test that uses it transactional, which is what `site` exists to avoid.)"""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(_reading_server, django_db_blocker):
    """The address of a live server over the Syria collection as the session loaded it
    (see `django_db_setup` in tests/conftest.py), for a module of tests that only read.
    Nothing is written, so no test needs the database flushed and the collection loaded
    again after it; a test that writes uses `editing_site`."""
    # The database is open to the server's threads while the module's tests run: they
    # read through it, as readers do. (pytest-django's blocker is process-wide.)
    with django_db_blocker.unblock():
        _reading_server._live_server_modified_settings.enable()
        yield _reading_server.url
        _reading_server._live_server_modified_settings.disable()


@pytest.fixture
def editing_site(live_server, transactional_db):
    """The live server's address, with the Syria collection loaded, for a test that
    writes (an editor's session, a publish): its writes are committed, so that the
    server's thread sees them, and flushed afterwards."""
    return live_server.url


VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def _reading_context(browser, site):
    """One browser context for a module's tests that only read, each test in a page of
    its own (its own history, session storage and scripts; cookies are cleared between
    tests). A page of the site stays open while the module runs: its renderer process
    then serves each test's new page, which opens in 0.19 s instead of the 0.36 s a
    context and a renderer of its own took, 61 times a run."""
    context = browser.new_context(viewport=VIEWPORT)
    context.new_page().goto(site + "/about/")
    yield context
    context.close()


@pytest.fixture
def page(request, browser):
    """A fresh page that records console errors and CSP violations; the test fails on any.
    A test that only reads (it asks for `site`) gets it in its module's context; any other
    test (an editor's session) in a context of its own."""
    reading = "site" in request.fixturenames
    if reading:
        context = request.getfixturevalue("_reading_context")
        context.clear_cookies()
    else:
        context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    problems: list[str] = []

    def on_console(message) -> None:
        # A 404 or 400 page is the document's own status, which Chromium also logs as a
        # failed load; any other failed resource is a problem.
        own_status = message.location.get("url") == page.url and message.text.startswith(
            "Failed to load resource"
        )
        if message.type == "error" and not own_status:
            problems.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page
    if reading:
        page.close()
    else:
        context.close()
    assert problems == [], f"console errors or CSP violations: {problems}"


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
