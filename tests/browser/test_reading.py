"""A reader in Chromium: the collection, a revision, a clause anchor."""

import re

from playwright.sync_api import expect


def test_home_lists_the_families_without_console_errors(site, page):
    page.goto(site + "/")
    expect(page).to_have_title(re.compile("Timeline of the drafts"))
    expect(page.locator("th.lane-head")).to_have_count(7)
    expect(page.locator(".card")).to_have_count(24)


def test_a_reader_opens_russias_third_draft_and_sees_its_provenance(site, page):
    page.goto(site + "/")
    page.get_by_role("link", name="R3 (16/17 Jan)", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("R3 (16/17 Jan)")
    access = page.locator("article.clause", has_text="international media")
    expect(access.locator(".marker-paraphrase")).to_have_text("reported paraphrase")
    expect(access.locator(".proposers")).to_contain_text("Portugal")
    access.locator("details.sources summary").click()
    expect(access.locator("details.sources li").first).to_be_visible()


def test_a_clause_anchor_scrolls_to_and_highlights_the_clause(site, page):
    page.goto(site + "/r/arab-european-draft-2012/v3-1-feb-19-00/#pp9bis")
    clause = page.locator("#pp9bis")
    expect(clause).to_be_in_viewport()
    expect(clause).to_contain_text("bracketed — not yet agreed")
    background = clause.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"


def test_the_skip_link_is_the_first_stop_for_the_keyboard(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")


def test_pages_work_without_javascript(site, page_without_javascript):
    page = page_without_javascript
    page.goto(site + "/r/russian-drafts-2011-2012/r3-16-17-jan/")
    expect(page.locator("article.clause")).to_have_count(3)
    expect(page.get_by_text("ruling out any military intervention from outside")).to_be_visible()
