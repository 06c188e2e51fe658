"""Issue 9, point 7: the database down answers 503 "try again in a minute, your answers are
safe" with Retry-After, never a 500; when it is back, the patient goes on where they were.

The connection is really broken: it is pointed at a closed port (PostgreSQL) or at a file in
a directory that does not exist (SQLite), so every query of the request fails in the driver.
"""

from __future__ import annotations

import contextlib
import socket

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from screening.models import IntakeDraft
from tests.security.builders import make_invitation
from tests.security.patient_flow import start, step_posts


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the socket is


TRANSACTION_STATE = (
    "autocommit",
    "in_atomic_block",
    "savepoint_state",
    "savepoint_ids",
    "atomic_blocks",
    "commit_on_exit",
    "needs_rollback",
    "closed_in_transaction",
    "errors_occurred",
    "health_check_done",
)


@contextlib.contextmanager
def database_down(tmp_path):
    """Every new query fails to connect, until the block ends and the real connection is back."""
    real, saved = connection.connection, dict(connection.settings_dict)
    # A new connect() resets the transaction bookkeeping; the test's own atomic block needs it.
    state = {name: getattr(connection, name) for name in TRANSACTION_STATE}
    state = {k: (list(v) if isinstance(v, list) else v) for k, v in state.items()}
    connection.connection = None
    if connection.vendor == "postgresql":
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    else:
        connection.settings_dict["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
    try:
        yield
    finally:
        if connection.connection is not None:
            connection.connection.close()
        connection.connection = real
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
        for name, value in state.items():
            setattr(connection, name, value)


def assert_kind_503(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    text = response.content.decode()
    assert "Please try again in a minute" in text
    assert "Your answers are safe" in text
    assert "Traceback" not in text and "OperationalError" not in text


@pytest.mark.django_db
def test_the_database_down_gives_a_kind_503_and_the_answers_stay(tmp_path):
    _invitation, token = make_invitation("Outage Patient")
    patient = Client(raise_request_exception=False)
    start(patient, token)
    posts = step_posts("outage words")
    url = reverse("intake:step", kwargs={"name": "about"})
    data = {"action": "next", "version": str(IntakeDraft.objects.get().version), **posts["about"]}
    with database_down(tmp_path):
        assert_kind_503(patient.post(url, data))  # the session is read in a middleware
        assert_kind_503(patient.get(reverse("intake:home")))
        assert_kind_503(Client(raise_request_exception=False).get(f"/i/{token}/"))  # a view
    # Back up: the same browser saves the same page, nothing was lost or half-written.
    again = patient.post(url, data)
    assert again.status_code == 302
    assert "about" in IntakeDraft.objects.get().answers


@pytest.mark.django_db
def test_the_staff_sign_in_with_the_database_down_is_a_503_too(tmp_path):
    with database_down(tmp_path):
        response = Client(raise_request_exception=False).post(
            reverse("login"), {"username": "someone", "password": "a-password-123"}
        )
    assert_kind_503(response)
