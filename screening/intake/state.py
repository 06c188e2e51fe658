"""Where a patient is in the flow: submitted? check-in open today? which step next?"""

from __future__ import annotations

from django.utils import timezone

from screening.models import IntakeDraft, Invitation, Submission


def initial_submission(invitation: Invitation) -> Submission | None:
    """The screening sent before the day: the full form, or a follow-up re-screen."""
    kinds = (Submission.Kind.INITIAL, Submission.Kind.FOLLOW_UP)
    return invitation.submissions.filter(kind__in=kinds).order_by("pk").first()


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


def follow_up_reopened(draft: IntakeDraft | None) -> list[str]:
    """Steps reopened by a "yes" on the follow-up re-screen (screening/care/follow_up.py)."""
    if draft is None or "_checkin" in draft.answers:
        return []
    return list(draft.answers.get("_followup", {}).get("reopen", []))
