"""Validation of an `unsc-drafts/1` collection, before anything is written.

`validate_collection(data)` walks the whole document and returns every problem it finds,
each with its location (`resolutions[2].revisions[1].clauses[4].proposers[0].country`),
so an editor can fix a file in one pass. It checks the shape (every key present, no
unknown keys, the right types), the vocabularies, references to countries and sources,
uniqueness (codes, ids, slugs, labels, keys, positions) and the honesty rules of the
format (a paraphrase is never complete, an approximate date has its note).
"""

import datetime
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.models import (
    AmendmentOutcome,
    DatePrecision,
    RevisionStatus,
    Section,
    SourceKind,
    TextKind,
    TextStatus,
)

FORMAT = "unsc-drafts/1"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


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
    """Read a collection file's JSON, or raise CollectionError saying where it breaks."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CollectionError([Problem("", f"cannot read {path}: {error.strerror}")]) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CollectionError(
            [Problem("", f"{path} is not UTF-8 (byte {error.start}: {error.reason})")]
        ) from None
    except json.JSONDecodeError as error:
        raise CollectionError(
            [
                Problem(
                    "",
                    f"{path} is not valid JSON: {error.msg} "
                    f"at line {error.lineno}, column {error.colno}",
                )
            ]
        ) from None


# A field's checker returns an error message, or None when the value is acceptable.
Check = Callable[[Any], str | None]


def text(max_length: int | None = None, *, blank: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"must be a string, not {_kind(value)}"
        if not blank and not value.strip():
            return "must not be empty"
        if max_length and len(value) > max_length:
            return f"is {len(value)} characters long; at most {max_length} allowed"
        return None

    return check


def optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def matching(pattern: re.Pattern, description: str, max_length: int = 100) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"must be a string, not {_kind(value)}"
        if len(value) > max_length or not pattern.match(value):
            return f"{json.dumps(value, ensure_ascii=False)} is not {description}"
        return None

    return check


def one_of(choices: Iterable[str]) -> Check:
    allowed = list(choices)

    def check(value: Any) -> str | None:
        if value not in allowed:
            shown = json.dumps(value, ensure_ascii=False)
            return f"{shown} is not one of: {', '.join(allowed)}"
        return None

    return check


def iso_date(value: Any) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{json.dumps(value, ensure_ascii=False)} is not a date in YYYY-MM-DD form"
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return f'"{value}" is not a real calendar date'
    return None


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_kind(value)}"


def positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return f"must be a whole number from 1, not {json.dumps(value)}"
    return None


def array(value: Any) -> str | None:
    return None if isinstance(value, list) else f"must be a list, not {_kind(value)}"


def obj(value: Any) -> str | None:
    return None if isinstance(value, dict) else f"must be an object, not {_kind(value)}"


def _kind(value: Any) -> str:
    return {
        type(None): "null",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


SHAPES: dict[str, dict[str, Check]] = {
    "collection": {
        "format": one_of([FORMAT]),
        "title": text(300),
        "description": text(),
        "compiled": iso_date,
        "countries": array,
        "sources": array,
        "events": array,
        "resolutions": array,
    },
    "country": {
        "code": matching(COUNTRY_CODE, "an ISO 3166-1 alpha-2 code (two capital letters)"),
        "name": text(100),
        "un_name": text(200),
        "permanent_member": boolean,
    },
    "source": {
        "id": matching(SLUG, "a lower-case slug such as ria-2012-01-18-toner"),
        "title": text(500),
        "publisher": text(300),
        "url": lambda v: text(1000)(v) or (None if URL.match(v) else f'"{v}" is not a web address'),
        "date": optional(iso_date),
        "kind": one_of(SourceKind.values),
        "note": optional(text(blank=True)),
    },
    "event": {
        "date": iso_date,
        "date_precision": one_of([DatePrecision.DAY, DatePrecision.MONTH]),
        "title": text(300),
        "description": text(blank=True),
        "sources": array,
    },
    "resolution": {
        "slug": matching(SLUG, "a lower-case slug such as resolution-2042-2012"),
        "title": text(300),
        "summary": text(blank=True),
        "penholders": array,
        "revisions": array,
    },
    "revision": {
        "label": text(100),
        "date": iso_date,
        "date_precision": one_of([DatePrecision.DAY, DatePrecision.APPROXIMATE]),
        "date_note": optional(text(blank=True)),
        "symbol": optional(text(50)),
        "status": one_of(RevisionStatus.values),
        "sponsors": array,
        "text_status": one_of(TextStatus.values),
        "sources": array,
        "note": optional(text(blank=True)),
        "clauses": array,
        "vote": optional(obj),
        "amendments": array,
    },
    "clause": {
        "key": matching(SLUG, "a kebab-case key such as op-cease-violence"),
        "section": one_of(Section.values),
        "number": optional(text(30)),
        "position": positive_int,
        "text": text(),
        "text_kind": one_of(TextKind.values),
        "complete": boolean,
        "bracketed": boolean,
        "proposers": array,
        "sources": array,
        "note": optional(text(blank=True)),
    },
    "proposer": {"country": text(2), "source": text(100), "quote": text()},
    "vote": {
        "date": iso_date,
        "meeting": text(30),
        "in_favour": array,
        "against": array,
        "abstaining": array,
        "adopted": boolean,
        "resolution_number": optional(text(30)),
        "sources": array,
    },
    "amendment": {
        "proposer": text(2),
        "date": iso_date,
        "target": text(50),
        "text": text(),
        "outcome": one_of(AmendmentOutcome.values),
        "sources": array,
    },
}


class _Validator:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.countries: set[str] = set()
        self.sources: set[str] = set()

    def problem(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def shape(self, value: Any, kind: str, location: str) -> bool:
        """Check one object's keys and field types; True if its fields can be read further."""
        if not isinstance(value, dict):
            self.problem(location, f"must be an object, not {_kind(value)}")
            return False
        fields = SHAPES[kind]
        for key in fields:
            if key not in value:
                self.problem(location, f'missing key "{key}"')
        for key in value:
            if key not in fields:
                self.problem(f"{location}.{key}" if location else key, "unknown key")
        for key, check in fields.items():
            if key in value and (message := check(value[key])):
                self.problem(f"{location}.{key}" if location else key, message)
        return True

    def items(self, parent: dict, key: str, location: str) -> list[tuple[str, Any]]:
        values = parent.get(key)
        if not isinstance(values, list):
            return []
        prefix = f"{location}.{key}" if location else key
        return [(f"{prefix}[{i}]", v) for i, v in enumerate(values)]

    def unique(self, location: str, seen: dict, value: Any, what: str) -> None:
        if not isinstance(value, str | int) or isinstance(value, bool):
            return
        if value in seen:
            self.problem(location, f"duplicate {what} {json.dumps(value)} (also at {seen[value]})")
        else:
            seen[value] = location

    def refs(self, parent: dict, key: str, location: str, known: set[str], what: str) -> None:
        seen: dict = {}
        for where, value in self.items(parent, key, location):
            if not isinstance(value, str):
                self.problem(where, f"must be a {what} reference (a string), not {_kind(value)}")
            elif value not in known:
                self.problem(where, f'unknown {what} "{value}"')
            else:
                self.unique(where, seen, value, what)

    def collection(self, data: Any) -> None:
        if not self.shape(data, "collection", ""):
            return
        codes: dict = {}
        for where, country in self.items(data, "countries", ""):
            if self.shape(country, "country", where):
                self.unique(f"{where}.code", codes, country.get("code"), "country code")
        self.countries = {c for c in codes if isinstance(c, str)}
        ids: dict = {}
        for where, source in self.items(data, "sources", ""):
            if self.shape(source, "source", where):
                self.unique(f"{where}.id", ids, source.get("id"), "source id")
        self.sources = {s for s in ids if isinstance(s, str)}
        events: dict = {}
        for where, event in self.items(data, "events", ""):
            if self.shape(event, "event", where):
                self.event(event, where)
                key = (event.get("date"), event.get("title"))
                if key in events:
                    self.problem(where, f"duplicate event (also at {events[key]})")
                elif all(isinstance(part, str) for part in key):
                    events[key] = where
        slugs: dict = {}
        for where, resolution in self.items(data, "resolutions", ""):
            if self.shape(resolution, "resolution", where):
                self.unique(f"{where}.slug", slugs, resolution.get("slug"), "slug")
                self.resolution(resolution, where)

    def event(self, event: dict, where: str) -> None:
        self.refs(event, "sources", where, self.sources, "source")
        date = event.get("date")
        if (
            event.get("date_precision") == DatePrecision.MONTH
            and iso_date(date) is None
            and not date.endswith("-01")
        ):
            self.problem(f"{where}.date", "a date of month precision must be the 1st")

    def resolution(self, resolution: dict, where: str) -> None:
        self.refs(resolution, "penholders", where, self.countries, "country")
        labels: dict = {}
        symbols: dict = {}
        for rwhere, revision in self.items(resolution, "revisions", where):
            if self.shape(revision, "revision", rwhere):
                self.unique(f"{rwhere}.label", labels, revision.get("label"), "label")
                if revision.get("symbol") is not None:
                    self.unique(f"{rwhere}.symbol", symbols, revision.get("symbol"), "symbol")
                self.revision(revision, rwhere)

    def revision(self, revision: dict, where: str) -> None:
        self.refs(revision, "sponsors", where, self.countries, "country")
        self.refs(revision, "sources", where, self.sources, "source")
        if revision.get("date_precision") == DatePrecision.APPROXIMATE and not (
            isinstance(revision.get("date_note"), str) and revision["date_note"].strip()
        ):
            self.problem(f"{where}.date_note", "an approximate date must say how it is known")
        keys: dict = {}
        positions: dict = {}
        for cwhere, clause in self.items(revision, "clauses", where):
            if self.shape(clause, "clause", cwhere):
                self.unique(f"{cwhere}.key", keys, clause.get("key"), "key")
                self.unique(f"{cwhere}.position", positions, clause.get("position"), "position")
                self.clause(clause, cwhere)
        if revision.get("text_status") == TextStatus.NONE and positions:
            self.problem(f"{where}.text_status", '"none" but the revision has clauses')
        if isinstance(revision.get("vote"), dict):
            self.vote(revision["vote"], f"{where}.vote", revision.get("status"))
        for awhere, amendment in self.items(revision, "amendments", where):
            if self.shape(amendment, "amendment", awhere):
                self.country_ref(amendment, "proposer", awhere)
                self.refs(amendment, "sources", awhere, self.sources, "source")

    def clause(self, clause: dict, where: str) -> None:
        if clause.get("text_kind") == TextKind.PARAPHRASE and clause.get("complete") is True:
            self.problem(f"{where}.complete", "a paraphrase is never a complete paragraph")
        credits: dict = {}
        for pwhere, proposer in self.items(clause, "proposers", where):
            if self.shape(proposer, "proposer", pwhere):
                self.country_ref(proposer, "country", pwhere)
                source = proposer.get("source")
                if isinstance(source, str) and source not in self.sources:
                    self.problem(f"{pwhere}.source", f'unknown source "{source}"')
                credit = (proposer.get("country"), source)
                if credit in credits:
                    self.problem(pwhere, f"duplicate proposer (also at {credits[credit]})")
                elif all(isinstance(part, str) for part in credit):
                    credits[credit] = pwhere
        self.refs(clause, "sources", where, self.sources, "source")

    def vote(self, vote: dict, where: str, status: Any) -> None:
        if not self.shape(vote, "vote", where):
            return
        cast: dict = {}
        for side in ("in_favour", "against", "abstaining"):
            self.refs(vote, side, where, self.countries, "country")
            for mwhere, code in self.items(vote, side, where):
                self.unique(mwhere, cast, code, "member")
        if vote.get("adopted") is False and vote.get("resolution_number") is not None:
            self.problem(f"{where}.resolution_number", "only an adopted draft has one")
        if vote.get("adopted") is True and status != RevisionStatus.ADOPTED:
            self.problem(f"{where}.adopted", f'the revision\'s status is "{status}", not adopted')

    def country_ref(self, parent: dict, key: str, where: str) -> None:
        code = parent.get(key)
        if isinstance(code, str) and code not in self.countries:
            self.problem(f"{where}.{key}", f'unknown country "{code}"')


def validate_collection(data: Any) -> list[Problem]:
    """Every problem in a parsed collection, in document order; empty when it is valid."""
    validator = _Validator()
    validator.collection(data)
    return validator.problems
