"""A reader in Chromium shares a clause: copies its links, opens them fresh, follows a dropped
clause, and does the same without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

FAMILY = "arab-european-draft-2012"
V3 = f"/r/{FAMILY}/v3-1-feb-19-00/"
ARMS = f"/c/{FAMILY}/pp-arms-transfers/"
SOVEREIGNTY = f"/c/{FAMILY}/pp-sovereignty-peaceful-resolution/"


def watched(context):
    """A page of `context` that records console errors and CSP violations."""
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return page


@pytest.fixture
def clipboard_page(browser):
    """A page allowed to write and read the clipboard; the test fails on console errors."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = watched(context)
    yield page
    context.close()
    assert page.problems == [], f"console errors or CSP violations: {page.problems}"


def test_copy_a_clause_permalink_and_open_it_in_a_fresh_page(site, clipboard_page, browser):
    page = clipboard_page
    page.goto(site + V3)
    arms = page.locator("article#pp8")
    copy = arms.get_by_role("button", name="Copy link to this clause through time")
    copy.click()
    expect(page.get_by_role("status")).to_have_text("Link copied")
    expect(page).to_have_url(site + V3)  # copying does not navigate
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site + ARMS

    fresh_context = browser.new_context()
    fresh = watched(fresh_context)
    fresh.goto(copied)
    expect(fresh.get_by_role("heading", level=1)).to_contain_text(
        "Expressing grave concern at the continued transfer of weapons"
    )
    expect(fresh.locator("#in-late-preamble-scribd-undated")).to_contain_text(
        "Dropped in late preamble (Scribd, undated)."
    )
    assert fresh.problems == []
    fresh_context.close()


def test_copy_a_paragraph_link_and_land_on_that_paragraph(site, clipboard_page, browser):
    page = clipboard_page
    page.goto(site + SOVEREIGNTY)
    step = page.locator("#in-v3-1-feb-19-00")
    step.get_by_role("button", name="Copy link to this paragraph in this revision").click()
    expect(page.get_by_role("status")).to_have_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site + V3 + "#pp10"

    fresh_context = browser.new_context()
    fresh = watched(fresh_context)
    fresh.goto(copied)
    expect(fresh.locator("#pp10")).to_be_in_viewport()
    expect(fresh.locator("#pp10")).to_contain_text("Reaffirming its strong commitment")
    fresh_context.close()


def test_the_space_bar_copies_too(site, clipboard_page):
    page = clipboard_page
    page.goto(site + V3)
    page.locator("article#pp9").get_by_role("button", name="Copy link to this clause").focus()
    page.keyboard.press(" ")
    expect(page.get_by_role("status")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        f"/c/{FAMILY}/pp-stability-region/"
    )


def test_without_a_clipboard_the_link_is_shown_selected(site, browser):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = watched(context)
    page.goto(site + V3)
    page.locator("article#pp8").get_by_role("button", name="Copy link to this clause").click()
    field = page.locator("article#pp8 input.copy-fallback")
    expect(field).to_have_value(site + ARMS)
    expect(field).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("the link is selected")
    assert page.problems == []
    context.close()


def test_a_dropped_clauses_short_permalink_shows_where_it_was_dropped(site, page):
    page.goto(site + "/c/pp-arms-transfers/")
    expect(page).to_have_url(site + ARMS)
    expect(page.locator(".lede")).to_contain_text("Dropped in late preamble (Scribd, undated).")
    expect(page.locator("#in-v3-1-feb-19-00")).to_contain_text("bracketed — not yet agreed")
    expect(page.locator("#in-s-2012-77")).to_contain_text("Position unknown.")


def test_clause_links_work_without_javascript(site, page_without_javascript):
    page = page_without_javascript
    page.goto(site + V3)
    arms = page.locator("article#pp8")
    expect(arms.get_by_role("link", name="Copy link to this clause through time")).to_be_visible()
    expect(
        arms.get_by_role("link", name="Copy link to this paragraph in this revision")
    ).to_be_visible()
    arms.get_by_role("link", name="History through the revisions").click()
    expect(page).to_have_url(site + ARMS)
    expect(page.locator(".lede")).to_contain_text("Dropped in late preamble (Scribd, undated).")

    latest = page.locator(".clause-latest")
    latest.get_by_role("link", name="Copy link to this paragraph in this revision").click()
    expect(page).to_have_url(site + V3 + "#pp8")
    page.locator("article#pp8").get_by_role(
        "link", name="Copy link to this clause through time"
    ).click()
    expect(page).to_have_url(site + ARMS)


@pytest.mark.parametrize(
    "path",
    [
        V3,
        SOVEREIGNTY,
        ARMS,
        "/c/op-condemns-human-rights-violations/",
        "/c/resolution-2043-2012/pp-support-envoy/",
    ],
)
def test_clause_pages_and_clause_links_have_no_axe_violations(site, page, path):
    page.goto(site + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
