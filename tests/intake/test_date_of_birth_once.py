"""Issue 12, point 3: the date of birth confirmed at the link check is shown, not asked again."""

from __future__ import annotations

import copy
import datetime

import pytest
from django.test import Client
from django.urls import reverse

from screening.intake.invitations import create_invitation
from screening.models import Submission
from tests.intake.conftest import fill_all_steps, open_link, sign
from tests.intake.posts import HEALTHY, date_parts

BORN = datetime.date(1950, 3, 9)


@pytest.fixture
def confirmed_patient(db, appointment) -> Client:
    """A patient whose clinic knows the date of birth: the link asks it, then the form."""
    _invitation, token = create_invitation(
        patient_name="Hélène Tremblay",
        last_name="Tremblay",
        appointment_date=appointment,
        date_of_birth=BORN,
    )
    client = Client()
    open_link(client, token)
    answer = {**date_parts("date_of_birth", BORN.isoformat()), "last_name": "Tremblay"}
    assert client.post(reverse("intake:gate"), answer).status_code == 302
    client.post(reverse("intake:privacy"))
    return client


def test_about_you_shows_the_confirmed_date_and_has_no_date_boxes(confirmed_patient):
    page = confirmed_patient.get(reverse("intake:step", args=["about"])).content.decode()
    assert 'name="date_of_birth_day"' not in page
    assert "9 March 1950" in page or "March 9, 1950" in page
    assert "The date you confirmed when you opened your link" in page


def test_a_different_date_posted_on_about_you_cannot_reach_the_screening(confirmed_patient):
    posts = copy.deepcopy(HEALTHY)
    posts["about"].update(date_parts("date_of_birth", "1999-12-31"))  # a forged post
    fill_all_steps(confirmed_patient, posts)
    sign(confirmed_patient, name="Hélène Tremblay")
    submission = Submission.objects.get()
    assert submission.intake_document["about"]["date_of_birth"] == BORN.isoformat()


def test_without_a_date_from_the_clinic_about_you_still_asks_it(patient):
    page = patient.get(reverse("intake:step", args=["about"])).content.decode()
    assert 'name="date_of_birth_day"' in page
