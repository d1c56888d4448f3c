"""Clause permalinks: one clause followed through every revision of its family.

A clause's key is unique only within its family, so the canonical permalink names both
(`/c/<family>/<key>/`); `/c/<key>/` finds the family when only one has that key.
"""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString, mark_safe

from timeline import data_links
from timeline.diff import ClauseInput, compare_clauses, render_html
from timeline.lineage import Presence, presences
from timeline.models import Clause, Resolution, Revision, TextStatus
from timeline.paging import PageError, paged
from timeline.views.common import bad_request


@dataclass(frozen=True)
class Step:
    """One revision of the family, and the clause in it (or why it is not shown)."""

    revision: Revision
    presence: Presence
    clause: Clause | None = None
    previous: Clause | None = None
    # The word diff from `previous`; None when the two cannot be compared word by word.
    change: SafeString | None = None
    unchanged: bool = False


@dataclass(frozen=True)
class History:
    steps: list[Step]

    @property
    def present(self) -> list[Step]:
        return [s for s in self.steps if s.presence == Presence.PRESENT]

    @property
    def latest(self) -> Step:
        return self.present[-1]

    @property
    def headline(self) -> Clause:
        """The text that names the clause: its latest version in the draft's own words,
        rather than a later quotation of a few of them, where there is one."""
        own_words = [s.clause for s in self.present if _comparable(s.clause)]
        return (own_words or [self.latest.clause])[-1]

    @property
    def fate(self) -> Step | None:
        """The first revision after the latest version that lost the clause, if any."""
        after = self.steps[self.steps.index(self.latest) + 1 :]
        lost = (Presence.DROPPED, Presence.NOT_IN_AVAILABLE_PART)
        return next((s for s in after if s.presence in lost), None)


def clause(request: HttpRequest, family: str, key: str) -> HttpResponse:
    """One clause through every revision of its family in date order: its latest text on
    top, then each revision's version with the change from the one before, or what that
    revision's text can tell about its absence."""
    family = get_object_or_404(Resolution, slug=family)
    history = clause_history(family.revisions.published().in_date_order().with_clause(key), key)
    if not history.present:
        raise Http404("No clause of this family has that key.")
    return render(
        request,
        "timeline/clause.html",
        {
            "family": family,
            "key": key,
            "history": history,
            "latest": history.latest,
            "data_links": data_links.for_clause(family.slug, key),
        },
    )


# Families offered a page at a time when a key is used in several.
FAMILIES_PER_PAGE = 5


def clause_key(request: HttpRequest, key: str) -> HttpResponse:
    """A clause by its key alone: the permalink when one family has the key, otherwise a
    choice, because the same key in two families names two different paragraphs."""
    having = Clause.objects.in_main_language().filter(key=key, revision__published=True)
    families = Resolution.objects.filter(pk__in=having.values("revision__resolution")).order_by(
        "position", "slug"
    )
    try:
        chosen = paged(families, FAMILIES_PER_PAGE, request.GET, "page", what="families")
    except PageError as error:
        return bad_request(request, str(error))
    if not chosen.count:
        raise Http404("No clause has that key.")
    if chosen.count == 1:
        return redirect("clause", family=chosen.items[0].slug, key=key)
    latest = latest_by_family(
        having.filter(revision__resolution__in=chosen.items)
        .select_related("revision__resolution")
        .in_date_order()
    )
    return render(
        request, "timeline/clause_key.html", {"key": key, "clauses": latest, "families": chosen}
    )


def clause_history(revisions, key: str) -> History:
    """Walk the revisions (from `RevisionQuerySet.with_clause`) in order, keeping the last
    version seen so each step shows the change since then; what each revision tells of
    the clause where it lacks it comes from `timeline.lineage.presences`."""
    revisions = list(revisions)
    states = presences(
        revisions,
        key,
        places=lambda r: r.clause_keys,
        present=lambda r: bool(r.keyed_clauses),
    )
    steps: list[Step] = []
    last: Clause | None = None
    for revision, presence in zip(revisions, states, strict=True):
        if presence == Presence.PRESENT:
            clause = revision.keyed_clauses[0]
            steps.append(_present(revision, clause, last))
            last = clause
        else:
            steps.append(Step(revision=revision, presence=presence, previous=last))
    return History(steps)


def latest_by_family(clauses) -> list[Clause]:
    """The last version of the clause in each family, families in their own order."""
    latest: dict[int, Clause] = {}
    for clause in clauses:
        latest[clause.revision.resolution_id] = clause
    return sorted(latest.values(), key=lambda c: c.revision.resolution.position)


def _present(revision: Revision, clause: Clause, previous: Clause | None) -> Step:
    if (
        previous is None
        or previous.language != clause.language
        or not _comparable(previous)
        or not _comparable(clause)
    ):
        return Step(revision=revision, presence=Presence.PRESENT, clause=clause, previous=previous)
    comparison = compare_clauses([_engine_input(previous)], [_engine_input(clause)])
    return Step(
        revision=revision,
        presence=Presence.PRESENT,
        clause=clause,
        previous=previous,
        # render_html escapes every text it writes.
        change=mark_safe(render_html(comparison)),
        unchanged=not any(change.text_changed for change in comparison.alignment),
    )


def _comparable(clause: Clause) -> bool:
    """Whether the words can be set against another version's: a paraphrase is a source's
    words, and a quotation from a draft known only in fragments may be any part of the
    paragraph, so a word diff would show the quoting, not the drafting."""
    quoted_in_part = not clause.complete and clause.revision.text_status == TextStatus.FRAGMENTS
    return not clause.is_paraphrase and not quoted_in_part


def _engine_input(clause: Clause) -> ClauseInput:
    # No number: the page shows each revision's number itself, and an engine label such as
    # "pp8 (was pp9)" would only repeat it.
    return ClauseInput(
        section=clause.section,
        number=None,
        text=clause.text,
        key=clause.key,
        proposers=tuple(dict.fromkeys(p.country_id for p in clause.proposers.all())),
    )
