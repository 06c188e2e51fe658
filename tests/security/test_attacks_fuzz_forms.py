"""Hypothesis over the patient forms around the steps: the date-of-birth check, the
signature and the check-in on the day. 200 generated POSTs each; never a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.intake.forms_patient import CheckInForm, GateForm, SignForm
from tests.security.builders import make_invitation, make_submission, patient_link_path
from tests.security.patient_flow import answer_every_step, start
from tests.security.test_attacks_fuzz_steps import EXAMPLES, form_posts, post_many


@pytest.mark.django_db
def test_no_generated_post_to_the_date_of_birth_check_gets_a_server_error():
    _invitation, token = make_invitation(
        "Gate Fuzz", last_name="Fuzz", date_of_birth=dt.date(1980, 1, 2)
    )
    patient = Client(raise_request_exception=False)
    patient.get(patient_link_path(token))
    seen = post_many(patient, reverse("intake:gate"), form_posts(GateForm(ask_last_name=True)))
    assert len(seen) >= EXAMPLES


@pytest.mark.django_db
@pytest.mark.parametrize("minor", [False, True])
def test_no_generated_post_to_the_signature_page_gets_a_server_error(minor):
    _invitation, token = make_invitation("Sign Fuzz")
    patient = Client(raise_request_exception=False)
    start(patient, token)
    assert {r.status_code for r in answer_every_step(patient, "plain")} == {302}
    seen = post_many(patient, reverse("intake:sign"), form_posts(SignForm(minor=minor)))
    assert len(seen) >= EXAMPLES


@pytest.mark.django_db
def test_no_generated_post_to_the_check_in_gets_a_server_error():
    submission = make_submission("Check-in Fuzz", appointment=timezone.localdate())
    patient = Client(raise_request_exception=False)
    patient.get(patient_link_path(submission.patient_token))
    assert patient.get(reverse("intake:check_in")).status_code == 200
    seen = post_many(patient, reverse("intake:check_in"), form_posts(CheckInForm()))
    assert len(seen) >= EXAMPLES
