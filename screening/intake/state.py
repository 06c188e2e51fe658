"""Where a patient is in the flow: submitted? check-in open today? which step next?"""

from __future__ import annotations

from django.utils import timezone

from screening.models import IntakeDraft, Invitation, Submission


def initial_submission(invitation: Invitation) -> Submission | None:
    return invitation.submissions.filter(kind=Submission.Kind.INITIAL).first()


def check_in_submission(invitation: Invitation) -> Submission | None:
    return invitation.submissions.filter(kind=Submission.Kind.CHECK_IN).first()


def is_appointment_day(invitation: Invitation) -> bool:
    return timezone.localdate() == invitation.appointment_date


def check_in_open(invitation: Invitation) -> bool:
    """The one-minute check-in: on the day, after the form, not yet done."""
    return (
        is_appointment_day(invitation)
        and initial_submission(invitation) is not None
        and check_in_submission(invitation) is None
    )


def check_in_reopened(draft: IntakeDraft | None) -> list[str]:
    """Steps reopened by a "yes, something changed" at check-in (empty otherwise)."""
    if draft is None:
        return []
    return list(draft.answers.get("_checkin", {}).get("reopen", []))
