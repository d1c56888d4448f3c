"""The admin's "Paste the text": a pasted draft becomes a revision's clauses, linked to the
previous revision's clauses as the engine proposes and the editor confirms."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse

from timeline.models import Clause, Revision, RevisionStatus, TextStatus
from timeline.paste import MAX_PASTE_CHARS, PastedClause
from timeline.services import revision_predecessor, revision_replace_clauses

FAMILY = "arab-european-draft-2012"

# The late preamble (the predecessor) as a PDF would give it: a page header in the middle
# of a paragraph, one paragraph edited (pp8, "Mindful"), one dropped ("Noting the League
# of Arab States request") and one added ("Condemning").
PASTED = """The Security Council,

Recalling its presidential statement of 3 August 2011,

Recalling General Assembly resolution A/RES/66/176 of 19 December 2011, as well as Human
Rights Council resolutions S/16-1, S/17-1 and S/18-1,

Expressing grave concern at the deterioration of the situation in Syria, and profound
concern at the death of thousands of people and calling for an immediate end to all violence,

Welcoming the League of Arab States Action Plan of 2 November 2011 and its subsequent
decisions, including its decision of 22 January 2012, which aims to achieve a peaceful
resolution of the crisis,

Noting the deployment of the League of Arab States observer mission, commending its
efforts, regretting that, due to the escalation in violence, the observer mission was not

12-22880

S/2012/77

in a position to monitor the full implementation of the League of Arab States Action Plan
of 2 November 2011, and noting the subsequent decision of the League of Arab states to
suspend the mission,

Underscoring the importance of ensuring the voluntary return of refugees and internally
displaced persons to their homes in safety and with dignity,

Mindful that stability in Syria is key to peace, security and stability in the wider region,

Condemning all violence, irrespective of where it comes from,

Noting the announced commitments by the Syrian authorities to reform, and regretting the
lack of progress in implementation,

Reaffirming its strong commitment to the sovereignty, independence, unity and territorial
integrity of Syria, emphasizing its intention to resolve the current political crisis in
Syria peacefully, and noting that nothing in this resolution authorizes measures under
Article 42 of the Charter,

Welcoming the engagement of the Secretary-General and all diplomatic efforts aimed at
addressing the crisis,
"""
EXPECTED_KEYS = [
    "pp-recalling-prst-3-aug-2011",
    "pp-recalling-ga-hrc-resolutions",
    "pp-grave-concern-deterioration",
    "pp-welcoming-las-action-plan",
    "pp-noting-las-observer-mission",
    "pp-return-refugees-idps",
    "pp-stability-region",
    "",
    "pp-reform-commitments",
    "pp-sovereignty-peaceful-resolution",
    "pp-welcoming-sg-engagement",
]
CONDEMNING = 7


@pytest.fixture
def revision(syria) -> Revision:
    """A new, unpublished revision of the family right after its late preamble."""
    family = Revision.objects.get(resolution__slug=FAMILY, symbol="S/2012/77").resolution
    Revision.objects.filter(resolution=family, symbol="S/2012/77").update(position=10)
    return Revision.objects.create(
        resolution=family,
        position=4,
        label="v4 (pasted)",
        slug="v4-pasted",
        date=datetime.date(2012, 2, 3),
        status=RevisionStatus.CIRCULATED,
        text_status=TextStatus.PARTIAL,
        published=False,
    )


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def paste_url(revision: Revision) -> str:
    return reverse("admin:timeline_revision_paste", args=[revision.pk])


def review(client, revision, text=PASTED):
    return client.post(paste_url(revision), {"text": text, "review": "Review"})


def save(client, revision, links, text=PASTED, **extra):
    reviewed = review(client, revision, text).context["digest"]
    data = {"text": text, "save": "Save clauses", "reviewed": reviewed, **extra}
    data |= {f"link-{i}": key for i, key in enumerate(links)}
    return client.post(paste_url(revision), data)


def staff(django_user_model, *perms: str):
    user = django_user_model.objects.create_user("staffer", "s@example.org", "pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=perms))
    return user


# Permissions


def test_anonymous_users_are_sent_to_the_login_page(client, revision):
    response = client.get(paste_url(revision))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "perms",
    [
        (),
        ("view_revision", "change_revision"),
        ("change_revision", "add_clause"),
        ("view_revision", "add_clause", "delete_clause"),
    ],
)
def test_staff_without_every_permission_needed_are_refused(
    client, django_user_model, revision, perms
):
    client.force_login(staff(django_user_model, *perms))
    assert client.get(paste_url(revision)).status_code == 403
    assert client.post(paste_url(revision), {"text": PASTED}).status_code == 403


def test_staff_who_may_change_revisions_and_replace_clauses_may_paste(
    client, django_user_model, revision
):
    client.force_login(staff(django_user_model, "change_revision", "add_clause", "delete_clause"))
    assert client.get(paste_url(revision)).status_code == 200


def test_the_revision_page_links_to_paste_the_text(admin_client, revision):
    response = admin_client.get(reverse("admin:timeline_revision_change", args=[revision.pk]))
    assert f'href="{paste_url(revision)}"' in response.content.decode()


def test_the_paste_page_has_the_admin_look(admin_client, revision):
    page = admin_client.get(paste_url(revision)).content.decode()
    assert '<ol class="breadcrumbs">' in page
    assert reverse("admin:timeline_revision_change", args=[revision.pk]) in page
    assert '<textarea name="text"' in page


# Review: the clauses and their proposed lineage


def test_the_predecessor_is_the_nearest_earlier_revision_with_clauses(revision):
    assert revision_predecessor(revision=revision).label == "late preamble (Scribd, undated)"
    first = Revision.objects.get(resolution__slug=FAMILY, position=1)
    assert revision_predecessor(revision=first) is None


def test_review_shows_the_clauses_and_the_engine_proposed_lineage(admin_client, revision):
    response = review(admin_client, revision)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.chosen for row in rows] == EXPECTED_KEYS
    assert [row.clause.section for row in rows] == ["preambular"] * 11
    assert [c.key for c in response.context["dropped"]] == ["pp-noting-las-request"]
    page = response.content.decode()
    assert "<del>" in page
    assert "<ins>" in page
    assert "(no earlier revision" not in page


def test_review_marks_the_words_changed_side_by_side(admin_client, revision):
    row = review(admin_client, revision).context["rows"][6]
    assert row.proposed.key == "pp-stability-region"
    assert "".join(t for _, t in row.old_ops) == row.proposed.text
    assert "".join(t for _, t in row.new_ops) == row.clause.text
    assert {str(op) for op, _ in row.new_ops} == {"equal", "insert"}


def test_without_a_predecessor_every_clause_is_new(admin_client, syria):
    first = Revision.objects.get(resolution__slug=FAMILY, position=1)
    response = review(admin_client, first)
    assert {row.chosen for row in response.context["rows"]} == {""}
    assert "every clause is new" in response.content.decode()


# Save


def test_saving_replaces_the_clauses_with_confirmed_and_corrected_links(admin_client, revision):
    links = list(EXPECTED_KEYS)
    links[CONDEMNING] = "pp-noting-las-request"  # the editor's correction
    response = save(admin_client, revision, links)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_revision_change", args=[revision.pk])
    clauses = list(revision.clauses.order_by("position"))
    assert [c.key for c in clauses] == links
    assert [c.position for c in clauses] == list(range(1, 12))
    assert [c.anchor for c in clauses] == [f"pp{n}" for n in range(1, 12)]
    assert (
        clauses[CONDEMNING].text == "Condemning all violence, irrespective of where it comes from,"
    )
    assert all(c.text_kind == "verbatim" and c.complete and not c.bracketed for c in clauses)
    entry = LogEntry.objects.get(object_id=str(revision.pk))
    assert entry.get_change_message() == "Pasted 11 clauses (11 continued, 0 new, 0 dropped)"


def test_a_clause_left_new_gets_a_new_key_from_its_opening_words(admin_client, revision):
    save(admin_client, revision, EXPECTED_KEYS)
    new = revision.clauses.get(position=CONDEMNING + 1)
    assert new.key == "pp-condemning-violence-irrespective-where"
    entry = LogEntry.objects.get(object_id=str(revision.pk))
    assert entry.get_change_message() == "Pasted 11 clauses (10 continued, 1 new, 1 dropped)"
    assert entry.user.username == "chief"


def test_saving_raises_the_revision_version(admin_client, revision):
    save(admin_client, revision, EXPECTED_KEYS)
    assert Revision.objects.get(pk=revision.pk).version == revision.version + 1


def test_two_links_to_the_same_clause_are_refused_and_the_text_kept(admin_client, revision):
    links = list(EXPECTED_KEYS)
    links[CONDEMNING] = "pp-stability-region"
    response = save(admin_client, revision, links)
    assert response.status_code == 200
    assert "Clauses 7 and 8 both continue “pp-stability-region”" in response.context["error"]
    assert response.context["text"] == PASTED
    assert response.context["rows"][CONDEMNING].chosen == "pp-stability-region"
    assert not revision.clauses.exists()


def test_a_link_to_a_key_the_predecessor_lacks_is_refused(admin_client, revision):
    links = list(EXPECTED_KEYS)
    links[0] = "op-6-without-prejudging"
    response = save(admin_client, revision, links)
    assert "Choose, for every clause" in response.context["error"]
    assert not revision.clauses.exists()


def test_a_text_changed_after_review_is_reviewed_again(admin_client, revision):
    reviewed = review(admin_client, revision).context["digest"]
    edited = PASTED.replace("wider region", "region")
    data = {"text": edited, "save": "Save clauses", "reviewed": reviewed}
    data |= {f"link-{i}": key for i, key in enumerate(EXPECTED_KEYS)}
    response = admin_client.post(paste_url(revision), data)
    assert "The text changed since the review" in response.context["error"]
    assert response.context["text"] == edited
    assert not revision.clauses.exists()


def test_replacing_existing_clauses_warns_and_needs_confirmation(admin_client, revision):
    save(admin_client, revision, EXPECTED_KEYS)
    response = review(admin_client, revision)
    assert "already has 11 clauses; saving replaces them" in response.content.decode()
    again = PASTED.replace("wider region", "region")
    refused = save(admin_client, revision, EXPECTED_KEYS, text=again)
    assert "Tick the box" in refused.context["error"]
    accepted = save(admin_client, revision, EXPECTED_KEYS, text=again, confirm="1")
    assert accepted.status_code == 302
    assert "the region," in revision.clauses.get(key="pp-stability-region").text


# Refused input keeps the text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("\u00a0\n\n12-23456\n\nS/2012/77\n", "empty"),
        ("The Security Council,", "No paragraph found"),
        ("Recalling it,\n\n" * (MAX_PASTE_CHARS // 10), "the limit is 200,000"),
    ],
)
def test_refused_text_is_explained_and_kept_in_the_form(admin_client, revision, text, message):
    for action in ("review", "save"):
        response = admin_client.post(paste_url(revision), {"text": text, action: "1"})
        assert response.status_code == 200
        assert message in response.context["error"]
        assert response.context["text"] == text
    assert not revision.clauses.exists()


# The service, without the admin


def test_the_service_replaces_clauses_and_logs_for_the_user(revision, superuser):
    clauses = [
        PastedClause(
            "preambular",
            None,
            "Recalling its presidential statement of 3 August 2011,",
            key="pp-recalling-prst-3-aug-2011",
        ),
        PastedClause(
            "operative", "1", "Demands [that] all violence end;", key="op-demands-violence-end"
        ),
    ]
    message = revision_replace_clauses(revision=revision, clauses=clauses, user=superuser)
    assert message == "Pasted 2 clauses (1 continued, 1 new, 10 dropped)"
    stored = list(revision.clauses.order_by("position"))
    assert [(c.anchor, c.number, c.bracketed) for c in stored] == [
        ("pp1", None, False),
        ("op1", "1", True),
    ]
    assert LogEntry.objects.filter(object_id=str(revision.pk), change_message=message).exists()


def test_the_service_refuses_duplicate_keys(revision, superuser):
    clause = PastedClause("operative", None, "Demands it;", key="op-demands")
    with pytest.raises(ValueError, match="distinct"):
        revision_replace_clauses(revision=revision, clauses=[clause, clause], user=superuser)
    assert not Clause.objects.filter(revision=revision).exists()


def test_the_paste_page_says_how_to_keep_a_clause_in_its_paragraph(admin_client, revision):
    page = admin_client.get(paste_url(revision)).content.decode()
    assert "put a blank line between the paragraphs" in " ".join(page.split())


def test_review_says_when_a_new_clause_was_part_of_the_paragraph_next_to_it(admin_client, revision):
    # The copy cut "Reaffirming … emphasizing …" in two at its inner clause: the longer
    # half continues the predecessor's paragraph, the other is new, and was part of it.
    cut = PASTED.replace("integrity of Syria, emphasizing", "integrity of Syria,\n\nemphasizing")
    response = review(admin_client, revision, cut)
    rows = response.context["rows"]
    assert rows[10].proposed.key == "pp-sovereignty-peaceful-resolution"
    assert rows[9].proposed is None
    assert rows[9].split_from.key == "pp-sovereignty-peaceful-resolution"
    assert [row.split_from for row in rows if row.index != 9] == [None] * 11
    page = " ".join(response.content.decode().split())
    assert f"Its words were part of <strong>{rows[10].proposed.anchor}</strong>" in page
