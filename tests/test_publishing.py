"""Drafts readers do not see, the next revision started as a copy, and two editors saving
the same revision at once."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tests.admin_forms import admin_form_data
from tests.helpers import text_of
from timeline.models import Clause, Revision
from timeline.services import revision_new_from

LATE = "late preamble (Scribd, undated)"


@pytest.fixture
def draft(syria) -> Revision:
    """The Arab–European late preamble, held back as a draft."""
    revision = Revision.objects.get(label=LATE)
    revision.published = False
    revision.save()
    return revision


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


READER_PAGES = [
    ("/", "late preamble (Scribd"),
    ("/r/arab-european-draft-2012/", "late preamble (Scribd"),
    ("/c/arab-european-draft-2012/pp-engagement-sg-diplomatic-efforts/", None),
    ("/countries/", None),
    ("/search/?q=engagement+of+the+Secretary-General", "Welcoming the engagement"),
]


@pytest.mark.parametrize(("url", "hidden"), READER_PAGES)
def test_readers_never_see_a_draft(draft, client, url, hidden):
    response = client.get(url)
    assert response.status_code in (200, 404)
    if hidden:
        assert hidden not in text_of(response)


def test_a_drafts_own_pages_are_not_found_for_readers(draft, client):
    assert client.get(draft.get_absolute_url()).status_code == 404
    compare = reverse("compare", args=["arab-european-draft-2012", "v3-1-feb-19-00", draft.slug])
    assert client.get(compare).status_code == 404


def test_editors_preview_a_draft_with_a_banner(draft, staff_client):
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview. Only editors see this revision" in text_of(response)
    compare = reverse("compare", args=["arab-european-draft-2012", "v3-1-feb-19-00", draft.slug])
    assert "3 edited, 3 typography only" in text_of(staff_client.get(compare))


def test_the_next_revision_starts_as_an_unpublished_copy_with_the_same_keys(syria):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    new = revision_new_from(revision=r3)
    assert new.label == "R3 (16/17 Jan) (next)"
    assert new.slug == "r3-16-17-jan-next"
    assert not new.published
    assert new.position == r3.resolution.revisions.count()
    old_clauses = list(r3.clauses.order_by("position"))
    new_clauses = list(new.clauses.order_by("position"))
    assert [(c.key, c.anchor, c.text) for c in new_clauses] == [
        (c.key, c.anchor, c.text) for c in old_clauses
    ]
    assert [p.country_id for p in new_clauses[1].proposers.all()] == ["FR", "PT"]
    assert [s.country_id for s in new.sponsorships.all()] == ["RU"]
    assert not new.source_links.exists()
    assert revision_new_from(revision=r3).label == "R3 (16/17 Jan) (next 2)"


def test_the_admin_action_makes_the_next_revision_and_logs_it(syria, staff_client):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    response = staff_client.post(
        reverse("admin:timeline_revision_changelist"),
        {"action": "new_revision_from", "_selected_action": [r3.pk]},
    )
    new = Revision.objects.get(label="R3 (16/17 Jan) (next)")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_revision_change", args=[new.pk])
    assert LogEntry.objects.filter(object_id=str(new.pk)).exists()


def change_form(client, revision: Revision) -> dict:
    url = reverse("admin:timeline_revision_change", args=[revision.pk])
    return admin_form_data(client.get(url).content.decode(), "revision_form")


def test_a_second_editor_saving_a_stale_revision_is_told_and_loses_nothing(
    syria, client, django_user_model
):
    first, second = (
        django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw")
        for name in ("first", "second")
    )
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    url = reverse("admin:timeline_revision_change", args=[r3.pk])
    client.force_login(first)
    form_of_first = change_form(client, r3)
    client.force_login(second)
    form_of_second = change_form(client, r3)

    client.force_login(first)
    form_of_first["note"] = ["First editor note."]
    assert client.post(url, form_of_first).status_code == 302

    client.force_login(second)
    form_of_second["note"] = ["Second editor note."]
    form_of_second["clauses-0-text"] = ["second editor clause text"]
    response = client.post(url, form_of_second)
    assert response.status_code == 200
    page = text_of(response)
    assert "Someone else saved this revision" in page
    assert "Second editor note." in response.content.decode()
    assert "second editor clause text" in response.content.decode()
    r3.refresh_from_db()
    assert r3.note == "First editor note."
    assert not Clause.objects.filter(text="second editor clause text").exists()


def test_saving_raises_the_version_and_an_up_to_date_form_saves(syria, staff_client):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    url = reverse("admin:timeline_revision_change", args=[r3.pk])
    for expected in (2, 3):
        form = change_form(staff_client, r3)
        assert staff_client.post(url, form).status_code == 302
        r3.refresh_from_db()
        assert r3.version == expected


def test_a_clause_saved_on_its_own_page_makes_open_revision_forms_stale(syria, staff_client):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    revision_form = change_form(staff_client, r3)
    clause = r3.clauses.get(position=3)
    clause_url = reverse("admin:timeline_clause_change", args=[clause.pk])
    clause_form = admin_form_data(staff_client.get(clause_url).content.decode(), "clause_form")
    clause_form["note"] = ["Checked against RIA's text."]
    assert staff_client.post(clause_url, clause_form).status_code == 302
    url = reverse("admin:timeline_revision_change", args=[r3.pk])
    assert "Someone else saved this revision" in text_of(staff_client.post(url, revision_form))


def test_a_revision_added_by_hand_starts_unpublished(syria, staff_client):
    html = staff_client.get(reverse("admin:timeline_revision_add")).content.decode()
    assert admin_form_data(html, "revision_form").get("published") is None


def test_pages_say_when_an_editor_last_changed_the_data(syria, client, django_user_model):
    page = text_of(client.get("/"))
    assert "last updated 26 November 2026" in page
    editor = django_user_model.objects.create_superuser("e", "e@example.org", "pw")
    revision = Revision.objects.get(label="R3 (16/17 Jan)")
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Revision),
        object_id=str(revision.pk),
        object_repr=str(revision),
        action_flag=CHANGE,
        action_time=datetime.datetime(2027, 1, 2, 19, 0, tzinfo=datetime.UTC),
    )
    assert "last updated 2 January 2027" in text_of(client.get("/"))


def test_the_revision_form_previews_the_change_before_publishing(draft, staff_client):
    url = reverse("admin:timeline_revision_change", args=[draft.pk])
    page = text_of(staff_client.get(url))
    assert (
        "11 clauses; since v3 (1 Feb 19:00): 3 edited, 3 typography only; 1 not in late "
        "preamble (Scribd, undated)’s available text; 1 not in v3 (1 Feb 19:00)’s available "
        "text. Preview the comparison" in page
    )
    compare = reverse("compare", args=["arab-european-draft-2012", "v3-1-feb-19-00", draft.slug])
    assert f'href="{compare}"' in staff_client.get(url).content.decode()


@pytest.mark.parametrize(
    ("date", "warning"),
    [
        ("2011-01-02", "before the family's first revision (27 January 2012). Saved"),
        ("2013-01-02", "more than six months after the family's latest revision"),
        ("2012-02-03", None),
    ],
)
def test_a_date_outside_the_familys_range_is_saved_with_a_warning(
    draft, staff_client, date, warning
):
    url = reverse("admin:timeline_revision_change", args=[draft.pk])
    form = change_form(staff_client, draft)
    form["date"] = [date]
    response = staff_client.post(url, form, follow=True)
    draft.refresh_from_db()
    assert draft.date.isoformat() == date
    page = text_of(response)
    if warning:
        assert warning in page
    else:
        assert "Saved; check the date" not in page


def test_a_complete_paraphrase_is_refused_with_a_precise_message(syria, staff_client):
    clause = Clause.objects.get(key="op-media-humanitarian-access")
    url = reverse("admin:timeline_clause_change", args=[clause.pk])
    form = admin_form_data(staff_client.get(url).content.decode(), "clause_form")
    form["complete"] = ["on"]
    response = staff_client.post(url, form)
    assert response.status_code == 200
    assert "A reported paraphrase is never a complete paragraph" in text_of(response)
    clause.refresh_from_db()
    assert not clause.complete
