"""Per-client limits on work that costs: rendering a reader page that is not cached.

A cached page costs one query, whoever asks; a page rendered afresh (a new search, a new
comparison, any page after a publish) costs its view's work. Each client may have
``READER_RENDERS_PER_MINUTE`` of those a minute (fixed windows, counted in the shared
cache, so every app server agrees); beyond that it gets a 429 with ``Retry-After`` until
the minute is out. Cached pages are never limited.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

WINDOW = 60
_LOOPBACK = frozenset({"127.0.0.1", "::1"})


def client_address(request: HttpRequest | None) -> str:
    """Who is asking: the connecting address, or, when that is the proxy on this machine,
    the last address it added to ``X-Forwarded-For`` (docs/deploy/nginx.conf sets it)."""
    if request is None:
        return "unknown"
    address = request.META.get("REMOTE_ADDR", "unknown")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if address in _LOOPBACK and forwarded:
        return forwarded.split(",")[-1].strip() or address
    return address


def render_allowed(request: HttpRequest) -> int:
    """0 if this client may have one more page rendered now, else the seconds to wait."""
    now = time.time()
    window = int(now // WINDOW)
    key = f"redline:renders:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW + 5)
        count = 1
    if count <= settings.READER_RENDERS_PER_MINUTE:
        return 0
    return int((window + 1) * WINDOW - now) + 1


def too_many(request: HttpRequest, wait: int) -> HttpResponse:
    response = HttpResponse(render_to_string("429.html", {"wait": wait}), status=429)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response
