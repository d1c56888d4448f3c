"""Editors: a group with exactly the permissions they need, and `createeditor` to add one.

Readers never sign in; editors keep the collection current in the admin but cannot change
the list of countries or manage users; superusers can do everything.
"""

import importlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.admin_forms import admin_form_data
from timeline import versions
from timeline.models import Clause, Country, Revision, Source

MIGRATION = importlib.import_module("timeline.migrations.0003_editors_group")
LATER = importlib.import_module("timeline.migrations.0006_editors_language_versions")
PROJECT = Path(__file__).resolve().parent.parent
STRONG_PASSWORD = "treaty-lantern-orchard-42"

# The specification, written out here independently of the migration that implements it.
EDITED = [
    "resolution",
    "revision",
    "clause",
    "source",
    "vote",
    "amendment",
    "event",
    "proposer",
    "sponsorship",
    "penholder",
    "ballot",
    "revisionsource",
    "clausesource",
    "votesource",
    "amendmentsource",
    "eventsource",
    "languageversion",
]
VIEWED = ["country", "collection"]
INTENDED = {
    *(f"{action}_{model}" for model in EDITED for action in ("add", "change", "delete", "view")),
    *(f"view_{model}" for model in VIEWED),
}


@pytest.fixture
def editors(db) -> Group:
    return Group.objects.get(name="Editors")


@pytest.fixture
def user_client(client, django_user_model, editors):
    """A test client signed in as one kind of user, or not signed in for "anonymous"."""

    def sign_in(kind: str):
        if kind == "anonymous":
            return client
        if kind == "superuser":
            user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
        else:
            user = django_user_model.objects.create_user(kind, password="pw", is_staff=True)
            if kind == "editor":
                user.groups.add(editors)
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def tty():
    """A stdin that says it is a terminal, so the command prompts for the password."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    return Terminal()


@pytest.fixture
def typed(monkeypatch):
    """Answers the password prompts in turn, with no password in the environment."""
    monkeypatch.delenv("REDLINE_EDITOR_PASSWORD", raising=False)

    def answer(*passwords: str) -> None:
        answers = iter(passwords)
        monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))

    return answer


# The group


def test_the_editors_group_has_exactly_the_intended_permissions(editors):
    granted = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert granted == {("timeline", codename) for codename in INTENDED}
    assert set(MIGRATION.EDITOR_PERMISSIONS) | set(LATER.EDITOR_PERMISSIONS) == INTENDED


def test_every_timeline_model_is_in_the_editors_plan():
    planned = MIGRATION.EDITOR_PERMISSIONS + LATER.EDITOR_PERMISSIONS
    models = {codename.split("_", 1)[1] for codename in planned}
    edited = (
        m
        for m in apps.get_app_config("timeline").get_models()
        if m._meta.db_table not in versions.UNTRACKED  # counted from the rest, never edited
    )
    assert models == {m._meta.model_name for m in edited}


def test_editors_cannot_manage_users_groups_or_countries(editors):
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert not codenames & set(
        Permission.objects.filter(content_type__app_label__in=["auth", "contenttypes"]).values_list(
            "codename", flat=True
        )
    )
    assert {"add_country", "change_country", "delete_country"}.isdisjoint(codenames)


# What each kind of user may open in the admin. An object's page uses the collection's
# first object of that model.

OBJECTS = {"revision": Revision, "clause": Clause, "source": Source, "country": Country}

ACCESS = [
    # page, staff, editor, superuser
    ("admin:index", 200, 200, 200),
    ("admin:timeline_resolution_changelist", 403, 200, 200),
    ("admin:timeline_revision_changelist", 403, 200, 200),
    ("admin:timeline_revision_add", 403, 200, 200),
    ("admin:timeline_revision_change", 403, 200, 200),
    ("admin:timeline_clause_changelist", 403, 200, 200),
    ("admin:timeline_clause_add", 403, 200, 200),
    ("admin:timeline_clause_change", 403, 200, 200),
    ("admin:timeline_source_changelist", 403, 200, 200),
    ("admin:timeline_source_add", 403, 200, 200),
    ("admin:timeline_vote_changelist", 403, 200, 200),
    ("admin:timeline_amendment_changelist", 403, 200, 200),
    ("admin:timeline_event_add", 403, 200, 200),
    ("admin:timeline_country_changelist", 403, 200, 200),
    ("admin:timeline_country_change", 403, 200, 200),
    ("admin:timeline_country_add", 403, 403, 200),
    ("admin:timeline_country_delete", 403, 403, 200),
    ("admin:timeline_collection_changelist", 403, 200, 200),
    ("admin:auth_user_changelist", 403, 403, 200),
    ("admin:auth_user_add", 403, 403, 200),
    ("admin:auth_group_changelist", 403, 403, 200),
]


def admin_url(name: str) -> str:
    model = name.removeprefix("admin:timeline_").rsplit("_", 1)[0]
    if name.endswith(("_change", "_delete")):
        return reverse(name, args=[OBJECTS[model].objects.first().pk])
    return reverse(name)


USER_KINDS = ["anonymous", "staff", "editor", "superuser"]


@pytest.mark.parametrize("kind", USER_KINDS)
def test_who_may_open_which_admin_page(syria, user_client, kind):
    client = user_client(kind)
    column = USER_KINDS.index(kind) - 1
    # Anonymous visitors are always sent to the admin's sign-in page.
    expected = {
        page: 302 if kind == "anonymous" else statuses[column] for page, *statuses in ACCESS
    }
    responses = {page: client.get(admin_url(page)) for page, *_ in ACCESS}
    assert {page: response.status_code for page, response in responses.items()} == expected
    if kind == "anonymous":
        assert all(
            response["Location"].startswith(reverse("admin:login"))
            for response in responses.values()
        )


@pytest.mark.parametrize(
    ("kind", "apps_shown"),
    [("staff", set()), ("editor", {"timeline"}), ("superuser", {"auth", "timeline"})],
)
def test_the_admin_index_lists_only_what_the_user_may_use(syria, user_client, kind, apps_shown):
    response = user_client(kind).get(reverse("admin:index"))
    assert {app["app_label"] for app in response.context["app_list"]} == apps_shown


def test_an_editor_sees_countries_but_cannot_change_them(syria, user_client):
    client = user_client("editor")
    france = Country.objects.get(code="FR")
    url = reverse("admin:timeline_country_change", args=[france.pk])
    page = client.get(url).content.decode()
    assert 'name="name"' not in page
    response = client.post(url, {"code": "FR", "name": "Renamed", "un_name": "Renamed"})
    assert response.status_code == 403
    france.refresh_from_db()
    assert france.name == "France"


# Saving through the admin, as an editor would


def test_an_editor_saves_a_change_to_a_revision_and_its_clauses(syria, user_client):
    client = user_client("editor")
    revision = Revision.objects.get(label="R3 (16/17 Jan)")
    clause = revision.clauses.order_by("position").first()
    before = list(revision.clauses.order_by("position").values_list("pk", "key", "text"))
    url = reverse("admin:timeline_revision_change", args=[revision.pk])
    data = admin_form_data(client.get(url).content.decode(), "revision_form")
    assert data["clauses-TOTAL_FORMS"] == [str(len(before))]
    clause_field = next(
        name
        for name, value in data.items()
        if name.endswith("-id") and value == [str(clause.pk)] and name.startswith("clauses-")
    ).removesuffix("-id")
    data["note"] = ["Checked against the leaked text."]
    data[f"{clause_field}-text"] = ["A reworded first paragraph."]

    response = client.post(url, {**data, "_save": "Save"})

    assert response.status_code == 302, response.context["errors"]
    revision.refresh_from_db()
    clause.refresh_from_db()
    assert revision.note == "Checked against the leaked text."
    assert clause.text == "A reworded first paragraph."
    # Every other clause is as it was.
    assert list(revision.clauses.order_by("position").values_list("pk", "key", "text")) == [
        (pk, key, "A reworded first paragraph." if pk == clause.pk else text)
        for pk, key, text in before
    ]


# createeditor


def test_createeditor_takes_the_password_from_the_environment(editors, monkeypatch):
    monkeypatch.setenv("REDLINE_EDITOR_PASSWORD", STRONG_PASSWORD)
    out = io.StringIO()
    call_command("createeditor", "alice", email="alice@example.org", stdout=out)

    alice = editors.user_set.get(username="alice")
    assert (alice.is_staff, alice.is_superuser, alice.email) == (True, False, "alice@example.org")
    assert alice.check_password(STRONG_PASSWORD)
    assert list(alice.groups.all()) == [editors]
    assert "alice" in out.getvalue()


def test_createeditor_asks_for_the_password_twice(editors, typed, tty):
    typed(STRONG_PASSWORD, STRONG_PASSWORD)
    call_command("createeditor", "alice", stdin=tty, stdout=io.StringIO())
    assert editors.user_set.get(username="alice").check_password(STRONG_PASSWORD)


def test_createeditor_refuses_passwords_that_differ(editors, typed, tty, django_user_model):
    typed(STRONG_PASSWORD, STRONG_PASSWORD + "!")
    with pytest.raises(CommandError, match="do not match"):
        call_command("createeditor", "alice", stdin=tty)
    assert not django_user_model.objects.exists()


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short-pw", "too short"),
        ("password1234", "too common"),
        ("839201746521", "entirely numeric"),
        ("alice-lovelace", "too similar"),
    ],
)
def test_createeditor_refuses_a_weak_password(
    editors, monkeypatch, django_user_model, password, reason
):
    monkeypatch.setenv("REDLINE_EDITOR_PASSWORD", password)
    with pytest.raises(CommandError, match=reason):
        call_command("createeditor", "alice-lovelace", email="alice@example.org")
    assert not django_user_model.objects.exists()


def test_createeditor_refuses_an_existing_user_and_changes_nothing(
    editors, monkeypatch, django_user_model
):
    django_user_model.objects.create_user("alice", password="old-password")
    monkeypatch.setenv("REDLINE_EDITOR_PASSWORD", STRONG_PASSWORD)
    with pytest.raises(CommandError, match="already exists"):
        call_command("createeditor", "alice")
    alice = django_user_model.objects.get(username="alice")
    assert alice.check_password("old-password")
    assert (alice.is_staff, alice.groups.exists()) == (False, False)


def test_createeditor_without_a_terminal_or_a_password_says_how_to_give_one(
    editors, typed, django_user_model
):
    typed()
    with pytest.raises(CommandError, match="REDLINE_EDITOR_PASSWORD"):
        call_command("createeditor", "alice", stdin=io.StringIO())
    assert not django_user_model.objects.exists()


def test_createeditor_from_a_script(tmp_path, migrated_sqlite):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "REDLINE_EDITOR_PASSWORD"}
    }
    env |= {"DEBUG": "1", "DATABASE_URL": migrated_sqlite(tmp_path / "db.sqlite3")}

    def manage(*args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=env | extra,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )

    created = manage("createeditor", "alice", REDLINE_EDITOR_PASSWORD=STRONG_PASSWORD)
    again = manage("createeditor", "alice", REDLINE_EDITOR_PASSWORD=STRONG_PASSWORD)
    no_password = manage("createeditor", "bob")

    assert (created.returncode, again.returncode, no_password.returncode) == (0, 1, 1)
    assert 'Editor "alice" created' in created.stdout
    assert "already exists" in again.stderr
    assert "REDLINE_EDITOR_PASSWORD" in no_password.stderr
