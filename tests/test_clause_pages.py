"""Clause permalinks follow one clause through its family, say honestly where it went, and
unfurl into a preview card when shared."""

import re
from html import unescape

import pytest

from tests.helpers import text_of
from timeline.models import Section, TextKind, TextStatus

FAMILY = "arab-european-draft-2012"
V3 = f"/r/{FAMILY}/v3-1-feb-19-00/"
SOVEREIGNTY = f"/c/{FAMILY}/pp-sovereignty-peaceful-resolution/"  # v3's pp10
ARMS = f"/c/{FAMILY}/pp-arms-transfers/"  # v3's bracketed pp8


def meta(html: str, name: str) -> str:
    """The content of a <meta property|name="..."> tag, as a reader's unfurler reads it."""
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    assert match, f"no {name} meta tag"
    return unescape(match.group(1))


def test_a_permalink_follows_v3s_pp10_through_the_family_with_the_change_at_each_step(
    syria, client
):
    response = client.get(SOVEREIGNTY)
    assert response.status_code == 200
    page, html = text_of(response), response.content.decode()
    order = [page.index(label) for label in ["v1 (27 Jan)", "v3 (1 Feb 19:00) 1 Feb 2012"]]
    order += [page.index("late preamble (Scribd, undated) c. 2 Feb 2012 date approximate")]
    order += [page.index("S/2012/77 2 Feb 2012 vetoed")]
    assert order == sorted(order)
    assert f'href="{V3}#pp10"' in html
    assert "First appears here." in page
    assert "Change from v3 (1 Feb 19:00): edited" in page
    assert re.search(r'<del><span class="visually-hidden">deleted: </span>[^<]*foreig', html)
    assert re.search(r'<ins><span class="visually-hidden">inserted: </span>[^<]*Article 42', html)
    assert "The copy of v3 (1 Feb 19:00) ends within this paragraph" in page
    # The draft's fragments neither show nor hide the clause.
    assert "Position unknown. Only fragments of v1 (27 Jan) are known" in page
    # A quotation of a few words is not word-diffed against the whole paragraph.
    assert "Not compared word by word with late preamble (Scribd, undated)" in page
    assert "fragment — part of the paragraph, as quoted" in page


def test_a_dropped_clause_says_where_it_was_dropped_and_is_never_a_404(syria, client):
    response = client.get(ARMS)
    assert response.status_code == 200
    page = text_of(response)
    assert "Dropped in late preamble (Scribd, undated)." in page
    assert "goes on past where this clause stood, without it" in page
    assert "bracketed — not yet agreed" in page
    assert "It appears in 1 of them: v3 (1 Feb 19:00)." in page
    # S/2012/77 is known only from fragments: it cannot show the clause was still gone.
    assert "Dropped in S/2012/77" not in page
    assert "Position unknown. Only fragments of S/2012/77 are known" in page


def test_absence_is_claimed_only_as_far_as_each_text_shows(db, client, revision, clause):
    before = revision("R0", text_status=TextStatus.COMPLETE)
    first = revision("R1", text_status=TextStatus.PARTIAL)
    short = revision("R2", text_status=TextStatus.PARTIAL)
    full = revision("R3", text_status=TextStatus.COMPLETE)
    later = revision("R4", text_status=TextStatus.COMPLETE)
    unknown = revision("R5", text_status=TextStatus.NONE)
    clause(before, key="pp-other", text="Recalling something else,")
    clause(first, key="pp-recalling")
    clause(first, key="pp-following", text="Following it,")
    clause(short, key="pp-other", text="Recalling something else,")
    page = text_of(client.get("/c/family/pp-recalling/"))
    assert "Not in R0. The clause appears in a later revision." in page
    # R2's copy may stop before the clause's place: no drop is claimed there.
    assert "Not in the available part of R2. The copy may end before" in page
    assert "Dropped in R3. Its full text no longer has this clause." in page
    assert "Not in R4." in page
    assert "Dropped in R4" not in page
    assert "No text known. No wording of R5 has been found" in page
    for later_revision in (full, later, unknown):
        assert later_revision.label in page


def test_a_partial_text_that_goes_on_past_the_clause_shows_its_drop(db, client, revision, clause):
    first = revision("R1", text_status=TextStatus.PARTIAL)
    then = revision("R2", text_status=TextStatus.PARTIAL)
    clause(first, key="pp-recalling")
    clause(first, key="pp-following", text="Following it,")
    clause(then, key="pp-following", text="Following it,")
    page = text_of(client.get("/c/family/pp-recalling/"))
    assert "Dropped in R2. Only part of its text is available, but that part goes on" in page


def test_arabic_text_is_marked_right_to_left(syria, client):
    html = client.get("/c/resolution-2043-2012/pp-support-envoy/").content.decode()
    assert re.search(r'<blockquote class="clause-text"[^>]* lang="ar" dir="rtl">\s*<p>وإذ', html)


def test_a_key_in_one_family_redirects_to_its_permalink(syria, client):
    response = client.get("/c/pp-arms-transfers/")
    assert response.status_code == 302
    assert response["Location"] == ARMS


def test_a_key_shared_by_two_families_asks_which_one(syria, client):
    response = client.get("/c/op-condemns-human-rights-violations/")
    assert response.status_code == 200
    page, html = text_of(response), response.content.decode()
    assert (
        "2 draft families each have a clause with the key op-condemns-human-rights-violations"
        in page
    )
    assert 'href="/c/european-drafts-2011/op-condemns-human-rights-violations/"' in html
    assert f'href="/c/{FAMILY}/op-condemns-human-rights-violations/"' in html
    # Each family's latest text, with its revision.
    assert "Latest text in S/2011/612" in page
    assert "strongly condemns the continued grave and systematic human r" in page
    assert "Latest text in v1 (27 Jan)" in page
    assert "Condemns the continued widespread and gross violations" in page


@pytest.mark.parametrize(
    "url",
    [
        "/c/no-such-key/",
        f"/c/{FAMILY}/no-such-key/",
        "/c/no-such-family/pp-arms-transfers/",
        # A key of another family is not a clause of this one.
        "/c/european-drafts-2011/pp-arms-transfers/",
    ],
)
def test_unknown_keys_and_families_are_404(syria, client, url):
    assert client.get(url).status_code == 404


def test_every_clause_of_a_revision_offers_both_links_and_its_history(syria, client):
    html = client.get(V3).content.decode()
    assert html.count("Copy link to this clause through time") == 11
    assert html.count("Copy link to this paragraph in this revision") == 11
    assert html.count("History through the revisions") == 11
    assert f'<a href="{ARMS}" data-copy-link>' in html
    assert f'<a href="{V3}#pp8" data-copy-link>' in html
    assert f'<a class="clause-history-link" href="{ARMS}">' in html
    assert 'src="/static/js/clause-links.js"' in html


def test_every_version_on_a_clause_page_offers_both_links(syria, client):
    html = client.get(SOVEREIGNTY).content.decode()
    # The latest text on top, then the three revisions that have the clause.
    assert html.count(f'<a href="{SOVEREIGNTY}" data-copy-link>') == 4
    assert f'<a href="{V3}#pp10" data-copy-link>' in html
    assert f'<a href="/r/{FAMILY}/s-2012-77/#pp-fragment-1" data-copy-link>' in html


def test_a_clause_page_unfurls_with_family_revision_anchor_and_text(syria, client):
    html = client.get(SOVEREIGNTY + "?utm_source=chat").content.decode()
    canonical = f"http://testserver{SOVEREIGNTY}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert meta(html, "og:url") == canonical
    assert meta(html, "og:title") == (
        "A quoted fragment of the preamble of S/2012/77, through time — "
        "Arab–European draft introduced by Morocco (S/2012/77)"
    )
    assert meta(html, "og:description") == "nothing in this resolution authorises measures"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:site_name") == "Redline"
    assert meta(html, "og:image") == f"http://testserver/preview{SOVEREIGNTY[:-1]}.png"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:title") == meta(html, "og:title")


def test_a_revision_page_unfurls_as_the_revision(syria, client):
    html = client.get(V3).content.decode()
    assert f'<link rel="canonical" href="http://testserver{V3}">' in html
    assert meta(html, "og:title") == (
        "v3 (1 Feb 19:00) — Arab–European draft introduced by Morocco (S/2012/77)"
    )
    assert meta(html, "og:description") == (
        "Arab–European draft introduced by Morocco (S/2012/77): v3 (1 Feb 19:00), 1 Feb 2012 "
        "(circulated; partial text)."
    )
    assert meta(html, "og:image") == f"http://testserver/preview{V3[:-1]}.png"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_preview_cards_escape_the_clause_text_and_mark_paraphrases(db, client, revision, clause):
    text = "Deciding <script>alert(\"x\")</script> that “all” & 'some' " + "word " * 60
    clause(revision("R1"), key="op-deciding", section=Section.OPERATIVE, text=text)
    html = client.get("/c/family/op-deciding/").content.decode()
    assert "<script>alert" not in html
    assert 'content="Deciding &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; that' in html
    description = meta(html, "og:description")
    assert description.startswith("Deciding <script>alert(\"x\")</script> that “all” & 'some'")
    assert len(description) <= 200
    assert description.endswith("…")

    clause(
        revision("R2"),
        key="op-deciding",
        section=Section.OPERATIVE,
        text="would have demanded an end to the violence",
        text_kind=TextKind.PARAPHRASE,
        complete=False,
    )
    html = client.get("/c/family/op-deciding/").content.decode()
    assert meta(html, "og:description") == (
        "Reported paraphrase: would have demanded an end to the violence"
    )


def test_a_clause_quoted_only_in_french_appears_in_its_history_in_french(syria, client):
    # S/2011/612's operative paragraph on measures is known only from a French quotation:
    # the revision's French version, beside its English fragments.
    response = client.get("/c/european-drafts-2011/op-measures-if-non-compliance/")
    html, page = response.content.decode(), text_of(response)
    assert "It appears in 2 of them" in page
    assert re.search(r'<blockquote class="clause-text[^"]*" lang="fr" dir="ltr">', html)
    assert "d'examiner, dans un délai de 30 jours" in unescape(html)
