"""Forms sent, opened, started and completed, and how far the unfinished ones got.

The cohort is the invitations created in the period (an invitation is the form sent: by
email, on paper or on the clinic's tablet, the models do not record which). What is
stored: Invitation.first_opened_at (opened), an IntakeDraft (started: the patient passed the
date-of-birth gate and the privacy notice), IntakeDraft.completed_steps (each question
step saved), a Submission (completed). Not stored: when each step was saved, or whether an
email was read before the link was opened, so neither is shown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, F, Min, OuterRef, Q

from screening.analytics.medians import median_duration
from screening.analytics.period import Period
from screening.intake.steps import QUESTION_STEPS, Step
from screening.models import IntakeDraft, Invitation, Submission


@dataclass(frozen=True)
class Funnel:
    sent: int
    opened: int
    started: int
    completed: int
    # (step, drafts that saved it), in step order; a completed form saved every step.
    steps: tuple[tuple[Step, int], ...]


def cohort(period: Period):
    return Invitation.objects.filter(**period.bounds("created_at"))


def funnel(period: Period) -> Funnel:
    """The funnel of the period's invitations (three queries)."""
    invitations = cohort(period)
    submitted = Submission.objects.filter(invitation=OuterRef("pk"))
    totals = invitations.aggregate(
        sent=Count("pk"),
        opened=Count("pk", filter=Q(first_opened_at__isnull=False)),
        started=Count("draft"),
    )
    completed = invitations.filter(Exists(submitted)).count()
    # Only the unfinished drafts are read one by one; a submitted one saved every step.
    unfinished = IntakeDraft.objects.filter(invitation__in=invitations).exclude(
        Exists(Submission.objects.filter(draft=OuterRef("pk")))
    )
    saved = Counter()
    for steps in unfinished.values_list("completed_steps", flat=True):
        saved.update(set(steps or ()))
    return Funnel(
        sent=totals["sent"],
        opened=totals["opened"],
        started=totals["started"],
        completed=completed,
        steps=tuple((step, completed + saved[step.name]) for step in QUESTION_STEPS),
    )


def median_time_to_complete(period: Period) -> dt.timedelta | None:
    """From opening the link to the first submission, over the period's completed forms."""
    rows = (
        cohort(period)
        .filter(first_opened_at__isnull=False)
        .annotate(_done=Min("submissions__submitted_at"))
    )
    return median_duration(rows, F("_done") - F("first_opened_at"))
