"""The States whose names the UN's files print: who a sponsor or a voter is.

``member_state(name)`` turns any name the files use for a Member State (the vote lists'
capitals, the sponsors' formal names, a former name, a known misprint) into one
:class:`MemberState`. The data is ``member_states.json`` beside this module.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("member_states.json")
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘`´", "'"))


@dataclass(frozen=True, slots=True)
class MemberState:
    """A Member State of the United Nations, or one of its two observer States.

    ``code`` is the ISO 3166-1 alpha-2 code, ``name`` the short English name Redline
    shows ("Russia"), ``un_name`` the formal name the UN prints ("Russian Federation"),
    ``permanent`` whether it is a permanent member of the Security Council and
    ``observer`` whether it is a non-member observer State (Holy See, State of Palestine).
    """

    code: str
    name: str
    un_name: str
    permanent: bool
    observer: bool = False


class UnknownMemberState(KeyError):
    """A name that is none of the States in ``member_states.json``."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"unknown member state: {self.name!r}"


def member_state(name: str) -> MemberState:
    """The State a printed name stands for.

    Case, accents, apostrophes (’ or ') and runs of whitespace do not matter:
    ``"UNITED KINGDOM"``, ``"United Kingdom of Great Britain and Northern Ireland"`` and
    ``" united  kingdom "`` are all Great Britain; ``"TÜRKİYE"`` and ``"Turkey"`` are both
    Turkey. Raises :class:`UnknownMemberState` for any other name.
    """
    try:
        return _by_key()[_key(name)]
    except KeyError:
        raise UnknownMemberState(name) from None


def member_states() -> tuple[MemberState, ...]:
    """Every State in ``member_states.json``, in the order of their short names."""
    return _states()


def is_member_state(name: str) -> bool:
    """Whether ``member_state(name)`` would find a State (used to split sponsor lists)."""
    return _key(name) in _by_key()


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


@cache
def _records() -> tuple[dict, ...]:
    return tuple(json.loads(_DATA.read_text(encoding="utf-8"))["states"])


@cache
def _states() -> tuple[MemberState, ...]:
    return tuple(
        MemberState(
            code=record["code"],
            name=record["name"],
            un_name=record["un_name"],
            permanent=record["permanent"],
            observer=record["observer"],
        )
        for record in _records()
    )


@cache
def _by_key() -> dict[str, MemberState]:
    found: dict[str, MemberState] = {}
    for record, state in zip(_records(), _states(), strict=True):
        for name in (record["name"], record["un_name"], *record["aliases"]):
            key = _key(name)
            other = found.setdefault(key, state)
            if other != state:
                raise ValueError(f"{_DATA}: {name!r} names both {other.code} and {state.code}")
    return found
