"""Revisions in the database, as the comparison engine reads them.

Comparisons are cached by the content of the two revisions (their clauses' sections,
numbers, texts, keys and proposers), so a repeated view does not recompute, and an edit
to either revision is a new content and so a new comparison.
"""

import hashlib
import json
from dataclasses import replace

from django.core.cache import cache

from timeline.diff import ClauseInput, Comparison, compare_clauses, parse_text
from timeline.models import Clause, Revision

# Bump when the engine's results change, or the classes they are pickled as (2: Block
# and Change became named tuples; 3: each Chinese character a word, and a PDF's glyphs
# read as the letters they draw), so cached comparisons of old code are not served.
ENGINE_VERSION = 3
CACHE_SECONDS = 60 * 60 * 24 * 7


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


def across_families(inputs: list[ClauseInput]) -> list[ClauseInput]:
    """A revision's clauses for a comparison with another family's revision: without their
    keys, which are scoped to a family (the same key in two families names two different
    paragraphs), so the engine pairs paragraphs by their text alone."""
    return [replace(c, key=None) for c in inputs]


def text_inputs(text: str) -> list[ClauseInput]:
    """A text in UN layout, parsed into the engine's clauses (without keys)."""
    return [
        ClauseInput(section=b.section, number=b.number, text=b.text, kind=b.kind, parent=b.parent)
        for b in parse_text(text)
    ]


def revision_inputs(revision: Revision) -> list[ClauseInput]:
    return clause_inputs(
        list(revision.clauses.in_main_language().order_by("position").prefetch_related("proposers"))
    )


def content_key(old: list[ClauseInput], new: list[ClauseInput]) -> str:
    """A cache key naming the comparison of exactly these two contents."""
    digest = hashlib.sha256(
        json.dumps(
            [ENGINE_VERSION, [list(_fields(c)) for c in old], [list(_fields(c)) for c in new]],
            ensure_ascii=False,
        ).encode()
    ).hexdigest()
    return f"comparison:{digest}"


def _fields(clause: ClauseInput) -> tuple:
    return (
        clause.section,
        clause.number,
        clause.text,
        clause.key,
        list(clause.proposers),
        clause.kind,
        clause.parent,
    )


def cached_compare(old: list[ClauseInput], new: list[ClauseInput]) -> Comparison:
    """compare_clauses, served from the cache when these contents were compared before."""
    key = content_key(old, new)
    comparison = cache.get(key)
    if comparison is None:
        comparison = compare_clauses(old, new)
        cache.set(key, comparison, CACHE_SECONDS)
    return comparison


def revision_compare(*, old: Revision, new: Revision) -> Comparison:
    """Compare two stored revisions; confirmed keys align their clauses."""
    return cached_compare(revision_inputs(old), revision_inputs(new))
