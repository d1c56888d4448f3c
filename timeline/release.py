"""The release: a digest of what makes Redline's pages other than its data (the code, the
templates, the static files), so that a page one release cached is never served by
another.

Reader pages are cached, and revalidated, under the content version (`timeline.page_cache`,
`timeline.versions`), which only a write to the data advances. A new release can render
the same data differently (a diff engine that reads Chinese by character, a new element
on a page); with the release in the cache's keys and the pages' ETags, its first request
of each page renders it afresh and a browser's copy of the old page no longer matches.

The digest is of the files' paths and contents, read once when the module is first
imported: the same files give the same release on every server and every start, so
servers of one release share their cached pages.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What renders pages, below ROOT. Left out: timeline/data, the data the database is
# loaded from, which the content version covers, and timeline/fonts, which only the share
# cards are drawn with (those images are keyed by their own content, not cached here).
SOURCES = ("timeline", "templates", "static")
_LEFT_OUT = ("timeline/data/", "timeline/fonts/")


def digest(root: Path = ROOT) -> str:
    """The digest of the release's files below ``root``."""
    files = sorted(
        path
        for source in SOURCES
        for path in (root / source).rglob("*")
        if path.is_file() and not _left_out(path.relative_to(root).as_posix())
    )
    hashed = hashlib.sha256()
    for path in files:
        hashed.update(path.relative_to(root).as_posix().encode() + b"\0")
        hashed.update(hashlib.sha256(path.read_bytes()).digest())
    return hashed.hexdigest()[:16]


def _left_out(relative: str) -> bool:
    return relative.startswith(_LEFT_OUT) or "__pycache__" in relative.split("/")


RELEASE = digest()
