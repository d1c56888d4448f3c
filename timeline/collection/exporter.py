"""Export of the database as an `unsc-drafts/1` collection.

The export gives back, key for key and in the same order, the file that was imported;
`collection_dumps` writes it in the collection's own layout (two-space indent, UTF-8).
The whole collection is read in a fixed number of queries, whatever its size.

The format's objects are written by one function each (`revision_data`, `clause_data`,
`vote_data`, `source_data`, `country_data`), which the JSON API (`timeline.exports.api`)
calls too, so a revision has one shape wherever it leaves Redline. Each reads what
`with_export_details` (revisions) and `with_clause_details` (clauses) prefetch.
"""

import json
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet

from timeline.collection.validate import FORMAT, dump_collection
from timeline.models import (
    Ballot,
    Cast,
    Clause,
    Collection,
    Country,
    Event,
    Proposer,
    Resolution,
    Revision,
    Source,
    Vote,
)


def _date(value) -> str | None:
    return None if value is None else value.isoformat()


def _sources(links) -> list[str]:
    return [link.source.slug for link in links.all()]


def with_export_details(revisions: QuerySet[Revision]) -> QuerySet[Revision]:
    """Revisions with everything `revision_data` writes except their clauses (which
    `with_clause_details` reads), in a fixed number of queries."""
    return revisions.select_related("follows").prefetch_related(
        "sponsorships",
        "other_languages",
        Prefetch("rivals", Revision.objects.only("pk", "label", "position")),
        _source_slugs(),
        "vote__ballots",
        "vote__source_links__source",
        "amendments__source_links__source",
    )


def with_clause_details(clauses: QuerySet[Clause]) -> QuerySet[Clause]:
    """Clauses with everything `clause_data` writes, in a fixed number of queries."""
    return clauses.prefetch_related(
        _source_slugs(), Prefetch("proposers", Proposer.objects.select_related("source"))
    )


def _source_slugs() -> Prefetch:
    return Prefetch("source_links__source", queryset=Source.objects.only("slug"))


def collection_export() -> dict[str, Any]:
    """The collection in the database as `unsc-drafts/1` data, through the format's schema
    (`dump_collection`): keys in its order, and refused if it would not import again."""
    header = Collection.objects.first()
    families = Resolution.objects.prefetch_related(
        "penholder_set",
        Prefetch(
            "revisions",
            with_export_details(Revision.objects.order_by("position")).prefetch_related(
                Prefetch("clauses", with_clause_details(Clause.objects.order_by("position")))
            ),
        ),
    )
    return dump_collection(
        {
            "format": FORMAT,
            "title": header.title if header else "",
            "description": header.description if header else "",
            "compiled": _date(header.compiled) if header else None,
            "countries": [country_data(c) for c in Country.objects.all()],
            "sources": [source_data(s) for s in Source.objects.all()],
            "events": [
                {
                    "date": _date(e.date),
                    "date_precision": e.date_precision,
                    "title": e.title,
                    "description": e.description,
                    "sources": _sources(e.source_links),
                }
                for e in Event.objects.order_by("position", "date").prefetch_related(
                    "source_links__source"
                )
            ],
            "resolutions": [_resolution(r) for r in families],
        }
    )


def country_data(c: Country) -> dict[str, Any]:
    """A country as the format writes it."""
    return {
        "code": c.code,
        "name": c.name,
        "un_name": c.un_name,
        "permanent_member": c.permanent_member,
    }


def source_data(s: Source) -> dict[str, Any]:
    """A source as the format writes it."""
    return {
        "id": s.slug,
        "title": s.title,
        "publisher": s.publisher,
        "url": s.url,
        "date": _date(s.date),
        "kind": s.kind,
        "note": s.note or None,
    }


def _resolution(r: Resolution) -> dict[str, Any]:
    return {
        "slug": r.slug,
        "title": r.title,
        "summary": r.summary,
        "penholders": [p.country_id for p in r.penholder_set.all()],
        "revisions": [revision_data(v) for v in r.revisions.all()],
    }


def revision_data(v: Revision, clauses: Iterable[Clause] | None = None) -> dict[str, Any]:
    """A revision as the format writes it (read through `with_export_details`), with
    `clauses` (through `with_clause_details`), or else every clause it has prefetched,
    its main language's first."""
    vote = getattr(v, "vote", None)
    if clauses is None:
        clauses = sorted(v.clauses.all(), key=_in_language_order(v))
    return {
        **revision_facts(v),
        "follows": v.follows.label if v.follows else None,
        "rivals": [r.label for r in sorted(v.rivals.all(), key=lambda r: r.position)],
        "sources": _sources(v.source_links),
        "note": v.note or None,
        "clauses": [clause_data(c) for c in clauses],
        "vote": None if vote is None else vote_data(vote),
        "amendments": [
            {
                "proposer": a.proposer_id,
                "date": _date(a.date),
                "target": a.target,
                "text": a.text,
                "outcome": a.outcome,
                "sources": _sources(a.source_links),
            }
            for a in v.amendments.all()
        ],
    }


def revision_facts(v: Revision) -> dict[str, Any]:
    """A revision's own facts as the format writes them: label, date and how it is known,
    symbol, status, sponsors, text status and languages (no lineage, text or vote)."""
    return {
        "label": v.label,
        "date": _date(v.date),
        "date_precision": v.date_precision,
        "date_note": v.date_note or None,
        "symbol": v.symbol,
        "status": v.status,
        "sponsors": [s.country_id for s in v.sponsorships.all()],
        "text_status": v.text_status,
        "language": v.language,
        "other_languages": [
            {"language": o.language, "text_status": o.text_status} for o in v.other_languages.all()
        ],
    }


def _in_language_order(v: Revision):
    """Clauses of the main language first, then each other language in its order."""
    order = [v.language, *(o.language for o in v.other_languages.all())]
    return lambda c: (order.index(c.language) if c.language in order else len(order), c.position)


def clause_data(c: Clause) -> dict[str, Any]:
    """A clause as the format writes it."""
    return {
        "key": c.key,
        "section": c.section,
        "number": c.number,
        "position": c.position,
        "language": c.language,
        "text": c.text,
        "text_kind": c.text_kind,
        "complete": c.complete,
        "bracketed": c.bracketed,
        "proposers": [
            {"country": p.country_id, "source": p.source.slug, "quote": p.quote}
            for p in c.proposers.all()
        ],
        "sources": _sources(c.source_links),
        "note": c.note or None,
    }


def vote_data(vote: Vote) -> dict[str, Any]:
    """A vote as the format writes it: each member's ballot under its cast, in order."""
    ballots: list[Ballot] = list(vote.ballots.all())
    by_cast = {
        cast: [b.country_id for b in sorted(ballots, key=lambda b: b.position) if b.cast == cast]
        for cast in Cast.values
    }
    return {
        "date": _date(vote.date),
        "meeting": vote.meeting,
        "in_favour": by_cast[Cast.IN_FAVOUR],
        "against": by_cast[Cast.AGAINST],
        "abstaining": by_cast[Cast.ABSTAINING],
        "adopted": vote.adopted,
        "resolution_number": vote.resolution_number,
        "sources": _sources(vote.source_links),
    }


def collection_dumps(data: dict[str, Any]) -> str:
    """The collection's own file layout: two-space indent, UTF-8 characters, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
