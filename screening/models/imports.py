"""Appointment imports: the clinic's remembered CSV columns and each uploaded list."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppointmentColumnMapping(models.Model):
    """Which CSV column holds which field, set once per clinic (one row) and remembered."""

    # field name (see screening/interop/appointments/rows.FIELDS) -> the file's header text
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return "appointment columns"

    @classmethod
    def current(cls) -> AppointmentColumnMapping:
        return cls.objects.order_by("pk").first() or cls(columns={})


class AppointmentImport(models.Model):
    """One uploaded list, read and previewed; booked once, when the front desk confirms."""

    class Source(models.TextChoices):
        CSV = "csv", _("CSV")
        ICS = "ics", _("iCalendar")

    source = models.CharField(max_length=3, choices=Source.choices)
    # The rows as read (names, dates of birth, appointment times): kept with the import so the
    # confirmation books exactly what was previewed. No health information is in a booking list.
    rows = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    booked_at = models.DateTimeField(null=True, blank=True)
    booked_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"appointment import {self.pk}"
