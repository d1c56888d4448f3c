"""Pages of long lists: the country page's sections a page at a time, with links that keep
the other sections' pages, and page numbers that name no page refused."""

import re

import pytest

from tests.helpers import text_of
from timeline.paging import PageError, page_links, read_page


def test_links_name_the_first_the_last_and_the_pages_around_this_one():
    links = page_links(6, 12, lambda n: f"?p={n}")
    assert [link.label for link in links] == [
        "Previous",
        "1",
        "…",
        "4",
        "5",
        "6",
        "7",
        "8",
        "…",
        "12",
        "Next",
    ]
    assert [link.label for link in links if link.current] == ["6"]
    assert links[0].query == "?p=5"
    assert links[-1].query == "?p=7"
    assert page_links(1, 1, str) == []
    assert [link.label for link in page_links(1, 2, str)] == ["1", "2", "Next"]


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5", "²", "100001"])
def test_a_page_number_that_names_no_page_is_refused(value):
    with pytest.raises(PageError, match="is a page number"):
        read_page(value, "votes")


def _votes(response) -> list[str]:
    html = response.content.decode()
    section = html.split('id="votes-heading"')[1]
    return re.findall(r'<th scope="row"><a href="([^"]+)"', section)


def test_a_country_s_votes_come_twenty_to_a_page(story, client):
    first = client.get("/countries/fr/")
    assert first.status_code == 200
    page = text_of(first)
    assert "Votes (61)" in page
    assert "1–20 of 61 votes:" in page
    assert len(_votes(first)) == 20
    html = first.content.decode()
    assert 'href="/countries/fr/?votes=2#votes" rel="next"' in html
    last = client.get("/countries/fr/", {"votes": "4"})
    assert "61–61 of 61 votes:" in text_of(last)
    assert len(_votes(last)) == 1
    seen = [vote for n in range(1, 5) for vote in _votes(client.get(f"/countries/fr/?votes={n}"))]
    assert len(seen) == len(set(seen)) == 61  # every vote once, on one page


def test_paging_one_section_keeps_the_others_page(story, client):
    html = client.get("/countries/fr/", {"votes": "2", "sponsored": "1"}).content.decode()
    assert 'href="/countries/fr/?votes=3&amp;sponsored=1#votes"' in html


def test_a_page_past_the_last_is_refused_with_how_many_there_are(story, client):
    response = client.get("/countries/fr/", {"votes": "5"})
    assert response.status_code == 400
    assert "There are only 4 pages of votes France cast." in text_of(response)
    response = client.get("/countries/fr/", {"proposed": "x"})
    assert response.status_code == 400
    assert "“proposed” is a page number, such as 2" in text_of(response)
