"""The compare page shows what changed between any two revisions of a family, honestly,
safely and in a bounded number of queries."""

import re
from html import unescape

import pytest
from django.urls import reverse

from timeline.models import Clause, Resolution

FAMILY = "arab-european-draft-2012"
V3, LATE = "v3-1-feb-19-00", "late-preamble-scribd-undated"
SUMMARY = (
    "3 edited, 3 typography only; 1 not in late preamble (Scribd, undated)’s available text; "
    "1 not in v3 (1 Feb 19:00)’s available text"
)
ARAB_EUROPEAN = f"/r/{FAMILY}/compare/{V3}...{LATE}/"
RUSSIAN = "/r/russian-drafts-2011-2012/compare/r1-15-dec...r3-16-17-jan/"


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|title)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(p|li|div|h\d|dt|dd|article|header|section|nav|ul|ol)\b[^>]*>", " ", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_the_arab_european_drafts_show_what_changed_clause_by_clause(syria, client):
    response = client.get(ARAB_EUROPEAN)
    assert response.status_code == 200
    page = text_of(response)
    # Both copies are partial: what one lacks is not in it, not removed or added; three
    # edits change only an apostrophe or a quote.
    assert f"{SUMMARY}." in page
    assert "pp8 · not in late preamble (Scribd, undated)’s available text" in page
    assert "deleted: Expressing grave concern at the continued transfer of weapons" in page
    assert "pp10 · edited" in page
    assert "inserted: , and noting that nothing in this resolution authorizes measures" in page
    assert "pp11 · not in v3 (1 Feb 19:00)’s available text" in page
    assert "inserted: Welcoming the engagement of the Secretary-General" in page
    assert "pp9 · typography only: punctuation, quotes or spacing, renumbered from pp9bis" in page
    # Reading order: the removed arms paragraph sits where it was, before the edited pp10.
    assert page.index("pp8 · not in") < page.index("pp10 · edited") < page.index("pp11 · not in")


def test_changes_only_folds_unchanged_clauses_and_full_text_shows_them(syria, client):
    recalling = "Recalling its presidential statement of 3 August 2011"
    changes = text_of(client.get(ARAB_EUROPEAN))
    assert recalling not in changes
    assert "1 unchanged paragraph (pp1) — show in full text" in changes
    full = text_of(client.get(ARAB_EUROPEAN + "?show=all"))
    assert f"pp1 · unchanged {recalling}" in full
    assert "pp8 · unchanged, renumbered from pp9 Mindful that stability in Syria" in full


def test_side_by_side_shows_old_and_new_text_in_two_columns(syria, client):
    response = client.get(ARAB_EUROPEAN + "?view=side")
    html = response.content.decode()
    assert html.count('class="side side-old"') == html.count('class="side side-new"') == 8
    page = text_of(response)
    removed = page.index("pp8 · not in late preamble (Scribd, undated)’s available text")
    missing = page.index("Not in late preamble (Scribd, undated)’s available text.", removed)
    assert missing < page.index("pp9 · typography only", removed)
    assert "v3 (1 Feb 19:00) · pp9bis" in page
    assert "late preamble (Scribd, undated) · pp9" in page


def test_every_change_has_an_id_and_links_to_its_neighbours(syria, client):
    html = client.get(ARAB_EUROPEAN).content.decode()
    ids = re.findall(r'<article class="change [^"]*" id="([^"]+)"[^>]*data-change="(\d+)"', html)
    assert [number for _, number in ids] == [str(n) for n in range(1, 9)]
    assert ids[4][0] == "removed-pp8"
    assert f'<a href="#{ids[5][0]}" rel="next">Next change</a>' in html
    assert f'<a href="#{ids[3][0]}" rel="prev">Previous change</a>' in html
    assert 'aria-label="Change 5 of 8"' in html


def test_inserted_text_is_attributed_to_its_proposers_by_name(syria, client):
    page = text_of(client.get(RUSSIAN))
    access = page.index("calling on Syria to let international media")
    assert page.index("Inserted text proposed by France and Portugal", access) > access
    assert "Inserted text proposed by Russia" in page
    assert "FR PT" not in page


def test_the_page_is_honest_about_partial_texts_and_dates(syria, client):
    page = text_of(client.get(ARAB_EUROPEAN))
    assert "The comparison covers only the text available" in page
    assert "v3 (1 Feb 19:00) and late preamble (Scribd, undated): partial text — a cont" in page
    assert "1 Feb 2012" in page
    assert "c. 2 Feb 2012 date approximate" in page
    assert "fragment — the available copy ends here" in page
    fragments = text_of(client.get(RUSSIAN))
    assert "only quotations or summaries survive" in fragments
    assert "position unknown · not in R3 (16/17 Jan)’s available fragments" in fragments


def test_a_moved_clause_is_shown_as_a_move_with_its_edits(db, client, revision, clause):
    family = Resolution.objects.create(slug="moves", title="Moves")
    old, new = revision("Old", family=family), revision("New", family=family)
    texts = {
        "first": "Recalling its previous resolutions,",
        "second": "Expressing grave concern at the situation,",
        "third": "Stressing the need for an inclusive political process,",
    }
    for number, key in enumerate(texts, start=1):
        clause(old, key=key, text=texts[key], number=f"pp{number}", anchor=f"pp{number}")
    order = ["third", "first", "second"]
    for number, key in enumerate(order, start=1):
        text = texts[key].replace("inclusive", "inclusive and Syrian-led")
        clause(new, key=key, text=text, number=f"pp{number}", anchor=f"pp{number}")
    page = text_of(client.get(reverse("compare", args=["moves", "old", "new"])))
    assert "pp1 · moved from pp3 to pp1, edited" in page
    assert "inclusive inserted: and Syrian-led political process" in page


def test_an_english_text_is_never_compared_with_an_arabic_one(syria, client):
    url = "/r/resolution-2043-2012/compare/russian-draft-un-mission...s-2012-245/?view=side"
    response = client.get(url)
    page = text_of(response)
    assert response.status_code == 200
    assert "No language in common" in page
    assert "Russian draft (UN mission) is known in English." in page
    assert "S/2012/245 is known in Arabic." in page
    assert "What changed" not in page


def test_arabic_text_is_marked_right_to_left(revision, clause, client):
    old = revision("old", language="ar")
    new = revision("new", family=old.resolution, language="ar")
    clause(old, key="recalling", text="إذ يشير إلى قراره", language="ar")
    clause(new, key="recalling", text="إذ يشير إلى قراريه", language="ar")
    html = client.get(f"/r/{old.resolution.slug}/compare/old...new/?view=side").content.decode()
    assert re.search(r'<p class="change-text[^"]*" lang="ar" dir="rtl">', html)
    assert '<del><span class="visually-hidden">deleted: </span>قراره</del>' in html


def test_a_shared_comparison_unfurls_with_its_summary(syria, client):
    html = client.get(ARAB_EUROPEAN + "?view=side&utm_source=x").content.decode()
    canonical = f"http://testserver{ARAB_EUROPEAN}?view=side"
    assert f'<link rel="canonical" href="{canonical}">' in html
    title = "v3 (1 Feb 19:00) → late preamble (Scribd, undated) — Arab–European draft"
    assert f'<meta property="og:title" content="{title}' in html
    assert (
        "what changed from v3 (1 Feb 19:00) to late preamble (Scribd, undated) — 3 edited" in html
    )


def test_the_same_revision_on_both_sides_says_so(syria, client):
    response = client.get(f"/r/{FAMILY}/compare/{V3}...{V3}/")
    assert response.status_code == 200
    page = text_of(response)
    assert "The same revision on both sides" in page
    assert f'href="/r/{FAMILY}/{V3}/"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "location"),
    [
        (f"?old={V3}&new={LATE}", ARAB_EUROPEAN),
        (f"?old={V3}&new={LATE}&view=inline&show=changes", ARAB_EUROPEAN),
        (f"?old={V3}&new={LATE}&view=side", ARAB_EUROPEAN + "?view=side"),
        (f"?old={LATE}&new={V3}&show=all", f"/r/{FAMILY}/compare/{LATE}...{V3}/?show=all"),
        (f"?new={LATE}&old={V3}&show=all&view=side", ARAB_EUROPEAN + "?view=side&show=all"),
    ],
)
def test_the_picker_redirects_to_the_shareable_address(syria, client, query, location):
    response = client.get(f"/r/{FAMILY}/compare/{query}")
    assert response.status_code == 302
    assert response["Location"] == location


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (ARAB_EUROPEAN + "?view=foo", "The “view” option must be given once"),
        (ARAB_EUROPEAN + "?show=1", "The “show” option must be given once"),
        (ARAB_EUROPEAN + "?view=side&view=inline", "The “view” option must be given once"),
        (f"/r/{FAMILY}/compare/?new={LATE}", "Choose one revision to compare as “old”"),
        (f"/r/{FAMILY}/compare/?old=&new={LATE}", "Choose one revision to compare as “old”"),
        (f"/r/{FAMILY}/compare/?old={V3}", "Choose one revision to compare as “new”"),
        (f"/r/{FAMILY}/compare/", "Choose one revision to compare as “old”"),
        (f"/r/{FAMILY}/compare/?old={V3}&new={LATE}&show=x", "The “show” option"),
    ],
)
def test_malformed_parameters_are_a_bad_request(syria, client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in text_of(response)


@pytest.mark.parametrize(
    "url",
    [
        f"/r/no-such-family/compare/{V3}...{LATE}/",
        f"/r/{FAMILY}/compare/no-such...{LATE}/",
        f"/r/{FAMILY}/compare/{V3}...no-such/",
        f"/r/{FAMILY}/compare/{V3}...r3-16-17-jan/",
        f"/r/{FAMILY}/compare/?old={V3}&new=no-such",
        f"/r/no-such-family/compare/?old={V3}&new={LATE}",
    ],
)
def test_unknown_families_and_revisions_are_not_found(syria, client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "There is no page at this address" in text_of(response)


def test_htmx_gets_only_the_comparison_partial(syria, client):
    response = client.get(ARAB_EUROPEAN + "?view=side", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'class="site-header"' not in html
    assert html.lstrip().startswith("<title>")
    assert "Compare revisions" in html
    assert 'class="side side-new"' in html
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(syria, client):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    html = client.get(ARAB_EUROPEAN, headers=headers).content.decode()
    assert html.startswith("<!doctype html>")
    assert html.count("<title>") == 1
    assert 'id="comparison"' in html


def test_view_switches_and_picker_work_without_javascript_and_with_htmx(syria, client):
    html = client.get(ARAB_EUROPEAN + "?show=all").content.decode()
    side = f"{ARAB_EUROPEAN}?view=side&amp;show=all"
    assert f'<a id="view-side" href="{side}" hx-get="{side}" hx-push-url="true">' in html
    assert f'href="{ARAB_EUROPEAN}" hx-get="{ARAB_EUROPEAN}" hx-push-url="true"' in html
    form = f'action="/r/{FAMILY}/compare/" hx-get="/r/{FAMILY}/compare/" hx-push-url="true"'
    assert f'<form class="pick" method="get" {form}>' in html
    assert '<input type="hidden" name="show" value="all">' in html
    assert f'<option value="{V3}" selected>' in html
    assert f'<option value="{LATE}" selected>' in html


def test_html_in_a_clause_is_shown_as_text(syria, client):
    Clause.objects.filter(revision__slug=LATE, anchor="pp11").update(
        text='Welcoming <script>alert("x")</script><b>bold</b> & more'
    )
    response = client.get(ARAB_EUROPEAN)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b>bold" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more"
        in html
    )
    assert '<script>alert("x")</script><b>bold</b> & more' in text_of(response)


def test_the_page_has_no_inline_script_or_style(syria, client):
    html = client.get(ARAB_EUROPEAN + "?view=side&show=all").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html
    assert "/static/js/compare.js" in html
    assert "/static/css/compare.css" in html


def test_the_revision_page_links_to_the_comparison_with_its_predecessor(syria, client):
    html = client.get(f"/r/{FAMILY}/{LATE}/").content.decode()
    assert f'href="/r/{FAMILY}/compare/{V3}...{LATE}/"' in html
    assert "Compare with v3 (1 Feb 19:00)" in text_of(client.get(f"/r/{FAMILY}/{LATE}/"))


def test_the_family_page_offers_to_compare_its_last_two_revisions(syria, client):
    html = client.get(f"/r/{FAMILY}/").content.decode()
    assert f'<form class="pick" method="get" action="/r/{FAMILY}/compare/">' in html
    assert f'<option value="{LATE}" selected>' in html
    assert '<option value="s-2012-77" selected>' in html
