"""The `unsc-drafts/1` format as one declarative schema (pydantic v2).

Each object of the format is a frozen model that forbids unknown keys and validates
strictly (a number is not a string, 1 is not `true`); its fields are declared in the order
in which the format writes them, so `Collection.model_dump(mode="json")` writes every key,
defaults filled in, in the format's order. The vocabularies are the `TextChoices` of
`timeline.models`, and the lengths those of the model fields the importer writes.

Keys added to the format after its first files were written are optional on input, so those
files still validate, and always written on output:

- revision `language`: the language of the revision's main text (`Language`, default
  `"en"`); its `text_status` is that text's.
- revision `other_languages`: the same revision's text in other languages, each
  `{"language", "text_status"}` (e.g. resolution 2043 in Arabic, partial, beside its
  complete English text); no language twice, and never the main one (default `[]`).
- revision `follows`: the label of the revision of the same family that this one follows
  (its predecessor), or `null` (the default). Never itself, and never in a cycle.
- revision `rivals`: the labels of revisions of the same family that this one competes
  with (default `[]`). Rivalry goes both ways: each rival lists this revision too. A
  revision never rivals the revision it follows.
- clause `language`: the language of its text, the revision's `language` by default; it
  is the revision's language or one of its `other_languages`. A clause's `key` and
  `position` are unique within its revision's text in that language: the same paragraph
  in English and Arabic shares its key.

Rules that look beyond one value (references to countries and sources, uniqueness, the
follows and rivals of a family) are checked while a `Collection` is validated: it keeps,
for every object being validated, a frame saying where the object is and what has been
seen so far (`_Document`). Every value is checked on its own and reported wherever it is;
a rule between values is checked once those values are valid. An object validated on its
own, outside a collection, gets every check that does not need the collection.

Errors raised here carry their final wording (`"leaked" is not one of: circulated, …`);
`timeline.collection.validate` words pydantic's own errors (missing and unknown keys,
wrong types, lengths) the same way and locates each one.
"""

import datetime
import json
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from annotated_types import Ge, Le
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from timeline import limits
from timeline.diff.clean import composed
from timeline.models import (
    AmendmentOutcome,
    DatePrecision,
    Language,
    RevisionStatus,
    Section,
    SourceKind,
    TextKind,
    TextStatus,
)

FORMAT = "unsc-drafts/1"

# Where a value is in a collection, as pydantic gives it: ("resolutions", 1, "revisions", 3).
Loc = tuple[str | int, ...]


def location(loc: Loc) -> str:
    """The format's way of writing a location: `resolutions[1].revisions[3].label`."""
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def describe(value: Any) -> str:
    """What kind of JSON value `value` is, for messages: "a number", "an object"."""
    return {
        type(None): "null",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def shown(value: Any) -> str:
    """A value as it is written in the file: `"XX"`, `3`, `null`."""
    return json.dumps(value, ensure_ascii=False, default=repr)


def _error(error_type: str, message: str, /, **context: str) -> PydanticCustomError:
    return PydanticCustomError(error_type, message, context)


def _errors(errors: list[tuple[Loc, Any, PydanticCustomError]]) -> ValidationError:
    """Several errors at once, each at its place within the value being validated."""
    return ValidationError.from_exception_data(
        FORMAT,
        [InitErrorDetails(type=error, loc=loc, input=value) for loc, value, error in errors],
    )


# Where validation is in the collection, and what it has seen.


@dataclass(eq=False)
class _Frame:
    """One object of the collection while it is being validated."""

    loc: Loc
    # The object as given. Pydantic validates one field at a time, in order; a rule about a
    # field that depends on a later one, or on a revision further down the family, reads
    # the later value here, as written (and only when it has the expected type).
    data: Any
    parent: "_Frame | None" = None
    # The fields validated so far, for the object's parts: a clause is checked against its
    # revision's languages, a vote against its revision's status.
    fields: dict[str, Any] = field(default_factory=dict)
    # How many items of each of the object's lists have been entered.
    entered: dict[str, int] = field(default_factory=dict)
    # Values that must be unique among the object's parts, each with where it was first seen.
    claimed: dict[str, dict[Hashable, Loc]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default) if isinstance(self.data, dict) else default

    def claim(self, register: str, value: Hashable, loc: Loc) -> Loc | None:
        """Note `value` as seen at `loc`; if it was seen before, where."""
        seen = self.claimed.setdefault(register, {})
        if value in seen:
            return seen[value]
        seen[value] = loc
        return None

    def remembered(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self.memo:
            self.memo[name] = compute()
        return self.memo[name]


class _Document:
    """The collection being validated: its frames, from the top to the object at hand."""

    def __init__(self, data: Any) -> None:
        self.root = _Frame((), data)
        self.frame = self.root

    @contextmanager
    def enter(self, key: str, listed: bool, data: Any) -> Iterator[_Frame]:
        parent = self.frame
        if listed:
            index = parent.entered.get(key, 0)
            parent.entered[key] = index + 1
            loc = (*parent.loc, key, index)
        else:
            loc = (*parent.loc, key)
        self.frame = _Frame(loc, data, parent)
        try:
            yield self.frame
        finally:
            self.frame = parent


_document: ContextVar[_Document | None] = ContextVar("unsc_drafts_document", default=None)


def _here() -> _Frame | None:
    """The frame of the object being validated, if it is validated within a collection."""
    document = _document.get()
    return None if document is None else document.frame


# The register of the definitions that each kind of reference names.
_DEFINED = {"country": "country code", "source": "source id"}


def _known(what: str) -> dict[Hashable, Loc] | None:
    """The country codes or source ids the collection defines (None outside a collection)."""
    document = _document.get()
    return None if document is None else document.root.claimed.setdefault(_DEFINED[what], {})


# Value types, each with the format's wording for a value that does not fit.


def _not_blank(value: str) -> str:
    if not value.strip():
        raise _error("blank", "must not be empty")
    return value


def _text(max_length: int | None = None) -> Any:
    """Text that must not be empty, at most `max_length` characters long."""
    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(_not_blank)]


def _matching(pattern: str, description: str, max_length: int = 100) -> Any:
    def described(value: Any, handler: ValidatorFunctionWrapHandler) -> str:
        try:
            return handler(value)
        except ValidationError:
            if not isinstance(value, str):
                raise
            raise _error(
                "pattern",
                "{value} is not {description}",
                value=shown(value),
                description=description,
            ) from None

    return Annotated[
        str,
        StringConstraints(pattern=pattern, max_length=max_length),
        WrapValidator(described),
    ]


def _one_of(values: Iterable[str]) -> Any:
    """One value of a vocabulary, such as `RevisionStatus.values`."""
    allowed = tuple(str(value) for value in values)

    def described(value: Any, handler: ValidatorFunctionWrapHandler) -> str:
        try:
            return handler(value)
        except ValidationError:
            raise _error(
                "one_of",
                "{value} is not one of: {allowed}",
                value=shown(value),
                allowed=", ".join(allowed),
            ) from None

    return Annotated[Literal[allowed], WrapValidator(described)]


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _error("date_form", "{value} is not a date in YYYY-MM-DD form", value=shown(value))
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _error(
            "date_calendar", "{value} is not a real calendar date", value=shown(value)
        ) from None


def _position(value: Any, handler: ValidatorFunctionWrapHandler) -> int:
    try:
        return handler(value)
    except ValidationError:
        raise _error(
            "position",
            "must be a whole number from 1 to {most}, not {value}",
            most=f"{limits.CLAUSES_PER_TEXT:,}",
            value=shown(value),
        ) from None


_WEB_ADDRESS = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def _web_address(value: str) -> str:
    if not _WEB_ADDRESS.match(value):
        raise _error("web_address", "{value} is not a web address", value=shown(value))
    return value


def _reference_error(what: str, value: Any) -> PydanticCustomError | None:
    """Why `value` is not a reference to one of the collection's countries or sources."""
    if not isinstance(value, str):
        return _error(
            "reference_type",
            "must be a {what} reference (a string), not {kind}",
            what=what,
            kind=describe(value),
        )
    known = _known(what)
    if known is not None and value not in known:
        return _error("unknown", "unknown {what} {value}", what=what, value=shown(value))
    return None


def _reference(what: str) -> Any:
    """A country code or source id that the collection defines."""

    def check(value: Any, handler: ValidatorFunctionWrapHandler) -> str:
        if error := _reference_error(what, value):
            raise error
        return handler(value)

    return Annotated[str, WrapValidator(check)]


def _references(what: str, *, unique_as: str | None = None) -> Any:
    """A list of references, each defined and none twice. `unique_as` names a register that
    the list shares with the object's other lists (a member votes once, on one side)."""

    def check(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> list:
        if not isinstance(value, list):
            return handler(value)
        frame = _here()
        here = (*frame.loc, info.field_name) if frame else (info.field_name,)
        seen = frame.claimed.setdefault(unique_as, {}) if unique_as and frame else {}
        errors = []
        for i, item in enumerate(value):
            error = _reference_error(what, item)
            if error is None and item in seen:
                error = _error(
                    "duplicate",
                    "duplicate {what} {value} (also at {first})",
                    what=unique_as or what,
                    value=shown(item),
                    first=location(seen[item]),
                )
            elif error is None:
                seen[item] = (*here, i)
            if error:
                errors.append(((i,), item, error))
        if errors:
            raise _errors(errors)
        return handler(value)

    return Annotated[list[str], WrapValidator(check)]


# A clause's letters are stored composed (NFC), as pasted and official texts are: "é"
# written as "e" and a combining acute is the same text to a reader and to a search.
ClauseText = Annotated[_text(limits.CLAUSE_CHARACTERS), AfterValidator(composed)]
Description = _text(limits.DESCRIPTION_CHARACTERS)
# Free text that may be empty.
Prose = Annotated[str, StringConstraints(max_length=limits.NOTE_CHARACTERS)]
Summary = Annotated[str, StringConstraints(max_length=limits.DESCRIPTION_CHARACTERS)]
IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Label = _text(100)
LanguageCode = _one_of(Language.values)
CountryCode = _reference("country")
SourceId = _reference("source")
Countries = _references("country")
Sources = _references("source")
Members = _references("country", unique_as="member")


def _unique(
    noun: str, value: Hashable, key: str, *, per: Hashable = None, scope: str = "parent"
) -> None:
    """Refuse a value that the object's siblings (`scope="parent"`) or the whole collection
    (`scope="root"`) already have, among those of the same `per` (a clause's language);
    `key` is the object's field that holds the value."""
    frame = _here()
    if frame is None or frame.parent is None:
        return
    owner = frame.parent if scope == "parent" else _document.get().root
    if first := owner.claim(noun, value if per is None else (per, value), (*frame.loc, key)):
        raise _error(
            "duplicate",
            "duplicate {what} {value} (also at {first})",
            what=noun,
            value=shown(value),
            first=location(first),
        )


# The objects of the format, from the smallest.


class _Strict(BaseModel):
    """Frozen, no unknown keys, no coercion (dates, read from their ISO form, aside)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Part(_Strict):
    """An object within a collection: it knows where it is while it is validated."""

    # The key that holds it in its parent object, and whether that key holds a list of them.
    _key: ClassVar[str]
    _listed: ClassVar[bool] = True

    @model_validator(mode="wrap")
    @classmethod
    def _in_its_place(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        document = _document.get()
        if document is None:
            return handler(data)
        if isinstance(data, _Part):
            # Built in Python: validate it again from its fields, so that it takes part in
            # the collection's checks.
            data = data.model_dump()
        with document.enter(cls._key, cls._listed, data) as frame:
            frame.data = cls._completed(data, frame)
            part = handler(frame.data)
            part._check_whole(frame)
            return part

    @classmethod
    def _completed(cls, data: Any, frame: _Frame) -> Any:
        """The input with the defaults that depend on where the object is."""
        return data

    def _check_whole(self, frame: _Frame) -> None:
        """Rules about the object as a whole, once all its fields are valid."""


class Country(_Part):
    """A state that sponsors, proposes, holds the pen or votes; `code` is what names it."""

    _key = "countries"

    code: _matching(r"^[A-Z]{2}$", "an ISO 3166-1 alpha-2 code (two capital letters)", 2)
    name: _text(100)
    un_name: _text(200)
    permanent_member: bool

    @field_validator("code")
    @classmethod
    def _defined_once(cls, code: str) -> str:
        _unique("country code", code, "code")
        return code


class Source(_Part):
    """Where a text, a proposer, a date or a vote is known from; `id` is what names it."""

    _key = "sources"

    id: _matching(_SLUG, "a lower-case slug such as ria-2012-01-18-toner")
    title: _text(500)
    publisher: _text(300)
    url: Annotated[_text(1000), AfterValidator(_web_address)]
    date: IsoDate | None
    kind: _one_of(SourceKind.values)
    note: Prose | None

    @field_validator("id")
    @classmethod
    def _defined_once(cls, id: str) -> str:
        _unique("source id", id, "id")
        return id


class Event(_Part):
    """Dated context on the timeline (votes and meetings belong to revisions)."""

    _key = "events"

    date: IsoDate
    date_precision: _one_of([DatePrecision.DAY, DatePrecision.MONTH])
    title: _text(300)
    description: Summary
    sources: Sources

    @field_validator("date")
    @classmethod
    def _first_of_month_for_month_precision(cls, date: datetime.date) -> datetime.date:
        frame = _here()
        if frame and frame.get("date_precision") == DatePrecision.MONTH and date.day != 1:
            raise _error("month_precision", "a date of month precision must be the 1st")
        return date

    def _check_whole(self, frame: _Frame) -> None:
        if frame.parent is not None and (
            first := frame.parent.claim("event", (self.date, self.title), frame.loc)
        ):
            raise _error("duplicate", "duplicate event (also at {first})", first=location(first))


class Proposer(_Part):
    """A country a source credits with a clause."""

    _key = "proposers"

    country: CountryCode
    source: SourceId
    quote: ClauseText

    def _check_whole(self, frame: _Frame) -> None:
        if frame.parent is not None and (
            first := frame.parent.claim("proposer", (self.country, self.source), frame.loc)
        ):
            raise _error("duplicate", "duplicate proposer (also at {first})", first=location(first))


class LanguageVersion(_Part):
    """The revision's text in a language other than its main one."""

    _key = "other_languages"

    language: LanguageCode
    text_status: _one_of(TextStatus.values)

    @field_validator("language")
    @classmethod
    def _another_language(cls, language: str) -> str:
        frame = _here()
        if frame is None or frame.parent is None:
            return language
        if frame.parent.fields.get("language") == language:
            raise _error(
                "main_language", "{value} is the revision's main language", value=shown(language)
            )
        _unique("language", language, "language")
        return language

    @field_validator("text_status")
    @classmethod
    def _no_clauses_for_no_text(cls, text_status: str, info: ValidationInfo) -> str:
        frame = _here()
        in_its_language = (
            frame and frame.parent and _clauses_in(frame.parent, info.data.get("language"))
        )
        if text_status == TextStatus.NONE and in_its_language:
            raise _error("text_status", '"none" but the revision has clauses in this language')
        return text_status


def _clauses_in(revision: _Frame, language: Any) -> bool:
    """Whether the revision's input has clauses in `language`."""
    clauses = revision.get("clauses")
    if not isinstance(clauses, list) or language is None:
        return False
    main = revision.get("language", Language.ENGLISH)
    return any(isinstance(c, dict) and c.get("language", main) == language for c in clauses)


class Clause(_Part):
    """A paragraph of a revision, or the part of it that a source quotes."""

    _key = "clauses"

    key: _matching(_SLUG, "a kebab-case key such as op-cease-violence")
    section: _one_of(Section.values)
    number: _text(30) | None
    position: Annotated[int, Ge(1), Le(limits.CLAUSES_PER_TEXT), WrapValidator(_position)]
    language: LanguageCode = Language.ENGLISH.value
    text: ClauseText
    text_kind: _one_of(TextKind.values)
    complete: bool
    bracketed: bool
    proposers: list[Proposer]
    sources: Sources
    note: Prose | None

    @classmethod
    def _completed(cls, data: Any, frame: _Frame) -> Any:
        if isinstance(data, dict) and "language" not in data and frame.parent is not None:
            return {**data, "language": frame.parent.fields.get("language", Language.ENGLISH)}
        return data

    @field_validator("key", "position")
    @classmethod
    def _once_in_its_language(cls, value: Any, info: ValidationInfo) -> Any:
        frame = _here()
        if frame is not None:
            _unique(info.field_name, value, info.field_name, per=frame.get("language"))
        return value

    @field_validator("language")
    @classmethod
    def _a_language_of_its_revision(cls, language: str) -> str:
        frame = _here()
        revision = frame.parent.fields if frame and frame.parent else {}
        if "language" not in revision or "other_languages" not in revision:
            return language
        languages = [revision["language"], *(o.language for o in revision["other_languages"])]
        if language not in languages:
            raise _error(
                "clause_language",
                "{value} is not one of the revision's languages: {languages}",
                value=shown(language),
                languages=", ".join(languages),
            )
        return language

    @field_validator("complete")
    @classmethod
    def _paraphrase_never_complete(cls, complete: bool, info: ValidationInfo) -> bool:
        if complete and info.data.get("text_kind") == TextKind.PARAPHRASE:
            raise _error("paraphrase_complete", "a paraphrase is never a complete paragraph")
        return complete


class Vote(_Part):
    """The vote on a revision, with the members a source names."""

    _key = "vote"
    _listed = False

    date: IsoDate
    meeting: _text(30)
    in_favour: Members
    against: Members
    abstaining: Members
    adopted: bool
    resolution_number: _text(30) | None
    sources: Sources

    @field_validator("adopted")
    @classmethod
    def _adopted_revision(cls, adopted: bool) -> bool:
        frame = _here()
        status = frame.parent.fields.get("status") if frame and frame.parent else None
        if adopted and status is not None and status != RevisionStatus.ADOPTED:
            raise _error(
                "adopted", "the revision's status is {status}, not adopted", status=shown(status)
            )
        return adopted

    @field_validator("resolution_number")
    @classmethod
    def _only_when_adopted(cls, number: str | None, info: ValidationInfo) -> str | None:
        if number is not None and info.data.get("adopted") is False:
            raise _error("resolution_number", "only an adopted draft has one")
        return number


class Amendment(_Part):
    """An amendment proposed to a revision and not adopted."""

    _key = "amendments"

    proposer: CountryCode
    date: IsoDate
    target: _text(50)
    text: ClauseText
    outcome: _one_of(AmendmentOutcome.values)
    sources: Sources


class Revision(_Part):
    """One version of a draft family's text, or a rival draft within the family."""

    _key = "revisions"

    label: Label
    date: IsoDate
    date_precision: _one_of([DatePrecision.DAY, DatePrecision.APPROXIMATE])
    date_note: Prose | None
    symbol: _text(50) | None
    status: _one_of(RevisionStatus.values)
    sponsors: Countries
    text_status: _one_of(TextStatus.values)
    language: LanguageCode = Language.ENGLISH.value
    other_languages: list[LanguageVersion] = Field(default_factory=list)
    follows: Label | None = None
    rivals: list[Label] = Field(default_factory=list)
    sources: Sources
    note: Prose | None
    clauses: list[Clause]
    vote: Vote | None
    amendments: list[Amendment]

    @field_validator("other_languages", "clauses", "vote", mode="wrap")
    @classmethod
    def _parts_see_the_revision(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        """A revision's parts are checked against its fields validated before them (its
        language and other languages, its status)."""
        if frame := _here():
            frame.fields = info.data
        return handler(value)

    @field_validator("clauses", mode="wrap")
    @classmethod
    def _clauses_within_limits(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        """A list longer than `limits.CLAUSES_PER_TEXT` for each of the revision's languages
        is refused before its clauses are read. (Within it, positions are unique per language
        and at most the limit, so no language has more.)"""
        languages = 1 + len(info.data.get("other_languages") or [])
        most = limits.CLAUSES_PER_TEXT
        if isinstance(value, list) and len(value) > most * languages:
            raise _error(
                "too_many_clauses",
                "has {count} clauses; at most {most} per language allowed",
                count=f"{len(value):,}",
                most=f"{most:,}",
            )
        return handler(value)

    @field_validator("label")
    @classmethod
    def _once_in_its_family(cls, label: str) -> str:
        _unique("label", label, "label")
        return label

    @field_validator("date_note")
    @classmethod
    def _approximate_date_explained(cls, note: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("date_precision") == DatePrecision.APPROXIMATE and not (
            note and note.strip()
        ):
            raise _error("date_note", "an approximate date must say how it is known")
        return note

    @field_validator("symbol")
    @classmethod
    def _one_document_per_symbol(cls, symbol: str | None) -> str | None:
        if symbol is not None:
            _unique("symbol", symbol, "symbol", scope="root")
        return symbol

    @field_validator("text_status")
    @classmethod
    def _no_clauses_for_no_text(cls, text_status: str) -> str:
        frame = _here()
        if (
            text_status == TextStatus.NONE
            and frame
            and _clauses_in(frame, frame.get("language", Language.ENGLISH))
        ):
            raise _error("text_status", '"none" but the revision has clauses')
        return text_status

    @field_validator("follows")
    @classmethod
    def _follows_one_of_its_family(cls, follows: str | None, info: ValidationInfo) -> str | None:
        frame = _here()
        label = info.data.get("label")
        if follows is None or frame is None or frame.parent is None or label is None:
            return follows
        family = _family(frame.parent)
        if follows == label:
            raise _error("follows_itself", "a revision cannot follow itself")
        if follows not in family:
            raise _error("no_revision", "no revision {label} in this family", label=shown(follows))
        if cycle := _cycle(family, label):
            raise _error(
                "cycle",
                "the revisions follow each other in a circle: {cycle}",
                cycle=" → ".join(shown(step) for step in cycle),
            )
        return follows

    @field_validator("rivals")
    @classmethod
    def _rivals_in_its_family(cls, rivals: list[str], info: ValidationInfo) -> list[str]:
        frame = _here()
        label = info.data.get("label")
        if frame is None or frame.parent is None or label is None:
            return rivals
        family = _family(frame.parent)
        here = (*frame.loc, "rivals")
        seen: dict[str, Loc] = {}
        errors = []
        for i, rival in enumerate(rivals):
            error = None
            if rival == label:
                error = _error("rivals_itself", "a revision cannot rival itself")
            elif rival not in family:
                error = _error(
                    "no_revision", "no revision {label} in this family", label=shown(rival)
                )
            elif rival in seen:
                error = _error(
                    "duplicate",
                    "duplicate rival {value} (also at {first})",
                    value=shown(rival),
                    first=location(seen[rival]),
                )
            elif rival == info.data.get("follows"):
                error = _error(
                    "follows_and_rivals",
                    "{label} is the revision this one follows, so not its rival",
                    label=shown(rival),
                )
            elif label not in _rivals_of(family[rival]):
                error = _error(
                    "one_sided_rivalry",
                    "{rival} does not list {label} among its rivals (rivalry goes both ways)",
                    rival=shown(rival),
                    label=shown(label),
                )
            seen.setdefault(rival, (*here, i))
            if error:
                errors.append(((i,), rival, error))
        if errors:
            raise _errors(errors)
        return rivals


def _family(resolution: _Frame) -> dict[str, dict]:
    """A family's revisions as given, by label (the first of each label), in order: a
    revision may follow or rival one further down."""

    def by_label() -> dict[str, dict]:
        revisions = resolution.get("revisions")
        found: dict[str, dict] = {}
        for revision in revisions if isinstance(revisions, list) else []:
            if isinstance(revision, dict) and isinstance(revision.get("label"), str):
                found.setdefault(revision["label"], revision)
        return found

    return resolution.remembered("family", by_label)


def _rivals_of(revision: dict) -> list:
    rivals = revision.get("rivals", [])
    return rivals if isinstance(rivals, list) else []


def _cycle(family: dict[str, dict], label: str) -> list[str] | None:
    """The circle of `follows` that starts and ends at `label`, if there is one and `label`
    is the first of its revisions in the family (so that a circle is reported once)."""
    path = [label]
    step = family[label].get("follows") if label in family else None
    while isinstance(step, str) and step in family and step not in path:
        path.append(step)
        step = family[step].get("follows")
    if step != label:
        return None
    order = list(family)
    if min(order.index(member) for member in path) != order.index(label):
        return None
    return [*path, label]


class Resolution(_Part):
    """A draft family: a text through its revisions, with the rival drafts beside it."""

    _key = "resolutions"

    slug: _matching(_SLUG, "a lower-case slug such as resolution-2042-2012")
    title: _text(300)
    summary: Summary
    penholders: Countries
    revisions: list[Revision]

    @field_validator("slug")
    @classmethod
    def _once_in_the_collection(cls, slug: str) -> str:
        _unique("slug", slug, "slug")
        return slug


class Collection(_Strict):
    """A whole `unsc-drafts/1` file."""

    format: _one_of([FORMAT])
    title: _text(300)
    description: Description
    compiled: IsoDate
    countries: list[Country]
    sources: list[Source]
    events: list[Event]
    resolutions: list[Resolution]

    @model_validator(mode="wrap")
    @classmethod
    def _as_one_document(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """Validate the collection with a document of its own, which its parts use for the
        rules between them."""
        if isinstance(data, Collection):
            data = data.model_dump()
        token = _document.set(_Document(data))
        try:
            return handler(data)
        finally:
            _document.reset(token)
