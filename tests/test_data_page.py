"""The data's machine-readable forms are discoverable: every page names its own in its head
(`<link rel="alternate">`) and offers them as visible Download links, and /data/ lists the
formats, the licence, the United Nations as source and requests to copy."""

import re

import pytest

from tests.helpers import text_of

ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">')


def alternates(response) -> dict[str, str]:
    """Media type -> address, of the alternates a page names in its head."""
    head = response.content.decode().split("</head>")[0]
    return {media: href for media, _, href in ALTERNATE.findall(head)}


def downloads(response) -> list[str]:
    html = response.content.decode()
    if 'class="downloads"' not in html:
        return []
    block = html.split('class="downloads"')[1].split("</p>")[0]
    return re.findall(r'<a href="([^"]+)" type="[^"]+"', block)


REVISION = "/r/resolution-2042-2012/s-2012-219/"


def test_every_page_advertises_the_feed_of_new_revisions(story, client):
    for url in ["/", "/about/", "/countries/", "/search/?q=violence", REVISION]:
        assert alternates(client.get(url))["application/atom+xml"].endswith(
            "/feeds/revisions.atom"
        ), url


def test_a_revision_page_offers_its_akoma_ntoso_json_and_csv(story, client):
    response = client.get(REVISION)
    found = alternates(response)
    assert found["application/akn+xml"] == f"{REVISION}akn.xml"
    assert (
        found["application/json"] == "/api/v1/families/resolution-2042-2012/revisions/s-2012-219/"
    )
    assert found["text/csv"] == f"{REVISION}clauses.csv"
    assert downloads(response) == [
        f"{REVISION}akn.xml",
        "/api/v1/families/resolution-2042-2012/revisions/s-2012-219/",
        f"{REVISION}clauses.csv",
    ]
    page = text_of(response)
    assert "Download this text: Akoma Ntoso XML · JSON · CSV" in page


def test_another_language_version_offers_the_forms_in_that_language(story, client):
    revision = "/r/undof-mandate/2530-2020/"
    response = client.get(revision, {"lang": "fr"})
    assert alternates(response)["application/akn+xml"] == f"{revision}akn.xml?lang=fr"
    links = downloads(response)
    assert len(links) == 3
    assert all(link.endswith("?lang=fr") for link in links)
    for link in links:
        assert client.get(link).status_code == 200, link


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", ["/feeds/revisions.atom", "/api/v1/collection/", "/data/clauses.csv"]),
        (
            "/r/resolution-2042-2012/",
            [
                "/feeds/families/resolution-2042-2012.atom",
                "/api/v1/families/resolution-2042-2012/",
                "/r/resolution-2042-2012/clauses.csv",
            ],
        ),
        ("/countries/fr/", ["/feeds/countries/fr.atom", "/api/v1/countries/fr/"]),
        (
            "/r/russian-drafts-2011-2012/compare/r1-15-dec...r3-16-17-jan/",
            ["/api/v1/families/russian-drafts-2011-2012/compare/r1-15-dec...r3-16-17-jan/"],
        ),
    ],
)
def test_each_kind_of_page_offers_its_own_forms(story, client, url, expected):
    response = client.get(url)
    assert downloads(response) == expected
    assert set(expected) <= set(alternates(response).values()) | {"/feeds/revisions.atom"}


def test_every_advertised_form_answers(story, client):
    pages = ["/", REVISION, "/r/resolution-2042-2012/", "/countries/fr/"]
    links = {link for url in pages for link in downloads(client.get(url))}
    assert len(links) >= 10
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link


def test_the_data_page_lists_the_formats_the_licence_and_examples(story, client):
    response = client.get("/data/")
    assert response.status_code == 200
    page = text_of(response)
    for media in ["application/akn+xml", "application/json", "text/csv", "application/atom+xml"]:
        assert media in page
    assert "Source of the official texts: United Nations." in page
    assert "the licence of the curated collection is not yet stated" in page
    assert "curl -o " in page
    examples = response.content.decode().split('<pre class="example"')[1].split("</pre>")[0]
    # Every request shown names a real address of the collection that answers.
    addresses = re.findall(r"http://testserver(/[^\s'\"<]+)", examples)
    assert len(addresses) == 6
    for address in addresses:
        assert client.get(address.replace("&amp;", "&")).status_code == 200, address


def test_the_footer_links_the_data_page(story, client):
    assert 'href="/data/">Data and feeds</a>' in client.get("/").content.decode()
