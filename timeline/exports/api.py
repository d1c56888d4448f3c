"""The read-only JSON API (issue 12, point 2): the collection, its families, revisions,
clauses through time, countries and comparisons, under `/api/v1/`, described by the
OpenAPI 3.1 document at `/api/v1/openapi.json` (`timeline.exports.openapi`).

What the `unsc-drafts/1` format has a shape for is written in that shape, by the same
functions as the collection's export (`timeline.collection.exporter`), with links added
(`url` for the page, `api_url` for the resource). Lineage comes from `timeline.lineage`,
the language of a text from `timeline.languages`, comparisons from the compare page's own
`joined_comparison`, pages of lists from `timeline.paging`. Only published revisions are
public: an unpublished one is a 404, and neither its label nor its existence shows through
another revision's `follows` or `rivals`.

Every answer is JSON, errors included (`{"error": "..."}` with 400 for a bad parameter,
404 for an unknown thing or address), is served through `timeline.page_cache.reader_page`
(cached under the content version, with ETag, Last-Modified and 304s) and may be read from
any origin (CORS for GET and HEAD).
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.db.models import Count, F, Max, Min, Prefetch, Q
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, path, re_path, resolve, reverse

from timeline.collection.exporter import (
    clause_data,
    country_data,
    revision_data,
    revision_facts,
    source_data,
    with_clause_details,
    with_export_details,
)
from timeline.collection.official import PUBLISHER as UN_PUBLISHER
from timeline.collection.schema import FORMAT
from timeline.exports import openapi
from timeline.languages import PARAMETER, LanguageError, chosen_language, text_versions
from timeline.lineage import Lineage, Presence, family_lineage, presences, relation
from timeline.models import (
    Amendment,
    Ballot,
    Cast,
    Clause,
    Collection,
    Country,
    Proposer,
    Resolution,
    Revision,
    Source,
    Sponsorship,
)
from timeline.page_cache import reader_page
from timeline.paging import PageError, paged
from timeline.views.compare import joined_comparison, place

# Items on one page of a list.
PAGE_SIZE = 50

ACKNOWLEDGEMENT = "Source of the official texts: United Nations."
LICENCE = {
    "official_texts": (
        "The texts of resolutions and drafts issued as documents are the United Nations' "
        "Akoma Ntoso XML files of Security Council documents, prepared by the Department for "
        "General Assembly and Conference Management: in the United Nations' own words, "
        "“unofficial copies for informational purposes only and prepared from the official "
        "electronic files”. They are made available without warranty of any kind; whoever "
        "uses them must acknowledge the United Nations as the source of the information."
    ),
    "curated_collection": (
        "The drafts of 2011–2012 come from a curated collection compiled from public "
        "sources, whose quoted texts remain those of their sources. Its licence is not yet "
        "stated: cite it and link to the sources it names."
    ),
}


class ApiError(Exception):
    """An answer other than 200, with the message its JSON body gives."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _json(data: Any, status: int = 200) -> JsonResponse:
    # Texts in every UN language, written as themselves rather than as \u escapes.
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _error(status: int, message: str) -> JsonResponse:
    return _json({"error": message}, status=status)


def _cors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let pages of any origin read the answer (GET and HEAD), its ETag included, and
    answer a browser's preflight, which a script sending If-None-Match causes."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        return response

    return wrapped


def _endpoint(view: Callable[..., Any]) -> Callable[..., HttpResponse]:
    """A view returning data (or raising ApiError, PageError, LanguageError) as a JSON
    answer, served through the page cache and readable from any origin."""

    @wraps(view)
    def answered(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return _json(view(request, *args, **kwargs))
        except ApiError as error:
            return _error(error.status, error.message)
        except (PageError, LanguageError) as error:
            return _error(400, str(error))

    return _cors(reader_page(answered))


# Addresses


def _absolute(request: HttpRequest, name: str, *args: str) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def _family_ref(request: HttpRequest, family: Resolution) -> dict[str, Any]:
    return {
        "slug": family.slug,
        "title": family.title,
        "url": _absolute(request, "resolution", family.slug),
        "api_url": _absolute(request, "api-family", family.slug),
    }


def _revision_ref(
    request: HttpRequest, revision: Revision | None, family: str = ""
) -> dict[str, Any] | None:
    """A revision named and linked, or None; its family is `family`, or else read from
    the revision."""
    if revision is None:
        return None
    family = family or revision.resolution.slug
    return {
        "slug": revision.slug,
        "label": revision.label,
        "url": _absolute(request, "revision", family, revision.slug),
        "api_url": _absolute(request, "api-revision", family, revision.slug),
    }


def _page(
    request: HttpRequest,
    items: Iterable[Any],
    write: Callable[[Any], dict[str, Any]],
    *,
    name: str = "page",
    what: str,
) -> dict[str, Any]:
    """The page of `items` that `?name=` asks for (`timeline.paging`: a page past the last
    is a PageError), each item written by `write`, with the addresses of its neighbours."""
    section = paged(items, PAGE_SIZE, request.GET, name, what=what)
    pages = max(1, -(-section.count // PAGE_SIZE))

    def address(number: int) -> str | None:
        if not 1 <= number <= pages:
            return None
        query = request.GET.copy()
        query[name] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": section.count,
        "page": section.page,
        "pages": pages,
        "next": address(section.page + 1),
        "previous": address(section.page - 1),
        "results": [write(item) for item in section.items],
    }


# The index, the document, the collection


def root(request: HttpRequest) -> dict[str, Any]:
    """The endpoints with their absolute addresses (templates where a part is to be filled
    in), the OpenAPI document's, the licence and the acknowledgement of the United
    Nations as the source of the official texts."""
    base = _absolute(request, "api-root")
    return {
        "name": "Redline API",
        "version": "1",
        "description": openapi.DESCRIPTION,
        "format": FORMAT,
        "openapi": _absolute(request, "api-openapi"),
        "endpoints": [
            {"path": route, "url": base + route.lstrip("/"), "summary": summary}
            for route, summary in openapi.routes()
        ],
        "acknowledgement": ACKNOWLEDGEMENT,
        "licence": {**LICENCE, "about": request.build_absolute_uri(reverse("about") + "#sources")},
    }


def openapi_document(request: HttpRequest) -> dict[str, Any]:
    """The OpenAPI 3.1 document, its server this API's own address."""
    return openapi.document(_absolute(request, "api-root").rstrip("/"))


def collection(request: HttpRequest) -> dict[str, Any]:
    """The collection's header (`unsc-drafts/1`), what it holds and where to go next."""
    header = Collection.objects.first()
    published = Revision.objects.published()
    return {
        "format": FORMAT,
        "title": header.title if header else "",
        "description": header.description if header else "",
        "compiled": header.compiled.isoformat() if header else None,
        "counts": {
            "families": Resolution.objects.count(),
            "revisions": published.count(),
            "clauses": Clause.objects.in_main_language().filter(revision__published=True).count(),
            "countries": Country.objects.count(),
            "sources": Source.objects.count(),
        },
        "acknowledgement": ACKNOWLEDGEMENT,
        "url": _absolute(request, "home"),
        "api_url": _absolute(request, "api-collection"),
        "families": _absolute(request, "api-families"),
        "countries": _absolute(request, "api-countries"),
    }


# Families


def families(request: HttpRequest) -> dict[str, Any]:
    """Every draft family in the collection's order, a page at a time (`?page=`), with how
    many published revisions each has and the dates they span."""
    published = Q(revisions__published=True)
    rows = (
        Resolution.objects.order_by("position", "slug")
        .annotate(
            revision_count=Count("revisions", filter=published),
            first_date=Min("revisions__date", filter=published),
            last_date=Max("revisions__date", filter=published),
        )
        .prefetch_related("penholder_set")
    )

    def write(family: Resolution) -> dict[str, Any]:
        return {
            **_family_ref(request, family),
            "summary": family.summary,
            "penholders": [p.country_id for p in family.penholder_set.all()],
            "revision_count": family.revision_count,
            "first_date": _date(family.first_date),
            "last_date": _date(family.last_date),
        }

    return _page(request, rows, write, what="families")


def family(request: HttpRequest, family: str) -> dict[str, Any]:
    """A family with its published revisions in their order, each summarised: its place in
    the lineage (what it follows, rivals, is compared with) and its vote."""
    found = _family(family)
    revisions = (
        found.revisions.published()
        .order_by("position")
        .with_details()
        .annotate(clause_count=Count("clauses", filter=Q(clauses__language=F("language"))))
        .prefetch_related("other_languages", Prefetch("rivals", Revision.objects.only("pk")))
    )
    lineage = Lineage(revisions, has_text=lambda r: r.clause_count > 0)
    return {
        **_family_ref(request, found),
        "summary": found.summary,
        "penholders": [p.country_id for p in found.penholder_set.all()],
        "revisions": [_revision_summary(request, r, lineage) for r in lineage.revisions],
    }


def _family(slug: str) -> Resolution:
    found = Resolution.objects.filter(slug=slug).prefetch_related("penholder_set").first()
    if found is None:
        raise ApiError(404, f"No draft family “{slug}”.")
    return found


def _revision_summary(request: HttpRequest, revision: Revision, lineage: Lineage) -> dict:
    base = lineage.base(revision).revision
    family = revision.resolution.slug
    return {
        **_revision_ref(request, revision),
        **revision_facts(revision),
        **_lineage_of(request, revision, lineage),
        "clause_count": revision.clause_count,
        "vote": _vote_summary(revision),
        "compare_api_url": None
        if base is None
        else _absolute(request, "api-compare", family, base.slug, revision.slug),
    }


def _lineage_of(request: HttpRequest, revision: Revision, lineage: Lineage) -> dict[str, Any]:
    """`follows` and `rivals` as the format writes them (labels), of published revisions
    only; `previous` (its predecessor) and `compared_with` (its comparison base) as
    `timeline.lineage` decides them."""
    follows = lineage.by_pk.get(revision.follows_id)
    family = revision.resolution.slug
    return {
        "follows": follows.label if follows else None,
        "rivals": [r.label for r in sorted(lineage.rivals(revision), key=lambda r: r.position)],
        "previous": _revision_ref(request, lineage.predecessor(revision), family),
        "compared_with": _revision_ref(request, lineage.base(revision).revision, family),
    }


def _vote_summary(revision: Revision) -> dict[str, Any] | None:
    vote = getattr(revision, "vote", None)
    if vote is None:
        return None
    groups = vote.ballots_by_cast()
    return {
        "date": _date(vote.date),
        "meeting": vote.meeting,
        "adopted": vote.adopted,
        "resolution_number": vote.resolution_number,
        "in_favour": len(groups[Cast.IN_FAVOUR]),
        "against": len(groups[Cast.AGAINST]),
        "abstaining": len(groups[Cast.ABSTAINING]),
        "members_named": vote.members_named(),
        "vetoed_by": [c.code for c in vote.vetoed_by()],
    }


# A revision


def revision(request: HttpRequest, family: str, revision: str) -> dict[str, Any]:
    """A revision whole, in the `unsc-drafts/1` revision's shape: its clauses in its main
    language or the one `?lang=` asks for (each with its anchor and links), proposers and
    sources, sponsors, the vote with every named member's ballot, amendments; the
    sources it cites, written out; and its lineage."""
    found = (
        with_export_details(Revision.objects.published())
        .select_related("resolution")
        .filter(resolution__slug=family, slug=revision)
        .first()
    )
    if found is None:
        raise ApiError(404, f"No published revision “{revision}” in the family “{family}”.")
    language = chosen_language(request.GET, [found])
    clauses = list(
        with_clause_details(found.clauses.filter(language=language).order_by("position"))
    )
    lineage = family_lineage(found.resolution.revisions.published())
    shown = "" if language == found.language else f"?{PARAMETER}={language}"
    data = revision_data(found, clauses)
    for written, clause in zip(data["clauses"], clauses, strict=True):
        written.update(_clause_links(request, found, clause))
    data.update(_lineage_of(request, found, lineage))
    cited = _cited_sources(data)
    official = any(s.publisher == UN_PUBLISHER for s in cited)
    return {
        "family": _family_ref(request, found.resolution),
        "slug": found.slug,
        **data,
        "shown_language": language,
        "shown_text_status": next(
            v.text_status for v in text_versions(found) if v.language == language
        ),
        "cited_sources": [source_data(s) for s in cited],
        "acknowledgement": ACKNOWLEDGEMENT if official else None,
        "url": _absolute(request, "revision", family, found.slug),
        "api_url": _absolute(request, "api-revision", family, found.slug),
        # The other forms of the same text, in the same language.
        "akn_url": _absolute(request, "revision-akn", family, found.slug) + shown,
        "csv_url": _absolute(request, "revision-csv", family, found.slug) + shown,
    }


def _clause_links(request: HttpRequest, revision: Revision, clause: Clause) -> dict[str, Any]:
    family = revision.resolution.slug
    query = "" if clause.language == revision.language else f"?{PARAMETER}={clause.language}"
    return {
        "anchor": clause.anchor,
        "url": _absolute(request, "revision", family, revision.slug) + f"{query}#{clause.anchor}",
        "api_url": _absolute(request, "api-clause", family, clause.key),
    }


def _cited_sources(data: dict[str, Any]) -> list[Source]:
    """Every source the written revision names, in the order it first names them: one
    query, so each can be read whole beside the ids the format uses."""
    slugs = [*data["sources"]]
    for clause in data["clauses"]:
        slugs += clause["sources"] + [p["source"] for p in clause["proposers"]]
    if data["vote"]:
        slugs += data["vote"]["sources"]
    for amendment in data["amendments"]:
        slugs += amendment["sources"]
    order = {slug: n for n, slug in enumerate(dict.fromkeys(slugs))}
    return sorted(Source.objects.filter(slug__in=order), key=lambda s: order[s.slug])


# A clause through time


def clause(request: HttpRequest, family: str, key: str) -> dict[str, Any]:
    """The clause `key` through every published revision of its family in date order:
    its version in each (the main language's, else another's), or what that revision's
    text tells of its absence (`timeline.lineage.presences`, as the clause page says)."""
    found = _family(family)
    revisions = list(
        found.revisions.published().in_date_order().select_related("resolution").with_clause(key)
    )
    states = presences(
        revisions,
        key,
        places=lambda r: r.clause_keys,
        present=lambda r: bool(r.keyed_clauses),
    )
    if Presence.PRESENT not in states:
        raise ApiError(404, f"No clause of the family “{family}” has the key “{key}”.")
    steps = []
    for revision, presence in zip(revisions, states, strict=True):
        versions = revision.keyed_clauses if presence == Presence.PRESENT else []
        steps.append(
            {
                "revision": {
                    **_revision_ref(request, revision),
                    "symbol": revision.symbol,
                    "date": _date(revision.date),
                    "date_precision": revision.date_precision,
                    "status": revision.status,
                    "text_status": revision.text_status,
                },
                "presence": str(presence),
                "clause": {
                    **clause_data(versions[0]),
                    **_clause_links(request, revision, versions[0]),
                }
                if versions
                else None,
                "languages": [c.language for c in versions],
            }
        )
    return {
        "family": _family_ref(request, found),
        "key": key,
        "url": _absolute(request, "clause", family, key),
        "api_url": _absolute(request, "api-clause", family, key),
        "steps": steps,
    }


# Countries


def countries(request: HttpRequest) -> dict[str, Any]:
    """Every country of the collection in its order, a page at a time (`?page=`), with
    how many clauses, amendments, sponsorships, pens and ballots it has (published
    revisions only)."""

    def write(country: Country) -> dict[str, Any]:
        return {
            **country_data(country),
            "counts": {
                "proposals": country.proposal_count,
                "amendments": country.amendment_count,
                "sponsorships": country.sponsorship_count,
                "pens": country.penholder_count,
                "ballots": country.ballot_count,
            },
            "url": _absolute(request, "country", country.code.lower()),
            "api_url": _absolute(request, "api-country", country.code.lower()),
        }

    return _page(request, Country.objects.with_counts(), write, what="countries")


def country(request: HttpRequest, code: str) -> dict[str, Any]:
    """One country (its ISO code in either case) and what it did, each list a page at a
    time as on its page (`?proposed=`, `?amendments=`, `?sponsored=`, `?pens=`,
    `?votes=`): the clauses it is credited with (and by which source), the amendments it
    moved, the drafts it sponsored, the families it held the pen on, the votes it cast."""
    found = Country.objects.lookup(code)
    if found is None:
        raise ApiError(404, f"No country “{code}” in the collection.")
    name = found.name
    proposed = found.proposed_clauses().prefetch_related(
        Prefetch(
            "proposers",
            Proposer.objects.filter(country=found).select_related("source"),
            to_attr="credits",
        )
    )
    amendments = found.moved_amendments()
    sponsored = found.sponsored_drafts()
    pens = found.held_pens()
    votes = found.cast_ballots()

    def proposal(clause: Clause) -> dict[str, Any]:
        revision = clause.revision
        return {
            "family": _family_ref(request, revision.resolution),
            "revision": _revision_ref(request, revision),
            "key": clause.key,
            "anchor": clause.anchor,
            "section": clause.section,
            "number": clause.number,
            "language": clause.language,
            "text": clause.text,
            "text_kind": clause.text_kind,
            "complete": clause.complete,
            "bracketed": clause.bracketed,
            "credits": [{"source": p.source.slug, "quote": p.quote} for p in clause.credits],
            "url": _clause_links(request, revision, clause)["url"],
            "api_url": _absolute(request, "api-clause", revision.resolution.slug, clause.key),
        }

    def amendment(amendment: Amendment) -> dict[str, Any]:
        return {
            "family": _family_ref(request, amendment.revision.resolution),
            "revision": _revision_ref(request, amendment.revision),
            "date": _date(amendment.date),
            "target": amendment.target,
            "text": amendment.text,
            "outcome": amendment.outcome,
            "sources": [link.source.slug for link in amendment.source_links.all()],
        }

    def sponsorship(sponsorship: Sponsorship) -> dict[str, Any]:
        revision = sponsorship.revision
        return {
            "family": _family_ref(request, revision.resolution),
            "revision": _revision_ref(request, revision),
            "symbol": revision.symbol,
            "date": _date(revision.date),
            "status": revision.status,
        }

    def ballot(ballot: Ballot) -> dict[str, Any]:
        vote = ballot.vote
        return {
            "family": _family_ref(request, vote.revision.resolution),
            "revision": _revision_ref(request, vote.revision),
            "symbol": vote.revision.symbol,
            "date": _date(vote.date),
            "meeting": vote.meeting,
            "cast": ballot.cast,
            "adopted": vote.adopted,
            "resolution_number": vote.resolution_number,
        }

    return {
        **country_data(found),
        "url": _absolute(request, "country", found.code.lower()),
        "api_url": _absolute(request, "api-country", found.code.lower()),
        "proposed": _page(
            request, proposed, proposal, name="proposed", what=f"clauses {name} proposed"
        ),
        "amendments": _page(
            request, amendments, amendment, name="amendments", what=f"amendments {name} moved"
        ),
        "sponsored": _page(
            request, sponsored, sponsorship, name="sponsored", what=f"drafts {name} sponsored"
        ),
        "pens": _page(
            request,
            pens,
            lambda pen: _family_ref(request, pen.resolution),
            name="pens",
            what=f"families where {name} held the pen",
        ),
        "votes": _page(request, votes, ballot, name="votes", what=f"votes {name} cast"),
    }


# Comparisons


def compare(request: HttpRequest, family: str, old: str, new: str) -> dict[str, Any]:
    """Two published revisions of a family compared in one language both have (`?lang=`,
    by default as the compare page chooses): how they are related, the summary and its
    counts, and the engine's alignment — each clause pair's status, what the change counts
    as, its word operations and similarity — joined to the clauses' keys and anchors."""
    found = _family(family)
    revisions = list(
        found.revisions.published()
        .in_date_order()
        .select_related("resolution")
        .prefetch_related("other_languages", Prefetch("rivals", Revision.objects.only("pk")))
    )
    by_slug = {r.slug: r for r in revisions}
    for slug in (old, new):
        if slug not in by_slug:
            raise ApiError(404, f"No published revision “{slug}” in the family “{family}”.")
    pair = [by_slug[old], by_slug[new]]
    related = relation(*pair, Lineage(revisions, has_text=lambda r: True))
    try:
        language = chosen_language(request.GET, pair)
    except LanguageError:
        if request.GET.getlist(PARAMETER):
            raise
        language = None
    answer = {
        "family": _family_ref(request, found),
        "old": _revision_ref(request, pair[0]),
        "new": _revision_ref(request, pair[1]),
        "relation": {"kind": related.kind, "text": related.text},
        "language": language,
        "summary": None,
        "changes": [],
        "url": _absolute(request, "compare", family, old, new),
        "api_url": _absolute(request, "api-compare", family, old, new),
    }
    if language is None:
        # The compare page says so too: two texts are only ever compared in one language.
        return answer
    joined = joined_comparison(*pair, {"view": "inline", "show": "all"}, language)
    comparison = joined["comparison"]
    answer["summary"] = {
        "line": joined["summary"],
        "counts": joined["counts"],
        "statuses": comparison.counts(),
        "old_clauses": joined["old_clauses"],
        "new_clauses": joined["new_clauses"],
    }
    answer["changes"] = [
        {
            **change.to_dict(),
            "kind": row.kind,
            "description": row.description,
            "section": row.section,
            "old_clause": _place(row.old),
            "new_clause": _place(row.new),
            "proposers": list(dict.fromkeys(p.country_id for p in row.new.proposers.all()))
            if row.new
            else [],
        }
        for change, row in zip(comparison.alignment, joined["rows"], strict=True)
    ]
    return answer


def _place(clause: Clause | None) -> dict[str, Any] | None:
    if clause is None:
        return None
    return {
        "key": clause.key,
        "anchor": clause.anchor,
        "number": clause.number,
        "place": place(clause),
        "text_kind": clause.text_kind,
        "complete": clause.complete,
        "bracketed": clause.bracketed,
    }


# Addresses under api/v1/ that name nothing


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    """A JSON 404 for an address under the API that names nothing; one that lacks only
    its final slash is sent on to the address with it, as Django does for pages."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "api-not-found":
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + (f"?{query}" if query else "")
            )
    return _error(404, f"No such address in the API: /api/v1/{rest}")


def _date(value) -> str | None:
    return None if value is None else value.isoformat()


urlpatterns = [
    path("api/v1/", _endpoint(root), name="api-root"),
    path("api/v1/openapi.json", _endpoint(openapi_document), name="api-openapi"),
    path("api/v1/collection/", _endpoint(collection), name="api-collection"),
    path("api/v1/families/", _endpoint(families), name="api-families"),
    path("api/v1/families/<slug:family>/", _endpoint(family), name="api-family"),
    path(
        "api/v1/families/<slug:family>/revisions/<slug:revision>/",
        _endpoint(revision),
        name="api-revision",
    ),
    path(
        "api/v1/families/<slug:family>/clauses/<slug:key>/",
        _endpoint(clause),
        name="api-clause",
    ),
    path(
        "api/v1/families/<slug:family>/compare/<slug:old>...<slug:new>/",
        _endpoint(compare),
        name="api-compare",
    ),
    path("api/v1/countries/", _endpoint(countries), name="api-countries"),
    path("api/v1/countries/<str:code>/", _endpoint(country), name="api-country"),
    re_path(r"^api/v1/(?P<rest>.*)$", _cors(reader_page(not_found)), name="api-not-found"),
]
