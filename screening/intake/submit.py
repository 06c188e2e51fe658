"""Freeze a screening into a Submission, exactly once per draft and kind.

The row lock on the draft serialises concurrent final POSTs (a double click, two tabs, a
replayed request); the unique constraint (draft, kind) is the last line of defence. Every
caller gets the same Submission back.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from screening.clinic_policy import current_policy
from screening.contracts import assess_document
from screening.mail.alerts import note_new_submission
from screening.models import IntakeDraft, Invitation, Submission


def _assess(document: dict) -> dict:
    return assess_document(document, current_policy())


def create_submission(
    *,
    invitation: Invitation,
    draft: IntakeDraft,
    document: dict,
    signatures: dict,
    consent_text_version: str,
    privacy_notice_version: str = "",
    consent_language: str = "",
    privacy_notice_language: str = "",
    kind: str = Submission.Kind.INITIAL,
    previous: Submission | None = None,
) -> Submission:
    """Validate and assess `document` and store it; return the existing one on a replay.

    Raises screening.contracts.IntakeInvalid when the document breaks the contract.
    """
    with transaction.atomic():
        locked = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
        existing = Submission.objects.filter(draft=locked, kind=kind).first()
        if existing is not None:
            return existing
        assessment = _assess(document)
        try:
            with transaction.atomic():
                submission = Submission.objects.create(
                    invitation=invitation,
                    draft=locked,
                    kind=kind,
                    previous=previous,
                    intake_document=document,
                    assessment=assessment,
                    ruleset_version=assessment["ruleset_version"],
                    policy=assessment["policy"],
                    consent_text_version=consent_text_version,
                    privacy_notice_version=privacy_notice_version,
                    # Which language's texts were read and signed (each has its own version).
                    consent_language=consent_language,
                    privacy_notice_language=privacy_notice_language
                    or locked.privacy_notice_language,
                    signatures=signatures,
                    patient_name=invitation.patient_name,
                    appointment_date=invitation.appointment_date,
                    appointment_time=invitation.appointment_time,
                    tier=assessment["tier"],
                    finding_count=len(assessment["findings"]),
                )
                # Committed with the submission: the front desk's alert (screening.mail).
                note_new_submission(submission)
                return submission
        except IntegrityError:
            # Another connection won the race between our check and our insert.
            return Submission.objects.get(draft=locked, kind=kind)
