"""A reader in Chromium: searching clause texts (in place with htmx, and without
JavaScript) and reading a country's record."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect


def test_typing_a_query_updates_the_results_in_place_and_back_restores_them(site, page):
    page.goto(site + "/search/")
    # A full page load would drop this flag: the results must arrive without one.
    page.evaluate("window.redlineSamePage = true")
    field = page.get_by_label("Words to find")
    field.press_sequentially("military intervention", delay=20)
    expect(page).to_have_url(re.compile(r"q=military(\+|%20)intervention"))
    status = page.get_by_role("status")
    expect(status).to_have_text("1 clause matches “military intervention”.")
    hit = page.locator(".hit")
    expect(hit).to_have_count(1)
    expect(hit.locator("mark")).to_have_text(["military", "intervention"])
    expect(hit).to_contain_text("Proposed by Russia")

    field.fill("")
    field.press_sequentially("humanitarian", delay=20)
    expect(page).to_have_url(re.compile(r"q=humanitarian"))
    expect(status).to_contain_text("“humanitarian”")
    assert page.evaluate("window.redlineSamePage") is True

    page.go_back()
    expect(page).to_have_url(re.compile(r"q=military(\+|%20)intervention"))
    expect(page.locator(".hit")).to_have_count(1)
    expect(page.locator(".hit")).to_contain_text("ruling out any military intervention")


def test_a_filter_narrows_the_results_in_place(site, page):
    page.goto(site + "/search/?q=violence")
    page.get_by_label("Proposed or sponsored by").select_option(label="France")
    expect(page).to_have_url(re.compile(r"country=fr"))
    expect(page.get_by_role("status")).to_contain_text("with these filters")


def test_the_same_search_works_without_javascript(site, page_without_javascript):
    page = page_without_javascript
    page.goto(site + "/search/")
    page.get_by_label("Words to find").fill("military intervention")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=military\+intervention"))
    expect(page.get_by_role("status")).to_have_text("1 clause matches “military intervention”.")
    expect(page.locator(".hit mark")).to_have_text(["military", "intervention"])


def test_the_header_search_leads_to_the_results(site, page):
    page.goto(site + "/countries/")
    page.get_by_role("search", name="Site").get_by_label("Search clause texts").fill("six-point")
    page.get_by_role("search", name="Site").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=six-point"))
    expect(page.get_by_role("status")).to_contain_text("match")


def test_a_reader_opens_frances_record_and_follows_its_clause(site, page):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Countries").click()
    page.get_by_role("link", name="France", exact=True).click()
    expect(page).to_have_url(re.compile(r"/countries/fr/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("France")
    proposal = page.locator(".proposal", has_text="cease all violence")
    expect(proposal).to_contain_text("France's call on the Syrian government")
    expect(proposal.locator(".fate")).to_contain_text("What became of it:")
    proposal.get_by_role("link", name="R3 (16/17 Jan), operative paragraph").click()
    expect(page).to_have_url(re.compile(r"/r/russian-drafts-2011-2012/r3-16-17-jan/#op"))
    anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()


def test_a_country_page_works_without_javascript(site, page_without_javascript):
    page = page_without_javascript
    page.goto(site + "/countries/RU/")
    expect(page).to_have_url(re.compile(r"/countries/ru/$"))
    votes = page.locator("#votes")
    expect(votes.locator(".marker-veto")).to_have_count(3)


@pytest.mark.parametrize(
    "url",
    [
        "/countries/",
        "/countries/ru/",
        "/countries/qa/",
        "/search/",
        "/search/?q=violence",
        "/search/?q=S%2F2012%2F77",
        "/search/?q=humanitarain",
        "/about/",
        "/glossary/",
        "/data/",
    ],
)
def test_country_and_search_pages_have_no_accessibility_violations(site, page, url):
    page.goto(site + url)
    results = Axe().run(page)
    assert results.response["violations"] == [], results.generate_report()
