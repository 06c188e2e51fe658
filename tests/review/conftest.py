"""Staff-side fixtures: users per role, and submissions made the way patients make them."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from screening.intake.consent import CONSENT_TEXT_VERSION
from screening.intake.invitations import create_invitation
from screening.intake.steps import STEP_NAMES
from screening.intake.submit import create_submission
from screening.models import IntakeDraft, Submission
from screening.review import access
from screening.review.demo_data import CASES, DemoCase, demo_document

ROLE_USERNAMES = {
    access.FRONT_DESK: "desk",
    access.PHYSIOTHERAPIST: "physio",
    access.CLINIC_ADMIN: "admin1",
}
EXAMPLE_FOR_TIER = {
    "CLEAR": "ex01-healthy-adult",
    "HOLD_FOR_CLEARANCE": "ex02-warfarin-inr-above-cap",
    "PHYSIO_REVIEW": "ex05-pacemaker-left",
    "DO_NOT_NEEDLE": "ex06-severe-needle-phobia",
}


@pytest.fixture
def make_user(db):
    def make(role: str | None, username: str | None = None) -> User:
        user = User.objects.create_user(
            username or ROLE_USERNAMES.get(role, "nobody"), password="a-long-test-password-1"
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def staff_client(make_user, login_staff):
    """A test client signed in (password + second factor) as a new user of `role`."""

    def make(role: str) -> Client:
        client = Client(REMOTE_ADDR="10.0.0.7")
        client.user = make_user(role)
        login_staff(client, client.user)
        return client

    return make


@pytest.fixture
def make_submission(db):
    """A submission made through the intake's own create_submission, from a demo document."""

    def make(
        example: str = "ex02-warfarin-inr-above-cap",
        name: str = "Avery Thompson",
        days_ahead: int = 2,
        case: DemoCase | None = None,
    ) -> Submission:
        appointment = timezone.localdate() + dt.timedelta(days=days_ahead)
        case = case or DemoCase(example)
        document = demo_document(case, appointment)
        invitation, _token = create_invitation(
            patient_name=name, appointment_date=appointment, appointment_time=dt.time(9, 30)
        )
        draft = IntakeDraft.objects.create(invitation=invitation, completed_steps=list(STEP_NAMES))
        return create_submission(
            invitation=invitation,
            draft=draft,
            document=document,
            signatures={"signed_by": "patient", "name": name, "signed_at": "2026-11-27T19:00"},
            consent_text_version=CONSENT_TEXT_VERSION,
        )

    return make


__all__ = ["CASES", "EXAMPLE_FOR_TIER"]
