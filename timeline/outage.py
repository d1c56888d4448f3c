"""What readers get while the database is away, and how Redline notices it is back.

The first request to fail to reach the database opens an *outage*: it is logged once, in
one line (not a traceback per request), and for the next `RETRY_AFTER` seconds no request
of this process tries the database. Reader pages are then served from the page cache at
the last version this process saw, where a copy is there (`timeline.page_cache`), and
every other request gets the 503 page with ``Retry-After`` at once. The first request after
that tries again: if the database answers, the outage is over (logged, with its length);
if not, it lasts another `RETRY_AFTER` seconds. Nothing needs restarting.

Each thread of a worker keeps its own connection. One made before an outage began was cut
with it: a thread closes such a connection before its next request, so that the request
connects afresh (no request pays a round trip to test its connection); with a pool, the
first request that may try the database after an outage has the pool check its idle
connections.

How long a failing attempt can take is bounded by the database settings (connection,
pool and statement timeouts, in `timeline.settings`), so that it is seconds, not the 30 s
after which gunicorn kills a worker.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("timeline.outage")

# Seconds between attempts to reach the database during an outage (and the Retry-After).
RETRY_AFTER = settings.DATABASE_RETRY_AFTER
# The errors that mean "the database is not there", as opposed to a bad query.
UNREACHABLE = (OperationalError, InterfaceError)

_lock = threading.Lock()
_began: float | None = None  # time.monotonic() when the outage began
_retry_at = 0.0
# How many outages this process has seen begin; each connection is stamped with the
# number when it is made, and one stamped before the last outage began is stale.
_outages = 0


def connect() -> None:
    """Stamp each new connection with the outages seen so far (called once, at start)."""
    connection_created.connect(_stamp, dispatch_uid="timeline.outage")


def _stamp(sender, connection, **kwargs) -> None:
    connection.outages_seen = _outages


_pool_checked = 0  # the outages after which a pool's idle connections were checked


def drop_stale_connections() -> None:
    """Before a request: close this thread's kept connection if it was made before the
    last outage began (the database dropped it then, and the next query would fail); and,
    the first time after an outage that the database may be tried, have a pool check its
    idle connections, replacing the dropped ones."""
    global _pool_checked
    if (
        connection.connection is not None
        and getattr(connection, "outages_seen", 0) < _outages
        and not connection.in_atomic_block  # (never a transaction under way)
    ):
        connection.close()
    if _pool_checked < _outages and not is_down():
        with _lock:
            due, _pool_checked = _pool_checked < _outages, _outages
        if due:
            check_pool()


def check_pool() -> None:
    """Have the connection pool, if there is one, try each of its idle connections and
    replace those the database dropped."""
    pool = getattr(connection, "pool", None)
    if pool is not None and not pool.closed:
        pool.check()


def is_down() -> bool:
    """Whether requests should leave the database alone for now."""
    return time.monotonic() < _retry_at


def failed(error: BaseException) -> None:
    """A request could not reach the database: open the outage, or extend it."""
    global _began, _retry_at, _outages
    with _lock:
        now = time.monotonic()
        _retry_at = now + RETRY_AFTER
        if _began is None:
            _began = now
            _outages += 1
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            logger.error(
                "The database is unreachable (%s: %s); readers get cached pages or a 503, "
                "and Redline tries again every %d s.",
                type(error).__name__,
                first_line,
                RETRY_AFTER,
            )


def reached() -> None:
    """A request reached the database: close the outage, if there was one."""
    global _began, _retry_at
    if _began is None:
        return
    with _lock:
        if _began is not None:
            logger.warning(
                "The database answers again, after %.0f s away.", time.monotonic() - _began
            )
            _began = None
            _retry_at = 0.0


def unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 page, rendered without the database (no context processors)."""
    response = HttpResponse(render_to_string("503.html", {"retry_after": RETRY_AFTER}), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turns "the database is unreachable" into the outage above, for every view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        drop_stale_connections()
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Reader pages decide for themselves: they may have a cached copy to serve.
        if is_down() and not getattr(view_func, "serves_during_outage", False):
            return unavailable(request)
        return None

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, UNREACHABLE):
            failed(exception)
            return unavailable(request)
        return None
