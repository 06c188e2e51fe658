"""Interop fixtures: submissions stored from the shared contract examples as they are."""

import datetime as dt
from pathlib import Path

import pytest

from screening.intake.consent import CONSENT_TEXT_VERSION
from screening.intake.invitations import create_invitation
from screening.intake.steps import STEP_NAMES
from screening.intake.submit import create_submission
from screening.models import IntakeDraft, Submission
from tests.contract_examples import load
from tests.review.conftest import make_user, staff_client  # noqa: F401


@pytest.fixture
def example_submission(db):
    """A submission whose stored document is the example file, unchanged."""

    def make(path: Path, name: str = "Ana Maria Silva", last_name: str = "Silva") -> Submission:
        document = load(path)
        appointment = dt.date.fromisoformat(document["appointment_date"])
        born = dt.date.fromisoformat(document["about"]["date_of_birth"])
        invitation, _token = create_invitation(
            patient_name=name,
            last_name=last_name,
            date_of_birth=born,
            email="ana@example.org",
            appointment_date=appointment,
            appointment_time=dt.time(9, 30),
        )
        draft = IntakeDraft.objects.create(invitation=invitation, completed_steps=list(STEP_NAMES))
        kind = Submission.Kind.CHECK_IN if "day_of" in document else Submission.Kind.INITIAL
        return create_submission(
            invitation=invitation,
            draft=draft,
            document=document,
            signatures={"signed_by": "patient", "name": name, "signed_at": "2026-11-27T19:00"},
            consent_text_version=CONSENT_TEXT_VERSION,
            kind=kind,
        )

    return make
