"""The words that explain: the About page, the glossary, the `{% term %}` tag, "Cite this"
and what a printed page keeps."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import timezone
from django.utils.formats import date_format

from tests.helpers import text_of
from timeline.glossary import TERMS, term_for
from timeline.templatetags.glossary import citation_of

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def render(source: str, **context) -> str:
    request = RequestFactory().get("/r/family/r1/")
    return Template("{% load glossary %}" + source).render(Context({"request": request, **context}))


def test_about_says_what_redline_is_and_where_its_data_comes_from(syria, client):
    response = client.get("/about/")
    assert response.status_code == 200
    page = text_of(response)
    assert "Redline shows how UN Security Council draft resolutions change" in page
    assert "Source of the official texts: United Nations." in page
    assert "unofficial copies for informational purposes only" in page
    assert "without warranty of any kind" in page
    assert "must acknowledge the United Nations as the source" in page
    assert "The licence of the curated collection is not yet stated." in page
    assert "issue tracker" in page
    assert "compiled 26 November 2026; last updated 26 November 2026" in page


@pytest.mark.parametrize(
    "marker",
    [
        '<span class="marker marker-paraphrase">reported paraphrase</span>',
        '<span class="marker marker-fragment">fragment — the available copy ends here</span>',
        '<span class="marker marker-fragment">fragment — part of the paragraph, as quoted</span>',
        '<span class="marker marker-bracketed">bracketed — not yet agreed</span>',
        '<span class="marker marker-date">date approximate</span>',
        '<span class="text-status text-status-partial">partial text</span>',
        '<span class="text-status text-status-fragments">fragments only</span>',
        '<span class="text-status text-status-none">no text available</span>',
        '<span class="status status-in-blue">in blue</span>',
        '<span class="status status-vetoed">vetoed</span>',
    ],
)
def test_about_shows_each_marker_as_the_pages_show_it(syria, client, marker):
    assert marker in client.get("/about/").content.decode()


def test_the_glossary_defines_every_term_at_its_own_anchor(syria, client):
    response = client.get("/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    page = text_of(response)
    for term in TERMS:
        with_anchor = f'<dt id="{term.slug}"><dfn>'
        assert with_anchor in html, term.slug
        assert f'href="#{term.slug}"' in html, term.slug
        assert term.name in page, term.slug
        assert term.definition in page, term.slug
    assert 'id="in-blue"' in html


@pytest.mark.parametrize(
    "slug",
    [
        "draft-family",
        "revision",
        "in-blue",
        "penholder",
        "sponsor",
        "preambular-paragraph",
        "operative-paragraph",
        "annex",
        "fragment",
        "partial-text",
        "paraphrase",
        "verbatim",
        "bracketed-text",
        "veto",
        "not-adopted",
        "adopted",
        "rival-drafts",
        "predecessor",
        "language-versions",
        "written-procedure",
        "pp-op-numbering",
        "s-pv",
        "document-symbols",
        "unsmis",
        "undof",
        "cross-border-mechanism",
    ],
)
def test_the_glossary_has_the_terms_readers_meet(slug):
    assert term_for(slug) is not None


@pytest.mark.parametrize(
    "status", ["circulated", "in-blue", "not-voted", "vetoed", "not-adopted", "adopted"]
)
def test_every_revision_status_has_a_glossary_entry(status):
    assert term_for(status) is not None


def test_slugs_and_aliases_name_one_term_each():
    names = [t.slug for t in TERMS] + [a for t in TERMS for a in t.aliases]
    assert len(names) == len(set(names))


def test_a_term_links_its_words_to_the_definition():
    html = render('{% term "in-blue" %}in blue{% endterm %}')
    assert html == '<a class="term" href="/glossary/#in-blue">in blue</a>'


def test_an_abbreviation_is_expanded_and_still_linked():
    html = render('{% term "unsmis" %}UNSMIS{% endterm %}')
    assert html.startswith(
        '<a class="term" href="/glossary/#unsmis">'
        '<abbr title="United Nations Supervision Mission in Syria">UNSMIS</abbr>'
    )


def test_a_term_can_be_named_by_a_revision_status_and_escapes_its_words():
    html = render("{% term status %}{{ words }}{% endterm %}", status="vetoed", words="<b>")
    assert 'href="/glossary/#veto"' in html
    assert "&lt;b&gt;" in html
    assert "<b>" not in html


def test_a_variable_naming_no_term_leaves_the_words_unlinked():
    assert render("{% term status %}circulated{% endterm %}", status="unknown") == "circulated"


def test_a_misspelt_term_is_a_template_error():
    with pytest.raises(TemplateSyntaxError, match="no term"):
        render('{% term "in-blu" %}in blue{% endterm %}')


CITE = '{% include "timeline/includes/cite.html" %}'


def test_cite_this_gives_plain_text_and_bibtex_with_the_permanent_url():
    html = render(
        CITE,
        cite_title="R3 (16/17 Jan) — Russian drafts",
        cite_url="/r/russian-drafts-2011-2012/r3-16-17-jan/",
        cite_date="c. 16 Jan 2012",
    )
    url = "http://testserver/r/russian-drafts-2011-2012/r3-16-17-jan/"
    today = date_format(timezone.localdate(), "j F Y")
    assert "<details" in html
    assert "<summary>Cite this</summary>" in html
    assert (
        f"“R3 (16/17 Jan) — Russian drafts” (c. 16 Jan 2012). "
        f"Redline: UN Security Council drafts, clause by clause. {url} (accessed {today})."
    ) in html
    assert "@misc{redline-r-russian-drafts-2011-2012-r3-16-17-jan," in html
    assert f"howpublished = {{\\url{{{url}}}}}" in html
    assert f"note = {{Dated c. 16 Jan 2012. Accessed {today}}}" in html


def test_cite_this_escapes_the_title_for_html_and_for_bibtex():
    html = render(CITE, cite_title="<script>A & B</script>", cite_url="/c/f/k/", cite_date=None)
    assert "<script>" not in html
    assert "“&lt;script&gt;A &amp; B&lt;/script&gt;”." in html
    assert "title = {{&lt;script&gt;A \\&amp; B&lt;/script&gt;}}" in html


def test_a_citation_escapes_latex_and_formats_a_date():
    cite = citation_of(
        title="50% of {x}_y #1",
        url="https://example.org/a%20b#op5",
        date=datetime.date(2012, 4, 14),
        accessed=datetime.date(2026, 11, 27),
    )
    assert "title = {{50\\% of \\{x\\}\\_y \\#1}}" in cite.bibtex
    assert "\\url{https://example.org/a\\%20b\\#op5}" in cite.bibtex
    assert cite.text.startswith("“50% of {x}_y #1” (14 April 2012).")
    assert cite.text.endswith("(accessed 27 November 2026).")


def test_every_page_links_the_print_stylesheet_and_a_print_only_address(syria, client):
    html = client.get("/r/russian-drafts-2011-2012/r3-16-17-jan/").content.decode()
    assert '<link rel="stylesheet" media="print" href="/static/css/print.css">' in html
    line = re.search(r'<p class="print-only" hidden>(.*?)</p>', html).group(1)
    assert "http://testserver/r/russian-drafts-2011-2012/r3-16-17-jan/" in line
    assert "Data last updated 26 November 2026." in line
    assert 'href="/about/"' in html
    assert 'href="/glossary/"' in html


def test_the_print_stylesheet_keeps_sources_and_shows_link_addresses(settings):
    css = (Path(settings.BASE_DIR) / "static/css/print.css").read_text()
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"' in css.replace("\n  ", " ")
    assert ".print-only[hidden] { display: block; }" in css
    assert "details.sources::details-content" in css


@pytest.mark.parametrize("url", ["/about/", "/glossary/"])
def test_the_new_pages_have_no_inline_script_or_style(syria, client, url):
    html = client.get(url).content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert not STYLE_ATTRIBUTE.search(html)
    assert "<style" not in html


@pytest.mark.parametrize("url", ["/about/x", "/about/x/", "/glossary/x/"])
def test_addresses_under_the_new_pages_are_not_found(db, client, url):
    assert client.get(url).status_code == 404
