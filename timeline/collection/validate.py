"""Validation of an `unsc-drafts/1` collection, before anything is written.

The rules are the schema's (`timeline.collection.schema`); this module reads a file, runs
the schema over it and reports each problem with its location
(`resolutions[2].revisions[1].clauses[4].proposers[0].country`), every problem at once, in
document order, so an editor can fix a file in one pass.

    validate_collection(data) -> list[Problem]    every problem; empty when valid
    parse_collection(data) -> dict                the valid collection, normalised, or
                                                  CollectionError with every problem
    dump_collection(data) -> dict                 the same normalisation, for the export

The normalised collection has every key, defaults filled in (a clause's language is its
revision's unless it says otherwise), in the format's order, as plain JSON values.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from timeline.collection.json_file import JsonFileError, read_json
from timeline.collection.schema import FORMAT, Collection, describe, location

__all__ = [
    "FORMAT",
    "CollectionError",
    "Problem",
    "dump_collection",
    "load_collection",
    "parse_collection",
    "validate_collection",
]


@dataclass(frozen=True)
class Problem:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class CollectionError(Exception):
    """A collection that cannot be imported; `problems` says every reason why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load_collection(path: Path) -> Any:
    """Read a collection file's JSON, or raise CollectionError saying where it breaks (and
    refusing, before reading, a file larger than `limits.FILE_BYTES`)."""
    try:
        return read_json(path)
    except JsonFileError as error:
        raise CollectionError([Problem("", str(error))]) from None


def validate_collection(data: Any) -> list[Problem]:
    """Every problem in a parsed collection, in document order; empty when it is valid."""
    try:
        Collection.model_validate(data)
    except ValidationError as error:
        return [_problem(e) for e in error.errors(include_url=False)]
    return []


def parse_collection(data: Any) -> dict[str, Any]:
    """The collection normalised for the importer: every key present, defaults filled in,
    in the format's order, as JSON values. Raises CollectionError with every problem."""
    try:
        collection = Collection.model_validate(data)
    except ValidationError as error:
        raise CollectionError([_problem(e) for e in error.errors(include_url=False)]) from None
    return collection.model_dump(mode="json")


def dump_collection(data: dict[str, Any]) -> dict[str, Any]:
    """The exporter's collection as the file writes it: keys in the format's order,
    defaults filled in. Dates may be given as `datetime.date`. Raises CollectionError if
    the data is not a valid collection (an export must import again)."""
    return parse_collection(data)


# How pydantic's own errors are worded in the format's messages. The schema's errors
# (vocabularies, references, uniqueness, the honesty rules) come worded already.
_MESSAGES: dict[str, Callable[[ErrorDetails], str]] = {
    "extra_forbidden": lambda e: "unknown key",
    "string_type": lambda e: f"must be a string, not {describe(e['input'])}",
    "string_too_long": lambda e: (
        f"is {len(e['input']):,} characters long; at most {e['ctx']['max_length']:,} allowed"
    ),
    "bool_type": lambda e: f"must be true or false, not {describe(e['input'])}",
    "list_type": lambda e: f"must be a list, not {describe(e['input'])}",
    "model_type": lambda e: f"must be an object, not {describe(e['input'])}",
}


def _problem(error: ErrorDetails) -> Problem:
    loc = error["loc"]
    if error["type"] == "missing":
        return Problem(location(loc[:-1]), f'missing key "{loc[-1]}"')
    message = _MESSAGES.get(error["type"], lambda e: e["msg"])(error)
    return Problem(location(loc), message)
