"""Writes that more than one caller needs: the admin, the importer and the tests.

Each is a keyword-only function named `<entity>_<action>`; reads go through querysets.
"""

from django.db import models, transaction
from django.db.models.functions import Cast, Concat

from timeline.models import Clause, Revision
from timeline.naming import clause_anchors


@transaction.atomic
def revision_refresh_anchors(*, revision: Revision) -> int:
    """Give the revision's clauses the anchors their order and numbers call for.

    Anchors are unique per revision, so the clauses whose anchor changes are first parked
    on names no anchor can take; returns how many anchors changed.
    """
    clauses = list(revision.clauses.order_by("position"))
    anchors = clause_anchors([(c.section, c.number) for c in clauses], revision.text_status)
    changed = [(c, a) for c, a in zip(clauses, anchors, strict=True) if c.anchor != a]
    if not changed:
        return 0
    Clause.objects.filter(pk__in=[c.pk for c, _ in changed]).update(
        anchor=Concat(models.Value("parked-"), Cast("pk", models.CharField()))
    )
    for clause, anchor in changed:
        clause.anchor = anchor
        clause.save(update_fields=["anchor"])
    return len(changed)
