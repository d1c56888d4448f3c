"""Editors' sign-in is paused after repeated failures, visibly and in the log."""

import logging

import pytest

from tests.helpers import text_of

PASSWORD = "a long enough password 1"


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(client, password, username="editor", **extra):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        **extra,
    )


def test_twenty_wrong_passwords_pause_the_login_even_for_the_right_one(editor, client, caplog):
    caplog.set_level(logging.WARNING, logger="timeline.login")
    for n in range(20):
        response = sign_in(client, f"wrong {n}")
        assert response.status_code == 200
    response = sign_in(client, PASSWORD)
    assert response.status_code == 200, "not signed in"
    assert "_auth_user_id" not in client.session
    assert "Too many failed sign-ins. Signing in is paused for about 15 minutes" in text_of(
        response
    )
    paused = [r for r in caplog.records if "Sign-in paused" in r.getMessage()]
    assert len(paused) == 1
    assert "account" in paused[0].getMessage()


def test_a_few_mistakes_then_the_right_password_signs_in_and_clears_the_count(editor, client):
    for n in range(9):
        sign_in(client, f"wrong {n}")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for n in range(9):
        sign_in(client, f"wrong again {n}")
    assert sign_in(client, PASSWORD).status_code == 302


def test_one_client_trying_many_names_is_paused_too(editor, client):
    for n in range(30):
        sign_in(client, "guess", username=f"someone-{n}")
    response = sign_in(client, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "Signing in is paused" in text_of(response)
    # Another client (behind the proxy: its own X-Forwarded-For) is not.
    other = sign_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7")
    assert other.status_code == 302
