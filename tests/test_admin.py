"""The admin has every model, clauses inline under their revision, countries by
autocomplete."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from timeline import versions
from timeline.models import Revision


@pytest.fixture
def editor_client(client, django_user_model):
    """Signed in as an editor: staff in the Editors group, not a superuser."""
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_every_model_is_registered():
    models = apps.get_app_config("timeline").get_models()
    link_tables = {
        "Penholder",
        "Sponsorship",
        "EventSource",
        "RevisionSource",
        "ClauseSource",
        "VoteSource",
        "AmendmentSource",
        "Proposer",
        "Ballot",
        "LanguageVersion",
    }
    missing = [
        m.__name__
        for m in models
        if m.__name__ not in link_tables
        and m._meta.db_table not in versions.UNTRACKED  # counted, never edited
        and not admin.site.is_registered(m)
    ]
    assert missing == []


@pytest.mark.parametrize(
    "model",
    [
        "collection",
        "country",
        "source",
        "event",
        "resolution",
        "revision",
        "clause",
        "vote",
        "amendment",
    ],
)
def test_each_admin_list_and_form_opens(syria, editor_client, model):
    assert editor_client.get(reverse(f"admin:timeline_{model}_changelist")).status_code == 200
    cls = apps.get_model("timeline", model)
    obj = cls.objects.first()
    response = editor_client.get(reverse(f"admin:timeline_{model}_change", args=[obj.pk]))
    assert response.status_code == 200


def test_a_revision_shows_its_clauses_inline_and_countries_by_autocomplete(syria, editor_client):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    html = editor_client.get(reverse("admin:timeline_revision_change", args=[r3.pk])).content
    html = html.decode()
    assert "cease all violence [and] release all those arrested" in html
    # Each sponsor is chosen by typing (Django's autocomplete), not from a list of every
    # country: the select holds only the chosen country.
    select = re.search(r'<select name="sponsorships-0-country"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None
    assert 'class="admin-autocomplete"' in select.group(0)
    assert 'data-ajax--url="/admin/autocomplete/"' in select.group(0)
    assert 'data-field-name="country"' in select.group(0)
    sponsor = r3.sponsorships.order_by("position").first().country
    assert re.findall(r'<option value="(\w+)"', select.group(1)) == [sponsor.code]


def test_countries_autocomplete_by_name(syria, editor_client):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Portu",
            "app_label": "timeline",
            "model_name": "sponsorship",
            "field_name": "country",
        },
    )
    assert [r["id"] for r in response.json()["results"]] == ["PT"]


def test_readers_cannot_open_the_admin(syria, client):
    response = client.get(reverse("admin:timeline_revision_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
