"""The JSON API read as a client reads it: shapes and values on the shipped story, every
answer validated against the OpenAPI document's schema for it, pages of lists, JSON
errors, CORS, revalidation, and a number of queries that does not grow with the data."""

import jsonschema_rs
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import PAGE_CACHE_QUERIES, empty_caches, text_of
from timeline.collection import collection_export
from timeline.exports import api
from timeline.models import Country, Resolution, Revision

API = "/api/v1"
FAMILY = f"{API}/families/resolution-2042-2012"
RESOLUTION_2042 = f"{FAMILY}/revisions/s-2012-219/"


@pytest.fixture
def document(client, story) -> dict:
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json()


def valid(document: dict, name: str, body) -> None:
    """`body` is what the document's schema `name` describes (every error listed)."""
    validator = jsonschema_rs.Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    )
    errors = [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert not errors, errors[:5]


def read(client, document: dict, url: str, schema: str, status: int = 200) -> dict:
    """The answer at `url`: JSON, readable from any origin, and as the document says."""
    response = client.get(url)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    valid(document, schema, body)
    return body


def test_the_index_lists_every_endpoint_of_the_document_with_the_united_nations_as_source(
    client, document
):
    root = read(client, document, f"{API}/", "Root")
    assert [e["path"] for e in root["endpoints"]] == list(document["paths"])
    assert root["openapi"] == f"http://testserver{API}/openapi.json"
    assert "http://testserver/api/v1/families/{family}/" in [e["url"] for e in root["endpoints"]]
    assert root["acknowledgement"] == "Source of the official texts: United Nations."
    assert root["licence"]["about"] == "http://testserver/about/#sources"


def test_the_document_is_openapi_3_1_served_at_its_own_server(document):
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": f"http://testserver{API}"}]
    for route, item in document["paths"].items():
        for response in item["get"]["responses"].values():
            assert "content" in response, route


def test_the_collection_counts_published_revisions(client, document):
    collection = read(client, document, f"{API}/collection/", "Collection")
    assert collection["format"] == "unsc-drafts/1"
    assert collection["counts"]["revisions"] == Revision.objects.published().count()
    assert collection["counts"]["families"] == Resolution.objects.count()


def test_resolution_2042_is_its_revision_in_the_collections_own_shape(client, document):
    revision = read(client, document, RESOLUTION_2042, "Revision")
    exported = next(
        v
        for family in collection_export()["resolutions"]
        if family["slug"] == "resolution-2042-2012"
        for v in family["revisions"]
        if v["symbol"] == "S/2012/219"
    )
    assert {k: revision[k] for k in exported if k != "clauses"} == {
        k: v for k, v in exported.items() if k != "clauses"
    }
    assert [{k: c[k] for k in exported["clauses"][0]} for c in revision["clauses"]] == [
        c for c in exported["clauses"] if c["language"] == "en"
    ]
    assert len(revision["clauses"]) == 30
    third = revision["clauses"][2]
    assert (third["key"], third["anchor"]) == ("pp-sovereignty", "pp3")
    assert third["url"] == "http://testserver/r/resolution-2042-2012/s-2012-219/#pp3"
    assert third["api_url"] == f"http://testserver{FAMILY}/clauses/pp-sovereignty/"
    assert revision["vote"]["adopted"] is True
    assert len(revision["vote"]["in_favour"]) == 15
    assert revision["previous"]["slug"] == "us-revised-draft"
    assert revision["acknowledgement"] == "Source of the official texts: United Nations."
    cited = {s["id"] for s in revision["cited_sources"]}
    named = set(revision["sources"]) | {s for c in revision["clauses"] for s in c["sources"]}
    assert named <= cited


def test_a_revision_in_another_language_gives_its_clauses_in_that_language(client, document):
    other = (
        Revision.objects.published()
        .filter(other_languages__language="fr")
        .select_related("resolution")
        .first()
    )
    url = f"{API}/families/{other.resolution.slug}/revisions/{other.slug}/?lang=fr"
    revision = read(client, document, url, "Revision")
    assert revision["shown_language"] == "fr"
    assert revision["clauses"]
    assert {c["language"] for c in revision["clauses"]} == {"fr"}
    assert "?lang=fr#" in revision["clauses"][0]["url"]


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        (f"{RESOLUTION_2042}?lang=xx", 400, "“lang” option"),
        (f"{RESOLUTION_2042}?lang=ar", 400, "not available in Arabic"),
        (f"{API}/families/?page=99", 400, "only 1 page of families"),
        (f"{API}/families/?page=two", 400, "page number"),
        (f"{API}/countries/fr/?votes=0", 400, "page number"),
        (f"{API}/families/no-such-family/", 404, "No draft family"),
        (f"{FAMILY}/revisions/no-such/", 404, "No published revision"),
        (f"{FAMILY}/clauses/no-such-key/", 404, "has the key"),
        (f"{FAMILY}/compare/us-revised-draft...no-such/", 404, "No published revision"),
        (f"{API}/countries/xx/", 404, "No country"),
        (f"{API}/countries/france/", 404, "No country"),
        (f"{API}/no/such/address/", 404, "No such address"),
    ],
)
def test_bad_parameters_are_400_and_unknown_things_404_in_json(
    client, document, url, status, message
):
    body = read(client, document, url, "Error", status)
    assert message in body["error"]


def test_an_unpublished_revision_is_a_404_and_nowhere_named(client, document):
    draft = Revision.objects.get(resolution__slug="resolution-2042-2012", slug="us-revised-draft")
    draft.published = False
    draft.save()
    read(client, document, f"{FAMILY}/revisions/us-revised-draft/", "Error", 404)
    read(client, document, f"{FAMILY}/compare/us-revised-draft...s-2012-219/", "Error", 404)
    family = client.get(f"{FAMILY}/").content.decode()
    revision = client.get(RESOLUTION_2042).content.decode()
    for body in (family, revision):
        assert "us-revised-draft" not in body
        assert "US revised draft" not in body


def test_a_url_without_its_final_slash_is_sent_on(client, story):
    response = client.get(f"{API}/families?page=1")
    assert response.status_code == 301
    assert response["Location"] == f"{API}/families/?page=1"


def test_a_family_summarises_its_revisions_in_order_with_their_lineage(client, document):
    family = read(client, document, f"{FAMILY}/", "Family")
    slugs = [r["slug"] for r in family["revisions"]]
    assert slugs == ["us-draft-12-apr", "us-revised-draft", "russian-draft-13-apr", "s-2012-219"]
    adopted = family["revisions"][-1]
    assert adopted["vote"]["in_favour"] == 15
    assert adopted["compare_api_url"] == (
        f"http://testserver{FAMILY}/compare/us-revised-draft...s-2012-219/"
    )
    russian = family["revisions"][2]
    assert russian["rivals"]
    assert russian["previous"] is None


def test_a_clause_through_time_tells_each_revision_what_it_knows(client, document):
    history = read(client, document, f"{FAMILY}/clauses/pp-sovereignty/", "ClauseHistory")
    steps = {s["revision"]["slug"]: s for s in history["steps"]}
    assert list(steps) == [
        "us-draft-12-apr",
        "us-revised-draft",
        "russian-draft-13-apr",
        "s-2012-219",
    ]
    assert steps["us-draft-12-apr"]["presence"] == "unknown"
    assert steps["us-draft-12-apr"]["clause"] is None
    assert steps["s-2012-219"]["presence"] == "present"
    assert steps["s-2012-219"]["clause"]["anchor"] == "pp3"
    assert history["url"] == "http://testserver/c/resolution-2042-2012/pp-sovereignty/"


def test_a_comparison_counts_as_the_compare_page_summarises(client, document):
    url = f"{FAMILY}/compare/us-revised-draft...s-2012-219/"
    comparison = read(client, document, url, "Comparison")
    summary = comparison["summary"]
    assert summary["line"] in text_of(
        client.get(url.removeprefix(API).replace("/families/", "/r/", 1))
    )
    assert comparison["relation"]["kind"] == "predecessor"
    kinds = [c["kind"] for c in comparison["changes"]]
    assert {kind: kinds.count(kind) for kind in summary["counts"]} == summary["counts"]
    assert sum(summary["statuses"].values()) == len(comparison["changes"])
    assert summary["new_clauses"] == 30
    added = next(c for c in comparison["changes"] if c["status"] == "added")
    assert added["old_clause"] is None
    assert "".join(text for op, text in added["ops"] if op != "delete")


def test_pages_of_a_list_link_their_neighbours(client, document, monkeypatch):
    monkeypatch.setattr(api, "PAGE_SIZE", 5)
    first = read(client, document, f"{API}/families/", "FamilyPage")
    assert first["count"] == Resolution.objects.count()
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/families/?page=2"
    second = read(client, document, first["next"].removeprefix("http://testserver"), "FamilyPage")
    assert second["previous"] == "http://testserver/api/v1/families/?page=1"
    assert {f["slug"] for f in first["results"]}.isdisjoint(f["slug"] for f in second["results"])
    last = f"{API}/families/?page={first['pages']}"
    assert read(client, document, last, "FamilyPage")["next"] is None
    read(client, document, f"{API}/families/?page={first['pages'] + 1}", "Error", 400)


def test_a_country_lists_what_it_did_each_list_a_page_at_a_time(client, document, monkeypatch):
    monkeypatch.setattr(api, "PAGE_SIZE", 3)
    france = read(client, document, f"{API}/countries/FR/?votes=2", "CountryDetail")
    assert france["code"] == "FR"
    assert france["api_url"] == "http://testserver/api/v1/countries/fr/"
    assert france["votes"]["page"] == 2
    assert france["votes"]["previous"] == "http://testserver/api/v1/countries/FR/?votes=1"
    assert france["sponsored"]["page"] == 1
    assert france["proposed"]["results"][0]["credits"]
    assert {b["cast"] for b in france["votes"]["results"]} <= {"in_favour", "against", "abstaining"}
    countries = read(client, document, f"{API}/countries/", "CountryPage")
    assert countries["count"] == Country.objects.count()


def test_every_family_revision_and_comparison_is_as_the_document_says(client, document):
    families = read(client, document, f"{API}/families/", "FamilyPage")["results"]
    for listed in families:
        family = read(client, document, listed["api_url"], "Family")
        for revision in family["revisions"]:
            read(client, document, revision["api_url"], "Revision")
            if revision["compare_api_url"]:
                read(client, document, revision["compare_api_url"], "Comparison")


def test_answers_revalidate_with_their_etag(client, story):
    first = client.get(RESOLUTION_2042)
    assert first["ETag"]
    assert first["Last-Modified"]
    again = client.get(RESOLUTION_2042, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_browser_preflight_is_answered_for_get(client, story):
    response = client.options(
        RESOLUTION_2042,
        headers={
            "origin": "https://example.org",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert client.post(RESOLUTION_2042).status_code == 405


# Each endpoint at a small and a large instance (a list: one item to a page, then fifty;
# else a revision, family or comparison of few clauses, then of many): the same number of
# queries, within budget.
BUDGETS = [
    (10, f"{API}/", f"{API}/"),
    (10, f"{API}/collection/", f"{API}/collection/"),
    (10, f"{API}/families/", f"{API}/families/"),
    (10, f"{FAMILY}/", f"{API}/families/undof-mandate/"),
    (20, f"{API}/families/undof-mandate/revisions/1994-2011/", RESOLUTION_2042),
    (
        10,
        f"{FAMILY}/clauses/pp-sovereignty/",
        f"{API}/families/undof-mandate/clauses/1994-2011-para-8/",
    ),
    (10, f"{API}/countries/", f"{API}/countries/"),
    (20, f"{API}/countries/fr/", f"{API}/countries/fr/"),
    (
        10,
        f"{FAMILY}/compare/us-revised-draft...s-2012-219/",
        f"{API}/families/undof-mandate/compare/1994-2011...2824-2026/",
    ),
]


@pytest.mark.parametrize(("budget", "small", "large"), BUDGETS)
def test_queries_are_few_and_do_not_grow_with_the_data(
    client, story, django_assert_max_num_queries, monkeypatch, budget, small, large, fresh_pages
):
    with monkeypatch.context() as patched:
        patched.setattr(api, "PAGE_SIZE", 1)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(small).status_code == 200
    empty_caches()  # the large one rendered too, even where it is the same address
    with django_assert_max_num_queries(budget + PAGE_CACHE_QUERIES) as larger:
        assert client.get(large).status_code == 200
    assert len(larger) == len(queries)


def test_a_revision_links_its_other_forms_in_the_language_shown(story, client):
    found = client.get("/api/v1/families/undof-mandate/revisions/2530-2020/", {"lang": "fr"})
    data = found.json()
    assert data["akn_url"] == "http://testserver/r/undof-mandate/2530-2020/akn.xml?lang=fr"
    assert data["csv_url"] == "http://testserver/r/undof-mandate/2530-2020/clauses.csv?lang=fr"
    for url in (data["akn_url"], data["csv_url"]):
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
