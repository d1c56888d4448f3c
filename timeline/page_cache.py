"""Reader pages cached whole under the content version, and revalidated by it.

A reader's page is the same for everyone until the data changes, and the data changes
only with the content version (`timeline.versions`). So each reader view is wrapped by
`reader_page`, which

- answers only GET and HEAD (405 otherwise, TRACE and OPTIONS included);
- reads the version (one query) and answers ``If-None-Match`` / ``If-Modified-Since``
  with 304 before anything is rendered: the ETag is strong, one per release
  (`timeline.release`: a new release may render the same data otherwise), version,
  address, variant (whole page or htmx fragment) and encoding;
- serves the page from the shared cache (``CACHES["default"]``: Redis in production)
  under the release and the version, or renders it once (within the client's allowance
  of renders, `timeline.rate_limit`), in a transaction that reads the version again
  from the same snapshot as the page's data, and stores it, compressed as well as plain;
- compresses with brotli or gzip (once, when the page is stored) for clients that accept
  them. Reader pages hold no secret (no CSRF
  token, no session, nothing of the reader's), so compressing them gives BREACH nothing
  to guess; pages with secrets (the admin) are never compressed here.

Nothing per request is in a cached page: there is no inline script, so no CSP nonce.
``Cache-Control`` lets browsers and shared caches keep a page briefly and serve it stale
while they revalidate. A request with a session cookie may be an editor's, who also sees
drafts in preview: it is rendered afresh and marked ``private, no-cache``.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import wraps

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from timeline import outage, rate_limit, release, versions

# Browsers and shared caches may keep a page this long, then serve it stale for this long
# while they revalidate (a 304 costs one query).
MAX_AGE = 60
STALE_WHILE_REVALIDATE = 600
# Cached pages outlive no version; the limit only frees memory of versions gone by.
TIMEOUT = 24 * 3600
# Statuses worth keeping: pages, refusals of bad addresses and redirects are as
# deterministic as pages.
_CACHED_STATUSES = frozenset({200, 301, 302, 400, 404})
# Headers the cache sets itself, or that middleware adds to every response.
_OWN_HEADERS = frozenset(
    {"content-length", "etag", "last-modified", "cache-control", "vary", "content-encoding"}
)
_COMPRESS_MIN = 200  # bytes
_QUALITY = re.compile(r"\s*q\s*=\s*([0-9.]+)\s*$", re.IGNORECASE)
# Each encoding a page is stored in, best first, and how to make it.
_ENCODINGS = {
    "br": lambda body: brotli.compress(body, mode=brotli.MODE_TEXT, quality=6),
    "gzip": lambda body: gzip.compress(body, compresslevel=6, mtime=0),
}


@dataclass(frozen=True)
class Stored:
    """A rendered response, as kept in the cache."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    # The body in each encoding; none for a body too short to gain from compression.
    encoded: dict[str, bytes]

    @property
    def size(self) -> int:
        """Bytes it takes, all encodings together."""
        return len(self.body) + sum(map(len, self.encoded.values()))


class _Pages:
    """The shared cache, with this process's most recent pages in front of it: a key
    names a version, so a copy kept here can never be stale, and a page served again
    costs no trip to Redis (whose copy of a page is three encodings, 100 KB or more)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget  # bytes kept in this process
        self._kept: OrderedDict[str, Stored] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Stored | None:
        with self._lock:
            stored = self._kept.get(key)
            if stored is not None:
                self._kept.move_to_end(key)
                return stored
        stored = cache.get(key)
        if stored is not None:
            self._keep(key, stored)
        return stored

    def set(self, key: str, stored: Stored) -> None:
        cache.set(key, stored, TIMEOUT)
        self._keep(key, stored)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0

    def _keep(self, key: str, stored: Stored) -> None:
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = stored
            self._size += stored.size
            while self._size > self.budget and self._kept:
                _, dropped = self._kept.popitem(last=False)
                self._size -= dropped.size


_pages = _Pages(budget=64 * 1024 * 1024)


def clear_pages() -> None:
    """Forget the pages this process keeps (the shared cache is cleared on its own)."""
    _pages.clear()


def reader_page(view):
    """Serve ``view`` (a reader view: the same page for every reader) from the page cache,
    with revalidation and compression (see the module's documentation)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Perhaps an editor, who also sees drafts in preview: never cached.
            response = view(request, *args, **kwargs)
            response["Cache-Control"] = "private, no-cache"
            patch_vary_headers(response, ["Cookie"])
            return response
        encoding = preferred_encoding(request.headers.get("Accept-Encoding", ""))
        if outage.is_down():
            return _during_outage(request, encoding)
        try:
            version = _current_version()
        except outage.UNREACHABLE as error:
            outage.failed(error)
            return _during_outage(request, encoding)
        outage.reached()
        global _last_seen
        _last_seen = version
        not_modified = get_conditional_response(
            request, etag=_etag(request, version, encoding), last_modified=_seconds(version)
        )
        if not_modified is not None:
            return _finish(not_modified, encoding, request, version)
        stored = _pages.get(_key(request, version))
        if stored is None:
            wait = rate_limit.render_allowed(request)
            if wait:
                return rate_limit.too_many(request, wait)
            stored, version, response = _render(view, request, args, kwargs)
            if stored is None:
                return response
        return _finish(*_response(stored, encoding), request, version)

    wrapped.serves_during_outage = True  # see timeline.outage
    return wrapped


def _current_version() -> versions.Version:
    """The content version, over a fresh connection if the kept one has gone bad (the
    database restarted): connections are not health-checked on every request, which
    would cost every page a round trip. (A pool's other idle connections went bad with
    it: they are checked before the second try.)"""
    try:
        return versions.current()
    except outage.UNREACHABLE:
        if connection.in_atomic_block:
            raise
        connection.close()
        outage.check_pool()
        return versions.current()


# The last content version this process read: while the database is away, pages cached
# under it are still the collection as it stands.
_last_seen: versions.Version | None = None


def _during_outage(request: HttpRequest, encoding: str) -> HttpResponse:
    """The cached copy of the page at the last version seen, or the 503 page."""
    version = _last_seen
    stored = _pages.get(_key(request, version)) if version is not None else None
    if stored is None:
        return outage.unavailable(request)
    response = _finish(*_response(stored, encoding), request, version)
    # Not to be kept by caches on the way: the database may have moved on meanwhile.
    response["Cache-Control"] = "no-cache"
    return response


def _response(stored: Stored, encoding: str) -> tuple[HttpResponse, str]:
    """The stored page in ``encoding`` where it was stored so, else plain; and which."""
    if encoding not in stored.encoded:
        encoding = ""
    response = HttpResponse(stored.encoded.get(encoding, stored.body), status=stored.status)
    for name, value in stored.headers:
        response[name] = value
    if encoding:
        response["Content-Encoding"] = encoding
    return response, encoding


def preferred_encoding(accept_encoding: str) -> str:
    """The encoding to send for an ``Accept-Encoding`` header: ``"br"``, ``"gzip"``, or
    ``""`` for none, by the client's preference (brotli on a tie; ``q=0`` refuses)."""
    weights: dict[str, float] = {}
    for item in accept_encoding.split(","):
        name, _, parameters = item.partition(";")
        name = name.strip().lower()
        weight = 1.0
        found = _QUALITY.match(parameters)
        if found:
            try:
                weight = float(found[1])
            except ValueError:
                weight = 0.0
        weights[name] = weight
    wildcard = weights.get("*", 0.0)
    best, chosen = 0.0, ""
    for encoding in _ENCODINGS:
        weight = weights.get(encoding, wildcard)
        if weight > best:
            best, chosen = weight, encoding
    return chosen


def _render(
    view, request: HttpRequest, args, kwargs
) -> tuple[Stored | None, versions.Version, HttpResponse]:
    """Render the page and store it under the version its data was read at: the version
    and the page come from one snapshot (a transaction; on PostgreSQL, repeatable read),
    so a page is never stored under a version older than its data. Returns what was
    stored (``None`` for a response not to keep, such as a 500), and the response."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        version = versions.current()
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    if (
        response.status_code not in _CACHED_STATUSES
        or response.cookies
        or response.streaming
        or response.has_header("Content-Encoding")
    ):
        return None, version, response
    body = response.content
    stored = Stored(
        response.status_code,
        tuple((k, v) for k, v in response.items() if k.lower() not in _OWN_HEADERS),
        body,
        {name: encode(body) for name, encode in _ENCODINGS.items()}
        if len(body) >= _COMPRESS_MIN
        else {},
    )
    _pages.set(_key(request, version), stored)
    return stored, version, response


def _variant(request: HttpRequest) -> str:
    """Which form of a page a request asks for: htmx swaps in a fragment, except when it
    restores history, which takes the whole page (as `timeline.views.common.page` does)."""
    htmx = getattr(request, "htmx", None)
    return "fragment" if htmx and not htmx.history_restore_request else "page"


def _address(request: HttpRequest) -> str:
    # The absolute address: pages link to themselves absolutely (share cards).
    return f"{_variant(request)} {request.build_absolute_uri()}"


def _key(request: HttpRequest, version: versions.Version) -> str:
    digest = hashlib.sha256(_address(request).encode()).hexdigest()
    return f"redline:page:{release.RELEASE}:{version.token}:{digest}"


def _etag(request: HttpRequest, version: versions.Version, encoding: str) -> str:
    seed = f"{release.RELEASE} {version.token} {_address(request)}"
    digest = hashlib.sha256(seed.encode()).hexdigest()[:20]
    return f'"{version.number}-{digest}{"-" + encoding if encoding else ""}"'


def _seconds(version: versions.Version) -> int:
    return int(version.changed_at.timestamp())


def _finish(
    response: HttpResponse, encoding: str, request: HttpRequest, version: versions.Version
) -> HttpResponse:
    """The validators, caching rules and ``Vary`` every answer carries, 304s included."""
    response["ETag"] = _etag(request, version, encoding)
    response["Last-Modified"] = http_date(_seconds(version))
    response["Cache-Control"] = (
        f"public, max-age={MAX_AGE}, stale-while-revalidate={STALE_WHILE_REVALIDATE}"
    )
    # Cookie: a browser that logs in to the admin asks again, for the editor's page.
    patch_vary_headers(response, ["Accept-Encoding", "Cookie"])
    return response
