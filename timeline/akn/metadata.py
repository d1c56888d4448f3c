"""The UN's ``data_extract/<year>.json`` records: one adopted resolution a line.

``read_metadata(directory)`` reads every ``*.json`` file of a ``data_extract`` folder into
:class:`Metadata` keyed by the resolution's symbol (``"S/RES/2042 (2012)"``, written so
even where a record has ``"S/RES/1310(2000)"``); ``find_metadata_dir(path)`` finds that
folder beside the year folders of the UN's repository. Names are kept as printed (the
vote lists' capitals: ``"UNITED KINGDOM"``); :func:`timeline.akn.member_state` reads them.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

from timeline.akn.reader import canonical_symbol, meeting_symbol

FOLDER = "data_extract"
MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
# The records' dates: "14 April 2012", "19 November 2004 in Nairobi", "2021-07-09 00:00:00".
_WRITTEN_DATE = re.compile(r"(\d{1,2}) ([A-Za-z]+),? (\d{4})\b")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\b")
# "4088th meeting", "10042nd (resumed) meeting".
_MEETING_NUMBER = re.compile(r"(\d+)(?:st|nd|rd|th)\b")
_VOTES = {"in_favour": "MS_in_favour", "against": "MS_against", "abstaining": "MS_abstaining"}


@dataclass(frozen=True, slots=True)
class Metadata:
    """One record of ``data_extract``.

    ``date`` is the adoption date; ``meeting`` the ``S/PV.NNNN`` record of the vote (from
    ``pv``, ``outcome_letter`` or ``adoption_meeting``), ``None`` for the 2020-2021 votes
    by correspondence; ``votes`` the names in each list, or ``None`` when all three lists
    are empty; ``counts`` the numbers the record gives (``"015"`` is 15, ``""`` is
    ``None``); ``sponsors`` the sponsors then the additional sponsors. ``path`` and
    ``line`` (additions) say where the record is.
    """

    symbol: str
    draft_symbol: str | None
    date: datetime.date
    meeting: str | None
    votes: dict[str, tuple[str, ...]] | None
    counts: dict[str, int | None]
    sponsors: tuple[str, ...]
    title: str | None
    agenda: str | None
    path: Path
    line: int


class MetadataError(ValueError):
    """A record that cannot be read: which file, which line, and why."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}")


def read_metadata(directory: Path) -> dict[str, Metadata]:
    """Every record of every ``*.json`` file in ``directory``, by resolution symbol.

    Raises :class:`MetadataError` for a line that is not a JSON object, lacks a field
    or has a date or count that cannot be read, and for a symbol recorded twice.
    """
    records: dict[str, Metadata] = {}
    for path in sorted(Path(directory).glob("*.json")):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                record = _record(path, number, line)
                other = records.setdefault(record.symbol, record)
                if other is not record:
                    raise MetadataError(
                        path, number, f"{record.symbol} is also at {other.path}:{other.line}"
                    )
    return records


def find_metadata_dir(path: Path) -> Path | None:
    """The ``data_extract`` folder in ``path`` (a file's folder) or the nearest above."""
    start = Path(path).resolve()
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        if folder.name == FOLDER:
            return folder
        if (folder / FOLDER).is_dir():
            return folder / FOLDER
    return None


def _record(path: Path, number: int, line: str) -> Metadata:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise MetadataError(path, number, f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise MetadataError(path, number, "not a JSON object")
    try:
        return _metadata(data, path, number)
    except KeyError as error:
        raise MetadataError(path, number, f"no {error.args[0]!r}") from None
    except ValueError as error:
        raise MetadataError(path, number, str(error)) from None
    except (TypeError, AttributeError) as error:
        raise MetadataError(path, number, f"a field of the wrong type: {error}") from None


def _metadata(data: dict, path: Path, number: int) -> Metadata:
    votes = {key: _names(data, field) for key, field in _VOTES.items()}
    return Metadata(
        symbol=canonical_symbol(data["symbol"]),
        draft_symbol=_clean(data["draft_resolution"]),
        date=_date(data["adoption_date"]),
        meeting=_meeting(data),
        votes=votes if any(votes.values()) else None,
        counts={key: _count(data[f"{field}_count"]) for key, field in _VOTES.items()},
        sponsors=tuple(
            dict.fromkeys(_names(data, "sponsors") + _names(data, "additional_sponsors"))
        ),
        title=_clean(data["resolution_title"]),
        agenda=_clean(data["agenda_item_name"]),
        path=path,
        line=number,
    )


def _date(text: str) -> datetime.date:
    written = " ".join(text.split())
    iso = _ISO_DATE.match(written)
    if iso:
        return datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
    found = _WRITTEN_DATE.match(written)
    if found and found[2].lower() in MONTHS:
        return datetime.date(int(found[3]), MONTHS[found[2].lower()], int(found[1]))
    raise ValueError(f"adoption_date {text!r} is not a date")


def _meeting(data: dict) -> str | None:
    for field in ("pv", "outcome_letter"):
        symbol = meeting_symbol(data.get(field, ""))
        if symbol:
            return symbol
    found = _MEETING_NUMBER.match(data.get("adoption_meeting", "").strip())
    return f"S/PV.{found[1]}" if found else None


def _count(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(f"count {text!r} is not a number")
    return int(text)


def _names(data: dict, field: str) -> tuple[str, ...]:
    names = data[field]
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ValueError(f"{field} is not a list of names")
    return tuple(" ".join(name.split()) for name in names if name.strip())


def _clean(text: str) -> str | None:
    return " ".join(text.split()) or None
