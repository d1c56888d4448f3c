"""The timeline drawn as a picture: one lane per family, a mark per revision shaped by its
status and placed by its date, lines of descent and rivalry, zoom to a period by URL."""

import datetime

import pytest
from lxml import etree

from tests.helpers import text_of

SVG = "{http://www.w3.org/2000/svg}"


def picture(response, layout: str = "wide") -> etree._Element:
    """The page's picture in one layout, parsed as XML (so it is well-formed)."""
    html = response.content.decode()
    start = html.index(f'<svg class="timeline-picture timeline-picture-{layout}"')
    end = html.index("</svg>", start) + len("</svg>")
    return etree.fromstring(html[start:end])


def marks(svg) -> list[etree._Element]:
    return svg.findall(f".//{SVG}a[@class]")


def revision_marks(svg) -> list[etree._Element]:
    return [a for a in marks(svg) if a.get("class").startswith("mark ")]


def mark_named(svg, label: str) -> etree._Element:
    (mark,) = [a for a in revision_marks(svg) if f": {label}," in a.get("aria-label")]
    return mark


def centre(mark) -> tuple[float, float]:
    circle = mark.find(f"{SVG}circle")
    return float(circle.get("cx")), float(circle.get("cy"))


@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_every_revision_is_a_link_named_for_a_screen_reader(syria, client, layout):
    svg = picture(client.get("/"), layout)
    assert svg.get("aria-labelledby") == f"timeline-picture-{layout}-title"
    title = svg.find(f"{SVG}title").text
    assert title == "Timeline of 24 revisions in 6 draft families, May 2011 to July 2012"
    assert "to scale" in svg.find(f"{SVG}desc").text
    revisions = revision_marks(svg)
    assert len(revisions) == 24
    mark = mark_named(svg, "S/2012/77")
    assert mark.get("href") == "/r/arab-european-draft-2012/s-2012-77/"
    name = mark.get("aria-label")
    assert name.startswith(
        "Arab–European draft introduced by Morocco (S/2012/77): S/2012/77, 2 Feb 2012."
    )
    assert "Vetoed; fragments only." in name
    assert "Not adopted, 13–2–0; vetoed by China and Russia." in name
    lanes = [a.get("aria-label") for a in marks(svg) if a.get("class") == "lane-title"]
    assert lanes[0] == "European drafts, May–October 2011 (S/2011/612)"
    assert len(lanes) == 6


def test_a_marks_shape_says_its_status_and_the_legend_names_every_shape(syria, client):
    response = client.get("/")
    svg = picture(response)

    def shape(label):
        return mark_named(svg, label).find(f"{SVG}use").get("href").rsplit("-", 1)[1]

    assert shape("S/2012/77") == "cross"
    assert shape("S/2012/219") == "square"
    assert shape("v1 (27 Jan)") == "dot"
    assert shape("R1 (15 Dec)") == "ring"
    assert shape("UK draft (in blue 26 Aug)") == "diamond"
    page = text_of(response)
    for words in ["circulated draft", "put in blue (ready for a vote)", "vetoed", "rival drafts"]:
        assert words in page


def test_across_the_picture_is_time_to_scale(syria, client):
    svg = picture(client.get("/"))
    points = {
        label: centre(mark_named(svg, label))[0]
        for label in ["26 May draft", "R1 (15 Dec)", "v1 (27 Jan)", "S/2012/538"]
    }
    dates = {
        "26 May draft": datetime.date(2011, 5, 26),
        "R1 (15 Dec)": datetime.date(2011, 12, 15),
        "v1 (27 Jan)": datetime.date(2012, 1, 27),
        "S/2012/538": datetime.date(2012, 7, 19),
    }
    first, last = "26 May draft", "S/2012/538"
    per_day = (points[last] - points[first]) / (dates[last] - dates[first]).days
    for label in points:
        expected = points[first] + (dates[label] - dates[first]).days * per_day
        assert points[label] == pytest.approx(expected, abs=0.2)


def test_marks_of_one_lane_too_close_to_sit_side_by_side_are_stacked_not_overlapped(syria, client):
    svg = picture(client.get("/"))
    spots = [centre(mark) for mark in revision_marks(svg)]
    for i, (x, y) in enumerate(spots):
        for other_x, other_y in spots[i + 1 :]:
            assert abs(x - other_x) >= 12 or abs(y - other_y) >= 12


def test_lines_join_each_revision_to_the_one_it_follows_and_rivals_to_each_other(syria, client):
    svg = picture(client.get("/", {"family": "resolution-2042-2012"}))
    us, revised = mark_named(svg, "US draft (12 Apr)"), mark_named(svg, "US revised draft")
    russian, adopted = mark_named(svg, "Russian draft (13 Apr)"), mark_named(svg, "S/2012/219")
    lines = {
        (
            line.get("class"),
            (float(line.get("x1")), float(line.get("y1"))),
            (float(line.get("x2")), float(line.get("y2"))),
        )
        for line in svg.findall(f".//{SVG}g[@class='lines']/{SVG}line")
    }
    assert lines == {
        ("line-descent", centre(us), centre(revised)),
        ("line-descent", centre(revised), centre(adopted)),
        ("line-rivals", centre(russian), centre(revised)),
    }
    assert "Rival of US revised draft." in russian.get("aria-label")
    badge = adopted.find(f"{SVG}g[@class='resolution-badge']/{SVG}text")
    assert badge.text == "res. 2042"


def test_hovering_or_focusing_a_mark_has_its_summary_to_show(syria, client):
    svg = picture(client.get("/"))
    tip = [
        t.text
        for t in mark_named(svg, "late preamble (Scribd, undated)").iterfind(
            f"{SVG}g[@class='tip']/{SVG}text"
        )
    ]
    assert tip[0].startswith("late preamble (Scribd, undated) · c. 2 Feb 2012 · Arab–European")
    assert "3 edited, 3 typography only" in " ".join(tip)


def test_context_events_are_marks_that_lead_to_their_row_in_the_table(syria, client):
    response = client.get("/")
    events = [a for a in marks(picture(response)) if a.get("class") == "event-mark"]
    assert len(events) == 10
    suspension = next(a for a in events if "Arab League suspends Syria" in a.get("aria-label"))
    assert suspension.get("aria-label").startswith("Context, November 2011: ")
    assert f'id="{suspension.get("href")[1:]}"' in response.content.decode()


def test_the_picture_has_no_inline_style_or_script(syria, client):
    svg = picture(client.get("/"))
    for element in svg.iter():
        assert "style" not in element.attrib
        assert not str(element.tag).endswith("script")
        assert not any(name.startswith("on") for name in element.attrib)


def test_zooming_to_a_period_keeps_what_falls_in_it_everywhere_on_the_page(syria, client):
    response = client.get("/", {"from": "2012-04", "to": "2012-04"})
    svg = picture(response)
    assert svg.find(f"{SVG}title").text == (
        "Timeline of 7 revisions in 2 draft families, April 2012 to April 2012"
    )
    page = text_of(response)
    assert "7 revisions in April 2012" in page
    assert "Not shown: European drafts" in page
    assert "no revision in April 2012" in page
    ticks = [t.text for t in svg.iterfind(f".//{SVG}text[@class='tick']")]
    assert ticks[0] == "1 Apr"
    assert response.content.decode().count('class="card-title"') == 7


def test_zoom_links_name_each_year_and_keep_the_other_filters(syria, client):
    html = client.get("/", {"country": "FR", "from": "2012"}).content.decode()
    assert '<a href="/?country=FR&amp;from=2011&amp;to=2011">2011</a>' in html
    assert '<a href="/?country=FR">All dates</a>' in html
    current = client.get("/", {"from": "2012", "to": "2012"}).content.decode()
    assert '<a href="/?from=2012&amp;to=2012" aria-current="true">2012</a>' in current


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "April"}, "“from” is a year or a month, such as 2012 or 2012-04 (not “April”)."),
        ({"to": "2012-13"}, "“to” is a year or a month, such as 2012 or 2012-04 (not “2012-13”)."),
        ({"from": "2013", "to": "2012"}, "The period ends before it begins"),
    ],
)
def test_a_period_that_is_not_one_is_a_bad_request(syria, client, query, message):
    response = client.get("/", query)
    assert response.status_code == 400
    assert message in text_of(response)


def test_a_period_with_nothing_in_it_says_so(syria, client):
    response = client.get("/", {"from": "2020", "to": "2020"})
    assert response.status_code == 200
    assert "No revision matches these filters" in text_of(response)
    assert b"timeline-picture" not in response.content


def test_the_whole_story_draws_every_family_from_2011_to_2026_on_two_pages(story, client):
    response = client.get("/")
    svg = picture(response)
    title = svg.find(f"{SVG}title").text
    assert title == "Timeline of 61 revisions in 8 draft families, May 2011 to June 2026"
    ticks = [t.text for t in svg.iterfind(f".//{SVG}text[@class='tick']") if t.text]
    assert (ticks[0], ticks[-1]) == ("2012", "2026")
    assert "Families 1–8 of 12" in text_of(response)
    response = client.get("/", {"page": "2"})
    svg = picture(response)
    title = svg.find(f"{SVG}title").text
    assert title.startswith("Timeline of 20 revisions in 4 draft families, ")
    assert "Families 9–12 of 12" in text_of(response)
    cross_border = mark_named(svg, "S/2023/506")
    assert "rival" in cross_border.get("aria-label").lower()
