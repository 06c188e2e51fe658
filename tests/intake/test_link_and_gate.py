"""Reaching the form: token into the session, the date-of-birth gate, its rate limits, logs."""

import datetime
import io
import logging

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.intake import gate
from screening.intake.invitations import create_invitation
from screening.models import GateFailure, Invitation
from tests.intake.conftest import fill_all_steps, open_link, post_step
from tests.intake.posts import HEALTHY, date_parts

pytestmark = pytest.mark.django_db


def test_the_link_moves_the_token_into_the_session_and_drops_it_from_the_url(client, token):
    response = open_link(client, token)
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:home")
    assert token not in response["Location"]
    page = client.get(reverse("intake:home"), follow=True)
    assert page.status_code == 200
    assert token not in page.content.decode()
    assert all(token not in url for url, _status in page.redirect_chain)


def test_pages_ask_browsers_not_to_send_the_address_elsewhere(client, token):
    open_link(client, token)
    page = client.get(reverse("intake:privacy"))
    assert page["Referrer-Policy"] == "same-origin"
    assert '<meta name="referrer" content="same-origin">' in page.content.decode()


def test_an_unknown_link_gets_a_friendly_page(client):
    response = client.get(reverse("intake:open", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "Please use your link" in response.content.decode()


def test_an_expired_link_says_so(client, invitation, token):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = open_link(client, token)
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_page_without_a_link_explains_what_to_do(client):
    response = client.get(reverse("intake:step", args=["about"]))
    assert response.status_code == 403
    assert "Please use your link" in response.content.decode()


def test_the_token_never_reaches_the_log(client):
    from screening.intake.log_redaction import RedactPatientLinks

    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactPatientLinks) for f in h.filters)
    )
    stream = io.StringIO()
    old_stream = handler.setStream(stream)
    try:
        client.get(reverse("intake:open", args=["SECRETTOKEN123"]))
    finally:
        handler.setStream(old_stream)
    logged = stream.getvalue()
    assert "/i/[redacted]" in logged
    assert "SECRETTOKEN123" not in logged


@pytest.fixture
def known_patient(db, appointment):
    invitation, token = create_invitation(
        patient_name="Siobhán O'Brien",
        last_name="O'Brien",
        appointment_date=appointment,
        date_of_birth=datetime.date(1980, 2, 29),
    )
    return invitation, token


def _answer_gate(client, dob="1980-02-29", last_name="O'Brien"):
    return client.post(
        reverse("intake:gate"), {**date_parts("date_of_birth", dob), "last_name": last_name}
    )


def test_it_asks_the_date_of_birth_and_last_name_before_anything(client, known_patient):
    _invitation, token = known_patient
    open_link(client, token)
    response = client.get(reverse("intake:home"))
    assert response["Location"] == reverse("intake:gate")
    page = client.get(reverse("intake:gate")).content.decode()
    assert "Last name" in page
    response = _answer_gate(client, last_name="  o’brien ")
    assert response["Location"] == reverse("intake:home")
    assert client.get(reverse("intake:home"))["Location"] == reverse("intake:privacy")


def test_a_wrong_answer_is_refused_and_counted(client, known_patient):
    invitation, token = known_patient
    open_link(client, token)
    response = _answer_gate(client, dob="1980-03-01")
    assert response.status_code == 400
    assert "do not match" in response.content.decode()
    assert GateFailure.objects.filter(invitation=invitation).count() == 1
    assert client.get(reverse("intake:privacy"))["Location"] == reverse("intake:gate")


def test_after_five_wrong_answers_the_link_waits_and_says_how_long(client, known_patient):
    invitation, token = known_patient
    open_link(client, token)
    for _ in range(gate.LINK_LIMIT):
        _answer_gate(client, last_name="Smith")
    response = _answer_gate(client)  # even the right answer is not checked now
    assert response.status_code == 429
    assert "Please wait 15 minutes" in response.content.decode()
    assert client.get(reverse("intake:privacy"))["Location"] == reverse("intake:gate")
    # Once the window has passed, the right answer works again.
    GateFailure.objects.update(created_at=timezone.now() - gate.WINDOW)
    assert _answer_gate(client)["Location"] == reverse("intake:home")
    assert not GateFailure.objects.filter(invitation=invitation).exists()


def test_one_address_trying_many_links_is_slowed_down(appointment):
    client = Client(REMOTE_ADDR="203.0.113.9")
    links = [
        create_invitation(
            patient_name="P", appointment_date=appointment, date_of_birth=datetime.date(1990, 1, 1)
        )[1]
        for _ in range(5)
    ]
    tries = 0
    for token in links:
        open_link(client, token)
        for _ in range(4):
            _answer_gate(client, dob="1991-01-01")
            tries += 1
    assert tries == gate.ADDRESS_LIMIT
    open_link(client, links[0])
    response = _answer_gate(client, dob="1990-01-01")
    assert response.status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.10")
    open_link(other, links[1])
    assert _answer_gate(other, dob="1990-01-01")["Location"] == reverse("intake:home")


def test_a_new_browser_must_give_the_date_of_birth_the_patient_saved(patient, token):
    post_step(patient, "about", HEALTHY["about"])
    # Same browser: no question asked.
    assert patient.get(reverse("intake:step", args=["visit"])).status_code == 200
    other = Client()
    open_link(other, token)
    assert other.get(reverse("intake:step", args=["about"]))["Location"] == reverse("intake:gate")
    page = other.get(reverse("intake:gate")).content.decode()
    assert "Last name" not in page
    assert _answer_gate(other, dob="1988-04-12")["Location"] == reverse("intake:home")
    saved = other.get(reverse("intake:step", args=["about"])).content.decode()
    assert 'value="1988"' in saved


def test_the_answers_come_back_on_another_device(patient, token):
    fill_all_steps(patient)
    other = Client()
    open_link(other, token)
    _answer_gate(other, dob="1988-04-12")
    review = other.get(reverse("intake:review")).content.decode()
    assert "Right knee or lower leg" in review
