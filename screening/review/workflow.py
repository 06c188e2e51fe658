"""Staff actions on a submission: each is one append-only SubmissionEvent.

Every save names the `row_version` the person started from; if someone else saved in
between, `SubmissionChanged` is raised and nothing is written (optimistic concurrency).
"""

from django.db import transaction
from django.db.models import F

from screening.models import Submission, SubmissionEvent
from screening.review import clearance

Decision = SubmissionEvent.Decision
Status = Submission.Status
Tier = Submission.Tier

# Front-desk workflow steps offered on the submission page.
FRONT_DESK_STATUSES = (Status.REVIEWED, Status.CLEARANCE_REQUESTED, Status.PATIENT_CONTACTED)

# How cautious each decision is (higher is more cautious).
DECISION_CAUTION = {
    Decision.PROCEED: 0,
    Decision.PROCEED_MODIFIED: 1,
    Decision.DEFER: 2,
    Decision.DO_NOT_NEEDLE: 3,
}
# The least cautious decision that still matches each tier. PHYSIO_REVIEW exists so that the
# physio reviews; proceeding after that review is the expected outcome, not an override.
TIER_MINIMUM_DECISION = {
    Tier.CLEAR: Decision.PROCEED,
    Tier.INFO_ONLY: Decision.PROCEED,
    Tier.PHYSIO_REVIEW: Decision.PROCEED,
    Tier.HOLD_FOR_CLEARANCE: Decision.DEFER,
    Tier.DO_NOT_NEEDLE: Decision.DO_NOT_NEEDLE,
}


class SubmissionChanged(Exception):
    """Someone else saved the submission since this person loaded it."""

    def __init__(self, current: Submission) -> None:
        super().__init__("The submission was changed by someone else.")
        self.current = current


def is_less_cautious_than_tier(decision: str, tier: str) -> bool:
    """True when the decision goes further than the tier suggests (a reason is then required)."""
    return (
        DECISION_CAUTION[Decision(decision)] < DECISION_CAUTION[TIER_MINIMUM_DECISION[Tier(tier)]]
    )


def _append(submission: Submission, expected_version: int, new_status: str | None, **event):
    with transaction.atomic():
        changes = {"row_version": F("row_version") + 1}
        if new_status:
            changes["status"] = new_status
        updated = Submission.objects.filter(pk=submission.pk, row_version=expected_version).update(
            **changes
        )
        if not updated:
            raise SubmissionChanged(Submission.objects.get(pk=submission.pk))
        created = SubmissionEvent.objects.create(submission=submission, **event)
    submission.refresh_from_db(fields=["status", "row_version"])
    return created


def change_status(submission, *, actor, status: str, note: str = "", expected_version: int):
    """Record a front-desk workflow step (reviewed, clearance requested, patient contacted)."""
    return _append(
        submission,
        expected_version,
        status,
        kind=SubmissionEvent.Kind.STATUS,
        actor=actor,
        status=status,
        note=note,
    )


def add_note(submission, *, actor, note: str, expected_version: int):
    return _append(
        submission, expected_version, None, kind=SubmissionEvent.Kind.NOTE, actor=actor, note=note
    )


def record_decision(
    submission,
    *,
    actor,
    decision: str,
    modifications: str = "",
    reason: str = "",
    note: str = "",
    mature_minor_assessed: bool = False,
    expected_version: int,
):
    """Record the physiotherapist's decision. The caller's form enforces the reason rule.

    "Defer until cleared" leaves the screening open as "clearance requested" (it stays in the
    needs-action band); any other decision closes the visit's open clearance (issue 11).
    """
    waiting = decision == Decision.DEFER
    with transaction.atomic():
        event = _append(
            submission,
            expected_version,
            Status.CLEARANCE_REQUESTED if waiting else Status.DECIDED,
            kind=SubmissionEvent.Kind.DECISION,
            actor=actor,
            decision=decision,
            modifications=modifications,
            reason=reason,
            note=note,
            mature_minor_assessed=mature_minor_assessed,
        )
        clearance.close_on_decision(submission, event)
    return event


def latest_decision(events) -> SubmissionEvent | None:
    """The decision on display: the newest one supersedes the older ones."""
    decisions = [event for event in events if event.kind == SubmissionEvent.Kind.DECISION]
    return max(decisions, key=lambda event: (event.created_at, event.pk), default=None)
