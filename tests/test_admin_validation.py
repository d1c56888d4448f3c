"""The admin refuses bad input with messages that say what is wrong, and saves nothing."""

import pytest
from django.urls import reverse

from tests.admin_forms import admin_form_data
from tests.helpers import text_of
from timeline.models import Clause, Proposer, Revision


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def revision_form(client, revision: Revision) -> tuple[str, dict]:
    url = reverse("admin:timeline_revision_change", args=[revision.pk])
    return url, admin_form_data(client.get(url).content.decode(), "revision_form")


def test_two_clauses_at_one_position_are_refused(syria, staff_client):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    url, form = revision_form(staff_client, r3)
    form["clauses-1-position"] = form["clauses-0-position"]
    response = staff_client.post(url, form)
    assert response.status_code == 200
    assert "Clause with this Revision, Language and Position already exists." in text_of(response)
    assert sorted(r3.clauses.values_list("position", flat=True)) == [1, 2, 3]


def test_a_clause_without_text_is_refused(syria, staff_client):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    url, form = revision_form(staff_client, r3)
    form["clauses-0-text"] = [""]
    response = staff_client.post(url, form)
    assert response.status_code == 200
    assert "This field is required." in text_of(response)
    assert not Clause.objects.filter(revision=r3, text="").exists()


def test_a_proposer_without_a_source_is_refused(syria, staff_client):
    clause = Clause.objects.get(key="peaceful-resolution-no-intervention")
    url = reverse("admin:timeline_clause_change", args=[clause.pk])
    form = admin_form_data(staff_client.get(url).content.decode(), "clause_form")
    form["proposers-TOTAL_FORMS"] = ["2"]
    form.update(
        {
            "proposers-1-country": ["CN"],
            "proposers-1-source": [""],
            "proposers-1-quote": ["China supported it"],
            "proposers-1-position": ["2"],
            "proposers-1-clause": [str(clause.pk)],
        }
    )
    response = staff_client.post(url, form)
    assert response.status_code == 200
    assert "This field is required." in text_of(response)
    assert list(Proposer.objects.filter(clause=clause).values_list("country_id", flat=True)) == [
        "RU"
    ]


def test_a_clause_longer_than_any_real_paragraph_is_refused(syria, staff_client):
    r3 = Revision.objects.get(label="R3 (16/17 Jan)")
    url, form = revision_form(staff_client, r3)
    form["clauses-0-text"] = ["Demands " + "x" * 20_000]
    response = staff_client.post(url, form)
    assert response.status_code == 200
    assert "Ensure this value has at most 20000 characters (it has 20008)." in text_of(response)
    assert not Clause.objects.filter(revision=r3, text__startswith="Demands xxx").exists()
