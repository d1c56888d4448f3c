"""The timeline: one lane per draft family, months down the page, context beside them.

`build_timeline` arranges revisions (already read with their clauses, sponsors and votes)
into month rows and family lanes, gives each revision its change summary against its
predecessor, and, when the reader filters by a country or a period, the part that country
played. It reads nothing from the database itself. `timeline.timeline_picture` draws the
same cards as a picture.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from django.http import QueryDict

from timeline.comparisons import cached_compare, clause_inputs
from timeline.languages import language_name
from timeline.lineage import Base, Lineage
from timeline.models import Cast, Country, Event, Resolution, Revision, TextStatus
from timeline.paging import PageError, PageLink, page_links, read_page
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
    start: datetime.date | None = None  # the first day of the first month shown
    end: datetime.date | None = None  # the last day of the last month shown
    page: int = 1  # which page of the families the other filters select

    @property
    def active(self) -> bool:
        return self.country is not None or self.family is not None or self.has_period

    @property
    def has_period(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def period_label(self) -> str:
        """The period in words: "2012", "April 2012", "January 2012 to July 2012"."""
        return period_label(self.start, self.end)

    def in_period(self, date: datetime.date) -> bool:
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)

    def query(self, **changes: str) -> str:
        """This filter as a query string, with `changes` (a value of "" drops a parameter).
        A change of filter starts again from the first page."""
        params = {
            "country": self.country.code if self.country else "",
            "role": "" if self.role == "any" else self.role,
            "family": self.family.slug if self.family else "",
            "from": _month_param(self.start),
            "to": _month_param(self.end),
            "page": "" if self.page == 1 else str(self.page),
        }
        if changes and "page" not in changes:
            params["page"] = ""
        params.update(changes)
        if params["page"] == "1":
            params["page"] = ""
        query = QueryDict(mutable=True)
        for name, value in params.items():
            if value:
                query[name] = value
        return f"?{query.urlencode()}" if query else "?"

    @property
    def role_label(self) -> str:
        return "" if self.role == "any" else ROLES[self.role]

    @classmethod
    def from_query(
        cls,
        query: QueryDict,
        countries: Sequence[Country],
        find_family: Callable[[str], Resolution | None],
    ) -> "TimelineFilter":
        """Read ?country=FR&role=sponsor&family=slug&from=2012&to=2012-06&page=2, refusing
        values that name nothing."""
        code = query.get("country", "").strip().upper()
        country = next((c for c in countries if c.code == code), None)
        if code and country is None:
            raise FilterError(f'There is no country "{code[:10]}" in the collection.')
        role = query.get("role", "").strip() or "any"
        if role not in ROLES:
            raise FilterError(f"A role is one of: {', '.join(ROLES)}.")
        slug = query.get("family", "").strip()
        family = find_family(slug) if slug else None
        if slug and family is None:
            raise FilterError(f'There is no draft family "{slug[:60]}".')
        start = _read_month(query.get("from", ""), "from", first=True)
        end = _read_month(query.get("to", ""), "to", first=False)
        if start and end and start > end:
            raise FilterError("The period ends before it begins: swap “from” and “to”.")
        try:
            page = read_page(query.get("page", ""))
        except PageError as error:
            raise FilterError(str(error)) from None
        return cls(country=country, role=role, family=family, start=start, end=end, page=page)


@dataclass(frozen=True)
class Period:
    """A link that zooms the timeline to a period, keeping the other filters."""

    label: str
    query: str
    current: bool


def periods(chosen: TimelineFilter, years: Sequence[int]) -> list[Period]:
    """ "All dates" and each year that has a revision, as links."""
    links = [Period("All dates", chosen.query(**{"from": "", "to": ""}), not chosen.has_period)]
    for year in years:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        links.append(
            Period(
                str(year),
                chosen.query(**{"from": str(year), "to": str(year)}),
                (chosen.start, chosen.end) == (start, end),
            )
        )
    return links


def pages(chosen: TimelineFilter, count: int) -> list[PageLink]:
    """Links to the pages of families the filters select (`timeline.paging`)."""
    return page_links(chosen.page, count, lambda n: chosen.query(page=str(n)))


def _read_month(value: str, name: str, *, first: bool) -> datetime.date | None:
    """A period's bound from "2012-04" or "2012": its first day (`first`) or its last."""
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 4 and value.isdigit():
            year, month = int(value), 1 if first else 12
        elif len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
            year, month = int(value[:4]), int(value[5:])
        else:
            raise ValueError(value)
        start = datetime.date(year, month, 1)
    except ValueError:
        raise FilterError(
            f"“{name}” is a year or a month, such as 2012 or 2012-04 (not “{value[:20]}”)."
        ) from None
    if first:
        return start
    return _next_month(start) - datetime.timedelta(days=1)


def _next_month(date: datetime.date) -> datetime.date:
    return datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)


def _month_param(date: datetime.date | None) -> str:
    return date.strftime("%Y-%m") if date else ""


def period_label(start: datetime.date | None, end: datetime.date | None) -> str:
    """A period in words, as a reader says it."""
    if start is None and end is None:
        return "all dates"
    if end is None:
        return f"from {start:%B %Y}"
    if start is None:
        return f"until {end:%B %Y}"
    if (start.month, end.month) == (1, 12):
        return f"{start.year}" if start.year == end.year else f"{start.year} to {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%B %Y}"
    return f"{start:%B %Y} to {end:%B %Y}"


@dataclass(frozen=True)
class Card:
    """One revision on the timeline."""

    revision: Revision
    predecessor: Revision | None  # what its change summary is counted against
    change: str
    roles: tuple[str, ...] = ()
    follows: Revision | None = None  # its predecessor in the lineage (a line of descent)
    rivals: tuple[Revision, ...] = ()

    @property
    def vote(self) -> str:
        """The vote in words ("Adopted as resolution 2042 (2012), 15–0–0"), or ""."""
        return vote_line(self.revision)


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
    events: tuple[Event, ...] = ()

    def lane_cards(self) -> list[tuple[Resolution, list[Card]]]:
        """Each lane's cards in date order."""
        by_lane: dict[int, list[Card]] = {family.pk: [] for family in self.lanes}
        for month in self.months:
            for cell in month.cells:
                by_lane[cell.family.pk].extend(cell.cards)
        return [(family, by_lane[family.pk]) for family in self.lanes]


def build_timeline(
    families: Iterable[Resolution], events: Iterable[Event], chosen: TimelineFilter
) -> Timeline:
    """Lay out the families' revisions (prefetched: clauses with proposers, sponsorships,
    vote ballots) by month, keeping those the filter selects. The families and events are
    one page's (`timeline.timeline_window`), already chosen by the same filter."""
    lanes, cards = [], []
    for family in families:
        if chosen.family is not None and family.pk != chosen.family.pk:
            continue
        family_cards = [
            c
            for card in _cards(family)
            if (c := _with_roles(card, chosen)) and chosen.in_period(c.revision.date)
        ]
        if (chosen.country is not None or chosen.has_period) and not family_cards:
            continue
        lanes.append(family)
        cards.extend((len(lanes) - 1, card) for card in family_cards)
    events = [e for e in events if chosen.in_period(e.date)]
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
    return Timeline(tuple(lanes), tuple(months), len(cards), tuple(events))


def _month(date: datetime.date) -> datetime.date:
    return date.replace(day=1)


def _cards(family: Resolution) -> list[Card]:
    """The family's revisions in date order, each with its change from what it is compared
    with (`timeline.lineage`: its predecessor, or the nearest one up the chain with text)."""
    lineage = Lineage(family.revisions.all())
    cards = []
    for revision in family.revisions.all():
        base = lineage.base(revision)
        cards.append(
            Card(
                revision,
                base.revision,
                change_summary(revision, base, lineage),
                follows=lineage.predecessor(revision),
                rivals=tuple(lineage.rivals(revision)),
            )
        )
    return cards


def vote_line(revision: Revision) -> str:
    """How a revision's vote ended, in words, as far as the sources name the members."""
    vote = getattr(revision, "vote", None)
    if vote is None:
        return ""
    if vote.adopted:
        line = "Adopted"
        if vote.resolution_number:
            line += f" as resolution {vote.resolution_number}"
    else:
        line = "Not adopted"
    if vote.all_members_named():
        groups = vote.ballots_by_cast()
        line += (
            f", {len(groups[Cast.IN_FAVOUR])}–{len(groups[Cast.AGAINST])}"
            f"–{len(groups[Cast.ABSTAINING])}"
        )
    vetoes = vote.vetoed_by()
    if vetoes:
        line += "; vetoed by " + " and ".join(c.name for c in vetoes)
    return line


def change_summary(
    revision: Revision,
    base: Base,
    lineage: Lineage,
    clauses: Callable[[Revision], list] = lambda r: list(r.clauses.all()),
) -> str:
    """The change summary of `revision` against what it is compared with (`base`), as the
    timeline's card and the feeds say it, saying plainly when the texts do not allow one.
    `clauses(r)` gives a revision's main-language clauses in order, with their proposers
    (by default, as `ResolutionQuerySet.for_timeline` prefetches them)."""
    if not clauses(revision):
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
        clause_inputs(clauses(predecessor)), clause_inputs(clauses(revision))
    )
    summary = summarise(
        comparison,
        Side(predecessor.label, predecessor.text_status),
        Side(revision.label, revision.text_status),
    )
    gaps = summary.counts[NOT_IN_OLD] or summary.counts[NOT_IN_NEW]
    line = summary.line
    if TextStatus.PARTIAL in partial and not gaps:
        line += " (in the available text)"
    return f"{line} since {predecessor.label}{passed}"


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
