"""Atom feeds of new and changed revisions (issue 12, point 4), read as a feed reader reads
them (feedparser): valid, newest change first, an entry per published revision of the
collection, a family or a country, each with the timeline's change summary and a link to
the comparison, every link a page; unknown families and countries 404; the same number of
queries however large the collection."""

import datetime
import re
from html import unescape

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers import PAGE_CACHE_QUERIES, empty_caches, scaled
from timeline.collection import collection_import
from timeline.exports.feeds import ENTRIES
from timeline.lanes import _cards
from timeline.models import Country, Resolution, Revision
from timeline.versions import current

EUROPEAN = "european-drafts-2011"
RUSSIAN = "russian-drafts-2011-2012"
HOST = "http://testserver"


def parse(client, url: str):
    """The feed at `url` as feedparser reads it, checked to be well-formed Atom."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def path_of(url: str) -> str:
    assert url.startswith(HOST), url
    return url.removeprefix(HOST)


def updated(entry) -> datetime.datetime:
    """When an entry last changed, to the microsecond (feedparser's parsed time stops at the
    second)."""
    return datetime.datetime.fromisoformat(entry.updated)


def links_in(summary: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', summary)]


def expected_links(revisions) -> set[str]:
    return {f"{HOST}{r.get_absolute_url()}" for r in revisions}


# The collection's feed


def test_the_feed_has_an_entry_per_published_revision_newest_change_first(syria, client):
    feed = parse(client, reverse("feed-revisions"))
    published = Revision.objects.published()
    assert len(feed.entries) == min(published.count(), ENTRIES)
    assert {e.link for e in feed.entries} == expected_links(published)
    times = [updated(e) for e in feed.entries]
    assert times == sorted(times, reverse=True)
    assert len(set(times)) > 1


def test_a_changed_revision_comes_first_as_the_same_entry_updated(syria, client):
    before = parse(client, reverse("feed-revisions")).entries
    changed = Revision.objects.get(resolution__slug=RUSSIAN, slug="r1-15-dec")
    link = f"{HOST}{changed.get_absolute_url()}"
    assert before[0].link != link
    changed.note = "A correction."
    changed.save()
    after = parse(client, reverse("feed-revisions")).entries
    assert after[0].link == link
    assert updated(after[0]) > updated(before[0])
    assert sorted(e.id for e in after) == sorted(e.id for e in before)


def test_an_unpublished_revision_is_in_no_feed(syria, client):
    hidden = Revision.objects.get(resolution__slug=RUSSIAN, slug="r1-15-dec")
    hidden.published = False
    hidden.save()
    link = f"{HOST}{hidden.get_absolute_url()}"
    for url in (
        reverse("feed-revisions"),
        reverse("feed-family", args=[RUSSIAN]),
        reverse("feed-country", args=["ru"]),
    ):
        assert link not in {e.link for e in parse(client, url).entries}, url


def test_the_feed_and_its_entries_have_stable_ids(syria, client):
    url = reverse("feed-revisions")
    first = parse(client, url)
    empty_caches()
    again = parse(client, url)
    assert first.feed.id == again.feed.id == f"{HOST}{url}"
    assert [e.id for e in first.entries] == [e.id for e in again.entries]
    # An entry is its revision, whose address is its id.
    assert all(e.id == e.link for e in first.entries)


# What an entry says


def check_entries_against_the_timeline(client, slug: str) -> int:
    """Each entry of the family's feed says what its timeline card says, and links the
    comparison its change was counted in (if it was); returns how many were compared."""
    family = Resolution.objects.get(slug=slug)
    cards = {
        card.revision.pk: card
        for card in _cards(Resolution.objects.for_timeline().get(pk=family.pk))
    }
    entries = parse(client, reverse("feed-family", args=[slug])).entries
    assert len(entries) == len(cards)
    compared = 0
    for entry in entries:
        revision = Revision.objects.get(resolution=family, slug=path_of(entry.link).split("/")[3])
        card = cards[revision.pk]
        assert entry.title == f"{family.title}: {revision.label}"
        assert f"Change: {card.change}." in unescape(entry.summary)
        comparisons = [link for link in links_in(entry.summary) if "/compare/" in link]
        if card.predecessor is not None and revision.clauses.exists():
            old = card.predecessor.slug
            assert comparisons == [f"{HOST}{reverse('compare', args=[slug, old, revision.slug])}"]
            compared += 1
        else:
            assert comparisons == []
    return compared


def test_an_entry_says_what_the_timeline_card_says_and_links_the_comparison(syria, client):
    compared = sum(
        check_entries_against_the_timeline(client, family["slug"])
        for family in syria["resolutions"]
    )
    assert compared >= 5


def test_an_entry_gives_the_revisions_status_date_and_text_as_known(syria, client):
    entries = {e.link: e for e in parse(client, reverse("feed-family", args=[RUSSIAN])).entries}
    r3 = Revision.objects.get(resolution__slug=RUSSIAN, slug="r3-16-17-jan")
    summary = unescape(entries[f"{HOST}{r3.get_absolute_url()}"].summary)
    assert "dated about 16 January 2012" in summary
    assert r3.date_note in summary
    assert "fragments only" in summary
    vetoed = Revision.objects.get(resolution__slug=EUROPEAN, slug="s-2011-612")
    entry = next(
        e
        for e in parse(client, reverse("feed-family", args=[EUROPEAN])).entries
        if e.link == f"{HOST}{vetoed.get_absolute_url()}"
    )
    assert "S/2011/612; vetoed; dated 4 October 2011" in unescape(entry.summary)
    assert "vetoed by China and Russia" in unescape(entry.summary)


def test_every_link_of_every_feed_is_a_page(syria, client):
    urls = [reverse("feed-revisions"), reverse("feed-family", args=[EUROPEAN])]
    urls.append(reverse("feed-country", args=["fr"]))
    seen: set[str] = set()
    for url in urls:
        feed = parse(client, url)
        links = [feed.feed.link] + [
            link for e in feed.entries for link in [e.link, *links_in(e.summary)]
        ]
        for link in set(links) - seen:
            assert client.get(path_of(link)).status_code == 200, link
        seen.update(links)
    assert len(seen) > 30


# A family's and a country's feed


def test_a_family_feed_has_its_published_revisions_only(syria, client):
    feed = parse(client, reverse("feed-family", args=[EUROPEAN]))
    family = Resolution.objects.get(slug=EUROPEAN)
    assert feed.feed.title == f"Redline: {family.title}"
    assert feed.feed.link == f"{HOST}{family.get_absolute_url()}"
    assert {e.link for e in feed.entries} == expected_links(family.revisions.published())


@pytest.mark.parametrize("code", ["FR", "RU", "PK", "CN"])
def test_a_country_feed_has_what_it_sponsored_proposed_a_clause_in_or_voted_on(syria, client, code):
    expected = set()
    for family in syria["resolutions"]:
        for revision in family["revisions"]:
            vote = revision["vote"] or {}
            ballots = (
                vote.get("in_favour", []) + vote.get("against", []) + vote.get("abstaining", [])
            )
            proposers = {p["country"] for c in revision["clauses"] for p in c["proposers"]}
            if code in revision["sponsors"] or code in proposers or code in ballots:
                expected.add((family["slug"], revision["label"]))
    feed = parse(client, reverse("feed-country", args=[code.lower()]))
    country = Country.objects.get(code=code)
    assert feed.feed.title == f"Redline: {country.name}"
    assert feed.feed.link == f"{HOST}{country.get_absolute_url()}"
    found = {
        (r.resolution.slug, r.label)
        for r in Revision.objects.select_related("resolution")
        if f"{HOST}{r.get_absolute_url()}" in {e.link for e in feed.entries}
    }
    assert found == expected
    assert expected


def test_a_proposer_of_one_clause_gets_that_revision_in_its_feed(syria, client):
    # Portugal proposed a clause of Russia's third draft, which it neither sponsored nor
    # voted on.
    r3 = Revision.objects.get(resolution__slug=RUSSIAN, slug="r3-16-17-jan")
    links = {e.link for e in parse(client, reverse("feed-country", args=["pt"])).entries}
    assert f"{HOST}{r3.get_absolute_url()}" in links


def test_a_country_with_no_part_has_a_valid_empty_feed_dated_by_the_collection(syria, client):
    Country.objects.create(code="TV", name="Tuvalu", un_name="Tuvalu")
    url = reverse("feed-country", args=["tv"])
    first = client.get(url).content
    feed = parse(client, url)
    assert feed.entries == []
    assert feed.feed.updated_parsed[:6] == current().changed_at.utctimetuple()[:6]
    empty_caches()
    assert client.get(url).content == first


def test_a_country_code_in_capitals_redirects_to_the_feed(syria, client):
    response = client.get("/feeds/countries/FR.atom")
    assert response.status_code == 301
    assert response["Location"] == reverse("feed-country", args=["fr"])


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/families/no-such-family.atom",
        "/feeds/countries/zz.atom",
        "/feeds/countries/fra.atom",
        "/feeds/countries/f1.atom",
        "/feeds/countries/.atom",
    ],
)
def test_unknown_families_and_countries_are_404(syria, client, url):
    assert client.get(url).status_code == 404


# Caching and queries


def test_a_feed_is_revalidated_like_a_page(syria, client):
    url = reverse("feed-revisions")
    first = client.get(url)
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # The entries; their families' revisions with their rivals and ballots; the
        # clauses of the entries and of what they are compared with, and their proposers.
        (reverse("feed-revisions"), 6),
        # The family first.
        (reverse("feed-family", args=[EUROPEAN]), 7),
        # The country first.
        (reverse("feed-country", args=["fr"]), 7),
    ],
)
def test_a_feed_runs_as_many_queries_with_twice_the_collection(syria, client, url, budget):
    def measure() -> tuple[int, int]:
        empty_caches()
        with CaptureQueriesContext(connection) as queries:
            entries = len(parse(client, url).entries)
        return len(queries), entries

    queries, entries = measure()
    assert queries <= budget + PAGE_CACHE_QUERIES
    collection_import(data=scaled(syria, 2))
    # The copies are the newest revisions now; the collection's and France's feeds fill up.
    Revision.objects.filter(resolution__slug__contains="-copy-").update(
        updated_at=timezone.now() + datetime.timedelta(hours=1)
    )
    grown_queries, grown_entries = measure()
    assert grown_queries == queries
    assert grown_entries >= entries


# The whole story (last: once loaded, it is the module's database until the module ends)


@pytest.mark.parametrize(
    ("family", "compared"), [("cross-border-aid", 10), ("political-process", 2)]
)
def test_the_official_texts_say_what_their_timeline_cards_say(story, client, family, compared):
    assert check_entries_against_the_timeline(client, family) >= compared
