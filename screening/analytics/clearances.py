"""Physician clearances (models.Clearance): requested in the period, and what became of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from screening.analytics.period import Period
from screening.models import Clearance


@dataclass(frozen=True)
class Clearances:
    requested: int
    received: int
    outstanding: int


def clearances(period: Period) -> Clearances:
    """Of the clearances requested in the period: letters received, and still awaited now."""
    totals = Clearance.objects.filter(**period.bounds("requested_at")).aggregate(
        requested=Count("pk"),
        received=Count("pk", filter=Q(received_at__isnull=False)),
        outstanding=Count("pk", filter=Q(status=Clearance.Status.REQUESTED)),
    )
    return Clearances(**totals)
