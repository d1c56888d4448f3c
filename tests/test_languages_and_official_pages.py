"""What readers see of the official texts: a revision in each language it exists in, the
cross-border renewals compared word by word, comparisons across families and languages, and
pages that stay within their query budgets at the size of the whole Syria story."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from tests.conftest import FAMILIES_PATH
from tests.helpers import PAGE_CACHE_QUERIES, empty_caches
from timeline.models import Clause, Revision

RES_2043 = "/r/resolution-2043-2012/s-2012-245/"
ACROSS_2042_2043 = "/compare/resolution-2042-2012/s-2012-219...resolution-2043-2012/s-2012-245/"
RIVALS_2023 = "/r/cross-border-aid/compare/s-2023-506...s-2023-507/"
CROSS_BORDER = "cross-border-aid"
RENEWALS = ["2165 (2014)", "2191 (2014)", "2258 (2015)", "2332 (2016)", "2393 (2017)"]
RENEWALS += ["2449 (2018)", "2504 (2020)", "2533 (2020)", "2585 (2021)", "2642 (2022)"]
RENEWALS += ["2672 (2023)"]
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def text_of(html: str) -> str:
    """A page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    html = re.sub(r"<(script|style|title)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def get(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def revision_url(family: str, label: str) -> str:
    return Revision.objects.get(resolution__slug=family, label=label).get_absolute_url()


def compare_url(family: str, old: str, new: str) -> str:
    slugs = dict(
        Revision.objects.filter(resolution__slug=family, label__in=[old, new]).values_list(
            "label", "slug"
        )
    )
    return reverse("compare", args=[family, slugs[old], slugs[new]])


def changes_of(html: str) -> str:
    """The compare page's changes, from their container on."""
    return html[html.index('<div class="changes') :]


def change_texts(html: str) -> list[str]:
    return re.findall(r'<p class="change-text[^"]*"[^>]*>.*?</p>', html, flags=re.S)


# A revision in its languages


def test_a_revision_shows_its_english_text_first_and_lists_its_arabic_version(story, client):
    html = get(client, RES_2043)
    languages = re.search(r'<ul class="languages".*?</ul>', html, flags=re.S)[0]
    assert "English" in languages
    assert "العربية" in text_of(languages)
    assert "العربية (partial)" in text_of(languages)
    assert f'href="{RES_2043}?lang=ar" hreflang="ar" lang="ar" dir="rtl"' in languages
    page = text_of(html)
    assert "Text in English" in page
    assert "Recalling its Resolution 2042 (2012)" in page
    assert '<blockquote class="clause-text" lang="en" dir="ltr">' in html
    assert '<blockquote class="clause-text" lang="ar"' not in html


def test_a_revision_in_arabic_shows_its_arabic_clauses_right_to_left(story, client):
    html = get(client, f"{RES_2043}?lang=ar")
    assert html.count('<blockquote class="clause-text" lang="ar" dir="rtl">') == 5
    assert '<blockquote class="clause-text" lang="en"' not in html
    page = text_of(html)
    assert "Text in Arabic" in page
    assert "partial text in Arabic" in page
    assert "إذ يشير إلى قراره" in page
    assert "Recalling its Resolution 2042 (2012)" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?lang=xx", "The “lang” option must be given once, as one of"),
        ("?lang=zh", "This text is not available in Chinese; it is in English, Arabic."),
        ("?lang=en&lang=ar", "The “lang” option must be given once, as one of"),
    ],
)
def test_a_language_the_revision_lacks_is_a_bad_request_saying_why(story, client, query, message):
    assert message in text_of(get(client, RES_2043 + query, status=400))


# Comparisons of official texts


def test_2504_to_2533_shows_the_crossing_points_cut_word_by_word(story, client):
    """2504 (2020) renewed the crossings but Al-Ramtha and Al Yarubiyah, so Bab al-Salam
    and Bab al-Hawa; 2533 (2020) adds Bab al-Salam to those it excludes, leaving Bab
    al-Hawa. The texts name the crossings they exclude, so the cut is an insertion."""
    html = get(client, compare_url(CROSS_BORDER, "2504 (2020)", "2533 (2020)"))
    (renewal,) = [p for p in change_texts(html) if "excluding the border crossings" in p]
    assert '<del><span class="visually-hidden">deleted: </span>six</del>' in renewal
    assert '<ins><span class="visually-hidden">inserted: </span>twelve</ins>' in renewal
    inserted = "".join(re.findall(r"<ins>(.*?)</ins>", renewal))
    assert "Bab al-Salam" in inserted
    assert "Bab al-Salam" not in "".join(re.findall(r"<del>(.*?)</del>", renewal))
    assert "Bab al-Hawa" not in renewal
    page = text_of(changes_of(html))
    assert (
        "deleted: Requests the Secretary-General to report to the Security Council by the end "
        "of February 2020 on the feasibility of using alternative modalities for the border "
        "crossing of Al Yarubiyah"
    ) in page


def test_2042_and_2043_compare_across_their_families_in_english(story, client):
    html = get(client, ACROSS_2042_2043)
    page = text_of(html)
    assert "Two drafts of different families: how one text differs from the other" in page
    changes = text_of(changes_of(html))
    assert "Calls upon the Syrian government to ensure the effective operation" in changes
    assert "Decides to establish for an initial period of 90 days a United Nations Supervision" in (
        changes
    )
    assert not ARABIC_SCRIPT.search(changes_of(html))
    assert ' lang="ar"' not in html
    side = changes_of(get(client, f"{ACROSS_2042_2043}?view=side&show=all"))
    old, new = (
        text_of("".join(re.findall(rf'<div class="side side-{role}">.*?</div>', side, re.S)))
        for role in ("old", "new")
    )
    assert "Calls upon the Syrian government to ensure the effective operation" in old
    assert "Decides to establish for an initial period of 90 days" in new
    assert not ARABIC_SCRIPT.search(side)


def test_2042_and_2043_cannot_be_compared_in_arabic(story, client):
    page = text_of(get(client, f"{ACROSS_2042_2043}?lang=ar", status=400))
    assert "This text is not available in Arabic; it is in English." in page


def test_two_revisions_without_a_language_in_common_say_so(story, client):
    french = Revision.objects.get(resolution__slug=CROSS_BORDER, label="2191 (2014)")
    Clause.objects.filter(revision=french).update(language="fr")
    Revision.objects.filter(pk=french.pk).update(language="fr")
    url = compare_url(CROSS_BORDER, "2165 (2014)", "2191 (2014)")
    page = text_of(get(client, url))
    assert "No language in common" in page
    assert "2165 (2014) is known in English." in page
    assert "2191 (2014) is known in French." in page
    assert "This text is not available in English" in text_of(
        get(client, f"{url}?lang=en", status=400)
    )


def test_the_rival_drafts_of_july_2023_compare_in_every_language_both_have(story, client):
    html = get(client, RIVALS_2023)
    switch = re.search(r'<ul aria-labelledby="switch-language">.*?</ul>', html, flags=re.S)[0]
    codes = re.findall(r'id="language-(\w+)"', switch)
    # S/2023/507 has no German version.
    assert codes == ["en", "fr", "es", "ru", "zh", "ar"]
    assert f'href="{RIVALS_2023}?lang=fr"' in switch


def test_the_rival_drafts_compared_in_french_mark_the_french_text(story, client):
    html = get(client, f"{RIVALS_2023}?lang=fr")
    changes = changes_of(html)
    assert "Décide" in text_of(changes)
    assert "Decides" not in text_of(changes)
    opening = re.match(r"<div [^>]*>", changes)[0]
    texts = change_texts(changes)
    assert texts
    assert ' lang="fr"' in opening or all(
        re.match(r'<p [^>]*\blang="fr"', text) for text in texts
    ), "the French text is not marked lang=fr"


def test_the_russian_draft_of_july_2023_failed_for_lack_of_votes_not_by_a_veto(story, client):
    """S/2023/507 had 2 votes in favour of the 9 needed: France's, the United Kingdom's and
    the United States' votes against were not vetoes."""
    page = text_of(get(client, revision_url(CROSS_BORDER, "S/2023/507")))
    assert "not adopted" in page
    assert "vetoed by" not in page
    timeline = text_of(get(client, "/?family=cross-border-aid"))
    card = timeline[timeline.index("S/2023/507 11 Jul 2023") :].split(" since ", 1)[0]
    assert "Not adopted, 2–3–10" in card
    assert "vetoed by" not in card
    assert "vetoed by Russia" in text_of(get(client, revision_url(CROSS_BORDER, "S/2023/506")))


# Families and the timeline


def test_the_cross_border_family_lists_every_renewal_and_both_rival_drafts(story, client):
    html = get(client, f"/r/{CROSS_BORDER}/")
    for label in [*RENEWALS, "S/2023/506", "S/2023/507"]:
        assert f'href="{revision_url(CROSS_BORDER, label)}"' in html, label
        assert label in text_of(html)


def test_the_timeline_shows_the_new_families(story, client):
    grouping = json.loads(FAMILIES_PATH.read_text(encoding="utf-8"))
    page = text_of(get(client, "/")) + text_of(get(client, "/?page=2"))
    for family in grouping["families"]:
        if not family["curated"]:
            assert family["title"] in page, family["slug"]


# Query budgets at the size of the story


@pytest.mark.parametrize(
    ("page", "language", "budget"),
    [
        # Measured on the whole story: 16, of which 4 load the pager's previous and next
        # revisions' families one by one.
        ("revision", "en", 17),
        ("revision", "ar", 17),
        # Measured: 6 (family, revisions, their languages, clauses, proposers, collection).
        ("compare", "en", 7),
        ("compare", "ar", 7),
    ],
)
def test_the_cross_border_pages_run_a_bounded_number_of_queries(
    story, client, django_assert_max_num_queries, page, language, budget
):
    if page == "revision":
        url = revision_url(CROSS_BORDER, "2533 (2020)")
    else:
        url = compare_url(CROSS_BORDER, "2504 (2020)", "2533 (2020)")
    empty_caches()
    with django_assert_max_num_queries(budget + PAGE_CACHE_QUERIES):
        html = get(client, url if language == "en" else f"{url}?lang={language}")
    if page == "revision":
        languages = set(re.findall(r'<blockquote class="clause-text" lang="(\w+)"', html))
        assert languages == {language}
    else:
        assert bool(ARABIC_SCRIPT.search(changes_of(html))) == (language == "ar")


@pytest.mark.parametrize("language", ["fr", "es", "ru", "zh"])
def test_search_results_in_other_languages_say_their_language(story, client, language):
    """WCAG 3.1.2: a screen reader reads a French, Spanish, Russian or Chinese hit in its
    own language, not in the page's English (only Arabic said so)."""
    clause = Clause.objects.filter(language=language).order_by("pk").first()
    word = max(clause.text.split()[:8], key=len).strip(",;:.()«»")
    response = client.get("/search/", {"q": word})
    assert response.status_code == 200
    assert f'lang="{language}" dir="ltr"' in response.content.decode()
