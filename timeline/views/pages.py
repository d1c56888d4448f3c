"""Reader pages. Each view asks the models for what its page shows, in a bounded number of
queries, and leaves presentation to its template."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from timeline.models import (
    Amendment,
    AmendmentSource,
    Clause,
    Event,
    Resolution,
    Revision,
    RevisionSource,
    Vote,
    VoteSource,
)


def home(request):
    """The collection: every draft family with its revisions in date order."""
    return render(
        request,
        "timeline/home.html",
        {
            "families": Resolution.objects.with_revisions(),
            "events": Event.objects.all(),
        },
    )


def resolution(request, family: str):
    """One draft family: its revisions, rival drafts, votes and amendments."""
    family = get_object_or_404(Resolution.objects.with_revisions(), slug=family)
    return render(request, "timeline/resolution.html", {"family": family})


def revision(request, family: str, revision: str):
    """One revision's text clause by clause, with provenance and honesty markers."""
    revision = get_object_or_404(
        Revision.objects.with_details().prefetch_related(
            Prefetch("source_links", RevisionSource.objects.select_related("source")),
            Prefetch("clauses", Clause.objects.order_by("position").with_provenance()),
            Prefetch(
                "amendments",
                Amendment.objects.select_related("proposer").prefetch_related(
                    Prefetch("source_links", AmendmentSource.objects.select_related("source"))
                ),
            ),
            Prefetch("vote__source_links", VoteSource.objects.select_related("source")),
        ),
        resolution__slug=family,
        slug=revision,
    )
    siblings = list(revision.resolution.revisions.order_by("position").only("label", "slug"))
    index = next(i for i, r in enumerate(siblings) if r.pk == revision.pk)
    return render(
        request,
        "timeline/revision.html",
        {
            "revision": revision,
            "family": revision.resolution,
            "clauses": revision.clauses.all(),
            "vote": _vote_or_none(revision),
            "previous": siblings[index - 1] if index > 0 else None,
            "next": siblings[index + 1] if index + 1 < len(siblings) else None,
        },
    )


def _vote_or_none(revision: Revision) -> Vote | None:
    try:
        return revision.vote
    except Vote.DoesNotExist:
        return None
