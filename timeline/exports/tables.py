"""CSV tables of clauses: one row per clause per revision and language, for a revision,
a family and the whole collection (issue 12, point 3).

Every row carries what the pages show beside a clause's text: whether it is verbatim or
a reported paraphrase (`text_kind`), the whole paragraph or a part (`complete`), still in
square brackets (`bracketed`), how much of its revision's text is known in that language
(`text_status`), how its revision's date is known (`date_precision`), who proposed it and
on whose word, and its sources. Only published revisions are listed.

- A revision's table is its main language, or the language `?lang=` picks
  (`timeline.languages`, as on the revision's page).
- A family's and the collection's tables hold every published revision in every language
  it has, main language first; the `language` column says which.
- `?bom=1` puts a UTF-8 byte order mark first, so that spreadsheet programs that guess
  the encoding (Excel) read the accents and non-Latin scripts right.

Texts are written verbatim, never prefixed or altered, even where a cell begins with
``=``, ``+``, ``-`` or ``@``, which a spreadsheet could take for a formula: the table's
promise is the text as the source gives it, and a quote mark added for Excel would be a
character the source never had, kept by every other tool (pandas, R, a database import).
Texts come from editors, who transcribe published documents; the `csv` module quotes
every field that needs it, so no text can break out of its cell or its row.

A table is built whole in memory, not streamed: the page cache keeps whole responses
(`timeline.page_cache`), so the collection's table is built once per content version.
"""

import csv
import io
import re
from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import path, reverse

from timeline.languages import LanguageError, chosen_language
from timeline.models import Clause, ClauseSource, Proposer, Resolution, Revision
from timeline.page_cache import reader_page

COLUMNS = (
    "family",
    "family_title",
    "revision",
    "revision_label",
    "symbol",
    "date",
    "date_precision",
    "status",
    "language",
    "text_status",
    "section",
    "number",
    "position",
    "key",
    "anchor",
    "text",
    "text_kind",
    "complete",
    "bracketed",
    "proposers",
    "proposer_names",
    "proposer_sources",
    "sources",
    "note",
    "revision_url",
    "clause_url",
    "clause_history_url",
)
# Within a cell, the items of a list (proposers, sources) are joined by this.
SEPARATOR = "; "
BOM = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"


class TableError(ValueError):
    """A query parameter the table cannot honour; the message says why, for a 400."""


def wants_bom(request: HttpRequest) -> bool:
    """Whether the table should start with a byte order mark: `?bom=1`, given once.
    Raises TableError for any other `bom`."""
    values = request.GET.getlist("bom")
    if not values:
        return False
    if values != ["1"]:
        raise TableError("The “bom” option must be given once, as “bom=1”.")
    return True


def _clauses(language: str | None = None) -> Prefetch:
    """A revision's clauses (every language, or only `language`) with their proposers and
    sources, in a fixed number of queries."""
    clauses = Clause.objects.order_by("position").prefetch_related(
        Prefetch("proposers", Proposer.objects.select_related("country", "source")),
        Prefetch("source_links", ClauseSource.objects.select_related("source")),
    )
    if language is not None:
        clauses = clauses.filter(language=language)
    return Prefetch("clauses", clauses)


def _with_clauses(revisions: QuerySet[Revision]) -> QuerySet[Revision]:
    """`revisions` with their family, language versions and clauses in every language."""
    return revisions.select_related("resolution").prefetch_related("other_languages", _clauses())


def _in_language_order(revision: Revision) -> list[Clause]:
    """The revision's prefetched clauses, its main language's first, then each other
    language in the revision's order of them."""
    order = [revision.language, *(o.language for o in revision.other_languages.all())]
    return sorted(
        revision.clauses.all(),
        key=lambda c: (order.index(c.language) if c.language in order else len(order), c.position),
    )


def _text_status(revision: Revision, language: str) -> str:
    if language == revision.language:
        return revision.text_status
    return next(
        (o.text_status for o in revision.other_languages.all() if o.language == language), ""
    )


def _boolean(value: bool) -> str:
    return "true" if value else "false"


def rows(request: HttpRequest, revisions: Iterable[Revision]) -> Iterable[list[str]]:
    """A row per clause of each revision (read with its family, languages and clauses as
    `_with_clauses` reads them), as `COLUMNS` names them, with absolute links built from
    `request`."""
    for revision in revisions:
        family = revision.resolution
        page = reverse("revision", args=[family.slug, revision.slug])
        for clause in _in_language_order(revision):
            in_language = "" if clause.language == revision.language else f"?lang={clause.language}"
            revision_url = request.build_absolute_uri(page + in_language)
            proposers = list(clause.proposers.all())
            yield [
                family.slug,
                family.title,
                revision.slug,
                revision.label,
                revision.symbol or "",
                revision.date.isoformat(),
                revision.date_precision,
                revision.status,
                clause.language,
                _text_status(revision, clause.language),
                clause.section,
                clause.number or "",
                str(clause.position),
                clause.key,
                clause.anchor,
                clause.text,
                clause.text_kind,
                _boolean(clause.complete),
                _boolean(clause.bracketed),
                # A country credited by two sources is one proposer.
                SEPARATOR.join(dict.fromkeys(p.country_id for p in proposers)),
                SEPARATOR.join(dict.fromkeys(p.country.name for p in proposers)),
                SEPARATOR.join(
                    f"{p.country_id}: {p.source.publisher} {p.source.url}" for p in proposers
                ),
                SEPARATOR.join(
                    f"{link.source.publisher} {link.source.url}"
                    for link in clause.source_links.all()
                ),
                clause.note,
                revision_url,
                f"{revision_url}#{clause.anchor}",
                request.build_absolute_uri(reverse("clause", args=[family.slug, clause.key])),
            ]


def table(rows: Iterable[list[str]], *, bom: bool) -> str:
    """The rows under the header `COLUMNS`, as CSV (RFC 4180: CRLF line ends, fields
    quoted where they hold a comma, a quote or a line break)."""
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def _safe_filename(*parts: str) -> str:
    # Slugs are already safe; anything else is replaced, so that the header's quoted
    # filename can hold neither a quote nor a path.
    name = "_".join(re.sub(r"[^A-Za-z0-9_-]+", "-", part) for part in parts if part)
    return f"{name}.csv"


def csv_response(
    request: HttpRequest, revisions: Iterable[Revision], filename: str
) -> HttpResponse:
    """The table of `revisions` as a download named `filename`, or a 400 for a bad
    `bom` option."""
    try:
        bom = wants_bom(request)
    except TableError as error:
        return _bad_request(str(error))
    response = HttpResponse(table(rows(request, revisions), bom=bom), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message + "\n", content_type="text/plain; charset=utf-8")


def revision_csv(request: HttpRequest, family: str, revision: str) -> HttpResponse:
    """One published revision's clauses in its main language, or in `?lang=`."""
    found = (
        Revision.objects.published()
        .select_related("resolution")
        .prefetch_related("other_languages")
        .filter(resolution__slug=family, slug=revision)
        .first()
    )
    if found is None:
        raise Http404(f"No published revision {revision!r} in the family {family!r}")
    try:
        language = chosen_language(request.GET, [found])
    except LanguageError as error:
        return _bad_request(str(error))
    prefetch_related_objects([found], _clauses(language))
    main = language == found.language
    filename = _safe_filename(family, revision, "" if main else language, "clauses")
    return csv_response(request, [found], filename)


def family_csv(request: HttpRequest, family: str) -> HttpResponse:
    """Every published revision of one family, in every language it has."""
    revisions = Revision.objects.published().filter(resolution__slug=family)
    found = list(_with_clauses(revisions).order_by("position"))
    if not found and not Resolution.objects.filter(slug=family).exists():
        raise Http404(f"No family {family!r}")
    return csv_response(request, found, _safe_filename(family, "clauses"))


def collection_csv(request: HttpRequest) -> HttpResponse:
    """Every published revision of the collection in every language it has, family by
    family in the collection's order."""
    revisions = _with_clauses(Revision.objects.published()).order_by(
        "resolution__position", "resolution__slug", "position"
    )
    return csv_response(request, revisions, _safe_filename("redline", "clauses"))


urlpatterns = [
    path(
        "r/<slug:family>/<slug:revision>/clauses.csv",
        reader_page(revision_csv),
        name="revision-csv",
    ),
    path("r/<slug:family>/clauses.csv", reader_page(family_csv), name="family-csv"),
    path("data/clauses.csv", reader_page(collection_csv), name="collection-csv"),
]
