"""Revisions in the database, as the comparison engine reads them."""

from timeline.diff import ClauseInput, Comparison, compare_clauses, parse_text
from timeline.models import Clause, Revision


def clause_inputs(clauses: list[Clause]) -> list[ClauseInput]:
    """A revision's clauses in order, with their stable keys and proposers' country codes
    (the clauses' proposers should be prefetched)."""
    return [
        ClauseInput(
            section=c.section,
            number=c.number,
            text=c.text,
            key=c.key,
            proposers=tuple(dict.fromkeys(p.country_id for p in c.proposers.all())),
        )
        for c in clauses
    ]


def text_inputs(text: str) -> list[ClauseInput]:
    """A text in UN layout, parsed into the engine's clauses (without keys)."""
    return [
        ClauseInput(section=b.section, number=b.number, text=b.text, kind=b.kind, parent=b.parent)
        for b in parse_text(text)
    ]


def revision_inputs(revision: Revision) -> list[ClauseInput]:
    return clause_inputs(list(revision.clauses.order_by("position").prefetch_related("proposers")))


def revision_compare(*, old: Revision, new: Revision) -> Comparison:
    """Compare two stored revisions; confirmed keys align their clauses."""
    return compare_clauses(revision_inputs(old), revision_inputs(new))
