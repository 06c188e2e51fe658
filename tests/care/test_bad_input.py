"""The issue's bad input and safety cases not covered elsewhere: a clear message, no change."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from screening.models import AuditEvent, Submission
from screening.review import access
from tests.care.conftest import invite, submit
from tests.care.test_follow_up import open_as_patient

pytestmark = pytest.mark.django_db


def _past(invitation, days: int = 1) -> None:
    """Move the visit into the past, as the calendar would (test arrangement only)."""
    day = timezone.localdate() - dt.timedelta(days=days)
    type(invitation).objects.filter(pk=invitation.pk).update(appointment_date=day)
    invitation.refresh_from_db()


def test_a_check_in_for_a_visit_that_already_happened_says_so_and_stores_nothing():
    from screening.intake.invitations import create_invitation

    invitation, token = create_invitation(
        patient_name="Avery Thompson",
        appointment_date=timezone.localdate() + dt.timedelta(days=2),
        date_of_birth=dt.date(1988, 4, 12),
    )
    submit(invitation)
    _past(invitation)
    client = open_as_patient(token)
    response = client.post(
        reverse("intake:check_in"),
        {"substances_recent": "yes", "anything_changed": "False"},
        follow=True,
    )
    assert "This visit has already happened" in response.content.decode()
    assert invitation.submissions.count() == 1


def test_the_desk_cannot_open_a_check_in_for_a_past_visit_and_stays_signed_in(staff_client):
    invitation = invite()
    submit(invitation)
    _past(invitation)
    client = staff_client(access.FRONT_DESK)
    response = client.post(reverse("intake:desk_check_in", args=[invitation.pk]))
    assert response.status_code == 409
    assert "This visit has already happened" in response.content.decode()
    assert client.get(reverse("review:queue")).status_code == 200  # still signed in
    assert not AuditEvent.objects.filter(action="check_in_opened").exists()
    assert Submission.objects.count() == 1
