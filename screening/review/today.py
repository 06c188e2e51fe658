"""The Today view's rows: one per visit of a day, in appointment order, a fixed query count.

Each row carries the visit's current screening (screening/care/current.py decides which),
the one-line reason in plain words, what is still to do, and the latest decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from screening.care.current import with_current
from screening.models import Clearance, Submission, SubmissionEvent, Visit
from screening.review import labels
from screening.review.clearance import is_urgent

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
NEEDS_REVIEW = "needs_review"
CLEARANCE_OUTSTANDING = "clearance_outstanding"
CLEARANCE_RECEIVED = "clearance_received"
DECIDED = "decided"
NOTHING_TO_DO = "nothing_to_do"
TODO_LABELS = {
    NOT_STARTED: _("Form not started"),
    IN_PROGRESS: _("Form in progress"),
    NEEDS_REVIEW: _("Needs review"),
    CLEARANCE_OUTSTANDING: _("Clearance outstanding"),
    CLEARANCE_RECEIVED: _("Clearance letter received: physiotherapist to decide"),
    DECIDED: _("Decided"),
    NOTHING_TO_DO: _("Nothing to do"),
}
OPEN = frozenset({NEEDS_REVIEW, CLEARANCE_OUTSTANDING, CLEARANCE_RECEIVED})
CLEARANCE_TODOS = frozenset({CLEARANCE_OUTSTANDING, CLEARANCE_RECEIVED})


@dataclass(frozen=True)
class TodayRow:
    visit: Visit
    current: Submission | None
    reason: str
    todo: str
    decision: SubmissionEvent | None
    clearance: Clearance | None = None

    @property
    def todo_label(self) -> str:
        return str(TODO_LABELS[self.todo])

    @property
    def needs_action(self) -> bool:
        return self.todo in OPEN

    @property
    def clearance_urgent(self) -> bool:
        """An outstanding clearance within two days of the visit: highlighted."""
        return self.todo in CLEARANCE_TODOS and is_urgent(self.visit.appointment_date)


def visit_clearance(visit: Visit) -> Clearance | None:
    """The visit's clearance (select_related'ed), or None."""
    try:
        return visit.clearance
    except Clearance.DoesNotExist:
        return None


def todo_of(visit: Visit, current: Submission | None) -> str:
    """What is still to do for a visit (exactly what is open, nothing more)."""
    if current is None:
        drafts = [getattr(inv, "draft", None) for inv in visit.invitations.all()]
        started = any(d is not None and d.completed_steps for d in drafts)
        return IN_PROGRESS if started else NOT_STARTED
    if current.status == Submission.Status.DECIDED:
        return DECIDED
    if current.status == Submission.Status.CLEARANCE_REQUESTED:
        record = visit_clearance(visit)
        if record is not None and record.status == Clearance.Status.RECEIVED:
            return CLEARANCE_RECEIVED
        return CLEARANCE_OUTSTANDING
    return NEEDS_REVIEW if current.action_rank == 0 else NOTHING_TO_DO


def rows_for(day: dt.date) -> list[TodayRow]:
    visits = (
        Visit.objects.filter(appointment_date=day)
        .select_related(
            "patient", "clearance__requested_by", "clearance__received_by", "clearance__closed_by"
        )
        .prefetch_related("invitations__draft")
        .order_by("appointment_time", "pk")
    )
    visits = with_current(visits)
    current_pks = [v.current.pk for v in visits if v.current is not None]
    decisions: dict[int, SubmissionEvent] = {}
    for event in (
        SubmissionEvent.objects.filter(
            submission_id__in=current_pks, kind=SubmissionEvent.Kind.DECISION
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    ):
        decisions[event.submission_id] = event  # the newest one wins
    return [
        TodayRow(
            visit=v,
            current=v.current,
            reason=(
                labels.reason_line(v.current.assessment, v.current.intake_document)
                if v.current
                else ""
            ),
            todo=todo_of(v, v.current),
            decision=decisions.get(v.current.pk) if v.current else None,
            clearance=visit_clearance(v),
        )
        for v in visits
    ]
