"""A revision's place among its family's revisions: what it follows, what it rivals, and
what it is compared with. One rule, asked by every page that says "since …" or "previous".

- A revision's **predecessor** is the revision it `follows`, where the data records one (the
  official texts do). Where it records none (most curated drafts of 2011–2012), it is the
  family's previous revision by position that is not one of its rivals — unless it has
  rivals: a rival draft is a competing text, and one whose origin the data does not record
  follows nothing (Russia's draft of 13 April 2012 does not descend from the US draft).
- Its **comparison base** is the nearest revision up that chain whose text is known in the
  revision's own language: R3 is compared with R1, and says so, because R2, which it
  follows, has no known wording. Comparing with a revision that has no text would only
  count every paragraph as added.
- Rivals (competing drafts on the same question) are never one another's predecessor; a
  comparison between them is labelled as one between rivals, not as a revision.

`Lineage` works on the revisions already read (a family's, with `follows_id` and their
`rivals` prefetched, and whether each has text), so it costs no query of its own.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from timeline.models import Clause, Revision, TextStatus


@dataclass(frozen=True)
class Base:
    """What a revision is compared with: `revision` (None for a first text), and the
    predecessors passed over on the way because their text is not known."""

    revision: Revision | None
    passed_over: tuple[Revision, ...] = ()


@dataclass(frozen=True)
class Relation:
    """How the old and the new revision of a comparison are related, in words."""

    kind: str  # "same", "predecessor", "reversed", "rivals", "family", "families"
    text: str


class Lineage:
    """The lineage of one family's revisions (see the module's docstring).

    `has_text(revision)` says whether a revision's main text has any clause; by default
    it reads the prefetched `clauses`.
    """

    def __init__(
        self,
        revisions: Iterable[Revision],
        has_text: Callable[[Revision], bool] | None = None,
    ) -> None:
        self.revisions = sorted(revisions, key=lambda r: r.position)
        self.by_pk = {r.pk: r for r in self.revisions}
        self.has_text = has_text or (lambda r: bool(r.clauses.all()))
        self._rivals = {r.pk: {x.pk for x in r.rivals.all()} for r in self.revisions}

    def are_rivals(self, one: Revision, other: Revision) -> bool:
        return other.pk in self._rivals.get(one.pk, set())

    def rivals(self, revision: Revision) -> list[Revision]:
        return [
            self.by_pk[pk] for pk in sorted(self._rivals.get(revision.pk, ())) if pk in self.by_pk
        ]

    def predecessor(self, revision: Revision) -> Revision | None:
        if revision.follows_id is not None:
            return self.by_pk.get(revision.follows_id)
        rivals = self._rivals.get(revision.pk, set())
        if rivals:
            return None
        earlier = [
            r for r in self.revisions if r.position < revision.position and r.pk not in rivals
        ]
        return earlier[-1] if earlier else None

    def base(self, revision: Revision) -> Base:
        passed_over: list[Revision] = []
        seen = {revision.pk}
        candidate = self.predecessor(revision)
        while candidate is not None and candidate.pk not in seen:
            if self.has_text(candidate) and candidate.language == revision.language:
                return Base(candidate, tuple(passed_over))
            passed_over.append(candidate)
            seen.add(candidate.pk)
            candidate = self.predecessor(candidate)
        return Base(None, tuple(passed_over))

    def ancestors(self, revision: Revision) -> list[Revision]:
        """Every revision up the chain of predecessors, nearest first."""
        found, seen = [], {revision.pk}
        candidate = self.predecessor(revision)
        while candidate is not None and candidate.pk not in seen:
            found.append(candidate)
            seen.add(candidate.pk)
            candidate = self.predecessor(candidate)
        return found


def family_lineage(revisions: QuerySet[Revision]) -> Lineage:
    """The lineage of a family's revisions (a queryset of them, e.g. those a reader may
    see), read in two queries: each revision with whether its main text has a clause, and
    their rivals."""
    rows = (
        revisions.order_by("position")
        .only("label", "slug", "published", "position", "follows", "language", "resolution")
        .annotate(
            has_text=Exists(
                Clause.objects.filter(revision=OuterRef("pk"), language=OuterRef("language"))
            )
        )
        .prefetch_related(Prefetch("rivals", Revision.objects.only("pk")))
    )
    return Lineage(rows, has_text=lambda r: r.has_text)


def relation(old: Revision, new: Revision, lineage: Lineage | None) -> Relation:
    """What a comparison of `old` with `new` is, said plainly. `lineage` is the family's
    when both belong to one family, else None."""
    if old.pk == new.pk:
        return Relation("same", "the same revision on both sides")
    if lineage is None or old.resolution_id != new.resolution_id:
        return Relation(
            "families",
            "two drafts of different families: how one text differs from the other, not how "
            "one became the other",
        )
    if lineage.are_rivals(old, new):
        return Relation(
            "rivals", f"rival drafts, not a revision: {new.label} competed with {old.label}"
        )
    if old in lineage.ancestors(new):
        return Relation("predecessor", f"{new.label} continues {old.label}")
    if new in lineage.ancestors(old):
        return Relation(
            "reversed",
            f"reversed: {new.label} came before {old.label}, so what is shown as added was "
            "in fact removed, and the other way round",
        )
    return Relation(
        "family", f"two drafts of the same family; {new.label} does not continue {old.label}"
    )


# Where a clause comes from and what became of it


class Presence(StrEnum):
    """What a revision tells about a clause. Absence is only claimed where a text shows
    it: a revision known from fragments, or not at all, says nothing either way."""

    PRESENT = "present"
    # Gone from a complete text, or from a partial one that reaches past its old place.
    DROPPED = "dropped"
    # Gone from a partial text that may end before its old place.
    NOT_IN_AVAILABLE_PART = "not-in-available-part"
    # Not there before it first appeared, or still gone after it was dropped.
    ABSENT = "absent"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Place:
    """A clause of a revision's main text, as far as presence goes: its key and position."""

    key: str
    position: int


def presences(
    revisions: Sequence[Revision],
    key: str,
    places: Callable[[Revision], Sequence[Place]],
    present: Callable[[Revision], bool] | None = None,
) -> list[Presence]:
    """What each revision (of one family, in date order) tells about the clause `key`.

    `places(revision)` gives the revision's main-text clauses (key and position);
    `present(revision)`, where given, says whether it has the clause in any language (a
    draft known only from a quotation in another language), else the places say.
    The clause page and the country pages both ask this, so they never disagree.
    """
    found: list[Presence] = []
    last_revision: Revision | None = None
    last_position = 0
    drop_told = False
    for revision in revisions:
        mine = places(revision)
        here = next((p for p in mine if p.key == key), None)
        if present(revision) if present else here is not None:
            found.append(Presence.PRESENT)
            if here is not None:
                last_revision, last_position = revision, here.position
            elif last_revision is None:
                last_revision, last_position = revision, 0
            drop_told = False
            continue
        presence = _absence(revision, mine, last_revision, last_position, places, drop_told)
        drop_told = drop_told or presence == Presence.DROPPED
        found.append(presence)
    return found


def _absence(
    revision: Revision,
    mine: Sequence[Place],
    last_revision: Revision | None,
    last_position: int,
    places: Callable[[Revision], Sequence[Place]],
    drop_told: bool,
) -> Presence:
    if revision.text_status in (TextStatus.FRAGMENTS, TextStatus.NONE):
        return Presence.UNKNOWN
    if last_revision is None or drop_told:
        return Presence.ABSENT
    if revision.text_status == TextStatus.COMPLETE:
        return Presence.DROPPED
    # A partial text shows the drop only if it goes on beyond the clause's old place: it
    # keeps a clause that followed it, so the copy does not simply end before it.
    followers = {p.key for p in places(last_revision) if p.position > last_position}
    if any(p.key in followers for p in mine):
        return Presence.DROPPED
    return Presence.NOT_IN_AVAILABLE_PART
