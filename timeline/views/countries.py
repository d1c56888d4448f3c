"""Country pages: every country of the collection, and what one country proposed,
sponsored, held the pen on and voted, with what became of the clauses it proposed."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render

from timeline import country_tallies, data_links
from timeline.lineage import Presence, presences
from timeline.models import (
    Clause,
    Country,
    Proposer,
    Resolution,
    Revision,
    RevisionStatus,
    TextStatus,
)
from timeline.paging import PageError, paged
from timeline.views.common import bad_request


def countries(request):
    """Every country of the collection, permanent members first, with what each did."""
    rows = country_tallies.counted_countries()
    return render(
        request,
        "timeline/countries.html",
        {
            "permanent": [c for c in rows if c.permanent_member],
            "elected": [c for c in rows if not c.permanent_member and c.council_years],
            "others": [c for c in rows if not c.permanent_member and not c.council_years],
        },
    )


# A country page shows each of its lists a page at a time (`timeline.paging`).
PROPOSALS_PER_PAGE = 5
AMENDMENTS_PER_PAGE = 5
ROWS_PER_PAGE = 20
# The lists whose length a country's tally holds, and its field for each (not the clauses
# proposed: the tally counts credits, and a clause may have two).
_TALLIED = {
    "amendments": "amendment_count",
    "sponsored": "sponsorship_count",
    "pens": "penholder_count",
    "votes": "ballot_count",
}


def country(request, code: str):
    """One country: its proposals and their fate, its sponsorships, pens and votes, each
    list a page at a time (`?proposed=2`, `?amendments=`, `?sponsored=`, `?pens=`,
    `?votes=`)."""
    found = Country.objects.select_related("tally").lookup(code)
    if found is None:
        raise Http404(f"No country {code!r} in the collection")
    if code != found.code.lower():
        return HttpResponsePermanentRedirect(found.get_absolute_url())
    name = found.name
    # How many rows each list has, where the country's tally knows it at this version
    # (counting them grew with the collection).
    known = country_tallies.known_counts(found) or {}
    # Each list: its parameter (and anchor, but #penholder), rows, page size, name.
    lists = [
        ("proposed", found.proposed_clauses(), PROPOSALS_PER_PAGE, f"clauses {name} proposed"),
        ("amendments", found.moved_amendments(), AMENDMENTS_PER_PAGE, f"amendments {name} moved"),
        ("sponsored", found.sponsored_drafts(), ROWS_PER_PAGE, f"drafts {name} sponsored"),
        ("pens", found.held_pens(), ROWS_PER_PAGE, f"families where {name} held the pen"),
        (
            "votes",
            found.cast_ballots().select_related("country"),
            ROWS_PER_PAGE,
            f"votes {name} cast",
        ),
    ]
    anchors = {"pens": "penholder"}
    try:
        proposed, amendments, sponsored, pens, votes = (
            paged(
                items,
                size,
                request.GET,
                param,
                what=what,
                anchor=anchors.get(param, param),
                count=known.get(_TALLIED.get(param)),
            )
            for param, items, size, what in lists
        )
    except PageError as error:
        return bad_request(request, str(error))
    return render(
        request,
        "timeline/country.html",
        {
            "country": found,
            "proposals": _proposals(found, proposed.items),
            "proposed": proposed,
            "proposed_count": proposed.count + amendments.count,
            "amendments": amendments,
            "sponsored": sponsored,
            "pens": pens,
            "votes": votes,
            "data_links": data_links.for_country(found),
        },
    )


@dataclass(frozen=True)
class Fate:
    """What became of a proposed clause, as far as the surviving texts show: `kind` is
    adopted, kept, dropped or unknown; `summary` says it in words."""

    kind: str
    summary: str


@dataclass(frozen=True)
class ProposedClause:
    clause: Clause
    credits: list[Proposer]
    fate: Fate


@dataclass(frozen=True)
class FamilyProposals:
    family: Resolution
    clauses: list[ProposedClause]


def _proposals(country: Country, clauses: list[Clause]) -> list[FamilyProposals]:
    """The clauses (one page of those credited to the country, in the collection's
    order) grouped by family, each with its credits (source and quote) and its fate."""
    by_clause: dict[int, list[Proposer]] = defaultdict(list)
    for credit in (
        Proposer.objects.filter(country=country, clause__in=clauses)
        .select_related("source")
        .order_by("position", "pk")
    ):
        by_clause[credit.clause_id].append(credit)
    fates = _fates(clauses)
    by_family: dict[Resolution, list[ProposedClause]] = defaultdict(list)
    for clause in clauses:
        by_family[clause.revision.resolution].append(
            ProposedClause(clause, by_clause[clause.pk], fates[clause.pk])
        )
    return [FamilyProposals(family, items) for family, items in by_family.items()]


def _fates(clauses: list[Clause]) -> dict[int, Fate]:
    """The fate of each clause, from what its family's revisions tell of it
    (`timeline.lineage.presences`, as the clause page says it): two queries for all the
    clauses together."""
    families = {c.revision.resolution_id for c in clauses}
    revisions: dict[int, list[Revision]] = defaultdict(list)
    for revision in (
        Revision.objects.published()
        .filter(resolution__in=families)
        .only("resolution_id", "position", "label", "status", "text_status", "date")
        .in_date_order()
        .prefetch_related(
            Prefetch(
                "clauses",
                Clause.objects.in_main_language().only("revision", "key", "position"),
                to_attr="clause_keys",
            )
        )
    ):
        revisions[revision.resolution_id].append(revision)
    return {c.pk: _fate(c, revisions[c.revision.resolution_id]) for c in clauses}


def _fate(clause: Clause, revisions: list[Revision]) -> Fate:
    """Only a text that shows it can say that a clause was dropped: fragments and cut
    copies leave its fate unknown, and the page says so rather than guess."""
    states = list(
        zip(revisions, presences(revisions, clause.key, lambda r: r.clause_keys), strict=True)
    )
    seen = [r for r, s in states if s == Presence.PRESENT]
    adopted = [r for r in seen if r.status == RevisionStatus.ADOPTED]
    if adopted:
        return Fate("adopted", f"kept in {adopted[-1].label} (adopted)")
    last_seen = seen[-1] if seen else clause.revision
    after = states[[r.pk for r, _ in states].index(last_seen.pk) + 1 :] if seen else []
    later = [(r, s) for r, s in after if r.text_status != TextStatus.NONE]
    if not later:
        where = "still in" if last_seen.pk != clause.revision_id else "in"
        return Fate(
            "kept",
            f"{where} {last_seen.label}, the family's last known text "
            f"({last_seen.get_status_display()})",
        )
    lost = next(((r, s) for r, s in later if s != Presence.UNKNOWN), None)
    if lost and lost[1] == Presence.DROPPED:
        return Fate("dropped", f"dropped in {lost[0].label} (last seen in {last_seen.label})")
    if lost and lost[1] == Presence.NOT_IN_AVAILABLE_PART:
        return Fate(
            "unknown",
            f"last seen in {last_seen.label}; not in the available part of {lost[0].label}",
        )
    gaps = (
        "fragments"
        if all(r.text_status == TextStatus.FRAGMENTS for r, _ in later)
        else "incomplete"
    )
    return Fate("unknown", f"last seen in {last_seen.label}; fate unknown: later texts are {gaps}")
