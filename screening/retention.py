"""Retention: which drafts and submissions have outlived their keeping period.

Drafts that never became a submission go DRAFT_RETENTION_DAYS after their last change.
Submissions go SUBMISSION_RETENTION_YEARS after the appointment or, for a patient who was
a minor at the appointment, after their 18th birthday, whichever is later; a legal hold
keeps them. Deleting is idempotent and done in small transactions, so the purge can run
twice or during traffic.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef

from screening.models import IntakeDraft, Invitation, Submission, SubmissionEvent

BATCH_SIZE = 200


@dataclass
class PurgeResult:
    drafts: int = 0
    submissions: int = 0
    invitations: int = 0


def add_years(day: date, years: int) -> date:
    """Return the same calendar day `years` later (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def submission_keep_until(submission: Submission) -> date:
    """Return the last day a submission must be kept."""
    years = settings.SUBMISSION_RETENTION_YEARS
    keep_until = add_years(submission.appointment_date, years)
    dob_text = (submission.intake_document.get("about") or {}).get("date_of_birth")
    if dob_text:
        adult_on = add_years(date.fromisoformat(dob_text), settings.RETENTION_MAJORITY_AGE)
        if adult_on > submission.appointment_date:
            keep_until = max(keep_until, add_years(adult_on, years))
    return keep_until


def expired_submission_ids(today: date) -> list[int]:
    """Ids of submissions past their keeping period and not under a legal hold."""
    # Only appointments older than the adult period can be due; minors are checked one by one.
    cutoff = add_years(today, -settings.SUBMISSION_RETENTION_YEARS)
    candidates = Submission.objects.filter(appointment_date__lt=cutoff, legal_hold=False).only(
        "pk", "appointment_date", "intake_document"
    )
    return [s.pk for s in candidates.iterator() if submission_keep_until(s) < today]


def _delete_submissions(ids: list[int]) -> int:
    deleted = 0
    # A check-in submission points at the first one: delete re-screens before their originals.
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        with transaction.atomic():
            SubmissionEvent.objects.filter(submission_id__in=batch).delete()
            rescreens = Submission.objects.filter(previous_id__in=batch, legal_hold=False)
            SubmissionEvent.objects.filter(submission__in=rescreens).delete()
            rescreens.delete()
            expired = Submission.objects.filter(pk__in=batch, legal_hold=False)
            draft_ids = list(expired.values_list("draft_id", flat=True))
            deleted += expired.delete()[1].get("screening.Submission", 0)
            # The draft holds the same answers: it goes with its last submission.
            IntakeDraft.objects.filter(pk__in=draft_ids).exclude(
                Exists(Submission.objects.filter(draft=OuterRef("pk")))
            ).delete()
    return deleted


def purge_expired(now: datetime) -> PurgeResult:
    """Delete what has outlived its keeping period; return how much went."""
    result = PurgeResult()
    today = now.date()
    result.submissions = _delete_submissions(expired_submission_ids(today))

    has_submission = Submission.objects.filter(draft=OuterRef("pk"))
    stale_drafts = IntakeDraft.objects.filter(
        updated_at__lt=now - timedelta(days=settings.DRAFT_RETENTION_DAYS)
    ).exclude(Exists(has_submission))
    with transaction.atomic():
        result.drafts = stale_drafts.delete()[1].get("screening.IntakeDraft", 0)

    # An invitation whose link has expired and that holds nothing any more: the patient's
    # name is the only thing left in it, so it goes too.
    has_any_submission = Submission.objects.filter(invitation=OuterRef("pk"))
    has_draft = IntakeDraft.objects.filter(invitation=OuterRef("pk"))
    empty_invitations = (
        Invitation.objects.filter(
            expires_at__lt=now - timedelta(days=settings.DRAFT_RETENTION_DAYS)
        )
        .exclude(Exists(has_any_submission))
        .exclude(Exists(has_draft))
    )
    with transaction.atomic():
        result.invitations = empty_invitations.delete()[1].get("screening.Invitation", 0)
    return result
