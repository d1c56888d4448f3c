"""Search finds clause texts, best match first, shows the matches safely, refuses
malformed queries, and answers htmx with only its results."""

import pytest
from django.db import connection

from tests.conftest import scaled
from tests.test_pages import text_of
from timeline.collection import collection_import
from timeline.models import Clause, Revision

SEARCH = "/search/"


def test_an_empty_search_shows_the_form_and_a_hint(syria, client):
    response = client.get(SEARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="search-q">Words to find</label>' in html
    assert 'role="status"' in html
    assert "Search the text of every clause of every draft" in text_of(response)
    assert client.get(SEARCH, {"q": "   "}).status_code == 200


def test_military_intervention_finds_russias_line(syria, client):
    response = client.get(SEARCH, {"q": "military intervention"})
    assert response.status_code == 200
    page = text_of(response)
    assert "1 clause matches “military intervention”." in page
    assert "ruling out any military intervention from outside" in page
    assert "R3 (16/17 Jan)" in page
    assert "Russian drafts" in page
    assert "c. 16 Jan 2012 date approximate" in page
    assert "fragment — part of the paragraph, as quoted" in page
    assert "Proposed by Russia" in page
    html = response.content.decode()
    assert "<mark>military</mark> <mark>intervention</mark>" in html
    clause = Clause.objects.get(key="peaceful-resolution-no-intervention")
    assert f'href="{clause.get_absolute_url()}"' in html
    assert f'href="/c/russian-drafts-2011-2012/{clause.key}/"' in html


def test_every_word_must_match_whatever_the_case(syria, client):
    page = text_of(client.get(SEARCH, {"q": "MILITARY Intervention"}))
    assert "ruling out any military intervention" in page
    page = text_of(client.get(SEARCH, {"q": "military zeppelin"}))
    assert "No clause matches “military zeppelin”." in page
    assert "Check the spelling" in page


def test_a_closer_match_ranks_first(syria, client):
    revision = Revision.objects.get(slug="r3-16-17-jan")
    Clause.objects.create(
        revision=revision,
        key="a-scattered-match",
        section="operative",
        position=99,
        anchor="op99",
        text="Intervention of every kind was discussed at length by the members, who in "
        "the end agreed on nothing at all about the situation, whether military or not, "
        "and the meeting was adjourned until further notice.",
        text_kind="verbatim",
        complete=True,
        bracketed=False,
    )
    page = text_of(client.get(SEARCH, {"q": "military intervention"}))
    assert "2 clauses match" in page
    assert page.index("ruling out any military intervention") < page.index("adjourned")


def test_filters_by_family_and_by_country(syria, client):
    everywhere = text_of(client.get(SEARCH, {"q": "violence"}))
    russian = text_of(client.get(SEARCH, {"q": "violence", "family": "russian-drafts-2011-2012"}))
    assert "cease all violence" in russian
    assert "Arab–European" not in russian.split("match", 1)[1]
    assert everywhere.count("paragraph") > russian.count("paragraph")
    by_france = text_of(client.get(SEARCH, {"q": "violence", "country": "FR"}))
    assert "cease all violence" in by_france
    by_china = client.get(SEARCH, {"q": "military intervention", "country": "cn"})
    assert "No clause matches “military intervention” with these filters." in text_of(by_china)


def test_html_in_a_clause_is_escaped_in_results_and_highlights(syria, client):
    Clause.objects.filter(key="peaceful-resolution-no-intervention").update(
        text='<script>alert("x")</script> <b>military</b> intervention & more'
    )
    response = client.get(SEARCH, {"q": "military intervention"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b>" not in html
    assert "&lt;b&gt;<mark>military</mark>&lt;/b&gt; <mark>intervention</mark> &amp; more" in html
    assert '<script>alert("x")</script> <b>military</b> intervention & more' in text_of(response)


def test_the_query_is_escaped_where_it_is_shown(syria, client):
    response = client.get(SEARCH, {"q": '<img src=x onerror="alert(1)">'})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 201}, "The search is too long: at most 200 characters, and it has 201."),
        ({"q": "military\x00intervention"}, "The search contains a null character"),
        (
            {"q": "violence", "family": "no-such-family"},
            "There is no draft family “no-such-family”.",
        ),
        ({"q": "violence", "country": "zz"}, "There is no country “zz” in the collection."),
    ],
)
def test_malformed_searches_are_refused_with_a_clear_message(syria, client, params, message):
    response = client.get(SEARCH, params)
    assert response.status_code == 400
    assert message in text_of(response)


def test_a_query_of_exactly_200_characters_is_accepted(syria, client):
    assert client.get(SEARCH, {"q": "violence " * 22 + "vi"}).status_code == 200


def test_results_are_paginated_with_a_clear_count(syria, client):
    response = client.get(SEARCH, {"q": "syria"})
    page = text_of(response)
    total = int(page.split(" clauses match")[0].rsplit(" ", 1)[-1])
    assert total > 20
    assert f"{total} clauses match “syria”; showing 1–20." in page
    assert "Page 1 of" in page
    second = text_of(client.get(SEARCH, {"q": "syria", "page": 2}))
    assert f"showing 21–{min(40, total)}." in second


def test_an_htmx_request_gets_only_the_results(syria, client):
    response = client.get(SEARCH, {"q": "military intervention"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "<h1>Search clause texts</h1>" not in html
    assert "ruling out any <mark>military</mark> <mark>intervention</mark>" in html
    assert '<span id="search-status" hx-swap-oob="innerHTML">1 clause matches' in html
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(syria, client):
    response = client.get(
        SEARCH,
        {"q": "military intervention"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    html = response.content.decode()
    assert "<html" in html
    assert "<h1>Search clause texts</h1>" in html
    assert "hx-swap-oob" not in html
    assert "<mark>military</mark>" in html


def test_arabic_results_are_marked_right_to_left(syria, client):
    arabic = Clause.objects.filter(revision__slug="s-2012-245").first()
    word = arabic.text.split()[1]
    html = client.get(SEARCH, {"q": word}).content.decode()
    assert 'lang="ar" dir="rtl"' in html


def test_the_search_form_works_as_a_plain_get_form(syria, client):
    html = client.get(SEARCH).content.decode()
    assert 'method="get" action="/search/"' in html
    assert 'hx-push-url="true"' in html
    assert " style=" not in html


def test_search_runs_a_bounded_number_of_queries_at_any_data_size(
    transactional_db, client, collection_data, django_assert_max_num_queries
):
    # One test for both sizes: importing twenty times the collection takes a while.
    for factor in (1, 20):
        collection_import(data=scaled(collection_data, factor))
        for params in [
            {},
            {"q": "military intervention"},
            {"q": "syria", "page": "2"},
            {"q": "violence", "family": "russian-drafts-2011-2012", "country": "fr"},
        ]:
            with django_assert_max_num_queries(8):
                response = client.get(SEARCH, params)
            assert response.status_code == 200
    page = text_of(client.get(SEARCH, {"q": "military intervention"}))
    assert "20 clauses match “military intervention”." in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text search")
def test_full_text_search_finds_other_forms_of_a_word(syria, client):
    response = client.get(SEARCH, {"q": "Interventions"})
    assert "ruling out any military <mark>intervention</mark> from outside" in (
        response.content.decode()
    )
    page = text_of(client.get(SEARCH, {"q": '"intervention from outside" -zeppelin'}))
    assert "ruling out any military intervention" in page
