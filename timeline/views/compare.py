"""The compare page: any two revisions of a family, clause by clause (DESIGN §4, §5).

The engine (`timeline.diff`) says what happened to each block; this module joins its
answer back to the stored clauses, so the page can show each clause's place, honesty
markers, script direction and proposers' names beside the word-level changes.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from timeline import data_links
from timeline.comparisons import across_families, cached_compare, clause_inputs
from timeline.diff import Change, Op, Status
from timeline.languages import (
    PARAMETER,
    LanguageError,
    chosen_language,
    common_languages,
    default_language,
    language_name,
    text_versions,
)
from timeline.lineage import Lineage, relation
from timeline.models import Clause, Proposer, Resolution, Revision, TextStatus
from timeline.summaries import (
    MERGED,
    NOT_IN_NEW,
    NOT_IN_OLD,
    SPLIT,
    TYPOGRAPHY,
    Side,
    kind_of,
    number_value,
    summarise,
)
from timeline.views.common import bad_request, page

TEMPLATE = "timeline/compare.html"

# Each option's allowed values; the first is the default and is left out of the URL.
OPTIONS = {
    "view": ("inline", "side"),
    "show": ("changes", "all"),
}


def compare(request: HttpRequest, family: str, old: str, new: str) -> HttpResponse:
    """Two revisions of a family compared, inline or side by side, changes only or the
    full text, in one language both have (`?lang=`, by default the old revision's main
    language)."""
    return _compare(request, family, old, family, new)


def compare_across(
    request: HttpRequest, old_family: str, old: str, new_family: str, new: str
) -> HttpResponse:
    """Two revisions of two families compared (resolution 2042 with 2043, say): the same
    page, without the family's revision picker."""
    if old_family == new_family:
        url = compare_url(old_family, old, new)
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)
    return _compare(request, old_family, old, new_family, new)


def _compare(
    request: HttpRequest, old_family: str, old: str, new_family: str, new: str
) -> HttpResponse:
    options = _options(request.GET)
    if isinstance(options, str):
        return bad_request(request, options)
    family = get_object_or_404(Resolution, slug=old_family)
    revisions = list(
        family.revisions.visible_to(request.user)
        .in_date_order()
        .prefetch_related("other_languages", Prefetch("rivals", Revision.objects.only("pk")))
    )
    old_revision = _find(revisions, old)
    other_family = None
    if new_family == old_family:
        new_revision = _find(revisions, new)
    else:
        other_family = get_object_or_404(Resolution, slug=new_family)
        new_revision = get_object_or_404(
            other_family.revisions.visible_to(request.user).prefetch_related("other_languages"),
            slug=new,
        )
    pair = [old_revision, new_revision]
    lineage = None if other_family else Lineage(revisions, has_text=lambda r: True)
    try:
        language = chosen_language(request.GET, pair)
    except LanguageError as error:
        if request.GET.getlist(PARAMETER):
            return bad_request(request, str(error))
        language = None
    context = {
        "family": family,
        "other_family": other_family,
        "revisions": revisions,
        "old": old_revision,
        "new": new_revision,
        "sides": [("old", old_revision), ("new", new_revision)],
        "options": options,
        "language": language,
        "relation": relation(old_revision, new_revision, lineage),
        "links": _links(family, old_revision, new_revision, options, language),
        "data_links": []
        if other_family
        or old_revision.pk == new_revision.pk
        or not (old_revision.published and new_revision.published)
        else data_links.for_comparison(family.slug, old_revision.slug, new_revision.slug),
    }
    context["languages"] = [
        (code, language_name(code), url) for code, url in context["links"]["languages"].items()
    ]
    if language is None:
        context["no_common_language"] = [
            (r, [v.english_name for v in text_versions(r)]) for r in pair
        ]
    elif old_revision.pk != new_revision.pk:
        context.update(joined_comparison(old_revision, new_revision, options, language))
    return page(request, TEMPLATE, context, fragment="comparison")


def compare_form(request: HttpRequest, family: str) -> HttpResponse:
    """The revision picker's GET target: on to the comparison's own, shareable address."""
    slugs = {}
    for name in ("old", "new"):
        values = request.GET.getlist(name)
        if len(values) != 1 or not values[0]:
            return bad_request(request, f"Choose one revision to compare as “{name}”.")
        slugs[name] = values[0]
    options = _options(request.GET)
    if isinstance(options, str):
        return bad_request(request, options)
    family = get_object_or_404(Resolution, slug=family)
    known = (
        family.revisions.visible_to(request.user)
        .filter(slug__in=slugs.values())
        .values_list("slug", flat=True)
    )
    if not set(slugs.values()) <= set(known):
        raise Http404("No such revision in this family.")
    return redirect(compare_url(family.slug, slugs["old"], slugs["new"], options))


def compare_url(
    family: str,
    old: str,
    new: str,
    options: dict[str, str] | None = None,
    language: str | None = None,
    *,
    new_family: str | None = None,
) -> str:
    """A comparison's canonical address: default options are left out of the query, and
    so is the language when it is the one the page would choose anyway (`language`
    None). With `new_family` (another family than `family`), the address across two
    families."""
    if new_family and new_family != family:
        url = reverse("compare-across", args=[family, old, new_family, new])
    else:
        url = reverse("compare", args=[family, old, new])
    query = {
        name: value
        for name, value in (options or {}).items()
        if name in OPTIONS and value != OPTIONS[name][0]
    }
    if language:
        query[PARAMETER] = language
    return f"{url}?{urlencode(query)}" if query else url


def _options(query: QueryDict) -> dict[str, str] | str:
    """The view options from the query string, or what is wrong with them.

    Other parameters are ignored (links often gain tracking parameters); a known one
    given twice or with an unknown value is refused, since the page could only guess.
    """
    options = {}
    for name, allowed in OPTIONS.items():
        values = query.getlist(name)
        if not values:
            options[name] = allowed[0]
        elif len(values) > 1 or values[0] not in allowed:
            choices = " or ".join(f"“{value}”" for value in allowed)
            return f"The “{name}” option must be given once, as {choices}."
        else:
            options[name] = values[0]
    return options


def _find(revisions: list[Revision], slug: str) -> Revision:
    for revision in revisions:
        if revision.slug == slug:
            return revision
    raise Http404("No such revision in this family.")


def _links(
    family: Resolution, old: Revision, new: Revision, options: dict, language: str | None
) -> dict[str, str]:
    """Every other state of this page a reader can switch to, as addresses."""
    pair = [old, new]
    default = default_language(pair)
    shown = None if language == default else language
    old_family, new_family = old.resolution.slug, new.resolution.slug

    def url(**changed: str) -> str:
        return compare_url(
            old_family, old.slug, new.slug, {**options, **changed}, shown, new_family=new_family
        )

    def swapped() -> str:
        lang = None if language == default_language([new, old]) else language
        return compare_url(new_family, new.slug, old.slug, options, lang, new_family=old_family)

    return {
        "self": url(),
        "inline": url(view="inline"),
        "side": url(view="side"),
        "changes": url(show="changes"),
        "all": url(show="all"),
        "swap": swapped(),
        "form": reverse("compare-form", args=[family.slug]),
        "preview": _preview_url(old, new, shown),
        "languages": {
            code: compare_url(
                old_family,
                old.slug,
                new.slug,
                options,
                None if code == default else code,
                new_family=new_family,
            )
            for code in common_languages(pair)
        },
    }


def _preview_url(old: Revision, new: Revision, language: str | None) -> str:
    """The address of the comparison's preview image, in `language` if not the default."""
    old_family, new_family = old.resolution.slug, new.resolution.slug
    if old_family == new_family:
        url = reverse("compare-preview", args=[old_family, old.slug, new.slug])
    else:
        url = reverse("compare-across-preview", args=[old_family, old.slug, new_family, new.slug])
    return f"{url}?{urlencode({PARAMETER: language})}" if language else url


# The comparison, joined back to the stored clauses.


@dataclass
class Row:
    """One alignment entry as the page shows it: a clause pair, or a run of unchanged
    clauses folded away in the changes-only view."""

    status: str
    section: str
    old: Clause | None = None
    new: Clause | None = None
    ops: tuple = ()
    proposers: list[str] = field(default_factory=list)
    folded: list["Row"] = field(default_factory=list)
    dom_id: str = ""
    # What the change counts as (timeline.summaries), and the copy a missing paragraph is
    # not in ("R3's available fragments").
    kind: str = ""
    missing_from: str = ""
    # The clause a merged paragraph went into, or a split one came from.
    joined: Clause | None = None
    number: int = 0
    previous: "Row | None" = None
    next: "Row | None" = None
    section_starts: bool = False

    @property
    def is_change(self) -> bool:
        return self.status != Status.UNCHANGED and not self.folded

    @property
    def place(self) -> str:
        return place(self.new or self.old)

    @property
    def old_place(self) -> str:
        return place(self.old) if self.old else ""

    @property
    def renumbered(self) -> bool:
        """A new number, by its value: "PP2" and "pp2" are the same place."""
        return bool(
            self.old and self.new and number_value(self.old_place) != number_value(self.place)
        )

    @property
    def description(self) -> str:
        """The change in words, never by colour alone: "moved from pp3 to pp7, edited"."""
        if self.missing_from:
            return f"not in {self.missing_from}"
        if self.kind == MERGED and self.joined is not None:
            return f"merged into {place(self.joined)}"
        if self.kind == SPLIT and self.joined is not None:
            return f"split from {place(self.joined)}"
        if self.kind == TYPOGRAPHY:
            text = "typography only: punctuation, quotes or spacing"
            return f"{text}, renumbered from {self.old_place}" if self.renumbered else text
        if self.status == Status.MOVED:
            text = f"moved from {self.old_place} to {self.place}"
            return f"{text}, edited" if self.has_edits else text
        if self.status == Status.UNCHANGED and self.renumbered:
            return f"unchanged, renumbered from {self.old_place}"
        if self.status == Status.EDITED and self.renumbered:
            return f"edited, renumbered from {self.old_place}"
        return str(self.status)

    @property
    def has_edits(self) -> bool:
        return any(op is not Op.EQUAL for op, _ in self.ops)

    @property
    def inserts(self) -> bool:
        return any(op is Op.INSERT for op, _ in self.ops)

    @property
    def old_ops(self) -> list:
        return [(op, text) for op, text in self.ops if op is not Op.INSERT]

    @property
    def new_ops(self) -> list:
        return [(op, text) for op, text in self.ops if op is not Op.DELETE]


def place(clause: Clause) -> str:
    """A clause's place as readers cite it: the number as printed, else its anchor; a
    fragment whose place in the draft is unknown says so."""
    if clause.number:
        return clause.number
    if "fragment" in clause.anchor:
        return "position unknown"
    return clause.anchor


def joined_comparison(old: Revision, new: Revision, options: dict, language: str) -> dict:
    """The two revisions' texts in `language` compared, joined back to their clauses: the
    rows the page shows (per `options`), the changes among them, the summary and counts
    (`timeline.summaries`), for the page and for its preview image."""
    clauses = {old.pk: [], new.pk: []}
    for clause in _clauses([old, new], language):
        clauses[clause.revision_id].append(clause)
    sides = _sides([old, new], language)
    old_inputs, new_inputs = clause_inputs(clauses[old.pk]), clause_inputs(clauses[new.pk])
    if old.resolution_id != new.resolution_id:
        old_inputs, new_inputs = across_families(old_inputs), across_families(new_inputs)
    comparison = cached_compare(old_inputs, new_inputs)
    names = {p.country_id: p.country.name for c in clauses[new.pk] for p in c.proposers.all()}
    rows = [
        _row(change, comparison, clauses[old.pk], clauses[new.pk], names, sides)
        for change in comparison.alignment
    ]
    summary = summarise(comparison, *sides)
    changes = [row for row in rows if row.is_change]
    _number(changes)
    shown = rows if options["show"] == "all" else _fold(rows)
    _mark_sections(shown)
    return {
        "comparison": comparison,
        "summary": summary.line,
        "counts": summary.counts,
        "rows": shown,
        "changes": changes,
        "old_clauses": len(clauses[old.pk]),
        "new_clauses": len(clauses[new.pk]),
        "partial": _partial([old, new], language),
    }


def _clauses(revisions: list[Revision], language: str):
    """Both revisions' clauses in `language` in order, with proposers' countries: two
    queries however many clauses there are."""
    return (
        Clause.objects.filter(revision__in=revisions, language=language)
        .order_by("revision_id", "position")
        .prefetch_related(Prefetch("proposers", Proposer.objects.select_related("country")))
    )


def _sides(revisions: list[Revision], language: str) -> list[Side]:
    return [
        Side(
            r.label,
            next(v.text_status for v in text_versions(r) if v.language == language),
        )
        for r in revisions
    ]


def _row(
    change: Change,
    comparison,
    old: list[Clause],
    new: list[Clause],
    names: dict,
    sides: list[Side],
) -> Row:
    old_clause = old[change.old] if change.old is not None else None
    new_clause = new[change.new] if change.new is not None else None
    kind = kind_of(change, comparison, *sides)
    codes = dict.fromkeys(p.country_id for p in new_clause.proposers.all()) if new_clause else {}
    return Row(
        status=change.status,
        section=(new_clause or old_clause).section,
        old=old_clause,
        new=new_clause,
        ops=change.ops,
        proposers=[names[code] for code in codes],
        dom_id=new_clause.anchor if new_clause else f"removed-{old_clause.anchor}",
        kind=kind,
        missing_from={NOT_IN_NEW: sides[1].copy, NOT_IN_OLD: sides[0].copy}.get(kind, ""),
        joined=None
        if change.joined is None
        else (new if change.status == Status.REMOVED else old)[change.joined],
    )


def _number(changes: list[Row]) -> None:
    """Link each change to its neighbours, for previous/next navigation."""
    for index, row in enumerate(changes):
        row.number = index + 1
        row.previous = changes[index - 1] if index else None
        row.next = changes[index + 1] if index + 1 < len(changes) else None


def _fold(rows: list[Row]) -> list[Row]:
    """Changes only: each run of unchanged clauses within a section becomes one line."""
    shown: list[Row] = []
    for row in rows:
        if row.status != Status.UNCHANGED:
            shown.append(row)
        elif shown and shown[-1].folded and shown[-1].section == row.section:
            shown[-1].folded.append(row)
        else:
            shown.append(Row(status=Status.UNCHANGED, section=row.section, folded=[row]))
    return shown


def _mark_sections(rows: list[Row]) -> None:
    previous = None
    for row in rows:
        row.section_starts = row.section != previous
        previous = row.section


def _partial(revisions: list[Revision], language: str) -> list[tuple[str, list[Revision]]]:
    """The revisions whose text in `language` is not complete, grouped by text status:
    the comparison can only cover what survives of them."""
    groups: dict[str, list[Revision]] = {}
    for revision in revisions:
        status = next(v.text_status for v in text_versions(revision) if v.language == language)
        if status != TextStatus.COMPLETE:
            groups.setdefault(status, []).append(revision)
    return list(groups.items())
