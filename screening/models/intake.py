"""The patient side: an invitation, the draft saved step by step, the frozen submission."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def hash_token(token: str) -> str:
    """Return the stored form of a patient link token (the token itself is never stored)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Invitation(models.Model):
    """A clinic's invitation to fill in the screening form before one appointment."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    patient_name = models.CharField(max_length=200)
    # Asked at the date-of-birth gate when present; blank for a single-name patient.
    last_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    email = models.EmailField(blank=True)
    appointment_date = models.DateField(db_index=True)
    appointment_time = models.TimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    first_opened_at = models.DateTimeField(null=True, blank=True)
    # Entered by the clinic when known (intake-v1 visit.planned_regions / planned_estim);
    # the adapter copies them into the document, the patient is never asked.
    planned_regions = models.JSONField(default=list, blank=True)
    planned_estim = models.BooleanField(default=False)
    # The language the patient chose for this visit's form (the header switch), a code of
    # settings.LANGUAGES; blank = not chosen (the browser's, then the clinic's, applies).
    language = models.CharField(max_length=10, blank=True)
    # The visit this invitation screens for (screening/care). Null only on rows made outside
    # create_invitation; a visit has at most one invitation, so its submissions are those of
    # its invitation.
    visit = models.ForeignKey(
        "screening.Visit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invitations",
    )

    class Meta:
        ordering = ["appointment_date", "appointment_time", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit"],
                condition=models.Q(visit__isnull=False),
                name="one_invitation_per_visit",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation #{self.pk}"


class GateFailure(models.Model):
    """One wrong answer at the date-of-birth gate; counted per link and per address.

    Kept in the database (not a per-process cache) so every worker sees the same count.
    """

    invitation = models.ForeignKey(
        Invitation, null=True, on_delete=models.CASCADE, related_name="gate_failures"
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Gate failure #{self.pk}"


class IntakeDraft(models.Model):
    """The patient's answers so far, saved on every valid step (never in the session)."""

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="draft")
    # {"step_name": {field: value, ...}, ...}: the cleaned answers of each saved step.
    answers = models.JSONField(default=dict)
    completed_steps = models.JSONField(default=list)
    # Optimistic lock: a save must name the version it started from (two tabs, two devices).
    version = models.PositiveIntegerField(default=0)
    privacy_notice_version = models.CharField(max_length=20, blank=True)
    privacy_acknowledged_at = models.DateTimeField(null=True, blank=True)
    # The language of the notice the patient acknowledged (versions are per language).
    privacy_notice_language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"Draft #{self.pk}"


class Submission(models.Model):
    """One screening, frozen at the moment it was submitted.

    The clinical content (documents, versions, signatures) is never edited; only the
    workflow fields below it change, and each change is a SubmissionEvent.
    """

    class Kind(models.TextChoices):
        INITIAL = "initial", _("Form before the visit")
        CHECK_IN = "check_in", _("Check-in on the day")
        FOLLOW_UP = "follow_up", _("Follow-up re-screen")

    class Tier(models.TextChoices):
        DO_NOT_NEEDLE = "DO_NOT_NEEDLE", _("Do not needle")
        HOLD_FOR_CLEARANCE = "HOLD_FOR_CLEARANCE", _("Hold for clearance")
        PHYSIO_REVIEW = "PHYSIO_REVIEW", _("Physiotherapist review")
        INFO_ONLY = "INFO_ONLY", _("Information only")
        CLEAR = "CLEAR", _("Clear")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        REVIEWED = "reviewed", _("Reviewed")
        CLEARANCE_REQUESTED = "clearance_requested", _("Clearance requested")
        PATIENT_CONTACTED = "patient_contacted", _("Patient contacted")
        DECIDED = "decided", _("Decision recorded")

    invitation = models.ForeignKey(Invitation, on_delete=models.PROTECT, related_name="submissions")
    draft = models.ForeignKey(IntakeDraft, on_delete=models.PROTECT, related_name="submissions")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INITIAL)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="rescreens"
    )
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    # Frozen clinical content.
    intake_document = models.JSONField()
    assessment = models.JSONField()
    ruleset_version = models.CharField(max_length=20)
    policy = models.JSONField()
    consent_text_version = models.CharField(max_length=20)
    privacy_notice_version = models.CharField(max_length=20, blank=True)
    # The language of the consent text read and signed, and of the privacy notice (the
    # versions above are that language's). Blank on rows from before languages: English.
    consent_language = models.CharField(max_length=10, blank=True)
    privacy_notice_language = models.CharField(max_length=10, blank=True)
    # {"signed_by": "patient"|"guardian", "name": ..., "signed_at": ISO datetime,
    #  "minor_path": "" | "guardian" | "mature_minor", "guardian_relationship": ...}
    signatures = models.JSONField(default=dict)

    # Copies for the queue, so that listing never parses JSON (frozen like the rest).
    patient_name = models.CharField(max_length=200)
    appointment_date = models.DateField(db_index=True)
    appointment_time = models.TimeField(null=True, blank=True)
    tier = models.CharField(max_length=20, choices=Tier.choices, db_index=True)
    finding_count = models.PositiveSmallIntegerField(default=0)

    # Workflow: changes only together with a SubmissionEvent.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    row_version = models.PositiveIntegerField(default=0)
    legal_hold = models.BooleanField(default=False)
    # 0 = needs action (flagged and no physio decision yet), 1 = not: the staff queue's first
    # sort key. Computed by the database, so the queue's index can serve its sort.
    action_rank = models.GeneratedField(
        expression=models.Case(
            models.When(
                models.Q(tier__in=["DO_NOT_NEEDLE", "HOLD_FOR_CLEARANCE", "PHYSIO_REVIEW"])
                & ~models.Q(status="decided"),
                then=models.Value(0),
            ),
            default=models.Value(1),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["appointment_date", "appointment_time", "pk"]
        constraints = [
            # Exactly once: one initial submission and one check-in per draft.
            models.UniqueConstraint(fields=["draft", "kind"], name="one_submission_per_draft_kind"),
        ]
        indexes = [
            models.Index(fields=["appointment_date", "tier", "status"]),
            # The staff queue's order (screening/review/queries.py); the trailing columns are
            # every column it shows, so its filters, name search and page run on the index
            # alone (on SQLite a row's large JSON comes before them).
            models.Index(
                fields=[
                    "action_rank",
                    "appointment_date",
                    "appointment_time",
                    "id",
                    "tier",
                    "status",
                    "patient_name",
                    "finding_count",
                    "kind",
                    "submitted_at",
                ],
                name="submission_queue_covering",
            ),
            # The visits with a re-screen: where care.current looks for replaced rows.
            models.Index(
                fields=["appointment_date", "invitation", "id"],
                condition=~models.Q(kind="initial"),
                name="submission_rescreen_day",
            ),
        ]

    def __str__(self) -> str:
        return f"Submission #{self.pk}"
