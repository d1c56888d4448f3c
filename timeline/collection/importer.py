"""Import of a validated `unsc-drafts/1` collection into the database.

The import is one transaction and is idempotent: every row is found by its natural key
(country code, source id, family slug, revision label, clause key, event date and title)
and written only if something in it changed, so importing the same file twice changes
nothing. Within what the file names, the database is made to mirror it: a family's
revisions, a revision's clauses, proposers, sources, sponsors, votes and amendments.
Families, sources, countries and events that the file does not name are kept (they may
be an editor's work) unless `prune` is asked for.

One import runs at a time: on PostgreSQL the transaction takes an advisory lock, on SQLite
a lock file beside the database, so a second import waits for the first and then finds its
rows there. A document symbol belongs to one revision: a file may move a symbol
between the revisions it names, but not take one from a family it does not name.
"""

import datetime
import fcntl
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from timeline import country_tallies, versions
from timeline.collection.schema import location
from timeline.collection.validate import CollectionError, Problem, parse_collection
from timeline.models import (
    Amendment,
    AmendmentSource,
    Ballot,
    Cast,
    Clause,
    ClauseSource,
    Collection,
    Country,
    Event,
    EventSource,
    LanguageVersion,
    Penholder,
    Proposer,
    Resolution,
    Revision,
    RevisionSource,
    Source,
    Sponsorship,
    Vote,
    VoteSource,
)
from timeline.naming import revision_slug
from timeline.services import revision_anchors, revision_refresh_anchors


class LookUp:
    """Marks a row that the importer must look up itself."""


# Positions are unique per parent; rows that move are parked beyond any real position
# first, so that swapping two rows never collides half way.
PARKING = 1_000_000

# The advisory lock that one import holds at a time (PostgreSQL): "redl".
IMPORT_LOCK = 0x7265646C


@dataclass
class ImportReport:
    """How many rows of each kind the import created, updated, deleted or left as they were."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    @property
    def writes(self) -> int:
        """Rows created, updated or deleted so far."""
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def summary(self) -> str:
        def part(verb: str, counts: Counter) -> str:
            return f"{sum(counts.values())} {verb}"

        return ", ".join(
            [
                part("created", self.created),
                part("updated", self.updated),
                part("deleted", self.deleted),
                part("unchanged", self.unchanged),
            ]
        )


Progress = Callable[[int, int, str], None]


def collection_import(
    *,
    data: Any,
    prune: bool = False,
    progress: Progress | None = None,
    waiting: Callable[[], None] | None = None,
) -> ImportReport:
    """Validate `data` whole, then import it in one transaction.

    The data is read through the format's schema (`parse_collection`), which fills in the
    defaults of keys a file may leave out. Raises CollectionError listing every problem,
    having written nothing, if the data is invalid or takes a symbol from a family it does
    not name. `progress(done, total, label)` is called as each family is imported;
    `waiting()` once if another import holds the lock, before waiting for it.
    """
    data = parse_collection(data)
    importer = _Importer(prune=prune, progress=progress)
    waiting = waiting or (lambda: None)
    with _sqlite_lock(waiting), transaction.atomic():
        _postgresql_lock(waiting)
        importer.run(data)
    if importer.report.changed:
        _refresh_statistics()
        # Bulk writes send no signal to ask for the countries' counts again.
        country_tallies.refresh_after_commit()
    return importer.report


def _refresh_statistics() -> None:
    """After a bulk load, PostgreSQL's planner has no statistics for the new rows until
    autovacuum reaches the tables, and plans by guesswork meanwhile (the countries page's
    counts, on twenty times the story freshly loaded, looked up every ballot's revision);
    nor can it answer from an index alone until a vacuum has marked the pages all-visible
    (those counts: 33 ms analyzed, 21 ms vacuumed too). PostgreSQL's advice after
    populating a database ("Populating a Database" in its manual) is to ANALYZE; VACUUM
    (ANALYZE) does both. Done here when the import was a transaction of its own (a
    command's), not inside a caller's (a test's, rolled back), where VACUUM cannot run."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    tables = versions.tracked_tables()  # every table an import may write
    with connection.cursor() as cursor:
        cursor.execute(
            "VACUUM (ANALYZE) " + ", ".join(connection.ops.quote_name(t) for t in tables)
        )


@contextmanager
def _sqlite_lock(waiting: Callable[[], None]) -> Iterator[None]:
    """On a SQLite database file, hold `<file>.import-lock` while the import runs. (SQLite
    would refuse a second writer's transaction at once as "database is locked".)"""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor != "sqlite" or connection.is_in_memory_db() or "mode=memory" in name:
        yield
        return
    with open(f"{name}.import-lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _postgresql_lock(waiting: Callable[[], None]) -> None:
    """On PostgreSQL, hold the import lock until the transaction ends, waiting (without a
    statement timeout) for an import that holds it."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK])
        if cursor.fetchone()[0]:
            return
        waiting()
        cursor.execute("SET LOCAL statement_timeout = 0")
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        cursor.execute("SET LOCAL statement_timeout TO DEFAULT")


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


class _Importer:
    def __init__(self, *, prune: bool, progress: Progress | None) -> None:
        self.prune = prune
        self.progress = progress or (lambda done, total, label: None)
        self.report = ImportReport()
        self.countries: dict[str, Country] = {}
        self.sources: dict[str, Source] = {}

    # Generic writes

    def save(
        self,
        model: type[models.Model],
        lookup: dict,
        values: dict,
        *,
        stored: models.Model | type[LookUp] | None = LookUp,
    ) -> models.Model:
        """Create the row, or update it only where `values` differ from what is stored.

        `stored` is the row already read by the caller (None: there is none), to save
        the look-up when a whole list of rows was read at once.
        """
        name = model._meta.verbose_name
        instance = model.objects.filter(**lookup).first() if stored is LookUp else stored
        if instance is None:
            instance = model.objects.create(**lookup, **values)
            self.report.created[name] += 1
            return instance
        changed = [f for f, v in values.items() if getattr(instance, _attname(model, f)) != _id(v)]
        if changed:
            for f in changed:
                setattr(instance, f, values[f])
            instance.save(update_fields=changed)
            self.report.updated[name] += 1
        else:
            self.report.unchanged[name] += 1
        return instance

    def delete(self, queryset: models.QuerySet) -> None:
        for instance in queryset:
            instance.delete()
            self.report.deleted[instance._meta.verbose_name] += 1

    def links(
        self,
        manager: models.Manager,
        model: type[models.Model],
        owner: dict,
        target: str,
        wanted: Sequence[models.Model],
        current: list | None = None,
    ) -> None:
        """Make an ordered link list (sponsors, sources...) equal to `wanted`, in order.

        `current` is the stored list of target ids when the caller has already read it.
        """
        if current is None:
            current = list(manager.order_by("position").values_list(f"{target}_id", flat=True))
        if current == [w.pk for w in wanted]:
            return
        if current:
            manager.all().delete()
        model.objects.bulk_create(
            model(**owner, **{target: w}, position=i) for i, w in enumerate(wanted, 1)
        )
        tally = self.report.updated if current else self.report.created
        tally[f"{model._meta.verbose_name} list"] += 1

    def park(self, queryset: models.QuerySet, moving: Iterable[int], **extra: Any) -> None:
        moving = list(moving)
        if moving:
            queryset.filter(pk__in=moving).update(position=models.F("position") + PARKING, **extra)

    # The collection

    def run(self, data: dict) -> None:
        self.claim_symbols(data)
        self.save(
            Collection,
            {"id": 1},
            {
                "title": data["title"],
                "description": data["description"],
                "compiled": _date(data["compiled"]),
            },
        )
        for i, c in enumerate(data["countries"], 1):
            self.countries[c["code"]] = self.save(
                Country,
                {"code": c["code"]},
                {
                    "name": c["name"],
                    "un_name": c["un_name"],
                    "permanent_member": c["permanent_member"],
                    "position": i,
                },
            )
        for i, s in enumerate(data["sources"], 1):
            self.sources[s["id"]] = self.save(
                Source,
                {"slug": s["id"]},
                {
                    "title": s["title"],
                    "publisher": s["publisher"],
                    "url": s["url"],
                    "date": _date(s["date"]),
                    "kind": s["kind"],
                    "note": s["note"] or "",
                    "position": i,
                },
            )
        events = [self.event(e, i) for i, e in enumerate(data["events"], 1)]
        total = len(data["resolutions"])
        families = []
        for i, r in enumerate(data["resolutions"], 1):
            self.progress(i - 1, total, r["slug"])
            families.append(self.resolution(r, i))
        self.progress(total, total, "")
        if self.prune:
            self.delete(Event.objects.exclude(pk__in=[e.pk for e in events]))
            for family in Resolution.objects.exclude(pk__in=[f.pk for f in families]):
                self.delete(Revision.objects.filter(resolution=family))
                self.delete([family])
            self.delete(Source.objects.exclude(slug__in=self.sources))
            self.delete(Country.objects.exclude(code__in=self.countries))

    def claim_symbols(self, data: dict) -> None:
        """Free each symbol the file gives a revision other than the one holding it, or
        refuse the file if that revision's family is not in it (and not pruned)."""
        wanted = {
            v["symbol"]: (("resolutions", i, "revisions", j, "symbol"), r["slug"], v["label"])
            for i, r in enumerate(data["resolutions"])
            for j, v in enumerate(r["revisions"])
            if v["symbol"]
        }
        named = {r["slug"] for r in data["resolutions"]}
        holders = Revision.objects.filter(symbol__in=wanted).values_list(
            "pk", "symbol", "resolution__slug", "label"
        )
        freed, problems = [], []
        for pk, symbol, slug, label in holders:
            where, wanted_slug, wanted_label = wanted[symbol]
            if (slug, label) == (wanted_slug, wanted_label):
                continue
            if slug in named or self.prune:
                freed.append(pk)  # the file gives that revision another symbol, or none
                continue
            problems.append(
                (
                    where,
                    Problem(
                        location(where),
                        f'{symbol} is already the symbol of revision "{label}" of family '
                        f'"{slug}", which this file does not name (import with --prune to '
                        "replace that family, or give the symbol to one revision only)",
                    ),
                )
            )
        if problems:
            raise CollectionError([problem for _, problem in sorted(problems)])
        if freed:
            Revision.objects.filter(pk__in=freed).update(symbol=None)

    def event(self, e: dict, position: int) -> Event:
        event = self.save(
            Event,
            {"date": _date(e["date"]), "title": e["title"]},
            {
                "date_precision": e["date_precision"],
                "description": e["description"],
                "position": position,
            },
        )
        self.source_links(event.source_links, EventSource, {"event": event}, e["sources"])
        return event

    def resolution(self, r: dict, position: int) -> Resolution:
        family = self.save(
            Resolution,
            {"slug": r["slug"]},
            {"title": r["title"], "summary": r["summary"], "position": position},
        )
        self.links(
            Penholder.objects.filter(resolution=family),
            Penholder,
            {"resolution": family},
            "country",
            [self.countries[c] for c in r["penholders"]],
        )
        labels = [v["label"] for v in r["revisions"]]
        self.delete(family.revisions.exclude(label__in=labels))
        existing = {v.label: v for v in family.revisions.all()}
        self.park(
            family.revisions.all(),
            (
                v.pk
                for i, label in enumerate(labels, 1)
                if (v := existing.get(label)) and v.position != i
            ),
        )
        taken = {v.slug for v in existing.values()}
        revisions = {}
        for i, v in enumerate(r["revisions"], 1):
            slug = existing[v["label"]].slug if v["label"] in existing else None
            if slug is None:
                slug = revision_slug(v["label"], taken)
                taken.add(slug)
            revisions[v["label"]] = self.revision(family, v, i, slug, existing.get(v["label"]))
        self.lineage(revisions, r["revisions"])
        return family

    def lineage(self, revisions: dict[str, Revision], data: list[dict]) -> None:
        """What each revision follows and rivals, once every revision of the family exists
        (a revision may follow or rival one that comes after it in the file)."""
        for v in data:
            revision = revisions[v["label"]]
            follows = revisions[v["follows"]] if v["follows"] else None
            self.save(Revision, {"pk": revision.pk}, {"follows": follows}, stored=revision)
            wanted = sorted(revisions[label].pk for label in v["rivals"])
            current = sorted(revision.rivals.values_list("pk", flat=True))
            if current != wanted:
                revision.rivals.set(wanted)
                (self.report.updated if current else self.report.created)["rival list"] += 1

    def revision(
        self, family: Resolution, v: dict, position: int, slug: str, stored: Revision | None
    ) -> Revision:
        """The revision and all it holds. A revision the family did not have (`stored` is
        None) holds nothing yet, so nothing of it is read before it is written: a whole
        new collection imports in about half the queries."""
        writes = self.report.writes
        fresh = stored is None
        nothing = [] if fresh else None
        revision = self.save(
            Revision,
            {"resolution": family, "label": v["label"]},
            {
                "position": position,
                "slug": slug,
                "date": _date(v["date"]),
                "date_precision": v["date_precision"],
                "date_note": v["date_note"] or "",
                "symbol": v["symbol"],
                "status": v["status"],
                "text_status": v["text_status"],
                "language": v["language"],
                "note": v["note"] or "",
            },
            stored=stored,
        )
        self.other_languages(revision, v["other_languages"], current=nothing)
        self.links(
            revision.sponsorships,
            Sponsorship,
            {"revision": revision},
            "country",
            [self.countries[c] for c in v["sponsors"]],
            current=nothing,
        )
        self.source_links(
            revision.source_links,
            RevisionSource,
            {"revision": revision},
            v["sources"],
            current=nothing,
        )
        self.clauses(revision, v["clauses"], fresh=fresh)
        self.vote(revision, v["vote"], fresh=fresh)
        self.amendments(revision, v["amendments"], current=nothing)
        if self.report.writes > writes:
            # Its text, votes or sources changed, if not its own fields: it is a changed
            # revision, which the feeds list by this time.
            Revision.objects.filter(pk=revision.pk).update(updated_at=timezone.now())
        return revision

    def other_languages(
        self, revision: Revision, versions: list[dict], current: list | None = None
    ) -> None:
        wanted = [(o["language"], o["text_status"]) for o in versions]
        if current is None:
            current = list(revision.other_languages.values_list("language", "text_status"))
        if current == wanted:
            return
        if current:
            revision.other_languages.all().delete()
        LanguageVersion.objects.bulk_create(
            LanguageVersion(revision=revision, language=language, text_status=status, position=i)
            for i, (language, status) in enumerate(wanted, 1)
        )
        (self.report.updated if current else self.report.created)["language version list"] += 1

    def clauses(self, revision: Revision, clauses: list[dict], *, fresh: bool) -> None:
        def language(c: dict) -> str:
            return c["language"]

        if fresh:  # nothing stored to compare with
            self.new_clauses(revision, clauses, language, anchors=self.anchors(revision, clauses))
            return
        wanted = {(language(c), c["key"]): c for c in clauses}
        present = list(revision.clauses.values_list("pk", "language", "key", "position"))
        self.delete(
            revision.clauses.filter(pk__in=[pk for pk, *k, _ in present if tuple(k) not in wanted])
        )
        self.park(
            revision.clauses.all(),
            (
                pk
                for pk, *k, position in present
                if tuple(k) in wanted and position != wanted[tuple(k)]["position"]
            ),
        )
        stored = {(clause.language, clause.key): clause for clause in revision.clauses.all()}
        # What the clauses link to, read as plain rows in two queries: prefetching them
        # made two querysets per clause, most of the time of re-importing an unchanged file.
        sources_of: dict[int, list[int]] = defaultdict(list)
        for clause_id, source_id in (
            ClauseSource.objects.filter(clause__revision=revision)
            .order_by("clause_id", "position")
            .values_list("clause_id", "source_id")
        ):
            sources_of[clause_id].append(source_id)
        proposers_of: dict[int, list[tuple]] = defaultdict(list)
        for clause_id, *proposer in (
            Proposer.objects.filter(clause__revision=revision)
            .order_by("clause_id", "position")
            .values_list("clause_id", "country_id", "source_id", "quote")
        ):
            proposers_of[clause_id].append(tuple(proposer))
        new = []
        for c in clauses:
            before = stored.get((language(c), c["key"]))
            if before is None:
                new.append(c)
                continue
            clause = self.save(
                Clause,
                {"revision": revision, "language": language(c), "key": c["key"]},
                {
                    "section": c["section"],
                    "number": c["number"],
                    "position": c["position"],
                    "text": c["text"],
                    "text_kind": c["text_kind"],
                    "complete": c["complete"],
                    "bracketed": c["bracketed"],
                    "note": c["note"] or "",
                },
                stored=before,
            )
            self.source_links(
                clause.source_links,
                ClauseSource,
                {"clause": clause},
                c["sources"],
                current=sources_of[clause.pk],
            )
            self.proposers(clause, c["proposers"], current=proposers_of[clause.pk])
        if stored:
            self.new_clauses(revision, new, language)
            revision_refresh_anchors(revision=revision)
        else:
            self.new_clauses(revision, new, language, anchors=self.anchors(revision, new))

    @staticmethod
    def anchors(revision: Revision, clauses: list[dict]) -> list[str]:
        """The anchors of a whole new text, known before it is written."""
        return revision_anchors(
            revision=revision,
            clauses=[(c["language"], c["position"], c["section"], c["number"]) for c in clauses],
        )

    def new_clauses(
        self, revision: Revision, clauses: list[dict], language, anchors: list[str] | None = None
    ) -> None:
        """Clauses the revision does not have yet, written together: a whole official text
        is a few queries, not a few per paragraph."""
        if not clauses:
            return
        created = Clause.objects.bulk_create(
            Clause(
                revision=revision,
                language=language(c),
                key=c["key"],
                section=c["section"],
                number=c["number"],
                position=c["position"],
                # Without its anchor, a unique placeholder until revision_refresh_anchors()
                # names its place.
                anchor=anchors[i] if anchors else f"new-{uuid.uuid4().hex[:12]}",
                text=c["text"],
                text_kind=c["text_kind"],
                complete=c["complete"],
                bracketed=c["bracketed"],
                note=c["note"] or "",
            )
            for i, c in enumerate(clauses)
        )
        self.report.created["clause"] += len(created)
        ClauseSource.objects.bulk_create(
            ClauseSource(clause=clause, source=self.sources[s], position=i)
            for clause, c in zip(created, clauses, strict=True)
            for i, s in enumerate(c["sources"], 1)
        )
        Proposer.objects.bulk_create(
            Proposer(
                clause=clause,
                country=self.countries[p["country"]],
                source=self.sources[p["source"]],
                quote=p["quote"],
                position=i,
            )
            for clause, c in zip(created, clauses, strict=True)
            for i, p in enumerate(c["proposers"], 1)
        )
        self.report.created["clause source list"] += sum(bool(c["sources"]) for c in clauses)
        self.report.created["proposer list"] += sum(bool(c["proposers"]) for c in clauses)

    def proposers(self, clause: Clause, proposers: list[dict], current: list[tuple]) -> None:
        """Make the clause's proposers those of the file; `current` holds the stored ones
        as (country code, source id, quote), in order."""
        wanted = [(p["country"], self.sources[p["source"]].pk, p["quote"]) for p in proposers]
        if current == wanted:
            return
        if current:
            clause.proposers.all().delete()
        (self.report.updated if current else self.report.created)["proposer list"] += 1
        Proposer.objects.bulk_create(
            Proposer(
                clause=clause,
                country=self.countries[country],
                source_id=source,
                quote=quote,
                position=i,
            )
            for i, (country, source, quote) in enumerate(wanted, 1)
        )

    def vote(self, revision: Revision, v: dict | None, *, fresh: bool) -> None:
        if v is None:
            if not fresh:
                self.delete(Vote.objects.filter(revision=revision))
            return
        vote = self.save(
            Vote,
            {"revision": revision},
            {
                "date": _date(v["date"]),
                "meeting": v["meeting"],
                "adopted": v["adopted"],
                "resolution_number": v["resolution_number"],
            },
            stored=None if fresh else LookUp,
        )
        wanted = [(code, cast) for cast in Cast.values for code in v[cast]]
        current = (
            []
            if fresh
            else list(vote.ballots.order_by("cast", "position").values_list("country_id", "cast"))
        )
        if sorted(current, key=lambda b: Cast.values.index(b[1])) != wanted:
            if current:
                vote.ballots.all().delete()
            (self.report.updated if current else self.report.created)["ballot list"] += 1
            Ballot.objects.bulk_create(
                Ballot(vote=vote, country=self.countries[code], cast=cast, position=i)
                for cast in Cast.values
                for i, code in enumerate(v[cast], 1)
            )
        self.source_links(
            vote.source_links,
            VoteSource,
            {"vote": vote},
            v["sources"],
            current=[] if fresh else None,
        )

    def amendments(
        self, revision: Revision, amendments: list[dict], current: list | None = None
    ) -> None:
        if current is None:
            current = list(revision.amendments.order_by("position"))
        if [_amendment_data(a) for a in current] == amendments:
            self.report.unchanged["amendment"] += len(current)
            return
        if current:
            self.delete(revision.amendments.all())
        for i, a in enumerate(amendments, 1):
            amendment = Amendment.objects.create(
                revision=revision,
                proposer=self.countries[a["proposer"]],
                date=_date(a["date"]),
                target=a["target"],
                text=a["text"],
                outcome=a["outcome"],
                position=i,
            )
            self.source_links(
                amendment.source_links,
                AmendmentSource,
                {"amendment": amendment},
                a["sources"],
                current=[],  # a new amendment
            )
            self.report.created["amendment"] += 1

    def source_links(
        self,
        manager: models.Manager,
        model: type[models.Model],
        owner: dict,
        ids: list[str],
        current: list | None = None,
    ) -> None:
        self.links(manager, model, owner, "source", [self.sources[s] for s in ids], current)


def _amendment_data(amendment: Amendment) -> dict:
    """An amendment in the file's form, to tell whether the file changed it."""
    return {
        "proposer": amendment.proposer_id,
        "date": amendment.date.isoformat(),
        "target": amendment.target,
        "text": amendment.text,
        "outcome": amendment.outcome,
        "sources": list(
            amendment.source_links.order_by("position").values_list("source__slug", flat=True)
        ),
    }


def _attname(model: type[models.Model], name: str) -> str:
    return model._meta.get_field(name).attname


def _id(value: Any) -> Any:
    """A related object compares to its stored foreign key by primary key."""
    return value.pk if isinstance(value, models.Model) else value
