"""The course of care: a patient (no account) and their visits.

A visit has one invitation and, through it, the submissions that apply to it (pre-visit
form, check-in, follow-up re-screen). Which of them is current is derived in one place,
screening/care/current.py; nothing here stores it, so no stored row is ever rewritten.
"""

from django.conf import settings
from django.db import models


class Patient(models.Model):
    """A person the clinic treats. Merged records point at the one they were merged into."""

    name = models.CharField(max_length=200)
    last_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True, db_index=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by a merge (screening/care/merge.py): the record stays, its visits moved over.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )

    class Meta:
        ordering = ["name", "date_of_birth", "pk"]

    def __str__(self) -> str:
        return f"Patient #{self.pk}"


class Visit(models.Model):
    """One appointment of a patient's course of treatment."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="visits")
    appointment_date = models.DateField(db_index=True)
    appointment_time = models.TimeField(null=True, blank=True)
    physiotherapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # As the invitation has them (intake-v1 visit.planned_regions / planned_estim).
    planned_regions = models.JSONField(default=list, blank=True)
    planned_estim = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["appointment_date", "appointment_time", "pk"]

    def __str__(self) -> str:
        return f"Visit #{self.pk}"
