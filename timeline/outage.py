"""What readers get while the database is away, and how Redline notices it is back.

The first request to fail to reach the database opens an *outage*: it is logged once, in
one line (not a traceback per request), and for the next `RETRY_AFTER` seconds no request
of this process tries the database. Reader pages are then served from the page cache at
the last version this process saw, where a copy is there (`timeline.page_cache`), and
every other request gets the 503 page with ``Retry-After`` at once. The first request after
that tries again: if the database answers, the outage is over (logged, with its length);
if not, it lasts another `RETRY_AFTER` seconds. Nothing needs restarting.

How long a failing attempt can take is bounded by the database settings (connection,
pool and statement timeouts, in `timeline.settings`), so that it is seconds, not the 30 s
after which gunicorn kills a worker.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
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


def is_down() -> bool:
    """Whether requests should leave the database alone for now."""
    return time.monotonic() < _retry_at


def failed(error: BaseException) -> None:
    """A request could not reach the database: open the outage, or extend it."""
    global _began, _retry_at
    with _lock:
        now = time.monotonic()
        _retry_at = now + RETRY_AFTER
        if _began is None:
            _began = now
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
