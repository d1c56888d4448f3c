"""Reading a JSON file that the importers trust in nothing: its size, encoding, syntax and
nesting. Every failure is one sentence naming the file and, where it can, the place.

    read_json(path) -> Any       or JsonFileError(message)
"""

import json
import re
from pathlib import Path
from typing import Any

from timeline import limits


class JsonFileError(Exception):
    """A file that cannot be read as JSON; the message says where and why."""


def read_json(path: Path, *, max_bytes: int = limits.FILE_BYTES) -> Any:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise JsonFileError(
                f"{path} is {_size(size)}; at most {_size(max_bytes)} can be imported"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise JsonFileError(f"cannot read {path}: {error.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonFileError(f"{path} is not UTF-8 (byte {error.start}: {error.reason})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonFileError(
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        # Python's parser gives up about a thousand levels down; say where the file went
        # deeper than any real file does.
        where = _too_deep(text, limits.NESTING_DEPTH)
        raise JsonFileError(
            f"{path} nests lists and objects more than {limits.NESTING_DEPTH} levels deep"
            + (f", from line {where[0]}, column {where[1]}" if where else "")
        ) from None


# A string (skipped whole, so brackets inside it do not count) or a bracket.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')


def _too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """The line and column where `text` first opens a list or object `limit` + 1 deep."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                offset = match.start()
                line = text.count("\n", 0, offset) + 1
                return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
        elif token in "]}":
            depth -= 1
    return None


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:,.0f} MB" if count >= 1024 * 1024 else f"{count:,} bytes"
