"""The editors' whole flow in Chromium: an editor starts the next revision of a family
from the last one, pastes its text, corrects one link of the proposed lineage, publishes,
and readers then find it on the timeline, in the comparison and behind the permalink of
the corrected clause."""

import importlib

from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from timeline.models import Revision

FAMILY = "resolution-2042-2012"
EDITORS_MIGRATION = importlib.import_module("timeline.migrations.0003_editors_group")


def editors_group() -> Group:
    """The Editors group with the permissions the migration gives it. Live-server tests
    empty the database after each test, data migrations' rows included (permissions are
    made again by Django's post_migrate signal, the group is not), so it is made here."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="timeline", codename__in=EDITORS_MIGRATION.EDITOR_PERMISSIONS
        )
    )
    assert group.permissions.count() == len(EDITORS_MIGRATION.EDITOR_PERMISSIONS)
    return group


NEW_PARAGRAPH = "Condemning in the strongest terms the continued violence against civilians,"


def pasted_text() -> str:
    """S/2012/219 as an editor would paste its successor: one operative paragraph edited,
    the human-rights paragraph rewritten beyond recognition by the engine."""
    adopted = Revision.objects.get(resolution__slug=FAMILY, symbol="S/2012/219")
    blocks = ["The Security Council,"]
    for clause in adopted.clauses.order_by("position"):
        text = clause.text
        if clause.key == "pp-condemning-hr-violations":
            text = NEW_PARAGRAPH
        if clause.key == "op-withdrawal-troops-heavy-weapons":
            text = text.rstrip(";,. ") + " without delay;"
        blocks.append(f"{clause.number}. {text}" if clause.number else text)
    return "\n\n".join(blocks)


def test_an_editor_pastes_confirms_publishes_and_readers_see_it(
    editing_site, page, browser, django_user_model
):
    editor = django_user_model.objects.create_user("alice", password="a-long-passphrase-42")
    editor.is_staff = True
    editor.save()
    editor.groups.add(editors_group())
    text = pasted_text()

    page.goto(f"{editing_site}/admin/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("a-long-passphrase-42")
    page.get_by_role("button", name="Log in").click()

    # Start the next revision from the adopted draft.
    page.goto(f"{editing_site}/admin/timeline/revision/?q=S%2F2012%2F219")
    page.get_by_role("row", name="S/2012/219").get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option("new_revision_from")
    page.get_by_role("button", name="Run").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Created “S/2012/219 (next)” as an unpublished copy with 12 clauses"
    )

    # Paste its text and review the lineage the engine proposes.
    page.get_by_role("link", name="Paste the text").click()
    page.get_by_label("Text").fill(text)
    page.get_by_role("button", name="Review").click()
    rewritten = page.locator("#paste_review tr", has_text=NEW_PARAGRAPH)
    expect(rewritten).to_contain_text("new clause")
    expect(page.locator("#paste_dropped")).to_contain_text("pp-condemning-hr-violations")

    # The editor knows better: the rewritten paragraph continues the human-rights one.
    rewritten.get_by_role("combobox").select_option("pp-condemning-hr-violations")
    page.get_by_label("Replace the existing clauses").check()
    page.get_by_role("button", name="Save clauses").click()
    expect(page.locator(".messagelist")).to_contain_text("Pasted 12 clauses")

    # Preview, then publish.
    expect(page.locator(".field-preview")).to_contain_text("since S/2012/219: 2 edited")
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # A reader, not signed in, finds it everywhere.
    reader = browser.new_context().new_page()
    reader.goto(f"{editing_site}/?family={FAMILY}")
    expect(reader.locator(".card-title", has_text="S/2012/219 (next)")).to_be_visible()
    expect(reader.locator(".card", has_text="S/2012/219 (next)")).to_contain_text(
        "2 edited (in the available text) since S/2012/219"
    )
    reader.goto(f"{editing_site}/r/{FAMILY}/compare/s-2012-219...s-2012-219-next/")
    expect(reader.locator("main ins", has_text="without delay")).to_have_count(1)
    reader.goto(f"{editing_site}/c/{FAMILY}/pp-condemning-hr-violations/")
    expect(reader.locator("main")).to_contain_text(NEW_PARAGRAPH)
    reader.context.close()
