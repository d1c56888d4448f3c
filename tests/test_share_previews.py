"""Links that unfurl (issue 9, point 4): every reader page carries a canonical address and
a preview card; clause, revision and comparison pages have an image of their own, drawn
from what the page says, the same bytes for the same content, served from the cache and
revalidated with its ETag."""

import dataclasses
import io
import os
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.http import QueryDict
from django.utils.text import capfirst
from PIL import Image, ImageFont

from timeline import preview_images
from timeline.languages import chosen_language
from timeline.models import Clause, Resolution, Revision
from timeline.preview_images import (
    SHAPING,
    SITE_CARD,
    SITE_CARD_PATH,
    Card,
    Marker,
    Paragraph,
    Run,
    body_lines,
    draw,
)
from timeline.views import previews
from timeline.views.clauses import clause_history
from timeline.views.compare import joined_comparison

FAMILY = "arab-european-draft-2012"
V3 = f"/r/{FAMILY}/v3-1-feb-19-00/"
SOVEREIGNTY = f"/c/{FAMILY}/pp-sovereignty-peaceful-resolution/"
ARMS = f"/c/{FAMILY}/pp-arms-transfers/"
V3_LATE = f"/r/{FAMILY}/compare/v3-1-feb-19-00...late-preamble-scribd-undated/"
ACROSS = "/compare/resolution-2042-2012/s-2012-219...resolution-2043-2012/s-2012-245/"
CROSS_BORDER = "/r/cross-border-aid/compare/2504-2020...2533-2020/"
RES_2533 = "/r/cross-border-aid/2533-2020/"
HOST = "http://testserver"


def card_of(html: str) -> dict[str, str]:
    """What an unfurler reads from a page: its meta tags, canonical link and title."""
    tags = {
        name: unescape(content)
        for name, content in re.findall(
            r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">', html
        )
    }
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
    assert len(canonical) == 1, "one canonical link"
    tags["canonical"] = unescape(canonical[0])
    tags["title"] = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    tags["description"] = unescape(
        re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    )
    return tags


def get(client, url: str, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response


def png(response) -> Image.Image:
    assert response["Content-Type"] == "image/png"
    body = response.getvalue() if response.streaming else response.content
    image = Image.open(io.BytesIO(body))
    assert image.format == "PNG"
    return image


# Every reader page: (address, its canonical address, whether it has an image of its own).
PAGES = {
    "home": ("/", "/", False),
    "home, filtered": ("/?country=FR&fbclid=abc", "/?country=FR", False),
    "family": (f"/r/{FAMILY}/", f"/r/{FAMILY}/", False),
    "revision": (f"{V3}?utm_source=chat", V3, True),
    "revision in its own language": (f"{V3}?lang=en", V3, True),
    "revision in Arabic": (f"{RES_2533}?lang=ar", f"{RES_2533}?lang=ar", True),
    "compare": (f"{V3_LATE}?utm_medium=x", V3_LATE, True),
    "compare, side by side": (f"{V3_LATE}?view=side&ref=y", f"{V3_LATE}?view=side", True),
    "compare in Arabic": (f"{CROSS_BORDER}?lang=ar", f"{CROSS_BORDER}?lang=ar", True),
    "compare across families": (ACROSS, ACROSS, True),
    "clause": (f"{SOVEREIGNTY}?utm_source=chat", SOVEREIGNTY, True),
    "clause by key": (
        "/c/op-condemns-human-rights-violations/",
        "/c/op-condemns-human-rights-violations/",
        False,
    ),
    "countries": ("/countries/", "/countries/", False),
    "country": ("/countries/fr/?utm_source=x", "/countries/fr/", False),
    "search": ("/search/?q=violence&utm_source=x", "/search/?q=violence", False),
    "about": ("/about/", "/about/", False),
    "glossary": ("/glossary/", "/glossary/", False),
}


@pytest.mark.parametrize(("url", "canonical", "own_image"), PAGES.values(), ids=PAGES.keys())
def test_every_page_unfurls_with_a_title_a_description_and_an_image(
    story, client, url, canonical, own_image
):
    card = card_of(get(client, url).content.decode())
    assert card["canonical"] == card["og:url"] == HOST + canonical
    assert card["og:site_name"] == "Redline"
    assert card["og:type"] == ("article" if own_image else "website")
    assert card["og:title"] == card["twitter:title"] == card["title"].removesuffix(" · Redline")
    assert card["og:description"] == card["twitter:description"] == card["description"]
    assert card["og:description"]
    assert card["og:image"] == card["twitter:image"]
    assert card["og:image"].startswith(f"{HOST}/")
    assert (card["og:image:width"], card["og:image:height"]) == ("1200", "630")
    assert card["og:image:alt"] == card["twitter:image:alt"] != ""
    if own_image:
        assert card["og:image"].startswith(f"{HOST}/preview/")
        assert card["twitter:card"] == "summary_large_image"
    else:
        assert card["og:image"] == f"{HOST}/static/img/redline-card.png"
        assert card["twitter:card"] == "summary"
    image = png(get(client, card["og:image"].removeprefix(HOST)))
    assert image.size == (1200, 630)


def test_error_pages_have_no_card(story, client):
    html = client.get("/r/no-such-family/").content.decode()
    assert 'rel="canonical"' not in html
    assert "og:" not in html


def test_no_clause_page_is_titled_by_its_anchor_or_key(story, client):
    """Fragments' anchors (op-fragment-3) and keys (op-release-prisoners) name places for
    links, not for readers: a title names the paragraph by its number or in words."""
    keys = set(
        Clause.objects.in_main_language()
        .filter(revision__published=True, anchor__contains="-")
        .values_list("revision__resolution__slug", "key")
    )
    assert len(keys) > 20
    for family, key in sorted(keys):
        card = card_of(get(client, f"/c/{family}/{key}/").content.decode())
        anchors = Clause.objects.filter(revision__resolution__slug=family, key=key)
        for slug in {key, *anchors.values_list("anchor", flat=True)}:
            assert slug not in card["og:title"], (family, key)
            assert slug not in card["og:image:alt"], (family, key)


def test_a_clause_card_says_the_clause_text_and_what_is_known_of_it(story, client):
    card = card_of(get(client, SOVEREIGNTY).content.decode())
    assert card["og:title"] == (
        "A quoted fragment of the preamble of S/2012/77, through time — "
        "Arab–European draft introduced by Morocco (S/2012/77)"
    )
    assert card["og:description"] == "nothing in this resolution authorises measures"

    image_card = previews.clause_card(
        *_clause_history(FAMILY, "pp-sovereignty-peaceful-resolution")
    )
    assert image_card.heading == "A quoted fragment of the preamble"
    assert image_card.subtitle == "S/2012/77 · 2 Feb 2012"
    assert body_lines(image_card) == ["nothing in this resolution authorises measures …"]
    assert [m.text for m in image_card.markers] == ["fragment — part of the paragraph, as quoted"]


def test_a_dropped_bracketed_clause_says_so_on_its_card(story):
    card = previews.clause_card(*_clause_history(FAMILY, "pp-arms-transfers"))
    assert [m.text for m in card.markers] == [
        "bracketed — not yet agreed",
        "dropped in late preamble (Scribd, undated)",
    ]


def test_a_paraphrase_is_described_as_one(story, client):
    url = "/c/european-drafts-2011/op-release-prisoners/"
    card = card_of(get(client, url).content.decode())
    assert card["og:description"].startswith("Reported paraphrase: ")
    image_card = previews.clause_card(
        *_clause_history("european-drafts-2011", "op-release-prisoners")
    )
    assert Marker("reported paraphrase", "paraphrase") in image_card.markers


def test_a_comparison_card_gives_the_pages_own_summary(story, client):
    card = card_of(get(client, V3_LATE).content.decode())
    old, new = _revisions(FAMILY, "v3-1-feb-19-00", "late-preamble-scribd-undated")
    language = chosen_language(QueryDict(), [old, new])
    summary = joined_comparison(old, new, {"view": "inline", "show": "changes"}, language)
    assert summary["summary"] == (
        "3 edited, 3 typography only; 1 not in late preamble (Scribd, undated)’s available "
        "text; 1 not in v3 (1 Feb 19:00)’s available text"
    )
    assert card["og:description"] == (
        "Arab–European draft introduced by Morocco (S/2012/77): what changed from "
        f"v3 (1 Feb 19:00) to late preamble (Scribd, undated) — {summary['summary']}."
    )
    image_card = previews.compare_card(old, new, language)
    assert image_card.heading == capfirst(summary["summary"])
    assert Marker("late preamble (Scribd, undated): date approximate", "date") in image_card.markers


def test_a_comparison_card_marks_every_insertion_and_deletion_it_shows(story):
    old, new = _revisions(FAMILY, "v3-1-feb-19-00", "late-preamble-scribd-undated")
    card = previews.compare_card(old, new, "en")
    rows = joined_comparison(old, new, {"view": "inline", "show": "changes"}, "en")["changes"]
    by_label = {f"{row.place} · {row.description}": row for row in rows}
    assert card.paragraphs
    for paragraph in card.paragraphs:
        row = by_label[paragraph.label]
        marked = [(run.mark, run.text) for run in paragraph.runs if run.mark != "equal"]
        if row.missing_from:
            # A paragraph only one copy has is not shown as inserted or deleted.
            assert not marked
        else:
            assert marked == [(str(op), text) for op, text in row.ops if op != "equal"]
        # Unchanged text is only ever cut, with an ellipsis.
        for run in paragraph.runs:
            for part in run.text.split("…"):
                assert part.strip() in "".join(text for _, text in row.ops)


def test_a_revision_card_opens_its_text_with_each_paragraphs_place_and_markers(story, client):
    card = card_of(get(client, V3).content.decode())
    assert card["og:description"] == (
        "Arab–European draft introduced by Morocco (S/2012/77): v3 (1 Feb 19:00), 1 Feb 2012 "
        "(circulated; partial text)."
    )
    revision = Revision.objects.get(resolution__slug=FAMILY, slug="v3-1-feb-19-00")
    clauses = list(revision.clauses.order_by("position")[: previews.PARAGRAPHS])
    image_card = previews.revision_card(revision, "en", clauses)
    assert [m.text for m in image_card.markers] == ["circulated", "partial text"]
    assert [p.label for p in image_card.paragraphs][:2] == ["pp1", "pp2"]
    assert body_lines(image_card)[0].startswith("pp1 Recalling its presidential statement")


# The images.

PREVIEWS = {
    "clause": f"/preview{SOVEREIGNTY[:-1]}.png",
    "revision": f"/preview{V3[:-1]}.png",
    "revision in Arabic": f"/preview{RES_2533[:-1]}.png?lang=ar",
    "compare": f"/preview{V3_LATE[:-1]}.png",
    "compare in Arabic": f"/preview{CROSS_BORDER[:-1]}.png?lang=ar",
    "compare across families": f"/preview{ACROSS[:-1]}.png",
}


@pytest.mark.parametrize("url", PREVIEWS.values(), ids=PREVIEWS.keys())
def test_a_preview_is_a_png_of_1200_by_630_cached_publicly_under_a_strong_etag(story, client, url):
    response = get(client, url)
    assert png(response).size == (1200, 630)
    assert re.fullmatch(r'"[0-9a-f]{64}"', response["ETag"])
    assert response["Cache-Control"] == "public, max-age=3600"


def test_the_same_content_draws_the_same_bytes_and_other_content_others(story, client):
    cache.clear()
    first = get(client, PREVIEWS["compare"])
    cache.clear()
    again = get(client, PREVIEWS["compare"])
    assert first.content == again.content
    assert first["ETag"] == again["ETag"]
    others = {get(client, url).content for url in PREVIEWS.values()}
    assert len(others) == len(PREVIEWS)


def test_an_edit_is_a_new_image_at_the_same_address(story, client):
    url = f"/preview{ARMS[:-1]}.png"
    before = get(client, url)
    Clause.objects.filter(revision__resolution__slug=FAMILY, key="pp-arms-transfers").update(
        text="Expressing grave concern at the continued transfer of weapons into Syria,"
    )
    after = get(client, url)
    assert after["ETag"] != before["ETag"]
    assert after.content != before.content


def test_a_known_image_is_not_drawn_again(story, client, monkeypatch):
    drawn = []
    monkeypatch.setattr(previews, "draw", lambda card: drawn.append(card) or draw(card))
    cache.clear()
    first = get(client, PREVIEWS["clause"])
    assert len(drawn) == 1
    assert get(client, PREVIEWS["clause"]).content == first.content
    assert len(drawn) == 1, "served from the cache"
    not_modified = client.get(PREVIEWS["clause"], headers={"if-none-match": first["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]
    assert not_modified["Cache-Control"] == "public, max-age=3600"
    assert len(drawn) == 1


@pytest.mark.parametrize(
    "url",
    [
        "/preview/c/no-such-family/pp-arms-transfers.png",
        f"/preview/c/{FAMILY}/no-such-key.png",
        f"/preview/r/{FAMILY}/no-such-revision.png",
        f"/preview/r/{FAMILY}/v3-1-feb-19-00.png?lang=zz",
        f"/preview/r/{FAMILY}/v3-1-feb-19-00.png?lang=ar",
        f"/preview/r/{FAMILY}/compare/v3-1-feb-19-00...nothing.png",
        f"/preview/r/{FAMILY}/compare/v3-1-feb-19-00...late-preamble-scribd-undated.png?lang=zz",
        "/preview/compare/no-family/a...resolution-2043-2012/s-2012-245.png",
        f"/preview/r/{FAMILY}/compare/v3-1-feb-19-00..late-preamble-scribd-undated.png",
        f"/preview/r/{FAMILY}/v3-1-feb-19-00.jpg",
        "/preview/r/%00/x.png",
    ],
)
def test_a_preview_of_nothing_is_not_found(story, client, url):
    assert client.get(url).status_code == 404


def test_an_unpublished_revisions_image_is_for_editors_only(story, client, django_user_model):
    Revision.objects.filter(resolution__slug=FAMILY, slug="v3-1-feb-19-00").update(published=False)
    urls = [PREVIEWS["revision"], PREVIEWS["compare"]]
    for url in urls:
        assert client.get(url).status_code == 404
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    client.force_login(editor)
    for url in urls:
        response = get(client, url)
        assert response["Cache-Control"] == "private, max-age=3600"


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # Measured: 6 (family, revisions, the clause's versions, proposers, sources, keys).
        (PREVIEWS["clause"], 6),
        # Measured: 3 (revision, its languages, clauses).
        (PREVIEWS["revision"], 3),
        # Measured: 6 (two revisions, their languages, clauses, proposers).
        (PREVIEWS["compare"], 6),
        (PREVIEWS["compare across families"], 6),
    ],
)
def test_a_preview_runs_a_bounded_number_of_queries(
    story, client, django_assert_max_num_queries, url, budget
):
    cache.clear()
    with django_assert_max_num_queries(budget):
        get(client, url)


# The drawing, from plain data.

LONG = " ".join(f"word{n}" for n in range(200))


def test_text_is_wrapped_and_cut_never_invented():
    card = Card("A revision", "A family", paragraphs=(Paragraph((Run(LONG),)),))
    lines = body_lines(card)
    assert 1 < len(lines) < 12
    shown = " ".join(lines)
    assert shown.endswith("…")
    assert LONG.startswith(shown.removesuffix("…"))
    short = Card("A revision", "A family", paragraphs=(Paragraph((Run("Recalling,"),)),))
    assert body_lines(short) == ["Recalling,"]


def test_a_card_is_deterministic_and_its_digest_follows_its_content():
    card = Card("A clause", "A family", "R1", "Operative paragraph 1", (Paragraph((Run("x"),)),))
    assert draw(card) == draw(card)
    assert card.digest() == dataclasses.replace(card).digest()
    other = Card("A clause", "A family", "R1", "Operative paragraph 2", card.paragraphs)
    assert other.digest() != card.digest()
    assert draw(other) != draw(card)


ARABIC = "إذ يشير إلى قراراته بشأن الحالة في سوريا"


def arabic_card(**fields) -> Card:
    return Card("A revision", "A family", paragraphs=(Paragraph((Run(ARABIC),), "ar"),), **fields)


def test_without_shaping_arabic_is_named_not_drawn_as_broken_letters():
    note = Paragraph((Run("Text in Arabic — see the page."),), note=True)
    assert draw(arabic_card(), shaping=False) == draw(
        Card("A revision", "A family", paragraphs=(note,)), shaping=False
    )
    assert body_lines(arabic_card(), shaping=False) == ["Text in Arabic — see the page."]
    titled = Card("A revision", f"Resolution 2043 ({ARABIC})")
    assert draw(titled, shaping=False) == draw(
        Card("A revision", "Resolution 2043 ([text in Arabic])"), shaping=False
    )
    assert arabic_card().digest(shaping=False) != arabic_card().digest(shaping=True)


def test_a_script_the_font_lacks_is_named_too():
    card = Card(
        "A revision", "A family", paragraphs=(Paragraph((Run("回顾其以往各项决议"),), "zh"),)
    )
    assert body_lines(card) == ["Text in Chinese — see the page."]


def test_pillow_here_shapes_arabic():
    """CI must draw Arabic as it is read; elsewhere the card falls back to a note."""
    if not SHAPING:
        if os.environ.get("CI") == "true":
            pytest.fail("Pillow cannot shape text here: libraqm or FriBiDi is missing")
        pytest.skip("Pillow cannot shape text on this machine")
    font = ImageFont.truetype(str(preview_images.REGULAR), 28, layout_engine=ImageFont.Layout.RAQM)
    word = "سوريا"
    joined = font.getlength(word, direction="rtl", language="ar")
    apart = sum(font.getlength(letter, direction="rtl", language="ar") for letter in word)
    assert joined < apart, "letters joined in their connected forms"

    # An Arabic line starts at the right margin and runs leftwards.
    short = Card("A revision", "A family", paragraphs=(Paragraph((Run(word),), "ar"),))
    image = Image.open(io.BytesIO(draw(short))).convert("L")
    body = image.crop((0, 200, 1200, 260)).point(lambda v: 255 if v < 128 else 0)
    left, _, right, _ = body.getbbox()
    assert right >= 1200 - preview_images.MARGIN - 4
    assert left > 1200 / 2
    assert body_lines(short) == [word]


def test_the_site_card_is_the_one_the_module_draws(tmp_path, monkeypatch):
    assert SITE_CARD_PATH.read_bytes() == draw(SITE_CARD), (
        "static/img/redline-card.png is stale: run `python manage.py draw_site_card`"
    )
    target = tmp_path / "card.png"
    monkeypatch.setattr("timeline.management.commands.draw_site_card.SITE_CARD_PATH", target)
    call_command("draw_site_card", stdout=io.StringIO())
    assert target.read_bytes() == SITE_CARD_PATH.read_bytes()


def _clause_history(family: str, key: str):
    resolution = Resolution.objects.get(slug=family)
    revisions = resolution.revisions.published().in_date_order().with_clause(key)
    return resolution, clause_history(revisions, key)


def _revisions(family: str, *slugs: str) -> list[Revision]:
    found = Revision.objects.filter(resolution__slug=family).prefetch_related("other_languages")
    return [found.select_related("resolution").get(slug=slug) for slug in slugs]
