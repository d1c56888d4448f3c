"""Reader pages. Each view asks the models for what its page shows, in a bounded number of
queries, and leaves presentation to its template."""

from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from timeline import data_links, timeline_picture
from timeline.lanes import (
    ROLES,
    FilterError,
    TimelineFilter,
    build_timeline,
    pages,
    passed_over,
    periods,
)
from timeline.languages import LanguageError, chosen_language, text_versions
from timeline.lineage import Lineage, family_lineage
from timeline.models import (
    Amendment,
    AmendmentSource,
    Country,
    Penholder,
    Resolution,
    Revision,
    RevisionSource,
    Source,
    Vote,
    VoteSource,
)
from timeline.timeline_window import PageOutOfRange, timeline_window
from timeline.views.common import bad_request, page


def home(request):
    """The timeline: a lane per draft family, months down the page, filterable by country
    (and its role), family and period, one page of families at a time
    (`timeline.timeline_window`); htmx swaps in just the timeline when a filter changes."""
    countries = list(Country.objects.all())
    try:
        chosen = TimelineFilter.from_query(
            request.GET, countries, lambda slug: Resolution.objects.filter(slug=slug).first()
        )
        window = timeline_window(chosen)
    except (FilterError, PageOutOfRange) as error:
        return bad_request(request, str(error))
    timeline = build_timeline(window.families, window.events, chosen)
    context = {
        "timeline": timeline,
        "window": window,
        "pictures": [
            picture
            for layout in (timeline_picture.WIDE, timeline_picture.NARROW)
            if (picture := timeline_picture.draw(timeline, chosen, layout))
        ],
        "legend": timeline_picture.LEGEND,
        "periods": periods(chosen, window.years),
        "pages": pages(chosen, window.pages),
        "chosen": chosen,
        "countries": countries,
        "families": window.families,
        "roles": ROLES,
        "source_kinds": Source.objects.kind_counts(),
        "data_links": data_links.for_collection(),
    }
    return page(request, "timeline/home.html", context, fragment="timeline")


def resolution(request, family: str):
    """One draft family: its revisions and rival drafts, votes and amendments."""
    family = get_object_or_404(
        Resolution.objects.prefetch_related(
            Prefetch("penholder_set", Penholder.objects.select_related("country"))
        ),
        slug=family,
    )
    revisions = (
        family.revisions.published()
        .order_by("position")
        .with_details()
        .annotate(clause_count=Count("clauses", filter=Q(clauses__language=F("language"))))
        .prefetch_related(Prefetch("rivals", Revision.objects.only("pk")))
    )
    lineage = Lineage(revisions, has_text=lambda r: r.clause_count > 0)
    rows = [(r, lineage.predecessor(r), lineage.rivals(r)) for r in lineage.revisions]
    amendments = Amendment.objects.filter(
        revision__resolution=family, revision__published=True
    ).select_related("proposer", "revision__resolution")
    return render(
        request,
        "timeline/resolution.html",
        {
            "family": family,
            "revisions": revisions,
            "rows": rows,
            "amendments": amendments,
            "data_links": data_links.for_family(family),
        },
    )


def revision(request, family: str, revision: str):
    """One revision's text clause by clause, with provenance and honesty markers, in its
    main language or the one the reader picked (`?lang=`)."""
    revision = get_object_or_404(
        Revision.objects.visible_to(request.user)
        .with_details()
        .prefetch_related(
            "other_languages",
            Prefetch("source_links", RevisionSource.objects.select_related("source")),
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
    lineage = family_lineage(revision.resolution.revisions.visible_to(request.user))
    siblings = lineage.revisions
    index = next(i for i, r in enumerate(siblings) if r.pk == revision.pk)
    base = lineage.base(siblings[index])
    try:
        language = chosen_language(request.GET, [revision])
    except LanguageError as error:
        return bad_request(request, str(error))
    versions = text_versions(revision)
    return render(
        request,
        "timeline/revision.html",
        {
            "revision": revision,
            "family": revision.resolution,
            "clauses": revision.clauses.filter(language=language)
            .order_by("position")
            .with_provenance(),
            "versions": versions,
            "version": next(v for v in versions if v.language == language),
            "vote": _vote_or_none(revision),
            "previous": siblings[index - 1] if index > 0 else None,
            "follows": lineage.predecessor(siblings[index]),
            "rivals": lineage.rivals(siblings[index]),
            "base": base.revision,
            "passed_over": [passed_over(r, lineage) for r in base.passed_over[:1]],
            "next": siblings[index + 1] if index + 1 < len(siblings) else None,
            "data_links": data_links.for_revision(revision, language) if revision.published else [],
        },
    )


def _vote_or_none(revision: Revision) -> Vote | None:
    try:
        return revision.vote
    except Vote.DoesNotExist:
        return None
