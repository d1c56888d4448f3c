"""The reader pages show the whole collection, honestly and safely."""

import re

import pytest
from django.urls import reverse

from tests.helpers import PAGE_CACHE_QUERIES, text_of
from timeline.models import Clause, Revision

R3 = "/r/russian-drafts-2011-2012/r3-16-17-jan/"


def test_home_lists_every_family_and_revision_in_date_order(syria, client):
    response = client.get("/")
    assert response.status_code == 200
    page = text_of(response)
    for family in syria["resolutions"]:
        assert family["title"] in page
    html = response.content.decode()
    for revision in Revision.objects.select_related("resolution"):
        assert f'href="{revision.get_absolute_url()}"' in html
    russian = [page.index(label) for label in ["R1 (15 Dec)", "R2 (23 Dec)", "R3 (16/17 Jan)"]]
    assert russian == sorted(russian)


def test_home_shows_status_date_precision_symbol_and_text_status(syria, client):
    page = text_of(client.get("/"))
    assert "c. 16 Jan 2012 approximate" in page
    assert "S/2012/77" in page
    assert "vetoed by China and Russia" in page
    assert "fragments only" in page
    assert "no text available" in page
    assert "resolution 2042 (2012)" in page


def test_every_page_says_where_the_data_comes_from_and_when_updated(syria, client):
    for url in ["/", "/r/resolution-2042-2012/", R3]:
        page = text_of(client.get(url))
        assert "last updated 26 November 2026" in page
        assert "Official texts of resolutions and drafts: United Nations" in page


def test_russias_third_draft_shows_the_three_clauses_with_proposers(syria, client):
    response = client.get(R3)
    assert response.status_code == 200
    page = text_of(response)
    assert "cease all violence [and] release all those arrested" in page
    assert "France, according to RIA Novosti (Sputnik International): France's call" in page
    access = page.index("calling on Syria to let international media")
    assert page.index("reported paraphrase", access - 200) < access
    assert "France, according to RIA Novosti (Sputnik International): a joint proposal" in page
    assert "Portugal, according to RIA Novosti" in page
    assert "ruling out any military intervention from outside" in page
    assert "Russia, according to RIA Novosti (Sputnik International): a point that Russia" in page
    assert "date approximate" in page
    assert "AFP (Naharnet) says Russia distributed it on Monday 16 January" in page
    assert "position unknown" in page


def test_every_clause_links_its_sources(syria, client):
    for revision in Revision.objects.prefetch_related("clauses__sources"):
        html = client.get(revision.get_absolute_url()).content.decode()
        for clause in revision.clauses.all():
            assert f'id="{clause.anchor}"' in html
            for source in clause.sources.all():
                assert f'href="{source.url}"' in html


@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("/r/arab-european-draft-2012/v3-1-feb-19-00/", "bracketed — not yet agreed"),
        ("/r/arab-european-draft-2012/v3-1-feb-19-00/", "fragment — the available copy ends here"),
        ("/r/european-drafts-2011/s-2011-612/", "fragment — part of the paragraph, as quoted"),
        ("/r/european-drafts-2011/uk-draft-in-blue-26-aug/", "No wording of this revision"),
        ("/r/resolution-2042-2012/s-2012-219/", "adopted as resolution 2042 (2012)"),
        ("/r/arab-european-draft-2012/s-2012-77/", "Amendments proposed and not adopted"),
        ("/r/unsmis-renewal-july-2012/s-2012-538/", "Only 4 of the Council's 15 members"),
    ],
)
def test_revision_pages_show_honesty_markers(syria, client, url, marker):
    assert marker in text_of(client.get(url))


def test_arabic_text_is_marked_right_to_left(syria, client):
    html = client.get("/r/resolution-2043-2012/s-2012-245/").content.decode()
    assert 'lang="ar" dir="rtl"' in html


def test_html_in_a_clause_is_shown_as_text(syria, client):
    Clause.objects.filter(key="op-cease-violence-release-detainees").update(
        text='<script>alert("x")</script><b>bold</b> & more'
    )
    response = client.get(R3)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more"
        in html
    )
    assert '<script>alert("x")</script><b>bold</b> & more' in text_of(response)


@pytest.mark.parametrize(
    "url",
    [
        "/r/no-such-family/",
        "/r/russian-drafts-2011-2012/no-such-revision/",
        "/r/resolution-2042-2012/r3-16-17-jan/",
        "/nowhere/",
    ],
)
def test_unknown_addresses_are_not_found(syria, client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "There is no page at this address" in text_of(response)


@pytest.mark.parametrize(
    ("name", "args", "budget"),
    [
        ("home", [], 16),
        ("resolution", ["arab-european-draft-2012"], 8),
        ("revision", ["arab-european-draft-2012", "s-2012-77"], 16),
        ("revision", ["russian-drafts-2011-2012", "r3-16-17-jan"], 16),
    ],
)
def test_pages_run_a_bounded_number_of_queries(
    syria, client, django_assert_max_num_queries, name, args, budget
):
    with django_assert_max_num_queries(budget + PAGE_CACHE_QUERIES):
        assert client.get(reverse(name, args=args)).status_code == 200


def test_pages_carry_a_strict_content_security_policy(syria, client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = client.get(R3).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html


def test_every_clause_text_carries_its_language_and_direction(syria, client):
    html = client.get("/r/european-drafts-2011/s-2011-612/").content.decode()
    assert 'lang="fr" dir="ltr"' in html
    assert 'lang="en" dir="ltr"' in html
    html = client.get("/r/resolution-2043-2012/s-2012-245/").content.decode()
    assert 'lang="ar" dir="rtl"' in html
