"""The clearance loop of a visit: requested -> received -> closed by the physio's decision.

A clearance belongs to the visit of a screening whose findings need a physician's clearance
(submission_page.clearance_findings). While it is open the screening stays in the
needs-action band: the screening's workflow status is "clearance requested" (not "decided"),
so the queue's action_rank and Today both keep it open until a decision closes it.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from screening.models import Clearance, Submission, SubmissionEvent

MAX_LETTER_BYTES = 10 * 1024 * 1024  # 10 MB
# Highlight an outstanding clearance this many days (or fewer) before the visit.
URGENT_DAYS = 2
# Content types by the file's first bytes: the name and the browser's type are not trusted.
SIGNATURES = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
)
WRONG_TYPE = _(
    "This file is not a PDF, JPEG or PNG (whatever its name says). Scan or save the "
    "physician's letter as a PDF, JPEG or PNG and choose it again."
)
TOO_BIG = _("This file is larger than 10 MB. Scan it at a lower resolution and choose it again.")
EMPTY = _("This file is empty. Choose the scanned letter again.")


class LetterRefused(ValueError):
    """The uploaded file is not one we keep; the message says why, in plain words."""


def sniff(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) from a file's first bytes, or None."""
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, extension
    return None


def check_letter(upload) -> tuple[str, str]:
    """Refuse anything but a PDF, JPEG or PNG of at most 10 MB; return its type and ext."""
    if upload.size > MAX_LETTER_BYTES:
        raise LetterRefused(TOO_BIG)
    if upload.size == 0:
        raise LetterRefused(EMPTY)
    upload.seek(0)
    kind = sniff(upload.read(16))
    upload.seek(0)
    if kind is None:
        raise LetterRefused(WRONG_TYPE)
    return kind


def for_visit(visit_id: int | None) -> Clearance | None:
    if visit_id is None:
        return None
    return Clearance.objects.filter(visit_id=visit_id).first()


def _mark_requested(submission: Submission, actor) -> None:
    """The screening's status becomes "clearance requested", with its own event."""
    if submission.status == Submission.Status.CLEARANCE_REQUESTED:
        return
    with transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(
            status=Submission.Status.CLEARANCE_REQUESTED, row_version=F("row_version") + 1
        )
        SubmissionEvent.objects.create(
            submission=submission,
            kind=SubmissionEvent.Kind.STATUS,
            actor=actor,
            status=Submission.Status.CLEARANCE_REQUESTED,
        )
    submission.refresh_from_db(fields=["status", "row_version"])


def request(submission: Submission, *, actor, method: str) -> Clearance:
    """The letter was printed or emailed: the visit's clearance is (again) requested."""
    visit_id = submission.invitation.visit_id
    now = timezone.now()
    with transaction.atomic():
        clearance, created = Clearance.objects.select_for_update().get_or_create(
            visit_id=visit_id,
            defaults={
                "submission": submission,
                "requested_at": now,
                "requested_by": actor,
                "request_method": method,
            },
        )
        if not created and clearance.status == Clearance.Status.CLOSED:
            # A new request after a decision (the screening changed): a new round. The old
            # letter file stays until this round's one replaces it.
            clearance.status = Clearance.Status.REQUESTED
            clearance.closed_at = None
            clearance.closed_by = None
            clearance.closing_decision = None
        if not created:
            clearance.submission = submission
            clearance.requested_at = now
            clearance.requested_by = actor
            clearance.request_method = method
            clearance.save()
        _mark_requested(submission, actor)
    return clearance


def receive(clearance: Clearance, *, actor, upload, note: str = "") -> Clearance:
    """Keep the returned letter (already checked) and mark the clearance received."""
    content_type, extension = check_letter(upload)
    upload.seek(0)
    old = clearance.letter.name if clearance.letter else ""
    with transaction.atomic():
        # A random name: the patient's name never appears on disk.
        clearance.letter.save(
            f"{uuid.uuid4().hex}.{extension}", ContentFile(upload.read()), save=False
        )
        clearance.letter_content_type = content_type
        clearance.letter_size = upload.size
        clearance.received_at = timezone.now()
        clearance.received_by = actor
        if clearance.status == Clearance.Status.REQUESTED:
            clearance.status = Clearance.Status.RECEIVED
        clearance.save()
        if note:
            submission = clearance.submission
            SubmissionEvent.objects.create(
                submission=submission, kind=SubmissionEvent.Kind.NOTE, actor=actor, note=note
            )
            Submission.objects.filter(pk=submission.pk).update(row_version=F("row_version") + 1)
    if old and old != clearance.letter.name:
        clearance.letter.storage.delete(old)
    return clearance


def close_on_decision(submission: Submission, event: SubmissionEvent) -> Clearance | None:
    """A decision other than "defer until cleared" closes the visit's open clearance."""
    if event.decision == SubmissionEvent.Decision.DEFER:
        return None
    clearance = for_visit(submission.invitation.visit_id)
    if clearance is None or not clearance.is_open:
        return None
    clearance.status = Clearance.Status.CLOSED
    clearance.closed_at = event.created_at
    clearance.closed_by = event.actor
    clearance.closing_decision = event
    clearance.save(update_fields=["status", "closed_at", "closed_by", "closing_decision"])
    return clearance


def is_urgent(appointment_date: dt.date, today: dt.date | None = None) -> bool:
    """An outstanding clearance this close to the visit (or past it) is highlighted."""
    today = today or timezone.localdate()
    return (appointment_date - today).days <= URGENT_DAYS
