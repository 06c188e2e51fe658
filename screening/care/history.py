"""A patient's course of care as the patient page shows it, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from screening.care.current import with_current
from screening.care.visits import normalised_name
from screening.intake.invitations import Progress, invitation_progress
from screening.models import Invitation, Patient, Submission, SubmissionEvent, Visit


@dataclass
class VisitRow:
    visit: Visit
    current: Submission | None
    replaced: list[Submission] = field(default_factory=list)  # earlier, superseded ones
    invitation: Invitation | None = None
    progress: Progress | None = None
    decision: SubmissionEvent | None = None


def visit_rows(patient: Patient) -> list[VisitRow]:
    """Every visit of the patient, newest first, each with its current screening."""
    visits = with_current(
        Visit.objects.filter(patient=patient)
        .select_related("physiotherapist")
        .order_by("-appointment_date", "-appointment_time", "-pk")
    )
    invitations = {
        i.visit_id: i
        for i in Invitation.objects.filter(visit__in=[v.pk for v in visits])
        .select_related("draft")
        .prefetch_related("submissions")
    }
    rows = []
    current_pks = []
    for visit in visits:
        invitation = invitations.get(visit.pk)
        submissions = list(invitation.submissions.all()) if invitation else []
        row = VisitRow(visit, visit.current, invitation=invitation)
        row.replaced = sorted(
            (s for s in submissions if visit.current and s.pk != visit.current.pk),
            key=lambda s: -s.pk,
        )
        if invitation is not None:
            row.progress = invitation_progress(invitation)
        if visit.current:
            current_pks.append(visit.current.pk)
        rows.append(row)
    decisions: dict[int, SubmissionEvent] = {}
    for event in SubmissionEvent.objects.filter(
        submission_id__in=current_pks, kind=SubmissionEvent.Kind.DECISION
    ).order_by("created_at", "pk"):
        decisions[event.submission_id] = event  # the latest one wins
    for row in rows:
        if row.current:
            row.decision = decisions.get(row.current.pk)
    return rows


def merge_candidates(patient: Patient) -> list[Patient]:
    """Other active records that may be the same person: same name, or same date of birth."""
    others = Patient.objects.filter(merged_into__isnull=True).exclude(pk=patient.pk)
    wanted = normalised_name(patient.name)
    by_name_or_birth = defaultdict(list)
    for other in (
        others.filter(date_of_birth=patient.date_of_birth) if patient.date_of_birth else []
    ):
        by_name_or_birth[other.pk].append(other)
    for other in others.filter(name__iexact=patient.name.strip()):
        by_name_or_birth[other.pk].append(other)
    found = {pk: items[0] for pk, items in by_name_or_birth.items()}
    return sorted(found.values(), key=lambda p: (normalised_name(p.name) != wanted, p.name, p.pk))[
        :20
    ]
