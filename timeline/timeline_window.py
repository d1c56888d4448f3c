"""Which families and events one page of the timeline shows: the window.

The timeline never reads the whole collection. The filters (`timeline.lanes.TimelineFilter`)
select families in SQL: a family is in when it has a published revision in the period in
which the chosen country took the chosen part (any family, when neither is chosen). Those
families are taken in the collection's order, `LANES_PER_PAGE` to a page, and only the
page's families are read with their revisions, clauses and votes. Context events in the
period are shown up to `EVENTS_PER_PAGE`, and the page says how many more there are. Every
page is so a bounded number of queries and rows, whatever the collection's size.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from timeline.lanes import TimelineFilter
from timeline.models import Event, Resolution, Revision
from timeline.paging import pages_left

# A page's families (lanes) at most: the picture stays legible and the page small.
LANES_PER_PAGE = 8
# A page's context events at most; a period holding more says so and offers shorter ones.
EVENTS_PER_PAGE = 12


@dataclass(frozen=True)
class Window:
    families: list[Resolution]  # the page's families, read with everything the lanes show
    total: int  # how many families the filters select, on every page
    revisions: int  # how many revisions they have that the filters select
    hidden: int  # families in scope the country or period leaves out
    hidden_named: tuple[Resolution, ...]  # the first of them, to name when they are few
    years: tuple[int, ...]  # years with a revision, whatever the period, for zoom links
    events: list[Event]
    events_total: int  # context events in the period, shown or not
    page: int = 1

    @property
    def first(self) -> int:
        """The number of the page's first family among all the filters select (from 1)."""
        return 0 if not self.families else self.offset + 1

    @property
    def summary(self) -> str:
        """Which families the page shows, in words."""
        return f"Families {self.first}–{self.last} of {self.total}, in the collection’s order:"

    @property
    def last(self) -> int:
        return self.offset + len(self.families)

    @property
    def offset(self) -> int:
        return _offset(self.page)

    @property
    def pages(self) -> int:
        return _page_count(self.total)

    @property
    def names_hidden(self) -> bool:
        """Whether every hidden family is named (else only their number is given)."""
        return 0 < self.hidden <= len(self.hidden_named)


class PageOutOfRange(ValueError):
    """A page number past the last page; its message is shown to the reader."""


def timeline_window(chosen: TimelineFilter) -> Window:
    """The families and events of the page `chosen` names, in a fixed number of queries."""
    scope = Resolution.objects.all()
    if chosen.family is not None:
        scope = scope.filter(pk=chosen.family.pk)
    selected = scope
    if chosen.country is not None or chosen.has_period:
        taking_part = _revisions(chosen).filter(in_period(chosen))
        selected = scope.filter(pk__in=taking_part.values("resolution"))
    total = selected.count()
    if chosen.page > _page_count(total):
        raise PageOutOfRange(pages_left(_page_count(total), "families with these filters"))
    offset = _offset(chosen.page)
    families = list(
        selected.order_by("position", "slug").for_timeline()[offset : offset + LANES_PER_PAGE]
    )
    hidden, hidden_named = 0, ()
    if selected is not scope:
        hidden = scope.count() - total
        hidden_named = tuple(
            scope.exclude(pk__in=selected.values("pk"))
            .order_by("position", "slug")
            .only("pk", "slug", "title")[:LANES_PER_PAGE]
        )
    years = tuple(
        day.year for day in _revisions(chosen).filter(resolution__in=scope).dates("date", "year")
    )
    events = Event.objects.filter(in_period(chosen, field="date"))
    revisions = _revisions(chosen).filter(in_period(chosen), resolution__in=selected)
    return Window(
        families,
        total,
        revisions.count(),
        hidden,
        hidden_named,
        years,
        list(events[:EVENTS_PER_PAGE]),
        events.count(),
        page=chosen.page,
    )


def _page_count(total: int) -> int:
    return max(1, -(-total // LANES_PER_PAGE))


def _offset(page: int) -> int:
    return (page - 1) * LANES_PER_PAGE


def _revisions(chosen: TimelineFilter) -> QuerySet[Revision]:
    """Published revisions in which the chosen country took the chosen part (all, when no
    country is chosen): the rule `timeline.lanes` applies card by card, in SQL."""
    revisions = Revision.objects.published()
    if chosen.country is None:
        return revisions
    return revisions.with_part_of(chosen.country, chosen.role)


def in_period(chosen: TimelineFilter, field: str = "date") -> Q:
    condition = Q()
    if chosen.start is not None:
        condition &= Q(**{f"{field}__gte": chosen.start})
    if chosen.end is not None:
        condition &= Q(**{f"{field}__lte": chosen.end})
    return condition
