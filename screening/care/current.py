"""Each visit's one current screening, and whether a submission is superseded (issue 10).

The one place this is decided; the queue, the staff pages, the PDF and the exports ask here.

Rule: the submissions of a visit are those of its invitation (a visit has one invitation,
see models.Invitation). All kinds apply (pre-visit form, check-in, follow-up re-screen);
the current one is the latest stored, by primary key. Submissions are immutable and
created in time order, so the key order is the submit order, with no tie at equal times.
A submission of another visit never supersedes this visit's: a past visit keeps its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from screening.models import Invitation, Submission, Visit


def _later_in_same_visit() -> Exists:
    return Exists(
        Submission.objects.filter(invitation_id=OuterRef("invitation_id"), pk__gt=OuterRef("pk"))
    )


def superseded_pks(appointments_from: dt.date | None = None) -> QuerySet:
    """The pks of every submission a later one of its visit replaced (a subquery).

    Only a visit with two or more submissions has a replaced one, and such a visit always
    has a row that is not the pre-visit form: an invitation has one draft and a draft one
    submission per kind. So the search starts from the check-ins and follow-ups (the small
    partial index submission_rescreen_day), and only those of appointments from
    `appointments_from` on when the caller lists no earlier ones (the queue).
    """
    rescreened = Submission.objects.exclude(kind=Submission.Kind.INITIAL)
    if appointments_from is not None:
        rescreened = rescreened.filter(appointment_date__gte=appointments_from)
    return (
        Submission.objects.filter(invitation_id__in=rescreened.values("invitation_id"))
        .filter(_later_in_same_visit())
        .values("pk")
    )


def only_current(
    submissions: QuerySet[Submission], appointments_from: dt.date | None = None
) -> QuerySet[Submission]:
    """Keep the current submission of each visit: one row per visit (one query).

    NOT IN an uncorrelated list, not a NOT EXISTS per row: the database builds the short
    list of replaced rows once, and the queue's count keeps to its covering index. Pass
    `appointments_from` when `submissions` holds no earlier appointment (it bounds the list).
    """
    return submissions.exclude(pk__in=superseded_pks(appointments_from))


def with_current_pk(submissions: QuerySet[Submission]) -> QuerySet[Submission]:
    """Annotate `current_pk`: the pk of the current submission of each row's visit."""
    latest = (
        Submission.objects.filter(invitation_id=OuterRef("invitation_id"))
        .order_by("-pk")
        .values("pk")[:1]
    )
    return submissions.annotate(current_pk=Subquery(latest))


def current_for_invitation(invitation: Invitation) -> Submission | None:
    return Submission.objects.filter(invitation=invitation).order_by("-pk").first()


def current_submission(visit: Visit) -> Submission | None:
    """The visit's current screening, or None before anything was submitted."""
    return Submission.objects.filter(invitation__visit=visit).order_by("-pk").first()


def with_current(visits: QuerySet[Visit]) -> list[Visit]:
    """The visits, each with `.current` (Submission or None), in two queries in all."""
    latest = (
        Submission.objects.filter(invitation__visit=OuterRef("pk")).order_by("-pk").values("pk")[:1]
    )
    rows = list(visits.annotate(current_pk=Subquery(latest)))
    by_pk = Submission.objects.in_bulk([v.current_pk for v in rows if v.current_pk])
    for visit in rows:
        visit.current = by_pk.get(visit.current_pk)
    return rows


@dataclass(frozen=True)
class Supersession:
    """`submission` is no longer current: `current` replaces it for its visit."""

    submission: Submission
    current: Submission


def superseded_by(submission: Submission) -> Submission | None:
    """The visit's current submission when it is not `submission` itself, else None.

    Uses an annotated `current_pk` when the row has one (with_current_pk), so a list
    asks once.
    """
    current_pk = getattr(submission, "current_pk", None)
    if current_pk is None:
        later = current_for_invitation_id(submission.invitation_id)
        return later if later is not None and later.pk != submission.pk else None
    if current_pk == submission.pk:
        return None
    return Submission.objects.get(pk=current_pk)


def supersession(submission: Submission) -> Supersession | None:
    current = superseded_by(submission)
    return Supersession(submission, current) if current is not None else None


def current_for_invitation_id(invitation_id: int) -> Submission | None:
    return Submission.objects.filter(invitation_id=invitation_id).order_by("-pk").first()


def is_current(submission: Submission) -> bool:
    return superseded_by(submission) is None
