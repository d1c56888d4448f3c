"""CSV tables of clauses (issue 12, point 3): a row per clause per revision and language,
with the honesty markers, proposers and sources; only published revisions; a byte order
mark only when asked; bad options a 400, unknown things a 404; the same number of queries
however large the collection."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import PAGE_CACHE_QUERIES, empty_caches, scaled
from timeline.collection import collection_import
from timeline.exports.tables import COLUMNS
from timeline.models import Clause, Revision

EUROPEAN = "european-drafts-2011"
S_2011_612 = ("european-drafts-2011", "s-2011-612")  # English, with a French version
ARAB_EUROPEAN_V3 = ("arab-european-draft-2012", "v3-1-feb-19-00")  # some text bracketed
R3 = ("russian-drafts-2011-2012", "r3-16-17-jan")  # proposers credited, date approximate


def read(response) -> list[dict[str, str]]:
    """The table's rows as dictionaries, checking the header on the way."""
    text = response.content.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    assert tuple(header) == COLUMNS
    return [dict(zip(header, row, strict=True)) for row in reader]


def get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:200])
    return response


def revision_data(data: dict, family: str, label: str) -> dict:
    found = next(r for r in data["resolutions"] if r["slug"] == family)
    return next(v for v in found["revisions"] if v["label"] == label)


# What a row says


def test_a_revision_has_a_row_per_clause_of_its_main_language_with_the_collection_values(
    syria, client
):
    rows = read(get(client, reverse("revision-csv", args=R3)))
    expected = revision_data(syria, R3[0], "R3 (16/17 Jan)")
    publishers = {s["id"]: (s["publisher"], s["url"]) for s in syria["sources"]}
    names = {c["code"]: c["name"] for c in syria["countries"]}
    assert [r["key"] for r in rows] == [c["key"] for c in expected["clauses"]]
    for row, clause in zip(rows, expected["clauses"], strict=True):
        credited = list(dict.fromkeys(p["country"] for p in clause["proposers"]))
        assert row == row | {
            "family": R3[0],
            "revision": R3[1],
            "revision_label": "R3 (16/17 Jan)",
            "symbol": "",
            "date": expected["date"],
            "date_precision": "approximate",
            "status": expected["status"],
            "language": "en",
            "text_status": expected["text_status"],
            "section": clause["section"],
            "number": clause["number"] or "",
            "position": str(clause["position"]),
            "text": clause["text"],
            "text_kind": clause["text_kind"],
            "complete": "true" if clause["complete"] else "false",
            "bracketed": "true" if clause["bracketed"] else "false",
            "proposers": "; ".join(credited),
            "proposer_names": "; ".join(names[code] for code in credited),
            "sources": "; ".join(" ".join(publishers[s]) for s in clause["sources"]),
            "note": clause["note"] or "",
        }


def test_a_proposer_is_given_with_the_source_that_credits_it(syria, client):
    rows = {r["key"]: r for r in read(get(client, reverse("revision-csv", args=R3)))}
    media = rows["op-media-humanitarian-access"]
    assert media["proposers"] == "FR; PT"
    assert media["proposer_names"] == "France; Portugal"
    credits = media["proposer_sources"].split("; ")
    assert [c.split(":")[0] for c in credits] == ["FR", "PT"]
    assert all("http" in c for c in credits)


def test_brackets_fragments_and_paraphrases_are_in_the_table(syria, client):
    rows = read(get(client, reverse("revision-csv", args=S_2011_612)))
    assert {r["text_status"] for r in rows} == {"fragments"}
    assert {r["text_kind"] for r in rows} == {"verbatim", "paraphrase"}
    assert all(r["complete"] == "false" for r in rows if r["text_kind"] == "paraphrase")
    bracketed = read(get(client, reverse("revision-csv", args=ARAB_EUROPEAN_V3)))
    assert {r["bracketed"] for r in bracketed} == {"true", "false"}


def test_every_link_in_a_row_is_absolute_and_leads_to_its_page(syria, client):
    rows = read(get(client, reverse("revision-csv", args=R3)))
    row = rows[0]
    assert row["revision_url"] == f"http://testserver/r/{R3[0]}/{R3[1]}/"
    assert row["clause_url"] == f"{row['revision_url']}#{row['anchor']}"
    assert row["clause_history_url"] == f"http://testserver/c/{R3[0]}/{row['key']}/"
    for url in (row["revision_url"], row["clause_history_url"]):
        get(client, url.removeprefix("http://testserver"))


# Languages


def test_a_revision_in_another_language_is_asked_for_with_lang(syria, client):
    url = reverse("revision-csv", args=S_2011_612)
    english, french = read(get(client, url)), read(get(client, f"{url}?lang=fr"))
    assert {r["language"] for r in english} == {"en"}
    assert {r["language"] for r in french} == {"fr"}
    assert (
        len(french)
        == Clause.objects.filter(
            revision__resolution__slug=S_2011_612[0], revision__slug=S_2011_612[1], language="fr"
        ).count()
    )
    assert all(r["revision_url"].endswith("/?lang=fr") for r in french)
    get(client, french[0]["revision_url"].removeprefix("http://testserver"))


@pytest.mark.parametrize("query", ["lang=ar", "lang=xx", "lang=en&lang=fr", "lang="])
def test_a_language_the_revision_has_not_is_a_400_that_says_why(syria, client, query):
    response = get(client, f"{reverse('revision-csv', args=S_2011_612)}?{query}", 400)
    assert "lang" in response.content.decode() or "available" in response.content.decode()


def test_a_family_and_the_collection_give_every_language_of_every_published_revision(syria, client):
    family = read(get(client, reverse("family-csv", args=[EUROPEAN])))
    assert len(family) == Clause.objects.filter(revision__resolution__slug=EUROPEAN).count()
    languages = [r["language"] for r in family if r["revision"] == S_2011_612[1]]
    # The main language first, then the French version.
    assert languages == sorted(languages, key=lambda code: code != "en")
    assert set(languages) == {"en", "fr"}
    collection = read(get(client, reverse("collection-csv")))
    assert len(collection) == Clause.objects.count()
    assert [r for r in collection if r["family"] == EUROPEAN] == family


# Only what readers may see


def test_an_unpublished_revision_is_in_no_table(syria, client):
    Revision.objects.filter(resolution__slug=R3[0], slug=R3[1]).update(published=False)
    get(client, reverse("revision-csv", args=R3), 404)
    for url in (reverse("family-csv", args=[R3[0]]), reverse("collection-csv")):
        assert R3[1] not in {r["revision"] for r in read(get(client, url)) if r["family"] == R3[0]}


@pytest.mark.parametrize(
    "url",
    [
        "/r/no-such-family/clauses.csv",
        "/r/no-such-family/s-2011-612/clauses.csv",
        "/r/european-drafts-2011/no-such-revision/clauses.csv",
    ],
)
def test_unknown_families_and_revisions_are_404(syria, client, url):
    get(client, url, 404)


# Download, byte order mark


def test_a_table_is_a_utf8_csv_download_with_a_safe_name(syria, client):
    for url, filename in [
        (reverse("revision-csv", args=S_2011_612), f"{EUROPEAN}_s-2011-612_clauses.csv"),
        (
            f"{reverse('revision-csv', args=S_2011_612)}?lang=fr",
            f"{EUROPEAN}_s-2011-612_fr_clauses.csv",
        ),
        (reverse("family-csv", args=[EUROPEAN]), f"{EUROPEAN}_clauses.csv"),
        (reverse("collection-csv"), "redline_clauses.csv"),
    ]:
        response = get(client, url)
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_a_byte_order_mark_comes_only_with_bom_1(syria, client):
    url = reverse("revision-csv", args=S_2011_612)
    plain, marked = get(client, url).content, get(client, f"{url}?bom=1").content
    assert plain.startswith(b"family,")
    assert marked == b"\xef\xbb\xbf" + plain
    assert marked.decode("utf-8-sig") == plain.decode("utf-8")


@pytest.mark.parametrize("query", ["bom=0", "bom=yes", "bom=", "bom=1&bom=1"])
def test_any_other_bom_is_a_400(syria, client, query):
    for url in (
        reverse("revision-csv", args=S_2011_612),
        reverse("family-csv", args=[EUROPEAN]),
        reverse("collection-csv"),
    ):
        assert "bom=1" in get(client, f"{url}?{query}", 400).content.decode()


# Texts as they are


def test_commas_quotes_line_breaks_and_formula_signs_come_back_verbatim(syria, client):
    texts = [
        'He said, "stop the violence",\r\nthen left; all of it',
        '=HYPERLINK("http://example.org","x")',
        "+1, -2 and @mentions",
        "-calls upon all parties",
    ]
    clauses = Clause.objects.filter(revision__resolution__slug=R3[0], revision__slug=R3[1])
    for clause, text in zip(clauses.order_by("position"), texts, strict=False):
        clause.text = text
        clause.save()
    rows = read(get(client, reverse("revision-csv", args=R3)))
    # Written as the source gives them, never prefixed: see timeline.exports.tables.
    assert [r["text"] for r in rows[: len(texts)]] == texts[: len(rows)]


# Caching and queries


def test_a_table_answers_head_and_refuses_post(syria, client):
    url = reverse("revision-csv", args=S_2011_612)
    head = client.head(url)
    assert head.status_code == 200
    assert head["Content-Type"] == "text/csv; charset=utf-8"
    assert client.post(url).status_code == 405


def test_a_table_is_revalidated_like_a_page(syria, client):
    url = reverse("family-csv", args=[EUROPEAN])
    first = get(client, url)
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # The revision and its languages; its clauses, their proposers, their sources.
        (reverse("revision-csv", args=S_2011_612), 5),
        (f"{reverse('revision-csv', args=S_2011_612)}?lang=fr", 5),
        # The revisions, their languages, clauses, proposers and sources.
        (reverse("family-csv", args=[EUROPEAN]), 5),
        (reverse("collection-csv"), 5),
    ],
)
def test_a_table_runs_as_many_queries_with_twice_the_collection(syria, client, url, budget):
    def measure() -> tuple[int, int]:
        empty_caches()
        with CaptureQueriesContext(connection) as queries:
            rows = read(get(client, url))
        return len(queries), len(rows)

    queries, rows = measure()
    assert queries <= budget + PAGE_CACHE_QUERIES
    collection_import(data=scaled(syria, 2))
    grown_queries, grown_rows = measure()
    assert grown_queries == queries
    if url == reverse("collection-csv"):
        assert grown_rows == 2 * rows


# The whole story (last: once loaded, it is the module's database until the module ends)


def test_no_shipped_clause_text_begins_like_a_spreadsheet_formula(story, client):
    rows = read(get(client, reverse("collection-csv")))
    assert len(rows) == Clause.objects.filter(revision__published=True).count()
    assert not [r["text"] for r in rows if r["text"][:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_official_texts_name_the_united_nations_as_their_source(story, client):
    rows = read(get(client, reverse("revision-csv", args=["resolution-2042-2012", "s-2012-219"])))
    assert rows
    assert all("United Nations" in r["sources"] for r in rows)
