"""Atom feeds of new and changed revisions (issue 12, point 4): the whole collection's, a
family's, and a country's (the revisions it sponsored, proposed a clause in or voted on).

An entry is a published revision, newest change first (its `updated_at`: a revision
added, edited or published is new again), at most `ENTRIES` of them. Its summary is the
change the timeline's card shows, in the same words, against what the revision is
compared with (`timeline.lineage`), with a link to that comparison; then the revision's
status, date (and how it is known), how much of its text is known, and its vote. An
entry's id is its revision's absolute address, so an edited revision is the same entry
updated, as Atom intends; the feed's id is its own address.

The feeds are read in a fixed number of queries whatever the collection's size: the
entries, their families' lineages (`Lineage`, one read for every family concerned), and
the clauses of the entries and of what they are compared with.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from timeline import versions
from timeline.lanes import change_summary, vote_line
from timeline.lineage import Base, Lineage
from timeline.models import (
    Ballot,
    Clause,
    Country,
    DatePrecision,
    Resolution,
    Revision,
)
from timeline.page_cache import reader_page

# Entries in a feed: a feed reader polls it, so the newest changes are what it needs.
ENTRIES = 50


@dataclass(frozen=True)
class Subject:
    """What a feed is about (the collection: None; a family; a country), with the request
    it answers, from which its absolute links are made. (A feed object serves every
    request of its process, on several threads, so it keeps no state of its own.)"""

    request: HttpRequest
    about: Resolution | Country | None = None

    def absolute(self, location: str) -> str:
        return self.request.build_absolute_uri(location)


@dataclass(frozen=True)
class Entry:
    """One revision of a feed, with what its entry says and its absolute links."""

    revision: Revision
    base: Base
    change: str
    link: str
    # The comparison with what the revision is compared with, when both have text (also
    # where fragments were not counted: the comparison page shows them side by side).
    comparison: str | None


def entries(subject: Subject, revisions: QuerySet[Revision]) -> list[Entry]:
    """The newest `ENTRIES` of `revisions` (published ones), newest change first, each with
    its change summary and links, read in a fixed number of queries."""
    newest = list(
        revisions.published()
        .order_by("-updated_at", "-date", "-pk")
        .values_list("pk", "resolution_id")[:ENTRIES]
    )
    lineages = _lineages({family for _, family in newest})
    by_pk = {r.pk: (r, lineage) for lineage in lineages.values() for r in lineage.revisions}
    chosen = [by_pk[pk] for pk, _ in newest if pk in by_pk]
    bases = {r.pk: lineage.base(r) for r, lineage in chosen}
    needed = set(bases) | {b.revision.pk for b in bases.values() if b.revision is not None}
    texts = _main_clauses(needed)

    def clauses(revision: Revision) -> list[Clause]:
        return texts.get(revision.pk, [])

    found = []
    for revision, lineage in chosen:
        base = bases[revision.pk]
        compared = base.revision is not None and bool(clauses(revision))
        comparison = (
            reverse("compare", args=[revision.resolution.slug, base.revision.slug, revision.slug])
            if compared
            else None
        )
        found.append(
            Entry(
                revision,
                base,
                change_summary(revision, base, lineage, clauses),
                subject.absolute(revision.get_absolute_url()),
                subject.absolute(comparison) if comparison else None,
            )
        )
    return found


def _lineages(families: Iterable[int]) -> dict[int, Lineage]:
    """Each family's lineage of published revisions (with their family and vote), in one
    read for all of them; whether a revision has text is whether its main language has a
    clause, as `timeline.lineage.family_lineage` says."""
    rows = (
        Revision.objects.published()
        .filter(resolution_id__in=list(families))
        .select_related("resolution", "vote")
        .annotate(
            has_text=Exists(
                Clause.objects.filter(revision=OuterRef("pk"), language=OuterRef("language"))
            )
        )
        .prefetch_related(
            Prefetch("rivals", Revision.objects.only("pk")),
            Prefetch("vote__ballots", Ballot.objects.select_related("country")),
        )
    )
    grouped: dict[int, list[Revision]] = {}
    for row in rows:
        grouped.setdefault(row.resolution_id, []).append(row)
    return {
        family: Lineage(revisions, has_text=lambda r: r.has_text)
        for family, revisions in grouped.items()
    }


def _main_clauses(revisions: set[int]) -> Mapping[int, list[Clause]]:
    """The main-language clauses of these revisions in order, with their proposers, by
    revision."""
    found: dict[int, list[Clause]] = {}
    for clause in (
        Clause.objects.in_main_language()
        .filter(revision_id__in=list(revisions))
        .order_by("revision_id", "position")
        .prefetch_related("proposers")
    ):
        found.setdefault(clause.revision_id, []).append(clause)
    return found


class _AtomFeed(Atom1Feed):
    """Atom, whose feed-level `updated` is the newest entry's, or for a feed with no
    entries the collection's last change (Django's default, the time of the request,
    would make every request a different feed)."""

    def latest_post_date(self) -> datetime.datetime:
        if self.items:
            return super().latest_post_date()
        return versions.current().changed_at


class RevisionsFeed(Feed):
    """New and changed revisions of the whole collection."""

    feed_type = _AtomFeed
    language = "en"
    author_name = "Redline"

    def get_object(self, request: HttpRequest) -> Subject:
        return Subject(request)

    def title(self, subject: Subject) -> str:
        return "Redline: new and changed revisions"

    def subtitle(self, subject: Subject) -> str:
        return (
            "UN Security Council draft resolutions on Syria, revision by revision: what each "
            "changed, with a link to the comparison."
        )

    def link(self, subject: Subject) -> str:
        return reverse("home")

    def feed_guid(self, subject: Subject) -> str:
        return subject.absolute(subject.request.path)

    def revisions(self, subject: Subject) -> QuerySet[Revision]:
        return Revision.objects.all()

    def items(self, subject: Subject) -> list[Entry]:
        return entries(subject, self.revisions(subject))

    def item_title(self, entry: Entry) -> str:
        return f"{entry.revision.resolution.title}: {entry.revision.label}"

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_guid(self, entry: Entry) -> str:
        return entry.link

    def item_updateddate(self, entry: Entry) -> datetime.datetime:
        return entry.revision.updated_at

    def item_description(self, entry: Entry) -> str:
        """The entry's summary, as HTML (Atom's `summary type="html"`), every text escaped."""
        revision = entry.revision
        paragraphs = [format_html("<p>Change: {}.</p>", entry.change)]
        if entry.comparison:
            paragraphs.append(
                format_html(
                    '<p><a href="{}">Compare {} with {}</a></p>',
                    entry.comparison,
                    entry.base.revision.label,
                    revision.label,
                )
            )
        facts = [revision.get_status_display(), _date(revision), revision.get_text_status_display()]
        if revision.symbol:
            facts.insert(0, revision.symbol)
        vote = vote_line(revision)
        if vote:
            facts.append(vote)
        paragraphs.append(
            format_html("<p>{}</p>", format_html_join("; ", "{}", ((f,) for f in facts)))
        )
        return "".join(paragraphs)


def _date(revision: Revision) -> str:
    date = f"{revision.date.day} {revision.date:%B %Y}"
    if revision.date_precision == DatePrecision.APPROXIMATE:
        return f"dated about {date} ({revision.date_note})"
    return f"dated {date}"


class FamilyFeed(RevisionsFeed):
    """New and changed revisions of one draft family."""

    def get_object(self, request: HttpRequest, family: str) -> Subject:
        return Subject(request, Resolution.objects.get(slug=family))

    def title(self, subject: Subject) -> str:
        return f"Redline: {subject.about.title}"

    def subtitle(self, subject: Subject) -> str:
        return f"New and changed revisions of {subject.about.title}, and what each changed."

    def link(self, subject: Subject) -> str:
        return subject.about.get_absolute_url()

    def revisions(self, subject: Subject) -> QuerySet[Revision]:
        return Revision.objects.filter(resolution=subject.about)


class CountryFeed(RevisionsFeed):
    """New and changed revisions a country sponsored, proposed a clause in or voted on.
    Its code is read as the country page reads it: either case, the lower-case address
    being the feed's own (others redirect to it)."""

    def __call__(self, request: HttpRequest, code: str):
        found = Country.objects.lookup(code)
        if found is None:
            raise Http404(f"No country {code!r} in the collection")
        if code != found.code.lower():
            return HttpResponsePermanentRedirect(reverse("feed-country", args=[found.code.lower()]))
        return super().__call__(request, country=found)

    def get_object(self, request: HttpRequest, country: Country) -> Subject:
        return Subject(request, country)

    def title(self, subject: Subject) -> str:
        return f"Redline: {subject.about.name}"

    def subtitle(self, subject: Subject) -> str:
        return (
            f"New and changed revisions that {subject.about.name} sponsored, proposed a "
            "clause in or voted on, and what each changed."
        )

    def link(self, subject: Subject) -> str:
        return subject.about.get_absolute_url()

    def revisions(self, subject: Subject) -> QuerySet[Revision]:
        return Revision.objects.with_part_of(subject.about, any_language=True)


urlpatterns = [
    path("feeds/revisions.atom", reader_page(RevisionsFeed()), name="feed-revisions"),
    path("feeds/families/<slug:family>.atom", reader_page(FamilyFeed()), name="feed-family"),
    path("feeds/countries/<str:code>.atom", reader_page(CountryFeed()), name="feed-country"),
]
