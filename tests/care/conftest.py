"""Care fixtures: patients, visits and submissions made through the real code paths."""

import datetime as dt

import pytest
from django.utils import timezone

from screening.intake.consent import CONSENT_TEXT_VERSION
from screening.intake.invitations import create_invitation
from screening.intake.steps import STEP_NAMES
from screening.intake.submit import create_submission
from screening.models import IntakeDraft, Invitation, Submission
from screening.review.demo_data import DemoCase, demo_document
from tests.review.conftest import EXAMPLE_FOR_TIER, make_user, staff_client  # noqa: F401

__all__ = ["EXAMPLE_FOR_TIER"]


def submit(
    invitation: Invitation,
    kind: str = Submission.Kind.INITIAL,
    example: str = "ex01-healthy-adult",
    previous: Submission | None = None,
    edit=None,
) -> Submission:
    """Store a submission of `kind` for the invitation, from a demo document."""
    draft, _ = IntakeDraft.objects.get_or_create(
        invitation=invitation, defaults={"completed_steps": list(STEP_NAMES)}
    )
    document = demo_document(DemoCase(example), invitation.appointment_date)
    if edit is not None:
        edit(document)  # a test's change to the answers, before the real validation
    return create_submission(
        invitation=invitation,
        draft=draft,
        document=document,
        signatures={"signed_by": "patient", "name": invitation.patient_name},
        consent_text_version=CONSENT_TEXT_VERSION,
        kind=kind,
        previous=previous,
    )


def invite(name: str = "Avery Thompson", days_ahead: int = 2, **extra) -> Invitation:
    appointment = timezone.localdate() + dt.timedelta(days=days_ahead)
    extra.setdefault("date_of_birth", dt.date(1985, 3, 14))
    extra.setdefault("appointment_time", dt.time(9, 30))
    invitation, _token = create_invitation(patient_name=name, appointment_date=appointment, **extra)
    return invitation


@pytest.fixture
def care(db):
    """The builders, as one fixture: care.invite(...), care.submit(...)."""

    class Builders:
        pass

    builders = Builders()
    builders.invite = invite
    builders.submit = submit
    return builders
