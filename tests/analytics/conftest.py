"""Generated data with known answers: invitations, drafts, submissions and decisions whose
times, tiers and outcomes the tests choose."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from screening.contracts import assess_document
from screening.intake.invitations import create_invitation
from screening.intake.steps import STEP_NAMES
from screening.models import IntakeDraft, Invitation, Submission, SubmissionEvent
from screening.review.demo_data import DemoCase, demo_document
from tests.review.conftest import make_user, staff_client  # noqa: F401 (fixtures)

# Examples of the contract set and the tier each assesses to.
CLEAR = "ex01-healthy-adult"
HOLD = "ex02-warfarin-inr-above-cap"  # sets the tier: anticoagulant_vka_out_of_range
DO_NOT_NEEDLE = "ex06-severe-needle-phobia"  # sets the tier: needle_phobia_severe

# A fixed instant in the middle of the test period (local time), away from week edges.
NOON = timezone.make_aware(dt.datetime(2026, 11, 18, 12, 0))


@functools.cache
def assessed(example: str) -> tuple[dict, dict]:
    document = demo_document(DemoCase(example), dt.date(2026, 11, 25))
    return document, assess_document(document)


class Seeder:
    def __init__(self) -> None:
        self.count = 0
        self.physio = User.objects.create_user("seed-physio")

    def invitation(self, *, created: dt.datetime = NOON, opened: dt.datetime | None = None):
        self.count += 1
        invitation, _token = create_invitation(
            patient_name=f"Seed Patient {self.count}", appointment_date=dt.date(2026, 11, 25)
        )
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=created, first_opened_at=opened
        )
        invitation.refresh_from_db()
        return invitation

    def draft(self, invitation, steps=STEP_NAMES) -> IntakeDraft:
        return IntakeDraft.objects.create(invitation=invitation, completed_steps=list(steps))

    def submission(
        self,
        example: str = CLEAR,
        *,
        submitted: dt.datetime = NOON,
        opened: dt.datetime | None = None,
        invitation=None,
        kind: str = Submission.Kind.INITIAL,
    ) -> Submission:
        if invitation is None:
            invitation = self.invitation(created=submitted, opened=opened)
            draft = self.draft(invitation)
        else:
            draft = invitation.draft
        document, assessment = assessed(example)
        submission = Submission.objects.create(
            invitation=invitation,
            draft=draft,
            kind=kind,
            intake_document=document,
            assessment=assessment,
            ruleset_version=assessment["ruleset_version"],
            policy=assessment["policy"],
            consent_text_version="test",
            patient_name=invitation.patient_name,
            appointment_date=invitation.appointment_date,
            tier=assessment["tier"],
            finding_count=len(assessment["findings"]),
        )
        Submission.objects.filter(pk=submission.pk).update(submitted_at=submitted)
        submission.refresh_from_db()
        return submission

    def event(self, submission, at: dt.datetime, *, decision: str = "", reason: str = ""):
        kind = SubmissionEvent.Kind.DECISION if decision else SubmissionEvent.Kind.STATUS
        # Events are append-only (a trigger on PostgreSQL refuses UPDATE): the clock is set
        # for the insert instead, so auto_now_add stamps the wanted time.
        from unittest import mock

        with mock.patch("django.utils.timezone.now", return_value=at):
            event = SubmissionEvent.objects.create(
                submission=submission,
                kind=kind,
                actor=self.physio,
                decision=decision,
                reason=reason,
                status="" if decision else Submission.Status.REVIEWED,
            )
        return event


@pytest.fixture
def seed(db) -> Seeder:
    return Seeder()
