"""Search finds clause texts word for word, best match first, and the revisions and
countries a query names; shows the matches safely, grouped by family; suggests a spelling;
refuses malformed queries; answers htmx with only its results; and its index follows every
change of a clause."""

import re
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin_forms import admin_form_data
from tests.helpers import text_of
from timeline import search as rules
from timeline import versions
from timeline.collection import collection_import
from timeline.models import Clause, Proposer, Revision

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


def test_a_query_with_decomposed_letters_finds_the_composed_text(syria, client):
    # "é" typed as "e" and a combining acute (as some keyboards and copies give it) is
    # the "é" the clause holds.
    Clause.objects.filter(key="peaceful-resolution-no-intervention").update(
        text="Endorses the Zanzibar Communiqu\u00e9 of 30 June 2012,"
    )
    composed = text_of(client.get(SEARCH, {"q": "zanzibar communiqu\u00e9"}))
    assert "1 clause matches" in composed
    decomposed = text_of(client.get(SEARCH, {"q": "zanzibar communique\u0301"}))
    assert "1 clause matches" in decomposed
    assert "Endorses the Zanzibar Communiqu\u00e9 of 30 June 2012," in decomposed


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


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text search")
def test_full_text_search_finds_other_forms_of_a_word(syria, client):
    response = client.get(SEARCH, {"q": "Interventions"})
    assert "ruling out any military <mark>intervention</mark> from outside" in (
        response.content.decode()
    )
    page = text_of(client.get(SEARCH, {"q": '"intervention from outside" -zeppelin'}))
    assert "ruling out any military intervention" in page


@pytest.fixture
def in_r3_family(client):
    """A search within R3's family alone: the story's official texts, which other tests of
    this module load, hold Chinese, Arabic and French too."""

    def search(q: str):
        return client.get(SEARCH, {"q": q, "family": "russian-drafts-2011-2012"})

    return search


@pytest.fixture
def r3_clause(syria, clause):
    """A clause of R3 with the given text."""

    def make(text: str, key: str) -> Clause:
        revision = Revision.objects.get(slug="r3-16-17-jan")
        return clause(revision, key=key, section="operative", position=90 + len(key), text=text)

    return make


def test_a_word_is_found_as_a_word_never_inside_another(r3_clause, client):
    r3_clause("Calls on the media to report freely,", "media-report")
    r3_clause("Demands an immediate end to the fighting,", "immediate-end")
    page = text_of(client.get(SEARCH, {"q": "media"}))
    assert "the media to report freely" in page
    assert "immediate end" not in page
    html = client.get(SEARCH, {"q": "media"}).content.decode()
    assert "<mark>media</mark>" in html
    assert "im<mark>media</mark>te" not in html


def test_a_phrase_in_quotes_must_appear_as_a_phrase(syria, client):
    found = text_of(client.get(SEARCH, {"q": '"military intervention"'}))
    assert "1 clause matches" in found
    reversed_ = text_of(client.get(SEARCH, {"q": '"intervention military"'}))
    assert "No clause matches" in reversed_


def test_words_are_not_found_by_their_beginning(r3_clause, client):
    r3_clause("Calls on the media to report freely,", "media-report")
    assert "No clause matches" in text_of(client.get(SEARCH, {"q": "med"}))


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("media", '("media")'),
        ("Military  Intervention", '("military" "intervention")'),
        ('"sad cat" or rat -mouse', '("sad cat") OR ("rat" NOT "mouse")'),
        ("-mouse cat", '("cat" NOT "mouse")'),
        ("six-point plan", '("six point" "plan")'),
        ('NEAR(a b) text: "unclosed', '("near a" "b" "text" "unclosed")'),
        ("-only -unwanted", ""),
        ("or", ""),
        ('"" * ^', ""),
    ],
)
def test_a_query_becomes_an_fts5_expression_of_quoted_strings(query, expression):
    assert rules.fts5_expression(query) == expression


@pytest.mark.parametrize("query", ["S/2012/77", "s/2012/77", " S/2012/77 "])
def test_a_document_symbol_finds_its_draft(syria, client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    draft = Revision.objects.get(symbol="S/2012/77")
    html = response.content.decode()
    assert '<h2 id="search-revisions">Revisions</h2>' in html
    assert f'href="{draft.get_absolute_url()}"' in html
    assert "(S/2012/77)" in text_of(response)


@pytest.mark.parametrize("query", ["2042", "resolution 2042", "S/RES/2042 (2012)"])
def test_a_resolution_number_finds_the_revision_adopted_as_it(syria, client, query):
    adopted = Revision.objects.get(vote__resolution_number="2042 (2012)")
    response = client.get(SEARCH, {"q": query})
    assert f'href="{adopted.get_absolute_url()}"' in response.content.decode()
    assert "adopted as resolution 2042 (2012)" in text_of(response)


@pytest.mark.parametrize("query", ["S/2023/506", "resolution 2165", "2165"])
def test_symbols_and_numbers_find_the_official_revisions_of_the_story(story, client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    section = response.content.decode().split('id="search-revisions"', 1)
    assert len(section) == 2, f"no revision named by {query}"


@pytest.mark.parametrize("query", ["France", "france", "FR", "fr"])
def test_a_country_name_or_code_finds_the_country(syria, client, query):
    html = client.get(SEARCH, {"q": query}).content.decode()
    assert '<h2 id="search-countries">Countries</h2>' in html
    assert 'href="/countries/fr/"' in html or f'href="{reverse("country", args=["fr"])}"' in html


def test_a_countrys_un_name_finds_it(syria, client):
    html = client.get(SEARCH, {"q": "Russian Federation"}).content.decode()
    assert f'href="{reverse("country", args=["ru"])}"' in html


def test_an_ordinary_word_names_no_revision_or_country(syria, client):
    html = client.get(SEARCH, {"q": "violence"}).content.decode()
    assert "search-revisions" not in html
    assert "search-countries" not in html


def test_results_are_grouped_by_family(syria, client):
    html = client.get(SEARCH, {"q": "violence"}).content.decode()
    titles = [
        part.split(">", 2)[2].split("<", 1)[0]
        for part in html.split('<h2 class="hit-family-title"')[1:]
    ]
    assert "Russian drafts" in " ".join(titles)
    assert len(titles) == len(set(titles)) > 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram suggestions")
def test_a_misspelling_suggests_the_word_of_the_texts(syria, client):
    response = client.get(SEARCH, {"q": "humanitarain", "family": "russian-drafts-2011-2012"})
    html = response.content.decode()
    assert "Did you mean" in text_of(response)
    assert ">humanitarian</a>?" in html, html.split("Did you mean", 1)[1][:200]
    assert "q=humanitarian" in html
    assert "family=russian-drafts-2011-2012" in html


def test_a_correctly_spelt_search_suggests_nothing(syria, client):
    assert "Did you mean" not in text_of(client.get(SEARCH, {"q": "humanitarian zeppelin"}))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram suggestions")
def test_suggestions_follow_the_texts_and_never_reveal_unpublished_ones(syria, client):
    r3 = Revision.objects.get(slug="r3-16-17-jan")
    Clause.objects.filter(revision=r3).update(text="Welcomes the quadrilateral mechanism,")
    assert ">quadrilateral</a>?" in client.get(SEARCH, {"q": "quadrilaterl"}).content.decode()
    Revision.objects.filter(pk=r3.pk).update(published=False)
    assert "Did you mean" not in text_of(client.get(SEARCH, {"q": "quadrilaterl"}))


def test_the_index_follows_an_import(syria, client, collection_data):
    clause = collection_data["resolutions"][0]["revisions"][0]["clauses"][0]
    old_word = clause["text"].split()[1].strip(",.;")
    clause["text"] = "Deplores the zeppelins over the capital,"
    collection_import(data=collection_data)
    page = text_of(client.get(SEARCH, {"q": "zeppelins"}))
    assert "1 clause matches" in page
    assert "Deplores the zeppelins" in page
    assert rules.fts5_expression(old_word)


def test_the_index_follows_bulk_updates_and_deletes(syria, client):
    clauses = Clause.objects.filter(key="peaceful-resolution-no-intervention")
    clauses.update(text="Rejects any zeppelin from outside,")
    assert "No clause matches" in text_of(client.get(SEARCH, {"q": "military intervention"}))
    assert "1 clause matches" in text_of(client.get(SEARCH, {"q": "zeppelin"}))
    clauses.delete()
    assert "No clause matches" in text_of(client.get(SEARCH, {"q": "zeppelin"}))


def test_an_imported_clause_with_decomposed_letters_is_stored_composed(
    syria, client, collection_data
):
    clause = collection_data["resolutions"][0]["revisions"][0]["clauses"][0]
    clause["text"] = "Deplores the Zanzibar Communique\u0301,"
    collection_import(data=collection_data)
    assert Clause.objects.filter(text="Deplores the Zanzibar Communiqu\u00e9,").exists()
    assert "1 clause matches" in text_of(client.get(SEARCH, {"q": "zanzibar communiqu\u00e9"}))


def test_texts_stored_with_decomposed_letters_are_composed_by_migration_0013(syria, client):
    # A database loaded before every way in composed letters keeps them decomposed, and
    # PostgreSQL's search missed the clause; the migration composes what is stored.
    clauses = Clause.objects.filter(key="peaceful-resolution-no-intervention")
    clauses.update(text="Endorses the Zanzibar Communique\u0301 and its \ufb01ndings,")
    proposer = Proposer.objects.order_by("pk").first()
    Proposer.objects.filter(pk=proposer.pk).update(quote="Russia\u2019s communique\u0301")
    untouched = Clause.objects.exclude(key="peaceful-resolution-no-intervention")
    before = dict(untouched.values_list("pk", "text"))
    version = versions.current()

    migration = import_module("timeline.migrations.0013_compose_texts")
    migration.compose(django_apps, SimpleNamespace(connection=connection))

    assert clauses.get().text == "Endorses the Zanzibar Communiqu\u00e9 and its findings,"
    assert Proposer.objects.get(pk=proposer.pk).quote == "Russia\u2019s communiqu\u00e9"
    assert dict(untouched.values_list("pk", "text")) == before
    assert versions.current().number > version.number
    assert "1 clause matches" in text_of(client.get(SEARCH, {"q": "zanzibar communiqu\u00e9"}))


def test_migration_0013_writes_nothing_when_every_text_is_composed(syria):
    version = versions.current()
    migration = import_module("timeline.migrations.0013_compose_texts")
    migration.compose(django_apps, SimpleNamespace(connection=connection))
    assert versions.current() == version


def _edit_in_the_admin(client, django_user_model, text: str) -> Clause:
    """Russia's "no intervention" clause, its text replaced through the admin's form."""
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    clause = Clause.objects.get(key="peaceful-resolution-no-intervention")
    url = reverse("admin:timeline_clause_change", args=[clause.pk])
    form = admin_form_data(client.get(url).content.decode(), "clause_form")
    form["text"] = [text]
    response = client.post(url, form)
    assert response.status_code == 302, text_of(response)
    clause.refresh_from_db()
    return clause


def test_the_index_follows_an_admin_edit_of_a_clause(syria, client, django_user_model):
    edited = "ruling out any airship intervention from outside"
    _edit_in_the_admin(client, django_user_model, edited)
    assert "1 clause matches" in text_of(client.get(SEARCH, {"q": "airship"}))
    assert "No clause matches" in text_of(client.get(SEARCH, {"q": "military intervention"}))


def test_a_clause_edited_with_decomposed_letters_is_stored_composed(
    syria, client, django_user_model
):
    typed = "Endorses the Zanzibar Communique\u0301 of 30 June 2012,"
    clause = _edit_in_the_admin(client, django_user_model, typed)
    assert clause.text == "Endorses the Zanzibar Communiqu\u00e9 of 30 June 2012,"
    found = text_of(client.get(SEARCH, {"q": "zanzibar communiqu\u00e9"}))
    assert "1 clause matches" in found


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
def test_the_sqlite_index_and_its_triggers_exist_after_every_migration(db):
    # Django remakes a SQLite table to alter it, dropping its triggers: a later migration
    # that alters timeline_clause without creating them again fails here.
    if not rules.fts5_available():
        pytest.skip("this SQLite has no FTS5")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'timeline_clause'")
        names = {name for (name,) in cursor.fetchall()}
    assert {
        "timeline_clause_fts_insert",
        "timeline_clause_fts_update",
        "timeline_clause_fts_delete",
    } <= names


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite without FTS5")
def test_without_fts5_words_are_still_matched_as_words(r3_clause, client, monkeypatch):
    monkeypatch.setattr(rules, "fts5_available", lambda alias="default": False)
    r3_clause("Calls on the media to report freely,", "media-report")
    r3_clause("Demands an immediate end to the fighting,", "immediate-end")
    page = text_of(client.get(SEARCH, {"q": "media"}))
    assert "the media to report freely" in page
    assert "immediate end" not in page
    assert "1 clause matches" in text_of(client.get(SEARCH, {"q": '"military intervention"'}))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_the_full_text_filter_uses_the_gin_index(syria):
    query = Clause.objects.search("humanitarian access").values("pk")
    with connection.cursor() as cursor:
        # The test collection is small enough for a sequential scan to be cheaper.
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row for (row,) in cursor.fetchall())
    assert "clause_text_search_vector_idx" in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's ranking")
def test_matches_are_ranked_carrying_their_keys_alone_and_read_whole_a_page_at_a_time(
    syria, client
):
    """Ranking every match while carrying its text, revision and family grew with the
    matches (13.5 ms for 2,200 at 20 times the collection): the ranking query reads keys,
    then one query reads the page's clauses whole, in the same order."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(SEARCH, {"q": "violence"}).content.decode()
    ranked = [q["sql"] for q in queries.captured_queries if "ts_rank_cd" in q["sql"]]
    # Ranking every match: keys alone, cut to the page.
    (every,) = [sql for sql in ranked if "LIMIT 20" in sql]
    assert every.split(" FROM ", 1)[0] == 'SELECT "timeline_clause"."id" AS "pk"'
    # Then the page's clauses, and no others, whole.
    (whole,) = [sql for sql in ranked if sql not in (every,)]
    assert '"timeline_clause"."text"' in whole.split(" FROM ", 1)[0]
    assert '"timeline_clause"."id" IN (' in whole
    first = Clause.objects.search("violence").select_related("revision__resolution")[:20]
    links = [reverse("clause", args=[c.revision.resolution.slug, c.key]) for c in first]
    assert all(f'href="{link}"' in page for link in links)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's stored vectors")
def test_no_search_computes_a_vector_per_clause(syria):
    """Whatever plan PostgreSQL picks (on a small collection, a sequential scan), the
    filter and the ranking read each clause's stored vector: computing it for every clause
    took 0.3 s a query on the shipped story."""
    query = Clause.objects.search("humanitarian access")
    with connection.cursor() as cursor:
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN (VERBOSE) {sql}", params)
        plan = "\n".join(row for (row,) in cursor.fetchall())
    assert "text_search" in plan
    assert "to_tsvector" not in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
def test_a_migration_that_drops_the_index_triggers_has_them_recreated(syria, client):
    # Django remakes a SQLite table to alter it, dropping its triggers; after migrating,
    # the app recreates them and rebuilds the index.
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER timeline_clause_fts_update")
    rules.ensure_sqlite_index(using="default")
    clause = Clause.objects.get(key="peaceful-resolution-no-intervention")
    Clause.objects.filter(pk=clause.pk).update(text="an entirely zanzibarian phrase")
    page = text_of(client.get(reverse("search"), {"q": "zanzibarian"}))
    assert "an entirely zanzibarian phrase" in page  # the hit, not the query echoed


def test_beyond_thirty_families_a_family_is_chosen_from_its_results(syria, client):
    """A menu of every family would outweigh the results in the whole UN corpus (1,500
    families): past thirty, each family's results offer "Only in this family"."""
    from timeline.models import Resolution
    from timeline.views.search import FAMILY_MENU_LIMIT

    Resolution.objects.bulk_create(
        Resolution(slug=f"extra-{n}", title=f"Extra family {n}", position=100 + n)
        for n in range(FAMILY_MENU_LIMIT)
    )
    html = client.get("/search/", {"q": "military intervention"}).content.decode()
    assert 'id="search-family"' not in html
    only = '/search/?q=military%20intervention&amp;family=russian-drafts-2011-2012">Only in'
    assert only in html
    chosen = client.get(
        "/search/", {"q": "violence", "family": "russian-drafts-2011-2012"}
    ).content.decode()
    assert '<option value="russian-drafts-2011-2012" selected>' in chosen
    assert "Extra family" not in chosen
    assert "Only in this family" not in chosen


def test_up_to_thirty_families_the_menu_lists_them_all_in_order(syria, client):
    html = client.get("/search/", {"q": "violence"}).content.decode()
    menu = html.split('id="search-family"')[1].split("</select>")[0]
    assert menu.index("European drafts") < menu.index("Russian drafts")


# Chinese is written without spaces: the word indexes take a run of it between two marks
# for one word, and found nothing for "人道主义" in "人道主义援助" (nor for any Chinese word
# in the story's official texts). A query that holds Chinese finds it wherever it occurs.
def test_chinese_is_found_inside_a_longer_run_and_marked(r3_clause, in_r3_family):
    search = in_r3_family
    r3_clause("决定延长人道主义援助的授权；", "zh-aid")
    r3_clause("要求各方立即停火；", "zh-ceasefire")
    response = search("人道主义")
    page = text_of(response)
    assert "1 clause matches “人道主义” with these filters." in page
    assert "决定延长人道主义援助的授权；" in page
    assert "决定延长<mark>人道主义</mark>援助的授权；" in response.content.decode()
    # A phrase written with a space between its words finds them written together.
    assert "1 clause matches" in text_of(search('"人道 主义"'))
    assert "2 clauses match" in text_of(search("人道主义 or 停火"))
    assert "No clause matches" in text_of(search("人道主义 -授权"))
    assert "No clause matches" in text_of(search("维持和平"))


def test_with_chinese_in_a_query_its_other_words_are_still_whole_words(r3_clause, in_r3_family):
    r3_clause("Calls on the media: 人道主义准入；", "zh-media")
    assert "1 clause matches" in text_of(in_r3_family("media 人道主义"))
    assert "No clause matches" in text_of(in_r3_family("med 人道主义"))
    html = in_r3_family("MEDIA 准入").content.decode()
    assert "Calls on the <mark>media</mark>: 人道主义<mark>准入</mark>；" in html


@pytest.mark.parametrize("word", ["人道主义", "安全理事会"])
def test_chinese_words_of_the_official_texts_find_every_clause_that_holds_them(story, client, word):
    holding = [c.pk for c in Clause.objects.filter(revision__published=True) if word in c.text]
    assert holding
    response = client.get(SEARCH, {"q": word})
    count = len(holding)
    assert f"{count} clause{'s' if count > 1 else ''} match{'' if count > 1 else 'es'}" in (
        text_of(response)
    )
    assert 'lang="zh" dir="ltr"' in response.content.decode()
    assert {c.pk for c in rules.clauses_matching(Clause.objects.all(), word)} >= set(holding)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram suggestions")
def test_chinese_gets_no_spelling_suggestion(syria):
    # The texts' word list holds whole runs of Chinese, no words of it.
    assert rules.suggestion("人道主义援助") is None


def test_a_long_chinese_clause_is_cut_around_its_match_as_a_long_english_one_is():
    # Written without spaces, a Chinese clause of 600 characters was one "word" to the
    # excerpt and shown whole; two characters count as a word now.
    before = "".join(map(chr, range(0x4E00, 0x4E00 + 300)))
    after = "".join(map(chr, range(0x5000, 0x5000 + 300)))
    excerpt = rules.excerpt(f"{before}人道主义{after}", None, "人道主义")
    shown = "".join(piece.text for piece in excerpt.pieces)
    assert excerpt.cut_before
    assert excerpt.cut_after
    assert [piece.text for piece in excerpt.pieces if piece.match] == ["人道主义"]
    assert len(shown) == 2 * rules.EXCERPT_WORDS
    assert shown.index("人道主义") == 2 * (rules.EXCERPT_WORDS // 4)


# Arabic writes "and", "for", "with" and "the" on the word, and marks vowels in some
# texts: "الأمن" found "مجلس الأمن" but not "والأمن" or "للأمن", and "يشدد" not "يشدّد".
def test_an_arabic_word_is_found_with_its_particles_and_vowel_marks(r3_clause, in_r3_family):
    search = in_r3_family
    r3_clause("يشدّد على أهمية السلام والأمن الدوليين؛", "ar-peace")
    r3_clause("يطلب إلى الأمين العام تقديم تقرير عن الأمنية؛", "ar-report")
    response = search("الأمن")
    assert "1 clause matches “الأمن” with these filters." in text_of(response)
    assert "السلام <mark>والأمن</mark> الدوليين" in response.content.decode()
    # Vowel marks and the forms of alif are ignored, in the text and in the query.
    assert "1 clause matches" in text_of(search("يشدد"))
    assert "1 clause matches" in text_of(search("يشدّد"))
    assert "1 clause matches" in text_of(search("الامن"))
    # A word is still a word: not "الأمين" nor "الأمنية".
    assert "No clause matches" in text_of(search("الأمن -السلام"))


def test_arabic_words_of_the_official_texts_find_every_clause_that_holds_them(story):
    # Every form of "الأمن" the story's Arabic texts write, counted word by word: more
    # clauses than hold the word alone, and exactly those the search finds.
    marks = re.compile("[\u064b-\u065f\u0670\u0640]")
    forms = {f"{p}الأمن" for p in ("", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك")}
    forms |= {"للأمن", "وللأمن", "فللأمن"}
    holding = {
        c.pk
        for c in Clause.objects.filter(revision__published=True)
        if forms & set(re.findall(r"\w+", marks.sub("", c.text)))
    }
    alone = {
        c.pk
        for c in Clause.objects.filter(revision__published=True)
        if "الأمن" in re.findall(r"\w+", c.text)
    }
    assert len(holding) > len(alone)
    found = {
        c.pk
        for c in rules.clauses_matching(Clause.objects.filter(revision__published=True), "الأمن")
    }
    assert found == holding


def test_accents_are_ignored_on_every_database(r3_clause, in_r3_family):
    # SQLite's index ignored them and PostgreSQL's did not: "securite" found "sécurité"
    # in development and nothing in production (migration 0014).
    r3_clause("Exige la cessation de la violence et la sécurité des civils ;", "fr-securite")
    for query in ("securite", "sécurité", "SECURITE"):
        response = in_r3_family(query)
        assert "1 clause matches" in text_of(response)
        assert "la <mark>sécurité</mark> des civils" in response.content.decode()
