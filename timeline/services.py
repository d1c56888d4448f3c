"""Writes that more than one caller needs: the admin, the importer and the tests.

Each is a keyword-only function named `<entity>_<action>`; reads go through querysets.
"""

import datetime
from collections.abc import Sequence

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import models, transaction
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from timeline.lineage import family_lineage
from timeline.models import Clause, Proposer, Revision, RevisionStatus, Sponsorship, TextKind
from timeline.naming import clause_anchors, revision_slug
from timeline.paste import PastedClause


def revision_anchors(
    *, revision: Revision, clauses: Sequence[tuple[str, int, str, str | None]]
) -> list[str]:
    """The anchors of a revision's clauses, each given as (language, position, section,
    number), in the order given: each language's text is named on its own, by the text
    status of that language's version (see `naming.clause_anchors`)."""
    statuses = dict(revision.other_languages.values_list("language", "text_status"))
    statuses[revision.language] = revision.text_status
    anchors: dict[int, str] = {}
    for language in dict.fromkeys(c[0] for c in clauses):
        text = sorted(
            (i for i, c in enumerate(clauses) if c[0] == language), key=lambda i: clauses[i][1]
        )
        names = clause_anchors(
            [(clauses[i][2], clauses[i][3]) for i in text],
            statuses.get(language, revision.text_status),
        )
        anchors.update(zip(text, names, strict=True))
    return [anchors[i] for i in range(len(clauses))]


@transaction.atomic
def revision_refresh_anchors(*, revision: Revision) -> int:
    """Give the revision's clauses the anchors their order and numbers call for.

    Anchors are unique per revision and language (the same paragraph has the same anchor
    in every language version), so the clauses whose anchor changes are first parked on
    names no anchor can take; returns how many anchors changed.
    """
    clauses = list(revision.clauses.order_by("language", "position"))
    anchors = revision_anchors(
        revision=revision, clauses=[(c.language, c.position, c.section, c.number) for c in clauses]
    )
    changed = [(c, a) for c, a in zip(clauses, anchors, strict=True) if c.anchor != a]
    if not changed:
        return 0
    Clause.objects.filter(pk__in=[c.pk for c, _ in changed]).update(
        anchor=Concat(models.Value("parked-"), Cast("pk", models.CharField()))
    )
    for clause, anchor in changed:
        clause.anchor = anchor
    Clause.objects.bulk_update([c for c, _ in changed], ["anchor"], batch_size=500)
    return len(changed)


@transaction.atomic
def revision_new_from(*, revision: Revision) -> Revision:
    """The family's next revision, started as a copy of `revision`, unpublished.

    It comes after the family's last revision, with the same date, text status and
    sponsors, and the same clauses under the same keys (so lineage holds) with their
    proposers, whose credits follow the paragraph. Sources, notes, the vote and amendments
    are not copied: they describe the old revision, and the new one must be sourced anew.
    """
    family = revision.resolution
    taken = list(family.revisions.values_list("label", "slug", "position"))
    labels = {label for label, _, _ in taken}
    label, n = f"{revision.label} (next)", 1
    while label in labels:
        n += 1
        label = f"{revision.label} (next {n})"
    new = Revision.objects.create(
        resolution=family,
        position=max(position for _, _, position in taken) + 1,
        label=label,
        slug=revision_slug(label, (slug for _, slug, _ in taken)),
        date=revision.date,
        date_precision=revision.date_precision,
        date_note=revision.date_note,
        status=RevisionStatus.CIRCULATED,
        text_status=revision.text_status,
        language=revision.language,
        published=False,
    )
    Sponsorship.objects.bulk_create(
        Sponsorship(revision=new, country_id=s.country_id, position=s.position)
        for s in revision.sponsorships.all()
    )
    # The main text only: a new revision is drafted in one language, and its versions in
    # others are added when they exist.
    for clause in (
        revision.clauses.in_main_language().order_by("position").prefetch_related("proposers")
    ):
        proposers = list(clause.proposers.all())
        clause.pk = None
        clause._state.adding = True
        clause.revision = new
        clause.save()
        Proposer.objects.bulk_create(
            Proposer(
                clause=clause,
                country_id=p.country_id,
                source_id=p.source_id,
                quote=p.quote,
                position=p.position,
            )
            for p in proposers
        )
    return new


def revision_predecessor(*, revision: Revision) -> Revision | None:
    """The revision a pasted text's lineage is proposed against and the admin's preview
    compares with: the revision's comparison base (`timeline.lineage`)."""
    lineage = family_lineage(Revision.objects.filter(resolution_id=revision.resolution_id))
    base = lineage.base(lineage.by_pk[revision.pk]).revision
    return None if base is None else Revision.objects.get(pk=base.pk)


@transaction.atomic
def revision_replace_clauses(*, revision: Revision, clauses: Sequence[PastedClause], user) -> str:
    """Replace the revision's clauses with pasted ones, keyed as the editor confirmed
    (`PastedClause.key`), and record the change in the admin history for `user`.

    The clauses are verbatim and complete, in the order given; the old clauses go with
    their proposers and sources. Returns the history message, e.g. "Pasted 12 clauses
    (9 continued, 3 new, 1 dropped)".
    """
    keys = [c.key for c in clauses]
    if not clauses or not all(keys) or len(set(keys)) != len(keys):
        raise ValueError("Pasted clauses need distinct, non-empty keys.")
    predecessor = revision_predecessor(revision=revision)
    old_keys = (
        set(predecessor.clauses.in_main_language().values_list("key", flat=True))
        if predecessor
        else set()
    )
    # The paste is the main text: versions in other languages stay as they are.
    revision.clauses.in_main_language().delete()
    Clause.objects.bulk_create(
        Clause(
            revision=revision,
            key=clause.key,
            section=clause.section,
            number=clause.number,
            position=position,
            anchor=f"new-{position}",
            language=revision.language,
            text=clause.text,
            text_kind=TextKind.VERBATIM,
            complete=True,
            bracketed=clause.bracketed,
        )
        for position, clause in enumerate(clauses, start=1)
    )
    revision_refresh_anchors(revision=revision)
    # A stale change form of this revision must now be refused (see RevisionAdmin).
    Revision.objects.filter(pk=revision.pk).update(
        version=models.F("version") + 1, updated_at=timezone.now()
    )
    continued = len(set(keys) & old_keys)
    message = (
        f"Pasted {len(clauses)} clauses ({continued} continued, {len(clauses) - continued} "
        f"new, {len(old_keys - set(keys))} dropped)"
    )
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[revision],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )
    return message


# A revision dated this long after its family's latest is more likely a typo than news.
DATE_WARNING_AFTER = datetime.timedelta(days=183)


def revision_date_warning(*, revision: Revision) -> str | None:
    """A warning (not a refusal: negotiations do restart) when the revision's date lies
    before its family's first revision or long after its last."""
    others = revision.resolution.revisions.exclude(pk=revision.pk).aggregate(
        first=models.Min("date"), last=models.Max("date")
    )
    if others["first"] is None:
        return None
    if revision.date < others["first"]:
        return (
            f"{revision.label} is dated {revision.date:%-d %B %Y}, before the family's first "
            f"revision ({others['first']:%-d %B %Y}). Saved; check the date."
        )
    if revision.date > others["last"] + DATE_WARNING_AFTER:
        return (
            f"{revision.label} is dated {revision.date:%-d %B %Y}, more than six months after "
            f"the family's latest revision ({others['last']:%-d %B %Y}). Saved; check the date."
        )
    return None
