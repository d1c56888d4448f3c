"""The timeline in Chromium: filters update in place and in the address bar, Back restores,
and every page type of the reader's core has no axe-core violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]
    ]


def test_a_country_filter_updates_the_lanes_in_place_and_in_the_url(site, page):
    page.goto(site + "/")
    expect(page.locator(".card")).to_have_count(24)
    page.evaluate("window.__not_reloaded = true")
    page.get_by_label("Country").select_option("PT")
    expect(page).to_have_url(site + "/?country=PT&role=any&family=&from=&to=")
    expect(page.locator(".card-roles").first).to_contain_text("Portugal:")
    expect(page.get_by_role("heading", level=2, name="where Portugal took part")).to_be_visible()
    assert page.evaluate("window.__not_reloaded") is True  # swapped in place, no reload
    assert page.locator(".card").count() < 24

    page.get_by_label("Taking part").select_option("proposer")
    expect(page).to_have_url(site + "/?country=PT&role=proposer&family=&from=&to=")
    expect(page.locator(".card")).to_have_count(1)
    expect(page.locator(".card-title")).to_have_text("R3 (16/17 Jan)")

    page.go_back()
    expect(page).to_have_url(site + "/?country=PT&role=any&family=&from=&to=")
    expect(page.locator(".card").first).to_be_visible()
    assert page.locator(".card").count() > 1
    page.go_back()
    expect(page).to_have_url(site + "/")
    expect(page.locator(".card")).to_have_count(24)


def test_the_filter_form_follows_the_timeline_it_swapped_in(site, page):
    """The form stays outside the part a filter swaps in place, yet it says what is shown:
    after a change, the family choices and the way to clear the filters are the ones a
    fresh load of the address gives; after clearing, every control is back at its start."""

    def form_state() -> dict:
        return page.evaluate(
            """() => ({
                families: Array.from(document.querySelectorAll("#filter-family option"),
                                     (o) => o.value),
                familyLabel: document.querySelector("label[for=filter-family]").textContent,
                values: Array.from(document.querySelectorAll(".timeline-filter select, "
                                   + ".timeline-filter input"), (c) => c.value),
                clear: document.querySelectorAll(".timeline-filter .actions a").length,
            })"""
        )

    page.goto(site + "/")
    page.get_by_label("Country").select_option("PT")
    expect(page).to_have_url(site + "/?country=PT&role=any&family=&from=&to=")
    expect(page.get_by_role("link", name="Clear filters")).to_be_visible()
    swapped = form_state()
    page.reload()
    assert form_state() == swapped

    family = page.get_by_label("Draft family", exact=True)
    family.focus()
    family.select_option("resolution-2042-2012")
    expect(page.get_by_role("heading", level=2, name="in Drafts leading to")).to_be_visible()
    # The reader is still on the family menu: its choices stay put under the keyboard.
    expect(family).to_be_focused()
    assert form_state()["families"] == swapped["families"]

    page.get_by_role("link", name="Clear filters").click()
    expect(page).to_have_url(site + "/")
    expect(page.locator(".card")).to_have_count(24)
    expect(page.get_by_role("link", name="Clear filters")).to_have_count(0)
    cleared = form_state()
    page.reload()
    assert form_state() == cleared
    assert cleared["values"] == ["", "any", "", "", ""]

    page.go_back()
    expect(page).to_have_url(site + "/?country=PT&role=any&family=resolution-2042-2012&from=&to=")
    expect(page.get_by_role("link", name="Clear filters")).to_be_visible()
    assert form_state()["values"] == ["PT", "any", "resolution-2042-2012", "", ""]


def test_clearing_the_filters_from_the_keyboard_lands_on_the_timeline_heading(site, page):
    page.goto(site + "/?country=PT&role=any&family=&from=&to=")
    page.get_by_role("link", name="Clear filters").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/")
    expect(
        page.get_by_role("heading", level=2, name="The negotiations at a glance")
    ).to_be_focused()


def test_the_filters_work_without_javascript(site, page_without_javascript):
    page = page_without_javascript
    page.goto(site + "/")
    page.get_by_label("Draft family").select_option("resolution-2042-2012")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(site + "/?country=&role=any&family=resolution-2042-2012&from=&to=")
    expect(page.locator(".card")).to_have_count(4)


def test_a_bad_filter_explains_itself(site, page):
    response = page.goto(site + "/?country=XX")
    assert response.status == 400
    expect(page.get_by_text('There is no country "XX" in the collection.')).to_be_visible()


def test_on_a_phone_the_lanes_become_labelled_months(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site + "/")
    first = page.locator("td.lane:not(.empty)").first
    label = first.evaluate("el => getComputedStyle(el, '::before').content")
    assert "European drafts" in label
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?country=FR&role=any&family=",
        "/?from=2012-04&to=2012-07",
        "/r/arab-european-draft-2012/",
        "/r/arab-european-draft-2012/v3-1-feb-19-00/",
        "/r/resolution-2043-2012/s-2012-245/",
        "/r/no-such-family/",
        "/?country=XX",
    ],
)
def test_no_accessibility_violations(site, page, path):
    page.goto(site + path)
    assert axe_violations(page) == []


def test_the_picture_is_whole_at_1280_pixels_and_a_mark_reads_out_on_focus(site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site + "/")
    picture = page.locator("svg.timeline-picture-wide")
    expect(picture).to_be_visible()
    expect(page.locator("svg.timeline-picture-narrow")).to_be_hidden()
    box = picture.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 1280
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    hint = picture.locator(".panel-hint")
    expect(hint).to_be_visible()
    mark = picture.get_by_role("link", name="S/2012/77, 2 Feb 2012.")
    mark.focus()
    tip = mark.locator(".tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("vetoed by China and Russia")
    expect(hint).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/r/arab-european-draft-2012/s-2012-77/")
    context.close()


def test_the_keyboard_reaches_every_mark_in_date_order_within_a_lane(site, page):
    page.goto(site + "/?family=resolution-2042-2012&from=&to=")
    page.locator("#filter-to").focus()
    names = []
    for _ in range(12):
        page.keyboard.press("Tab")
        name = page.evaluate(
            "(el => el.closest('svg') ? el.getAttribute('aria-label') : null)"
            "(document.activeElement)"
        )
        if name:
            names.append(name.split(": ", 1)[-1].split(",")[0])
    assert names == [
        "Drafts leading to resolution 2042 (2012)",
        "US draft (12 Apr)",
        "US revised draft",
        "Russian draft (13 Apr)",
        "S/2012/219",
        "Presidential statement of 5 April 2012",  # the context of the month, after the lanes
    ]


def test_a_year_link_zooms_the_picture_and_the_table_and_back_restores(site, page):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Period").get_by_role("link", name="2011").click()
    expect(page).to_have_url(site + "/?from=2011&to=2011")
    expect(page.locator("svg.timeline-picture-wide title")).to_have_text(
        "Timeline of 8 revisions in 2 draft families, January 2011 to December 2011"
    )
    expect(page.locator(".card")).to_have_count(8)
    page.go_back()
    expect(page).to_have_url(site + "/")
    expect(page.locator(".card")).to_have_count(24)


def test_on_a_phone_the_picture_is_drawn_narrow_and_nothing_scrolls_sideways(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site + "/")
    expect(page.locator("svg.timeline-picture-narrow")).to_be_visible()
    expect(page.locator("svg.timeline-picture-wide")).to_be_hidden()
    box = page.locator("svg.timeline-picture-narrow").bounding_box()
    assert box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
