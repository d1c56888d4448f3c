"""The admin's "Paste the text" page on a revision (issue 5, points 2 and 4).

One form, three steps: paste the text; review the clauses read from it beside the lineage
the engine proposes against the predecessor revision, correcting any link; save. Nothing
from an earlier step is trusted: every POST carries the text, which is parsed again, and
the links chosen are checked against the predecessor's real keys. The writing itself is
`revision_replace_clauses`.
"""

import hashlib
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import Truncator

from timeline.comparisons import clause_inputs
from timeline.diff import Op
from timeline.models import Clause, Revision
from timeline.paste import (
    Lineage,
    PastedClause,
    PasteError,
    lineage_keys,
    lineage_propose,
    paste_parse,
)
from timeline.services import revision_predecessor, revision_replace_clauses

NEW_CLAUSE = ""


@dataclass(frozen=True)
class ReviewRow:
    """One pasted clause as the review shows it: what the engine proposes, what is chosen."""

    index: int
    clause: PastedClause
    parent: PastedClause | None
    proposed: Clause | None
    status: str
    old_ops: list[tuple[Op, str]]
    new_ops: list[tuple[Op, str]]
    chosen: str
    split_from: Clause | None = None


def revision_paste(request: HttpRequest, object_id: str, *, model_admin) -> HttpResponse:
    revision = get_object_or_404(Revision.objects.select_related("resolution"), pk=object_id)
    if not (
        model_admin.has_change_permission(request, revision)
        and request.user.has_perms(["timeline.add_clause", "timeline.delete_clause"])
    ):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Revision._meta,
        "revision": revision,
        "title": "Paste the text",
        "subtitle": str(revision),
        "text": "",
    }
    if request.method != "POST":
        return _render(request, context)

    text = context["text"] = request.POST.get("text", "")
    try:
        clauses = paste_parse(text)
    except PasteError as error:
        return _render(request, {**context, "error": str(error)})

    predecessor = revision_predecessor(revision=revision)
    old = (
        list(
            predecessor.clauses.in_main_language()
            .order_by("position")
            .prefetch_related("proposers")
        )
        if predecessor
        else []
    )
    lineage = lineage_propose(clause_inputs(old), clauses)
    digest = hashlib.sha256(text.encode()).hexdigest()
    existing = revision.clauses.in_main_language().count()
    context |= {
        "clauses": clauses,
        "predecessor": predecessor,
        "options": [(NEW_CLAUSE, "new clause")]
        + [(c.key, f"{c.anchor} — {Truncator(c.text).chars(70)}") for c in old],
        "dropped": [old[i] for i in lineage.dropped],
        "digest": digest,
        "existing": existing,
    }
    proposed_keys = [old[p.old].key if p.old is not None else NEW_CLAUSE for p in lineage.proposals]
    if "save" not in request.POST:
        return _render(request, context | {"rows": _rows(lineage, old, proposed_keys)})

    links, error = _posted_links(request, len(clauses), {c.key for c in old})
    if request.POST.get("reviewed") != digest:
        links, error = proposed_keys, "The text changed since the review: check the proposal."
    elif error is None and existing and not request.POST.get("confirm"):
        error = "Tick the box to confirm that saving replaces this revision's clauses."
    if error is None:
        family_keys = (
            Clause.objects.in_main_language()
            .filter(revision__resolution=revision.resolution)
            .exclude(revision=revision)
            .values_list("key", flat=True)
        )
        try:
            keyed = lineage_keys(clauses, [k or None for k in links], family_keys)
        except PasteError as duplicate:
            error = str(duplicate)
        else:
            message = revision_replace_clauses(revision=revision, clauses=keyed, user=request.user)
            messages.success(request, f"{message}. Check them below, then publish.")
            return redirect("admin:timeline_revision_change", revision.pk)
    rows = _rows(lineage, old, links)
    return _render(request, context | {"rows": rows, "error": error})


def _posted_links(request: HttpRequest, count: int, keys: set[str]) -> tuple[list[str], str | None]:
    """The link chosen for each clause, and an error if any is missing or not a
    predecessor key (then the link falls back to "new clause" for the form)."""
    links = [request.POST.get(f"link-{i}") for i in range(count)]
    if all(link == NEW_CLAUSE or link in keys for link in links):
        return links, None
    cleaned = [link if link in keys else NEW_CLAUSE for link in links]
    return cleaned, "Choose, for every clause, a clause of the previous revision or “new clause”."


def _rows(lineage: Lineage, old: list[Clause], chosen: list[str]) -> list[ReviewRow]:
    clauses = [p.clause for p in lineage.proposals]
    return [
        ReviewRow(
            index=i,
            clause=p.clause,
            parent=clauses[p.clause.parent] if p.clause.parent is not None else None,
            proposed=old[p.old] if p.old is not None else None,
            status=p.status,
            old_ops=[(op, t) for op, t in p.ops if op != Op.INSERT] if p.old is not None else [],
            new_ops=[(op, t) for op, t in p.ops if op != Op.DELETE],
            chosen=chosen[i],
            split_from=old[p.split_from] if p.split_from is not None else None,
        )
        for i, p in enumerate(lineage.proposals)
    ]


def _render(request: HttpRequest, context: dict) -> TemplateResponse:
    return TemplateResponse(request, "admin/timeline/revision/paste.html", context)
