"""The timeline: one lane per draft family, months down the page, context beside them.

`build_timeline` arranges revisions (already read with their clauses, sponsors and votes)
into month rows and family lanes, gives each revision its change summary against its
predecessor, and, when the reader filters by a country, the part that country played.
It reads nothing from the database itself.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from django.http import QueryDict

from timeline.comparisons import cached_compare, clause_inputs
from timeline.languages import language_name
from timeline.lineage import Base, Lineage
from timeline.models import Cast, Country, Event, Resolution, Revision, TextStatus
from timeline.summaries import NOT_IN_NEW, NOT_IN_OLD, Side, summarise

ROLES = {
    "any": "in any role",
    "sponsor": "as a sponsor",
    "proposer": "as a proposer of a clause",
    "voter": "as a voting member",
}


class FilterError(ValueError):
    """A filter the timeline cannot apply; its message is shown to the reader."""


@dataclass(frozen=True)
class TimelineFilter:
    country: Country | None = None
    role: str = "any"
    family: Resolution | None = None

    @property
    def active(self) -> bool:
        return self.country is not None or self.family is not None

    @property
    def role_label(self) -> str:
        return "" if self.role == "any" else ROLES[self.role]

    @classmethod
    def from_query(
        cls, query: QueryDict, countries: Sequence[Country], families: Sequence[Resolution]
    ) -> "TimelineFilter":
        """Read ?country=FR&role=sponsor&family=slug, refusing values that name nothing."""
        code = query.get("country", "").strip().upper()
        country = next((c for c in countries if c.code == code), None)
        if code and country is None:
            raise FilterError(f'There is no country "{code[:10]}" in the collection.')
        role = query.get("role", "").strip() or "any"
        if role not in ROLES:
            raise FilterError(f"A role is one of: {', '.join(ROLES)}.")
        slug = query.get("family", "").strip()
        family = next((f for f in families if f.slug == slug), None)
        if slug and family is None:
            raise FilterError(f'There is no draft family "{slug[:60]}".')
        return cls(country=country, role=role, family=family)


@dataclass(frozen=True)
class Card:
    """One revision on the timeline."""

    revision: Revision
    predecessor: Revision | None
    change: str
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    """One family's revisions in one month."""

    family: Resolution
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class Month:
    start: datetime.date
    cells: tuple[Cell, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Timeline:
    lanes: tuple[Resolution, ...]
    months: tuple[Month, ...]
    shown: int = 0
    hidden_lanes: tuple[Resolution, ...] = field(default=())


def build_timeline(
    families: Iterable[Resolution], events: Iterable[Event], chosen: TimelineFilter
) -> Timeline:
    """Lay out the families' revisions (prefetched: clauses with proposers, sponsorships,
    vote ballots) by month, keeping those the filter selects."""
    lanes, hidden, cards = [], [], []
    for family in families:
        if chosen.family is not None and family.pk != chosen.family.pk:
            continue
        family_cards = [c for card in _cards(family) if (c := _with_roles(card, chosen))]
        if chosen.country is not None and not family_cards:
            hidden.append(family)
            continue
        lanes.append(family)
        cards.extend((len(lanes) - 1, card) for card in family_cards)
    events = list(events)
    starts = sorted(
        {_month(card.revision.date) for _, card in cards} | {_month(e.date) for e in events}
    )
    by_cell: dict[tuple[int, datetime.date], list[Card]] = {}
    for lane, card in cards:
        by_cell.setdefault((lane, _month(card.revision.date)), []).append(card)
    by_month: dict[datetime.date, list[Event]] = {}
    for event in events:
        by_month.setdefault(_month(event.date), []).append(event)
    months = []
    for start in starts:
        cells = tuple(
            Cell(family, tuple(by_cell.get((index, start), ())))
            for index, family in enumerate(lanes)
        )
        month_events = tuple(by_month.get(start, ()))
        if any(cell.cards for cell in cells) or month_events:
            months.append(Month(start, cells, month_events))
    return Timeline(tuple(lanes), tuple(months), len(cards), tuple(hidden))


def _month(date: datetime.date) -> datetime.date:
    return date.replace(day=1)


def _cards(family: Resolution) -> list[Card]:
    """The family's revisions in date order, each with its change from what it is compared
    with (`timeline.lineage`: its predecessor, or the nearest one up the chain with text)."""
    lineage = Lineage(family.revisions.all())
    cards = []
    for revision in family.revisions.all():
        base = lineage.base(revision)
        cards.append(Card(revision, base.revision, _change(revision, base, lineage)))
    return cards


def _change(revision: Revision, base: Base, lineage: Lineage) -> str:
    """The change summary, saying plainly when the texts do not allow one."""
    if not revision.clauses.all():
        return "no text known"
    predecessor = base.revision
    passed = "".join(f" ({passed_over(r, lineage)})" for r in base.passed_over[:1])
    if predecessor is None:
        if lineage.predecessor(revision) is not None and base.passed_over:
            return f"first known text{passed}"
        return "first known text"
    partial = {revision.text_status, predecessor.text_status}
    if TextStatus.FRAGMENTS in partial:
        return f"fragments only: not compared with {predecessor.label}{passed}"
    comparison = cached_compare(
        clause_inputs(list(predecessor.clauses.all())), clause_inputs(list(revision.clauses.all()))
    )
    summary = summarise(
        comparison,
        Side(predecessor.label, predecessor.text_status),
        Side(revision.label, revision.text_status),
    )
    gaps = summary.counts[NOT_IN_OLD] or summary.counts[NOT_IN_NEW]
    summary = summary.line
    if TextStatus.PARTIAL in partial and not gaps:
        summary += " (in the available text)"
    return f"{summary} since {predecessor.label}{passed}"


def passed_over(revision: Revision, lineage: Lineage) -> str:
    """Why a predecessor is not what its successor is compared with."""
    if lineage.has_text(revision):
        language = language_name(revision.language)
        return f"{revision.label}, which it follows, is known only in {language}"
    return f"{revision.label}, which it follows, has no known text"


def _with_roles(card: Card, chosen: TimelineFilter) -> Card | None:
    """The card with the chosen country's part in it, or None if it played none."""
    if chosen.country is None:
        return card
    roles = [
        label
        for role, label in _roles(card.revision, chosen.country)
        if chosen.role in ("any", role)
    ]
    return replace(card, roles=tuple(roles)) if roles else None


def _roles(revision: Revision, country: Country) -> list[tuple[str, str]]:
    """(role, how it reads) for each part the country played in the revision."""
    roles = []
    if any(s.country_id == country.code for s in revision.sponsorships.all()):
        roles.append(("sponsor", "sponsor"))
    if any(p.country_id == country.code for c in revision.clauses.all() for p in c.proposers.all()):
        roles.append(("proposer", "proposed a clause"))
    vote = getattr(revision, "vote", None)
    if vote is not None:
        for ballot in vote.ballots.all():
            if ballot.country_id == country.code:
                roles.append(("voter", f"voted {Cast(ballot.cast).label}"))
    return roles
