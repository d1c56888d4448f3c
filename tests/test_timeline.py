"""The timeline: lanes by family, months in order, filters by country and family, htmx."""

import re

import pytest

from tests.helpers import text_of


def cards(response) -> list[str]:
    """The revision labels on the timeline, in page order."""
    html = response.content.decode()
    return [
        text_of_fragment(chunk.split("</a>")[0]) for chunk in html.split('class="card-title"')[1:]
    ]


def text_of_fragment(html: str) -> str:
    return html.split(">", 1)[1].strip()


def test_every_family_has_a_lane_and_revisions_run_in_date_order(syria, client):
    response = client.get("/")
    html = response.content.decode()
    assert html.count('class="lane-head"') == 6
    labels = cards(response)
    assert len(labels) == 24
    assert (
        labels.index("R1 (15 Dec)") < labels.index("R3 (16/17 Jan)") < labels.index("v1 (27 Jan)")
    )
    months = [m.split("<")[0] for m in html.split('class="month">')[1:]]
    assert months[0] == "May 2011"
    assert months[-1] == "July 2012"


def test_each_revision_says_what_changed_since_its_predecessor(syria, client):
    page = text_of(client.get("/"))
    assert (
        "3 edited, 3 typography only; 1 not in late preamble (Scribd, undated)’s available "
        "text; 1 not in v3 (1 Feb 19:00)’s available text since v3"
    ) in page
    assert "no text known" in page
    assert "first known text" in page
    assert "fragments only: not compared" in page


def test_votes_show_their_tally_and_vetoes(syria, client):
    page = text_of(client.get("/"))
    assert "Not adopted, 13–2–0; vetoed by China and Russia" in page
    assert "Adopted as resolution 2042 (2012), 15–0–0" in page


def test_context_events_sit_in_their_month(syria, client):
    page = text_of(client.get("/"))
    assert "November 2011 Arab League suspends Syria" in page


def test_filtering_by_country_keeps_what_it_took_part_in(syria, client):
    response = client.get("/", {"country": "PT"})
    labels = cards(response)
    page = text_of(response)
    assert "R3 (16/17 Jan)" in labels
    assert "Portugal: proposed a clause" in page
    assert "S/2012/77" in labels
    assert "Portugal: sponsor, voted in favour" in page
    assert "R1 (15 Dec)" not in labels


@pytest.mark.parametrize(
    ("role", "present", "absent"),
    [
        ("proposer", "R3 (16/17 Jan)", "S/2012/77"),
        ("voter", "S/2012/77", "R3 (16/17 Jan)"),
        ("sponsor", "S/2012/77", "R3 (16/17 Jan)"),
    ],
)
def test_filtering_by_role(syria, client, role, present, absent):
    labels = cards(client.get("/", {"country": "FR", "role": role}))
    assert present in labels
    assert absent not in labels


def test_families_without_a_part_for_the_country_are_named_not_drawn(syria, client):
    page = text_of(client.get("/", {"country": "PK", "role": "proposer"}))
    assert "0 revisions where Pakistan took part as a proposer of a clause" in page
    assert "No revision matches these filters" in page


def test_filtering_by_family_keeps_one_lane(syria, client):
    response = client.get("/", {"family": "resolution-2042-2012"})
    assert response.content.decode().count('class="lane-head"') == 1
    assert cards(response) == [
        "US draft (12 Apr)",
        "US revised draft",
        "Russian draft (13 Apr)",
        "S/2012/219",
    ]


def test_a_country_code_in_lower_case_is_accepted(syria, client):
    assert cards(client.get("/", {"country": "pt"})) == cards(client.get("/", {"country": "PT"}))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"country": "XX"}, 'There is no country "XX" in the collection.'),
        ({"family": "no-such-family"}, 'There is no draft family "no-such-family".'),
        ({"role": "king"}, "A role is one of: any, sponsor, proposer, voter."),
    ],
)
def test_a_filter_that_names_nothing_is_a_bad_request(syria, client, query, message):
    response = client.get("/", query)
    assert response.status_code == 400
    assert message in text_of(response)


def test_htmx_gets_only_the_timeline_and_history_restore_the_whole_page(syria, client):
    fragment = client.get("/", {"country": "FR"}, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert html.lstrip().startswith('<section id="timeline"')
    assert "<html" not in html
    restore = client.get(
        "/",
        {"country": "FR"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()
    assert "HX-Request" in fragment["Vary"]


def test_the_timeline_swapped_in_carries_the_filter_form_as_a_fresh_load_shows_it(syria, client):
    """The form stays outside the swap; the fragment holds its fields as the new address
    renders them (redline.js sets the form from them), and the whole page has no copy."""
    whole = client.get("/", {"country": "FR"}).content.decode()
    fragment = client.get("/", {"country": "FR"}, headers={"HX-Request": "true"})
    state = re.search(
        r'<template data-form-state="timeline-filter">(.*?)</template>',
        fragment.content.decode(),
        re.S,
    )
    assert state is not None
    assert '<option value="FR" selected>' in state.group(1)
    assert ">Clear filters</a>" in state.group(1)
    form = re.search(r'<form class="timeline-filter" id="timeline-filter".*?</form>', whole, re.S)
    assert " ".join(state.group(1).split()) == " ".join(
        re.search(r"<fieldset>.*</fieldset>", form.group(0), re.S).group(0).split()
    )
    assert "data-form-state" not in whole


def test_the_home_page_says_where_the_data_comes_from(syria, client):
    page = text_of(client.get("/"))
    assert "Data last updated 26 November 2026, from" in page
    assert "30 news reports, 10 leaked texts, 6 blogs" in page
    assert "5 analyses, 4 UN verbatim records and 3 UN documents." in page


# The window: one page of families at a time, never the whole collection.


def _add_families(count: int) -> None:
    """`count` more families after the collection's, each with one published revision in
    May 2013 and none of France's part."""
    import datetime

    from timeline.models import Resolution, Revision

    for n in range(count):
        family = Resolution.objects.create(
            slug=f"extra-{n}", title=f"Extra family {n}", position=100 + n
        )
        Revision.objects.create(
            resolution=family,
            slug="draft",
            label="Draft",
            date=datetime.date(2013, 5, 1 + n % 28),
            position=1,
            status="circulated",
            text_status="none",
            published=True,
        )


def test_a_page_holds_eight_families_and_links_to_the_others(syria, client):
    _add_families(13)  # 6 + 13 = 19 families: three pages
    first = client.get("/")
    html = first.content.decode()
    assert html.count('class="lane-head"') == 8
    assert "Families 1–8 of 19, in the collection’s order:" in text_of(first)
    assert 'href="/?page=2" rel="next"' in html
    last = client.get("/", {"page": "3"})
    html = last.content.decode()
    assert "Families 17–19 of 19" in text_of(last)
    assert html.count('class="lane-head"') == 3
    assert 'href="/?page=2" rel="prev"' in html
    assert "Extra family 12" in text_of(last)
    assert "Extra family 12" not in text_of(first)


def test_filters_choose_the_families_before_they_are_paged(syria, client):
    _add_families(13)
    response = client.get("/", {"from": "2013-05", "to": "2013-05"})
    page = text_of(response)
    assert "13 revisions in May 2013" in page
    assert "Families 1–8 of 13" in page
    # The six families without a revision then are named; a change of filter starts
    # again from the first page.
    assert "Not shown: European drafts" in page
    html = response.content.decode()
    assert 'href="/?from=2013&amp;to=2013"' in html
    france = text_of(client.get("/", {"country": "FR"}))
    assert "Not shown: 14 draft families — no part recorded for France." in france


def test_a_page_past_the_last_or_not_a_number_is_refused(syria, client):
    response = client.get("/", {"page": "2"})
    assert response.status_code == 400
    assert "There is only 1 page of families with these filters." in text_of(response)
    for bad in ("0", "two", "-1", "1e3", "99999999"):
        response = client.get("/", {"page": bad})
        assert response.status_code == 400, bad
        assert "“page” is a page number" in text_of(response)


def test_context_events_beyond_a_page_are_counted_not_dropped_silently(syria, client):
    import datetime

    from timeline.models import Event

    before = Event.objects.count()
    Event.objects.bulk_create(
        Event(date=datetime.date(2012, 3, 1 + n), title=f"Meeting {n}", position=50 + n)
        for n in range(20)
    )
    page = text_of(client.get("/"))
    assert f"Showing the first 12 of {before + 20} context events;" in page
    assert "zoom to a shorter period to see the others" in page
