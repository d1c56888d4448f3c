"""The OpenAPI 3.1 document of the JSON API (`timeline.exports.api`): every endpoint, its
parameters, its answers (200, and 400 or 404 with an `Error` body) and their schemas.

The objects of the `unsc-drafts/1` format (a revision, a clause, a vote, a source, a
country ...) are described by the format's own schema (`timeline.collection.schema`, as
JSON Schema 2020-12, which OpenAPI 3.1 speaks), with the API's additions (links, anchors,
lineage) on top; every object lists every key it has (`required`, no others allowed), so a
test validating the answers against this document notices any drift between the two.
"""

from copy import deepcopy
from functools import cache
from typing import Any

from timeline.collection import schema as format_schema
from timeline.diff import Status
from timeline.lineage import Presence
from timeline.models import Language
from timeline.summaries import NOT_IN_NEW, NOT_IN_OLD, ORDER, UNCHANGED

DESCRIPTION = (
    "Redline's data, read only: how UN Security Council draft resolutions change, clause by "
    "clause. Objects the unsc-drafts/1 format has are written in its shape, with links "
    "added. Only published revisions are shown. Lists come a page at a time. Every answer "
    "carries an ETag and Last-Modified (send If-None-Match or If-Modified-Since for a 304) "
    'and may be read from any origin. Errors are JSON: {"error": "..."}. '
    "Source of the official texts: United Nations."
)

_REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF.format(model=name)}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(description: str, /, **properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties, every one always present."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _list(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


_URI = {"type": "string", "format": "uri"}
_TEXT = {"type": "string"}
_DATE = {"type": "string", "format": "date"}
_COUNT = {"type": "integer", "minimum": 0}
_LANGUAGE = {"type": "string", "enum": Language.values}
_CODES = _list({"type": "string", "pattern": "^[A-Z]{2}$"})


def _page(item: str, description: str) -> dict[str, Any]:
    return _object(
        description,
        count={**_COUNT, "description": "Items in the whole list."},
        page={"type": "integer", "minimum": 1},
        pages={"type": "integer", "minimum": 1},
        next=_nullable(_URI),
        previous=_nullable(_URI),
        results=_list(_ref(item)),
    )


def _format_schemas() -> dict[str, dict[str, Any]]:
    """The format's objects as JSON Schema, each listing every key it writes."""
    schemas: dict[str, dict[str, Any]] = {}
    for model in (format_schema.Revision, format_schema.Source, format_schema.Country):
        found = model.model_json_schema(mode="serialization", ref_template=_REF)
        schemas.update(found.pop("$defs", {}))
        schemas[model.__name__] = found
    for found in schemas.values():
        # Keys with defaults (a revision's `language`) are optional when read, always written.
        found["required"] = list(found["properties"])
    return schemas


def _extended(base: dict[str, Any], **properties: dict[str, Any]) -> dict[str, Any]:
    extended = deepcopy(base)
    extended["properties"].update(properties)
    extended["required"] = list(extended["properties"])
    return extended


@cache
def _components() -> dict[str, Any]:
    schemas = _format_schemas()
    family_ref = _object(
        "A draft family, named and linked.",
        slug=_TEXT,
        title=_TEXT,
        url={**_URI, "description": "Its page."},
        api_url={**_URI, "description": "Its resource in this API."},
    )
    revision_ref = _object(
        "A revision, named and linked.", slug=_TEXT, label=_TEXT, url=_URI, api_url=_URI
    )
    lineage = {
        "previous": {
            **_nullable(_ref("RevisionRef")),
            "description": "Its predecessor: the revision it follows, as timeline.lineage "
            "decides where the data records none.",
        },
        "compared_with": {
            **_nullable(_ref("RevisionRef")),
            "description": "What it is compared with: the nearest predecessor whose text "
            "is known in its language.",
        },
    }
    schemas["Clause"] = _extended(
        schemas["Clause"],
        anchor={**_TEXT, "description": "Its place in this revision: pp3, op5, op5a."},
        url={**_URI, "description": "The paragraph on the revision's page."},
        api_url={**_URI, "description": "The clause through time."},
    )
    schemas["Revision"] = _extended(
        schemas["Revision"],
        family=_ref("FamilyRef"),
        slug=_TEXT,
        **lineage,
        shown_language={
            **_LANGUAGE,
            "description": "The language of `clauses`: the main one, or `?lang=`.",
        },
        shown_text_status={
            "type": "string",
            "enum": schemas["Revision"]["properties"]["text_status"]["enum"],
            "description": "How much of the text in that language is known.",
        },
        cited_sources={
            **_list(_ref("Source")),
            "description": "Every source the revision, its clauses, proposers, vote and "
            "amendments name, written out.",
        },
        acknowledgement={
            **_nullable(_TEXT),
            "description": "For an official text, the United Nations named as its source.",
        },
        url=_URI,
        api_url=_URI,
        akn_url={**_URI, "description": "The same text as Akoma Ntoso XML."},
        csv_url={**_URI, "description": "Its clauses as CSV, a row each."},
    )
    schemas["Revision"]["properties"]["clauses"]["description"] = (
        "The clauses in `shown_language` only, in order."
    )
    statuses = schemas["Revision"]["properties"]["status"]
    text_statuses = schemas["Revision"]["properties"]["text_status"]
    precision = schemas["Revision"]["properties"]["date_precision"]
    schemas.update(
        {
            "Error": _object("What was wrong with the request.", error=_TEXT),
            "FamilyRef": family_ref,
            "RevisionRef": revision_ref,
            "Root": _object(
                "The API's index.",
                name=_TEXT,
                version=_TEXT,
                description=_TEXT,
                format=_TEXT,
                openapi=_URI,
                endpoints=_list(
                    _object(
                        "An endpoint; `url` may hold {placeholders} to fill in.",
                        path=_TEXT,
                        url=_TEXT,
                        summary=_TEXT,
                    )
                ),
                acknowledgement=_TEXT,
                licence=_object(
                    "The terms of the data.",
                    official_texts=_TEXT,
                    curated_collection=_TEXT,
                    about=_URI,
                ),
            ),
            "Collection": _object(
                "The collection's header and what it holds.",
                format=_TEXT,
                title=_TEXT,
                description=_TEXT,
                compiled=_nullable(_DATE),
                counts=_object(
                    "Families; published revisions; their clauses in their main "
                    "languages; countries; sources.",
                    families=_COUNT,
                    revisions=_COUNT,
                    clauses=_COUNT,
                    countries=_COUNT,
                    sources=_COUNT,
                ),
                acknowledgement=_TEXT,
                url=_URI,
                api_url=_URI,
                families=_URI,
                countries=_URI,
            ),
            "FamilySummary": _object(
                "A draft family in the list.",
                **family_ref["properties"],
                summary=_TEXT,
                penholders=_CODES,
                revision_count=_COUNT,
                first_date=_nullable(_DATE),
                last_date=_nullable(_DATE),
            ),
            "FamilyPage": _page("FamilySummary", "A page of draft families."),
            "VoteSummary": _object(
                "A vote in numbers (the revision's resource has every ballot).",
                date=_DATE,
                meeting=_TEXT,
                adopted={"type": "boolean"},
                resolution_number=_nullable(_TEXT),
                in_favour=_COUNT,
                against=_COUNT,
                abstaining=_COUNT,
                members_named={
                    **_COUNT,
                    "description": "Members whose vote a source names (15 when all are).",
                },
                vetoed_by=_CODES,
            ),
            "RevisionSummary": _object(
                "A published revision of the family.",
                **revision_ref["properties"],
                symbol=_nullable(_TEXT),
                date=_DATE,
                date_precision=precision,
                date_note=_nullable(_TEXT),
                status=statuses,
                text_status=text_statuses,
                language=_LANGUAGE,
                other_languages=_list(_ref("LanguageVersion")),
                sponsors=_CODES,
                follows=_nullable(_TEXT),
                rivals=_list(_TEXT),
                **lineage,
                clause_count={**_COUNT, "description": "Clauses in its main language."},
                vote=_nullable(_ref("VoteSummary")),
                compare_api_url={
                    **_nullable(_URI),
                    "description": "Its comparison with `compared_with`.",
                },
            ),
            "Family": _object(
                "A draft family with its published revisions in order.",
                **family_ref["properties"],
                summary=_TEXT,
                penholders=_CODES,
                revisions=_list(_ref("RevisionSummary")),
            ),
            "ClauseHistory": _object(
                "A clause through every published revision of its family, in date order.",
                family=_ref("FamilyRef"),
                key=_TEXT,
                url=_URI,
                api_url=_URI,
                steps=_list(
                    _object(
                        "A revision, and the clause in it or what it tells of its absence.",
                        revision=_object(
                            "The revision.",
                            **revision_ref["properties"],
                            symbol=_nullable(_TEXT),
                            date=_DATE,
                            date_precision=precision,
                            status=statuses,
                            text_status=text_statuses,
                        ),
                        presence={
                            "type": "string",
                            "enum": [p.value for p in Presence],
                            "description": "Absence is claimed only where a text shows it: "
                            "`unknown` for fragments or no text, `not-in-available-part` "
                            "for a partial copy that may end before the clause's place.",
                        },
                        clause={
                            **_nullable(_ref("Clause")),
                            "description": "Its version (main language first), if present.",
                        },
                        languages=_list(_LANGUAGE),
                    )
                ),
            ),
            "CountrySummary": _object(
                "A country with what it did in published revisions.",
                **schemas["Country"]["properties"],
                counts=_object(
                    "How many of each.",
                    proposals=_COUNT,
                    amendments=_COUNT,
                    sponsorships=_COUNT,
                    pens=_COUNT,
                    ballots=_COUNT,
                ),
                url=_URI,
                api_url=_URI,
            ),
            "CountryPage": _page("CountrySummary", "A page of countries."),
            "Proposal": _object(
                "A clause the country is credited with, and by which sources.",
                family=_ref("FamilyRef"),
                revision=_ref("RevisionRef"),
                key=_TEXT,
                anchor=_TEXT,
                section=schemas["Clause"]["properties"]["section"],
                number=_nullable(_TEXT),
                language=_LANGUAGE,
                text=_TEXT,
                text_kind=schemas["Clause"]["properties"]["text_kind"],
                complete={"type": "boolean"},
                bracketed={"type": "boolean"},
                credits=_list(_object("A source's credit.", source=_TEXT, quote=_TEXT)),
                url=_URI,
                api_url=_URI,
            ),
            "CountryAmendment": _object(
                "An amendment the country moved.",
                family=_ref("FamilyRef"),
                revision=_ref("RevisionRef"),
                date=_DATE,
                target=_TEXT,
                text=_TEXT,
                outcome=schemas["Amendment"]["properties"]["outcome"],
                sources=_list(_TEXT),
            ),
            "Sponsorship": _object(
                "A draft the country sponsored.",
                family=_ref("FamilyRef"),
                revision=_ref("RevisionRef"),
                symbol=_nullable(_TEXT),
                date=_DATE,
                status=statuses,
            ),
            "Ballot": _object(
                "A vote the country cast.",
                family=_ref("FamilyRef"),
                revision=_ref("RevisionRef"),
                symbol=_nullable(_TEXT),
                date=_DATE,
                meeting=_TEXT,
                cast={"type": "string", "enum": ["in_favour", "against", "abstaining"]},
                adopted={"type": "boolean"},
                resolution_number=_nullable(_TEXT),
            ),
            "ProposalPage": _page("Proposal", "A page of clauses."),
            "CountryAmendmentPage": _page("CountryAmendment", "A page of amendments."),
            "SponsorshipPage": _page("Sponsorship", "A page of sponsored drafts."),
            "FamilyRefPage": _page("FamilyRef", "A page of families."),
            "BallotPage": _page("Ballot", "A page of votes."),
            "CountryDetail": _object(
                "A country and what it did, each list a page at a time.",
                **schemas["Country"]["properties"],
                url=_URI,
                api_url=_URI,
                proposed=_ref("ProposalPage"),
                amendments=_ref("CountryAmendmentPage"),
                sponsored=_ref("SponsorshipPage"),
                pens=_ref("FamilyRefPage"),
                votes=_ref("BallotPage"),
            ),
            "ClausePlace": _object(
                "A clause of one side of a comparison.",
                key=_TEXT,
                anchor=_TEXT,
                number=_nullable(_TEXT),
                place={**_TEXT, "description": "As readers cite it: its number, or anchor."},
                text_kind=schemas["Clause"]["properties"]["text_kind"],
                complete={"type": "boolean"},
                bracketed={"type": "boolean"},
            ),
            "Change": _change(),
            "Comparison": _object(
                "Two revisions of a family compared in one language.",
                family=_ref("FamilyRef"),
                old=_ref("RevisionRef"),
                new=_ref("RevisionRef"),
                relation=_object(
                    "How the two are related, in words.",
                    kind={
                        "type": "string",
                        "enum": ["same", "predecessor", "reversed", "rivals", "family"],
                    },
                    text=_TEXT,
                ),
                language={
                    **_nullable(_LANGUAGE),
                    "description": "Null when the two texts share no language: then "
                    "nothing is compared.",
                },
                summary=_nullable(
                    _object(
                        "The change summary the pages show, and its counts.",
                        line=_TEXT,
                        counts=_object(
                            "Changes of each kind.",
                            **dict.fromkeys(_KINDS, _COUNT),
                        ),
                        statuses=_object(
                            "Alignment entries of each engine status.",
                            **dict.fromkeys(_STATUSES, _COUNT),
                        ),
                        old_clauses=_COUNT,
                        new_clauses=_COUNT,
                    )
                ),
                changes=_list(_ref("Change")),
                url=_URI,
                api_url=_URI,
            ),
        }
    )
    return {"schemas": schemas}


def _change() -> dict[str, Any]:
    """An entry of the engine's alignment (`timeline.diff.Change.to_dict`), joined to the
    clauses it pairs and to what the summary counts it as."""
    index = _nullable({"type": "integer", "minimum": 0})
    change = _object(
        "One entry of the engine's alignment: an old clause, a new one, or a pair.",
        old={**index, "description": "The old clause's index among the old text's."},
        new={**index, "description": "The new clause's index among the new text's."},
        status={"type": "string", "enum": _STATUSES},
        text_changed={"type": "boolean"},
        similarity={"type": "number", "minimum": 0, "maximum": 1},
        ops={
            **_list(
                {
                    "type": "array",
                    "prefixItems": [
                        {"type": "string", "enum": ["equal", "insert", "delete"]},
                        _TEXT,
                    ],
                    "minItems": 2,
                    "maxItems": 2,
                }
            ),
            "description": "Word operations: equal and delete give the old text, equal and "
            "insert the new.",
        },
        kind={
            "type": "string",
            "enum": _KINDS,
            "description": "What the change counts as in the summary.",
        },
        description=_TEXT,
        section={"type": "string", "enum": ["preambular", "operative", "annex"]},
        old_clause=_nullable(_ref("ClausePlace")),
        new_clause=_nullable(_ref("ClausePlace")),
        proposers=_CODES,
    )
    # Present only for a merge (a removed clause whose words went into a new one) or a
    # split (an added clause cut from an old one): that clause's index.
    change["properties"]["merged_into"] = {"type": "integer", "minimum": 0}
    change["properties"]["split_from"] = {"type": "integer", "minimum": 0}
    return change


_KINDS = [*ORDER, NOT_IN_OLD, NOT_IN_NEW, UNCHANGED]
_STATUSES = [status.value for status in Status]


# Parameters


def _path_parameter(name: str, description: str, example: str, pattern: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "pattern": pattern, "minLength": 1},
        "example": example,
    }


_SLUG = "^[-a-zA-Z0-9_]+$"
_FAMILY = _path_parameter("family", "A draft family's slug.", "resolution-2042-2012", _SLUG)
_REVISION = _path_parameter("revision", "A revision's slug.", "s-2012-219", _SLUG)
_KEY = _path_parameter(
    "key", "A clause's key, shared by its versions in the family.", "pp-sovereignty", _SLUG
)
_OLD = _path_parameter("old", "The old revision's slug.", "us-revised-draft", _SLUG)
_NEW = _path_parameter("new", "The new revision's slug.", "s-2012-219", _SLUG)
_CODE = _path_parameter(
    "code", "An ISO 3166-1 alpha-2 code, in either case.", "fr", "^[A-Za-z]{2}$"
)


def _page_parameter(name: str, what: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"The page of {what} (from 1; past the last is a 400).",
        "schema": {"type": "integer", "minimum": 1},
    }


_LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "A language the text has (by default its main language, or for a "
    "comparison the first both texts have); any other is a 400.",
    "schema": _LANGUAGE,
}


def _operation(
    operation_id: str, summary: str, schema: str, parameters: list[dict], description: str = ""
) -> dict:
    json_body = {"application/json": {"schema": _ref(schema)}}
    error = {"application/json": {"schema": _ref("Error")}}
    responses: dict[str, Any] = {
        "200": {
            "description": "OK",
            "headers": {
                "ETag": {"schema": _TEXT, "description": "Strong; send as If-None-Match."},
                "Last-Modified": {"schema": _TEXT},
                "Access-Control-Allow-Origin": {"schema": {"type": "string", "enum": ["*"]}},
            },
            "content": json_body,
        }
    }
    if any(p["in"] == "query" for p in parameters):
        responses["400"] = {"description": "A parameter the API cannot honour.", "content": error}
    if any(p["in"] == "path" for p in parameters):
        responses["404"] = {"description": "Nothing published by that name.", "content": error}
    return {
        "operationId": operation_id,
        "summary": summary,
        "description": description or summary,
        "parameters": parameters,
        "responses": responses,
    }


_COUNTRY_LISTS = [
    ("proposed", "clauses it is credited with"),
    ("amendments", "amendments it moved"),
    ("sponsored", "drafts it sponsored"),
    ("pens", "families where it held the pen"),
    ("votes", "votes it cast"),
]

_PATHS = {
    "/": _operation(
        "root", "The API's index: its endpoints, licence and acknowledgement.", "Root", []
    ),
    "/openapi.json": {
        **_operation("openapi", "This document.", "Root", []),
        "responses": {
            "200": {
                "description": "The OpenAPI 3.1 document.",
                "content": {"application/json": {"schema": {"type": "object"}}},
            }
        },
    },
    "/collection/": _operation(
        "collection", "The collection: title, description, compiled date, counts.", "Collection", []
    ),
    "/families/": _operation(
        "families",
        "The draft families, a page at a time.",
        "FamilyPage",
        [_page_parameter("page", "families")],
    ),
    "/families/{family}/": _operation(
        "family",
        "A draft family with summaries of its published revisions.",
        "Family",
        [_FAMILY],
    ),
    "/families/{family}/revisions/{revision}/": _operation(
        "revision",
        "A published revision whole, in the unsc-drafts/1 revision's shape.",
        "Revision",
        [_FAMILY, _REVISION, _LANG],
        "Clauses (in one language), proposers with their sources, sources, sponsors, the "
        "vote with each named member's ballot, amendments, lineage, and the sources cited.",
    ),
    "/families/{family}/clauses/{key}/": _operation(
        "clause",
        "A clause through every published revision of its family.",
        "ClauseHistory",
        [_FAMILY, _KEY],
    ),
    "/families/{family}/compare/{old}...{new}/": _operation(
        "compare",
        "Two published revisions of a family compared, clause by clause.",
        "Comparison",
        [_FAMILY, _OLD, _NEW, _LANG],
    ),
    "/countries/": _operation(
        "countries",
        "The countries, a page at a time, with what each did.",
        "CountryPage",
        [_page_parameter("page", "countries")],
    ),
    "/countries/{code}/": _operation(
        "country",
        "A country: what it proposed, sponsored, held the pen on, how it voted.",
        "CountryDetail",
        [_CODE, *(_page_parameter(n, what) for n, what in _COUNTRY_LISTS)],
    ),
}


def routes() -> list[tuple[str, str]]:
    """Each endpoint's path (under the API's root) and summary, in the document's order."""
    return [(route, item["get"]["summary"]) for route, item in _paths().items()]


def _paths() -> dict[str, Any]:
    return {route: {"get": operation} for route, operation in _PATHS.items()}


def document(server: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document, the API served at `server` (its root, no final slash)."""
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Redline API",
            "version": "1",
            "description": DESCRIPTION,
            "license": {"name": "See the licence in the API's index, and /about/#sources"},
        },
        "servers": [{"url": server}],
        "paths": _paths(),
        "components": deepcopy(_components()),
    }
