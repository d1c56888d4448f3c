"""The timeline as a picture: time to scale across, one lane per draft family, a mark per
revision shaped by its status, lines of descent and of rivalry, and context events above.

`draw` turns the cards `timeline.lanes.build_timeline` made into geometry — where each
mark, line, label and tick goes in an SVG of a given width — and the template
`timeline/includes/timeline_picture.html` writes it out. Nothing here reads the database
or decides what a revision is: lineage, change summaries and votes come with the cards.

Marks never overlap: revisions of a lane too close in time to sit side by side (rival
drafts of the same day, a resolution adopted two days after its last draft) are stacked
in rows of the lane, so a position across the picture is always the date. A label is
written beside a mark only where it fits; every mark names itself to a screen reader and
shows its summary in the panel under the picture when hovered or focused.
"""

import datetime
import textwrap
from dataclasses import dataclass, replace

from django.utils.dateformat import format as date_format

from timeline.lanes import Card, Timeline, TimelineFilter
from timeline.models import DatePrecision, Event, Resolution, RevisionStatus

# How each status is drawn; the legend and the marks share these names.
SHAPES = {
    RevisionStatus.ADOPTED: "square",
    RevisionStatus.VETOED: "cross",
    RevisionStatus.NOT_ADOPTED: "slashed",
    RevisionStatus.NOT_VOTED: "ring",
    RevisionStatus.IN_BLUE: "diamond",
    RevisionStatus.CIRCULATED: "dot",
}
LEGEND = [
    (SHAPES[RevisionStatus.CIRCULATED], "circulated draft"),
    (SHAPES[RevisionStatus.IN_BLUE], "put in blue (ready for a vote)"),
    (SHAPES[RevisionStatus.NOT_VOTED], "not put to a vote"),
    (SHAPES[RevisionStatus.VETOED], "vetoed"),
    (SHAPES[RevisionStatus.NOT_ADOPTED], "not adopted (too few votes)"),
    (SHAPES[RevisionStatus.ADOPTED], "adopted, with the resolution it became"),
]

# At most this many lanes are drawn; the table below the picture lists every one.
MAX_LANES = 30

HINT = (
    "Point at a mark or move to it with Tab to read its summary here; select it to open the "
    "revision."
)
RADIUS = 6
ROW = 22  # the height of one row of marks in a lane
CHAR = 6.4  # the average advance of a character at the labels' size, in picture units
GAP = 4


@dataclass(frozen=True)
class Layout:
    """The dimensions of one drawing: wide beside a column of family names, or narrow
    (a phone), with each family's name above its lane."""

    name: str
    width: int
    title_width: int  # 0: titles above their lanes
    tip_chars: int
    tip_lines: int = 4

    @property
    def left(self) -> int:
        return self.title_width + 16 if self.title_width else 14

    @property
    def right(self) -> int:
        """Where time ends: room is left for the last marks' labels on a wide drawing."""
        return self.width - (64 if self.title_width else 18)


WIDE = Layout("wide", 1120, 200, 150)
NARROW = Layout("narrow", 420, 0, 58, tip_lines=5)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    anchor: str = "middle"  # "start" where a centred label would run off the left edge


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    shape: str
    status: str
    href: str
    name: str  # what a screen reader announces
    label: str  # written beside the mark where it fits, else ""
    label_x: float
    resolution: str  # the resolution's number, drawn as a badge where it fits, else ""
    tip: tuple  # the panel's lines, (baseline, text); the first is the heading

    @property
    def badge_x(self) -> float:
        return self.x + RADIUS + GAP + 8

    @property
    def badge_width(self) -> float:
        return round(len(self.resolution) * CHAR + 8, 1)


@dataclass(frozen=True)
class EventMark:
    x: float
    y: float
    href: str
    name: str
    tip: tuple  # as a Mark's


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str  # "descent" or "rivals"


@dataclass(frozen=True)
class Lane:
    family: Resolution
    y: float  # the top of the lane
    height: float
    title: tuple[tuple[float, str], ...]  # the family's name, wrapped: (baseline, line)
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Picture:
    layout: Layout
    height: float
    axis_y: float
    plot_top: float
    plot_bottom: float
    ticks: tuple[Tick, ...]
    events_y: float
    events: tuple[EventMark, ...]
    lanes: tuple[Lane, ...]
    lines: tuple[Line, ...]
    panel_y: float
    hint: tuple  # (baseline, line): what the panel says before a mark is chosen
    title: str
    description: str
    left_out: int  # lanes not drawn (beyond MAX_LANES)

    @property
    def width(self) -> int:
        return self.layout.width

    @property
    def ident(self) -> str:
        return f"timeline-picture-{self.layout.name}"


def draw(timeline: Timeline, chosen: TimelineFilter, layout: Layout = WIDE) -> Picture | None:
    """The picture of `timeline` (None when it has no revision to draw)."""
    lane_cards = [(family, cards) for family, cards in timeline.lane_cards() if cards]
    if not lane_cards:
        return None
    left_out = max(0, len(lane_cards) - MAX_LANES)
    lane_cards = lane_cards[:MAX_LANES]
    dates = [card.revision.date for _, cards in lane_cards for card in cards]
    start, end = _domain(min(dates), max(dates), chosen)
    scale = _Scale(start, end, layout.left, layout.right)
    shown_events = tuple(e for e in timeline.events if start <= e.date <= end)

    ticks = _ticks(start, end, scale)
    axis_y = 16
    events_y = axis_y + 18
    events, events_height = _events(shown_events, scale, events_y)
    top = events_y + events_height + 6
    lanes, positions, y = [], {}, top
    for family, cards in lane_cards:
        lane = _lane(family, cards, scale, y, layout)
        lanes.append(lane)
        for card, mark in zip(cards, lane.marks, strict=True):
            positions[card.revision.pk] = mark
        y += lane.height
    lines = _lines([card for _, cards in lane_cards for card in cards], positions)
    panel_y = y + 14

    def place(tip: tuple[str, ...]) -> tuple[tuple[float, str], ...]:
        return tuple((panel_y + 18 * (i + 1), line) for i, line in enumerate(tip))

    lanes = [
        replace(lane, marks=tuple(replace(m, tip=place(m.tip)) for m in lane.marks))
        for lane in lanes
    ]
    events = [replace(event, tip=place(event.tip)) for event in events]
    count = sum(len(cards) for _, cards in lane_cards)
    families = len(lane_cards)
    period = f"{_month_year(start)} to {_month_year(end)}"
    return Picture(
        layout=layout,
        height=panel_y + 18 * layout.tip_lines + 12,
        axis_y=axis_y,
        plot_top=events_y - 4,
        plot_bottom=y,
        ticks=tuple(ticks),
        events_y=events_y,
        events=tuple(events),
        lanes=tuple(lanes),
        lines=tuple(lines),
        panel_y=panel_y,
        hint=place(_wrap([HINT], layout.tip_chars)),
        title=f"Timeline of {count} revision{'s' if count != 1 else ''} in {families} "
        f"draft famil{'ies' if families != 1 else 'y'}, {period}",
        description=(
            "Time runs from left to right, to scale; each family of drafts has a lane. "
            "Each revision is a mark whose shape gives its status; a line joins a revision "
            "to the one it follows, a dashed line joins rival drafts, and an adopted draft "
            "points to the resolution it became. Triangles above the lanes are context "
            "events. Every mark is a link to its revision; the table after the picture "
            "gives the same revisions month by month."
        ),
        left_out=left_out,
    )


class _Scale:
    def __init__(self, start: datetime.date, end: datetime.date, left: float, right: float):
        self.start, self.left = start, left
        self.per_day = (right - left) / max(1, (end - start).days)

    def x(self, date: datetime.date) -> float:
        return round(self.left + (date - self.start).days * self.per_day, 1)


def _domain(
    first: datetime.date, last: datetime.date, chosen: TimelineFilter
) -> tuple[datetime.date, datetime.date]:
    """The dates across the picture: the chosen period, or whole months around the data."""
    start = chosen.start or first.replace(day=1)
    end = chosen.end or _month_end(last)
    if (end - start).days < 27:
        end = max(end, start + datetime.timedelta(days=27))
    return start, end


def _month_end(date: datetime.date) -> datetime.date:
    return _add_months(date.replace(day=1), 1) - datetime.timedelta(days=1)


def _add_months(date: datetime.date, months: int) -> datetime.date:
    index = date.year * 12 + date.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _month_year(date: datetime.date) -> str:
    return date_format(date, "F Y")


def _ticks(start: datetime.date, end: datetime.date, scale: _Scale) -> list[Tick]:
    """Years across a long period, months across a shorter one, weeks across a month or
    two; labels thinned so that they never touch."""
    days = (end - start).days
    if days > 3 * 366:
        dates = [datetime.date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
        if start.month == 1 and start.day == 1:
            dates.insert(0, start)
        labels = [str(d.year) for d in dates]
        room = 36
    elif days > 70:
        dates, month = [], start.replace(day=1)
        if month < start:
            month = _add_months(month, 1)
        while month <= end:
            dates.append(month)
            month = _add_months(month, 1)
        labels = [
            date_format(d, "M Y") if d.month == 1 or i == 0 else date_format(d, "M")
            for i, d in enumerate(dates)
        ]
        room = 58
    else:
        dates = [start + datetime.timedelta(days=d) for d in range(0, days + 1, 7)]
        labels = [date_format(d, "j M") for d in dates]
        room = 48
    step = 1
    if len(dates) > 1:
        spacing = (scale.x(dates[-1]) - scale.x(dates[0])) / (len(dates) - 1)
        step = max(1, int(room // max(spacing, 1)) + (room % max(spacing, 1) > 0))
    ticks = []
    for i, (date, label) in enumerate(zip(dates, labels, strict=True)):
        x = scale.x(date)
        shown = label if i % step == 0 else ""
        ticks.append(Tick(x, shown, "start" if x - len(shown) * CHAR / 2 < 2 else "middle"))
    return ticks


def _events(events: tuple[Event, ...], scale: _Scale, top: float) -> tuple[list[EventMark], float]:
    """Context events as triangles above the lanes, stacked where they would touch."""
    rows: list[float] = []
    marks = []
    for event in sorted(events, key=lambda e: (e.date, e.position)):
        x = scale.x(event.date)
        row = _free_row(rows, x - 6, x + 6)
        day = date_format(event.date, "F Y" if event.date_precision == "month" else "j M Y")
        marks.append(
            EventMark(
                x=x,
                y=top + row * 14 + 6,
                href=f"#event-{event.pk}",
                name=f"Context, {day}: {event.title}",
                tip=_wrap([f"{day}: {event.title}", event.description], 150),
            )
        )
    return marks, max(1, len(rows)) * 14


def _free_row(rows: list[float], left: float, right: float) -> int:
    """The first row whose last occupant ends before `left`; it now ends at `right`."""
    for index, end in enumerate(rows):
        if end + GAP <= left:
            rows[index] = right
            return index
    rows.append(right)
    return len(rows) - 1


def _lane(family: Resolution, cards: list[Card], scale: _Scale, top: float, layout: Layout) -> Lane:
    """A family's lane: its marks in rows, each labelled where the label fits."""
    if layout.title_width:
        title = tuple(textwrap.wrap(family.title, int(layout.title_width / CHAR)))[:3]
        head = 0
    else:
        title = (textwrap.shorten(family.title, int((layout.width - 28) / CHAR), placeholder="…"),)
        head = 18
    xs = [scale.x(card.revision.date) for card in cards]
    rows: list[float] = []
    placed = [_free_row(rows, x - RADIUS, x + RADIUS) for x in xs]
    row_count = len(rows)
    # A label or badge is drawn only where it ends before the next mark of its row.
    next_in_row, following = [0.0] * len(xs), {}
    for i in reversed(range(len(xs))):
        next_in_row[i] = following.get(placed[i], layout.width + RADIUS) - RADIUS - GAP
        following[placed[i]] = xs[i]
    marks = []
    for card, x, row, limit in zip(cards, xs, placed, next_in_row, strict=True):
        revision = card.revision
        y = top + head + 6 + row * ROW + ROW / 2
        number = _resolution_number(card)
        badge = f"res. {number}" if number else ""
        label = revision.label
        room = limit - (x + RADIUS + GAP)
        shown_badge = badge if number and len(badge) * CHAR + 18 <= room else ""
        shown_label = "" if number else _fit(label, room)
        marks.append(
            Mark(
                x=x,
                y=y,
                shape=SHAPES.get(revision.status, "dot"),
                status=revision.status,
                href=revision.get_absolute_url(),
                name=_name(card),
                label=shown_label,
                label_x=x + RADIUS + GAP,
                resolution=shown_badge,
                tip=_tip(card, layout),
            )
        )
    height = head + 12 + max(1, row_count) * ROW
    if layout.title_width:
        height = max(height, len(title) * 15 + 14)
    return Lane(
        family=family,
        y=top,
        height=height,
        title=tuple((top + 15 * (i + 1), line) for i, line in enumerate(title)),
        marks=tuple(marks),
    )


def _fit(label: str, room: float) -> str:
    """The label, or its beginning with an ellipsis where at least ten characters fit."""
    chars = int(room // CHAR)
    if len(label) <= chars:
        return label
    return label[: chars - 1].rstrip(" ,(") + "…" if chars >= 10 else ""


def _resolution_number(card: Card) -> str:
    vote = getattr(card.revision, "vote", None)
    if vote is None or not vote.adopted or not vote.resolution_number:
        return ""
    return vote.resolution_number.split(" ")[0]


def _date(card: Card) -> str:
    revision = card.revision
    day = date_format(revision.date, "j M Y")
    return f"c. {day}" if revision.date_precision == DatePrecision.APPROXIMATE else day


def _facts(card: Card) -> list[str]:
    revision = card.revision
    facts = [
        f"{revision.get_status_display().capitalize()}; {revision.get_text_status_display()}.",
    ]
    if card.vote:
        facts.append(f"{card.vote}.")
    change = card.change[0].upper() + card.change[1:]
    facts.append(f"{change}.")
    if card.rivals:
        facts.append("Rival of " + " and ".join(r.label for r in card.rivals) + ".")
    if card.roles:
        facts.append(", ".join(card.roles).capitalize() + ".")
    return facts


def _name(card: Card) -> str:
    revision = card.revision
    return " ".join(
        [f"{revision.resolution.title}: {revision.label}, {_date(card)}.", *_facts(card)]
    )


def _tip(card: Card, layout: Layout) -> tuple[str, ...]:
    revision = card.revision
    heading = f"{revision.label} · {_date(card)} · {revision.resolution.title}"
    return _wrap([heading, " ".join(_facts(card))], layout.tip_chars, layout.tip_lines)


def _wrap(paragraphs: list[str], width: int, lines: int = 4) -> tuple[str, ...]:
    """The paragraphs wrapped to `width` characters, at most `lines` lines, the last one
    cut with an ellipsis if the text goes on (the mark's name carries all of it)."""
    out: list[str] = []
    for paragraph in paragraphs:
        if paragraph:
            out.extend(textwrap.wrap(paragraph, width) or [""])
    if len(out) > lines:
        out = out[:lines]
        out[-1] = textwrap.shorten(out[-1] + " …", width, placeholder=" …")
        if not out[-1].endswith("…"):
            out[-1] += " …"
    return tuple(out)


def _lines(cards: list[Card], positions: dict[int, Mark]) -> list[Line]:
    """A line from each drawn revision to the drawn one it follows, and one between each
    pair of drawn rivals."""
    lines, seen = [], set()
    for card in cards:
        here = positions[card.revision.pk]
        if card.follows is not None and card.follows.pk in positions:
            there = positions[card.follows.pk]
            lines.append(Line(there.x, there.y, here.x, here.y, "descent"))
        for rival in card.rivals:
            pair = frozenset((card.revision.pk, rival.pk))
            if rival.pk in positions and pair not in seen:
                seen.add(pair)
                there = positions[rival.pk]
                lines.append(Line(there.x, there.y, here.x, here.y, "rivals"))
    return lines
