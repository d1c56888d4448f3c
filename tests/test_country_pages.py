"""Country pages say what each country proposed and what became of it, what it sponsored,
where it held the pen and how it voted."""

import pytest
from django.urls import reverse

from tests.helpers import text_of
from timeline.models import (
    Amendment,
    Ballot,
    Clause,
    Country,
    Penholder,
    Proposer,
    Revision,
    RevisionStatus,
    Sponsorship,
    TextStatus,
)

FRANCE = "/countries/fr/"
R3 = "/r/russian-drafts-2011-2012/r3-16-17-jan/"


def test_the_countries_page_lists_every_country_with_permanent_members_marked(syria, client):
    response = client.get(reverse("countries"))
    assert response.status_code == 200
    page = text_of(response)
    for country in syria["countries"]:
        assert country["name"] in page
        assert f'href="/countries/{country["code"].lower()}/"' in response.content.decode()
    permanent = page[page.index("Permanent members") : page.index("Elected members")]
    for name in ["China", "France", "Russia", "United Kingdom", "United States"]:
        assert f"{name} permanent member" in permanent
    assert "Portugal" not in permanent
    elected = page[page.index("Elected members") : page.index("Other sponsors")]
    assert "Portugal 2011, 2012" in elected
    assert "Qatar" in page[page.index("Other sponsors") :]


def test_frances_page_lists_its_call_on_violence_and_detainees_with_the_source_quote(syria, client):
    response = client.get(FRANCE)
    assert response.status_code == 200
    page = text_of(response)
    assert "What France proposed" in page
    assert "Russian drafts" in page
    assert "cease all violence [and] release all those arrested" in page
    assert "Credited to France by RIA Novosti (Sputnik International)" in page
    assert "France's call on the Syrian government" in page
    clause = Clause.objects.get(
        key="op-cease-violence-release-detainees", revision__slug="r3-16-17-jan"
    )
    assert f'href="{R3}#{clause.anchor}"' in response.content.decode()


def test_portugals_page_lists_the_joint_media_access_proposal(syria, client):
    page = text_of(client.get("/countries/pt/"))
    assert "calling on Syria to let international media" in page
    assert "a joint proposal by France and Portugal" in page
    assert "reported paraphrase" in page


def test_a_proposed_clause_in_its_familys_last_text_says_so(syria, client):
    page = text_of(client.get("/countries/ru/"))
    assert "ruling out any military intervention from outside" in page
    assert (
        "What became of it: in R3 (16/17 Jan), the family's last known text "
        "(not put to a vote)" in page
    )


@pytest.mark.parametrize(
    ("change", "fate"),
    [
        ("adopted", "What became of it: kept in R4 (adopted)"),
        ("dropped", "What became of it: dropped in R4 (last seen in R3 (16/17 Jan))"),
        (
            "fragments",
            "What became of it: last seen in R3 (16/17 Jan); "
            "fate unknown: later texts are fragments",
        ),
        # A partial copy that keeps the paragraph which followed it goes on past its old
        # place: it shows the drop, as the clause page says too.
        ("partial", "What became of it: dropped in R4 (last seen in R3 (16/17 Jan))"),
    ],
)
def test_a_clause_fate_is_told_honestly(syria, client, change, fate):
    r3 = Revision.objects.get(slug="r3-16-17-jan")
    later = Revision.objects.create(
        resolution=r3.resolution,
        position=r3.resolution.revisions.count() + 1,
        label="R4",
        slug="r4",
        date=r3.date,
        status=RevisionStatus.ADOPTED if change == "adopted" else RevisionStatus.CIRCULATED,
        text_status={
            "adopted": TextStatus.PARTIAL,
            "dropped": TextStatus.COMPLETE,
            "fragments": TextStatus.FRAGMENTS,
            "partial": TextStatus.PARTIAL,
        }[change],
    )
    violence = r3.clauses.get(key="op-cease-violence-release-detainees")
    kept = violence if change == "adopted" else r3.clauses.exclude(pk=violence.pk).first()
    kept.pk = None
    kept.revision = later
    kept.position = 1
    kept.save()
    page = text_of(client.get(FRANCE))
    assert fate in page
    clause_page = text_of(client.get(f"/c/{r3.resolution.slug}/{violence.key}/"))
    assert ("Dropped in R4." in clause_page) == ("dropped in R4" in fate)


def test_russias_page_shows_its_vetoes(syria, client):
    page = text_of(client.get("/countries/ru/"))
    votes = page[page.index("How Russia voted") :]
    for symbol in ["S/2011/612", "S/2012/77", "S/2012/538"]:
        row = votes[votes.index(f"{symbol} ") :][:150]
        assert "against veto not adopted" in row, row
    row = votes[votes.index("S/2012/219 ") :][:150]
    assert "in favour adopted as resolution 2042 (2012)" in row
    assert votes.count(" veto ") == 3


def test_an_elected_member_voting_against_casts_no_veto(syria, client):
    page = text_of(client.get("/countries/pt/"))
    assert "How Portugal voted" in page
    assert " veto " not in page


def test_sponsorships_and_penholders_are_listed(syria, client):
    page = text_of(client.get("/countries/gb/"))
    assert "Drafts United Kingdom sponsored" in page
    assert "S/2012/77" in page
    assert "Families where United Kingdom held the pen" in page
    assert "European drafts" in page


def test_a_country_that_proposed_nothing_says_so(syria, client):
    page = text_of(client.get("/countries/qa/"))
    assert "No source in the collection credits a clause to Qatar." in page
    assert "cast no recorded vote" in page


@pytest.mark.parametrize("code", ["FR", "Fr", "fR"])
def test_a_country_code_in_any_case_redirects_to_the_lower_case_address(syria, client, code):
    response = client.get(f"/countries/{code}/")
    assert response.status_code == 301
    assert response["Location"] == FRANCE


@pytest.mark.parametrize("code", ["zz", "ZZ", "fra", "f", "1x", "fr%00"])
def test_an_unknown_country_is_not_found(syria, client, code):
    response = client.get(f"/countries/{code}/")
    assert response.status_code == 404
    assert "There is no page at this address" in text_of(response)


def test_html_in_a_clause_is_escaped_on_the_country_page(syria, client):
    Clause.objects.filter(key="op-cease-violence-release-detainees").update(
        text='<script>alert("x")</script> & <b>more</b>'
    )
    response = client.get(FRANCE)
    assert "<script>alert" not in response.content.decode()
    assert '<script>alert("x")</script> & <b>more</b>' in text_of(response)


def test_the_site_navigation_links_countries_and_marks_the_current_page(syria, client):
    html = client.get(FRANCE).content.decode()
    assert '<a href="/countries/" aria-current="page">Countries</a>' in html
    assert '<a href="/search/">Search</a>' in html


def test_a_partial_copy_that_may_end_before_the_clause_leaves_its_fate_open(syria, client):
    r3 = Revision.objects.get(slug="r3-16-17-jan")
    later = Revision.objects.create(
        resolution=r3.resolution,
        position=r3.resolution.revisions.count() + 1,
        label="R4",
        slug="r4",
        date=r3.date,
        status=RevisionStatus.CIRCULATED,
        text_status=TextStatus.PARTIAL,
    )
    opening = r3.clauses.get(key="op-cease-violence-release-detainees")
    opening.pk, opening.revision, opening.key = None, later, "a-new-opening"
    opening.save()
    page = text_of(client.get(FRANCE))
    assert "What became of it: last seen in R3 (16/17 Jan); not in the available part of R4" in page
    clause_page = text_of(client.get(f"/c/{r3.resolution.slug}/op-media-humanitarian-access/"))
    assert "Not in the available part of R4." in clause_page


def test_counts_leave_out_what_unpublished_revisions_hold(syria):
    """A country's counts are its rows less those of unpublished revisions (drafts in
    preview): unpublishing a vetoed draft takes its ballots, sponsors, proposals and
    amendments out of every count, and nothing else."""

    def counts():
        return {
            c.code: (
                c.proposal_count,
                c.amendment_count,
                c.sponsorship_count,
                c.penholder_count,
                c.ballot_count,
            )
            for c in Country.objects.with_counts()
        }

    def published_rows(code):
        return (
            Proposer.objects.filter(country=code, clause__revision__published=True).count(),
            Amendment.objects.filter(proposer=code, revision__published=True).count(),
            Sponsorship.objects.filter(country=code, revision__published=True).count(),
            Penholder.objects.filter(country=code).count(),
            Ballot.objects.filter(country=code, vote__revision__published=True).count(),
        )

    before = counts()
    vetoed = Revision.objects.filter(vote__ballots__isnull=False).distinct().first()
    hidden = set(
        Country.objects.filter(ballots__vote__revision=vetoed).values_list("code", flat=True)
    )
    assert hidden, "the collection has a draft put to a vote"
    Revision.objects.filter(pk=vetoed.pk).update(published=False)
    after = counts()
    assert after == {code: published_rows(code) for code in after}
    assert {code for code in after if after[code] != before[code]} >= hidden
