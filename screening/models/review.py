"""The staff side: append-only events on a submission (status changes, notes, decisions)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from screening.models.intake import Submission


class SubmissionEvent(models.Model):
    """One thing a staff member did to a submission. Never edited, never deleted."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status change")
        NOTE = "note", _("Note")
        DECISION = "decision", _("Physiotherapist decision")

    class Decision(models.TextChoices):
        PROCEED = "proceed", _("Proceed")
        PROCEED_MODIFIED = "proceed_modified", _("Proceed with modifications")
        DEFER = "defer", _("Defer until cleared")
        DO_NOT_NEEDLE = "do_not_needle", _("Do not needle today")

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.CharField(max_length=20, choices=Submission.Status.choices, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    modifications = models.TextField(blank=True, max_length=2000)
    reason = models.TextField(blank=True, max_length=4000)
    note = models.TextField(blank=True, max_length=4000)
    # clinical-rules.md 8.2 (b): the physio assessed this minor at the visit as able to
    # understand and consent to dry needling; the reason field says why.
    mature_minor_assessed = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        # Only physiotherapists hold it (roles migration); front desk adds notes and statuses.
        permissions = [("record_decision", "Can record a physiotherapist decision")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on submission #{self.submission_id}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise PermissionError("Submission events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # Only the retention purge removes events, in bulk, together with their submission.
        raise PermissionError("Submission events are append-only.")
