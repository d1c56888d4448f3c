"""An editor in Chromium pastes the next revision of a family into the admin, corrects one
link of the proposed lineage, saves, and a reader's compare page and clause permalink show
the new text under the corrected key."""

import datetime

from playwright.sync_api import expect

from tests.test_admin_paste import CONDEMNING, FAMILY, PASTED
from timeline.models import Revision, RevisionStatus, TextStatus


def test_paste_review_correct_a_link_save_and_read_it(editing_site, page, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "secret-pw")
    predecessor = Revision.objects.get(resolution__slug=FAMILY, position=3)
    Revision.objects.filter(resolution__slug=FAMILY, symbol="S/2012/77").update(position=10)
    revision = Revision.objects.create(
        resolution=predecessor.resolution,
        position=4,
        label="v4 (pasted)",
        slug="v4-pasted",
        date=datetime.date(2012, 2, 3),
        status=RevisionStatus.CIRCULATED,
        text_status=TextStatus.PARTIAL,
        published=False,
    )

    # The stock admin pages name no icon, so Chromium asks for /favicon.ico, which the site
    # does not serve: that 404 is not this flow's to fix (see the report of issue 5).
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{editing_site}/admin/timeline/revision/{revision.pk}/change/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("secret-pw")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Paste the text").click()

    page.get_by_label("Text").fill(PASTED)
    page.get_by_role("button", name="Review").click()
    review = page.locator("#paste_review")
    expect(review.locator("tbody tr")).to_have_count(11)
    condemning = review.locator(f'tr[data-clause="{CONDEMNING}"]')
    expect(condemning).to_contain_text("new clause")
    mindful = review.locator('tr[data-clause="6"]')
    expect(mindful).to_contain_text("pp-stability-region")
    expect(mindful.locator("ins").first).to_be_visible()
    expect(page.locator("#paste_dropped")).to_contain_text("pp-noting-las-request")

    page.get_by_label(f"Clause {CONDEMNING + 1} continues").select_option("pp-noting-las-request")
    page.get_by_role("button", name="Save clauses").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Pasted 11 clauses (11 continued, 0 new, 0 dropped)"
    )
    assert page.url.endswith(f"/admin/timeline/revision/{revision.pk}/change/")

    Revision.objects.filter(pk=revision.pk).update(published=True)
    page.goto(f"{editing_site}/r/{FAMILY}/compare/{predecessor.slug}...v4-pasted/")
    expect(page.locator("main ins", has_text="security")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("Condemning all violence")
    page.goto(f"{editing_site}/c/{FAMILY}/pp-noting-las-request/")
    expect(page.locator("main")).to_contain_text(
        "Condemning all violence, irrespective of where it comes from,"
    )
