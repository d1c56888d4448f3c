"""The countries page's counts, kept at a content version (`timeline.country_tallies`):
read from the tally while its version is the current one, counted live at any other, and
counted again once a write commits."""

import datetime

from django.urls import reverse

from tests.helpers import empty_caches
from timeline import country_tallies, versions
from timeline.models import Ballot, Cast, Country, CountryTally, Revision, Vote


def figures(rows: list[Country]) -> dict[str, tuple]:
    return {
        c.code: (*(getattr(c, name) for name in country_tallies.COUNTS), c.council_years)
        for c in rows
    }


def live() -> dict[str, tuple]:
    return figures(country_tallies._counted_now())


def kept_versions() -> set[str]:
    return set(CountryTally.objects.values_list("version", flat=True))


def test_the_collection_loaded_is_counted_and_read_back_in_two_queries(
    syria, django_assert_num_queries
):
    assert kept_versions() == {versions.current().token}
    assert CountryTally.objects.count() == Country.objects.count()
    with django_assert_num_queries(2):  # the version, the countries with their tallies
        rows = country_tallies.counted_countries()
    assert figures(rows) == live()
    russia = next(c for c in rows if c.code == "RU")
    assert russia.ballot_count > 0
    assert 2012 in russia.council_years


def test_a_write_no_signal_reports_is_counted_live_not_read_stale(syria, client):
    """`QuerySet.update` sends no signal: the tally stays at the version before, and the
    page counts live rather than show it."""
    vetoed = Revision.objects.filter(vote__ballots__isnull=False).distinct().first()
    voters = set(Ballot.objects.filter(vote__revision=vetoed).values_list("country", flat=True))
    before = live()
    Revision.objects.filter(pk=vetoed.pk).update(published=False)

    assert kept_versions() != {versions.current().token}
    response = client.get("/countries/")
    shown = figures(
        response.context["permanent"] + response.context["elected"] + response.context["others"]
    )
    assert shown == live()
    assert {code for code in voters if shown[code] != before[code]} == voters


def test_counts_made_while_a_write_lands_are_not_kept(syria, monkeypatch):
    counted = country_tallies._counted_now

    def counted_while_an_editor_saves():
        rows = counted()
        Country.objects.filter(code="FR").update(name="France")  # the version moves
        return rows

    monkeypatch.setattr(country_tallies, "_counted_now", counted_while_an_editor_saves)
    kept = sorted(CountryTally.objects.values_list("country", "version"))
    assert country_tallies.refresh() is False
    assert sorted(CountryTally.objects.values_list("country", "version")) == kept


def test_keeping_the_counts_moves_no_version(syria):
    """Writing the tally is no change of content: no cached page is thrown away for it."""
    before = versions.current()
    CountryTally.objects.all().delete()
    assert country_tallies.refresh() is True
    assert versions.current() == before
    assert kept_versions() == {before.token}
    assert "timeline_countrytally" not in versions.tracked_tables()


def test_saves_and_admin_deletions_are_counted_once_committed(
    transactional_db, admin_client, country, revision
):
    russia = country("RU", "Russia", permanent_member=True)
    draft = revision("R1", published=True)
    vote = Vote.objects.create(
        revision=draft, date=datetime.date(2012, 2, 4), meeting="S/PV.6711", adopted=False
    )
    Ballot.objects.create(vote=vote, country=russia, cast=Cast.AGAINST)

    tally = CountryTally.objects.get(country=russia)
    assert tally.version == versions.current().token
    assert (tally.ballot_count, tally.council_years) == (1, [2012])

    response = admin_client.post(
        reverse("admin:timeline_vote_delete", args=[vote.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Ballot.objects.exists()
    tally = CountryTally.objects.get(country=russia)
    assert tally.version == versions.current().token
    assert (tally.ballot_count, tally.council_years) == (0, [])


def test_a_country_pages_lists_take_their_counts_from_the_tally_while_it_is_current(
    syria, client, fresh_pages
):
    """Four of the five lists are counted in the tally as the page counts them (the clauses
    proposed are not: the tally counts credits); while it is current they are not counted
    again, and the page is the same as one counted live."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    address = reverse("country", args=["ru"])
    with CaptureQueriesContext(connection) as queries:
        kept = client.get(address).content
    counted = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]
    assert len(counted) == 1
    assert '"timeline_clause"' in counted[0]

    CountryTally.objects.all().delete()  # no tally: every list counted
    empty_caches()  # (the tally is no content: the page kept at this version stays)
    with CaptureQueriesContext(connection) as queries:
        live_page = client.get(address).content
    assert sum("COUNT(" in q["sql"] for q in queries.captured_queries) == 5
    assert live_page == kept
