"""How long a screening waits: from submission to the first staff action, and to a decision.

Review = the first SubmissionEvent of any kind (a status change such as "reviewed", a note
or a decision); opening the page is audited but is not a workflow step, so it is not
counted. Over each visit's current screening submitted in the period; weekly counts for the
line chart.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Min, Q
from django.db.models.functions import TruncWeek

from screening.analytics.current import current_screenings
from screening.analytics.medians import median_duration
from screening.analytics.period import Period
from screening.models import SubmissionEvent

FLAGGED_TIERS = ("DO_NOT_NEEDLE", "HOLD_FOR_CLEARANCE", "PHYSIO_REVIEW")


def median_time_to_review(period: Period) -> dt.timedelta | None:
    rows = current_screenings(period).annotate(_first=Min("events__created_at"))
    return median_duration(rows, F("_first") - F("submitted_at"))


def median_time_to_decision(period: Period) -> dt.timedelta | None:
    decision = Q(events__kind=SubmissionEvent.Kind.DECISION)
    rows = current_screenings(period).annotate(_first=Min("events__created_at", filter=decision))
    return median_duration(rows, F("_first") - F("submitted_at"))


def weekly_counts(period: Period) -> list[tuple[dt.date, int, int]]:
    """(Monday, screenings, flagged screenings) for every week the period touches (1 query)."""
    rows = (
        current_screenings(period)
        .annotate(week=TruncWeek("submitted_at"))
        .order_by()
        .values_list("week")
        .annotate(total=Count("pk"), flagged=Count("pk", filter=Q(tier__in=FLAGGED_TIERS)))
    )
    by_week = {}
    for week, total, flagged in rows:
        day = week.date() if isinstance(week, dt.datetime) else week
        by_week[day] = (total, flagged)
    monday = period.start - dt.timedelta(days=period.start.weekday())
    weeks = []
    while monday <= period.end:
        total, flagged = by_week.get(monday, (0, 0))
        weeks.append((monday, total, flagged))
        monday += dt.timedelta(weeks=1)
    return weeks
