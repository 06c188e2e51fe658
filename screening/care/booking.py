"""The front desk's one step: book the next visit and create its invitation together."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from screening.care.visits import CareError, active_patient, check_visit_free, create_visit
from screening.intake.invitations import create_invitation
from screening.models import Invitation, Patient, Visit


def invite_for_visit(visit: Visit, *, created_by=None, email: str = "") -> tuple[Invitation, str]:
    """The invitation for a booked visit (CareError if it has one or is in the past)."""
    if visit.appointment_date < timezone.localdate():
        raise CareError(_("This visit is in the past: book a new visit instead."))
    check_visit_free(visit)
    patient = active_patient(visit.patient)
    # The language the patient chose for an earlier visit is theirs for this one too.
    language = (
        Invitation.objects.filter(visit__patient=patient)
        .exclude(language="")
        .order_by("-pk")
        .values_list("language", flat=True)
        .first()
    )
    return create_invitation(
        language=language or "",
        visit=visit,
        patient_name=patient.name,
        last_name=patient.last_name,
        date_of_birth=patient.date_of_birth,
        email=email or patient.email,
        appointment_date=visit.appointment_date,
        appointment_time=visit.appointment_time,
        planned_regions=visit.planned_regions,
        planned_estim=visit.planned_estim,
        created_by=created_by,
    )


@transaction.atomic
def book_rescreen(
    patient: Patient,
    appointment_date: dt.date,
    appointment_time: dt.time | None,
    *,
    created_by=None,
) -> tuple[Invitation, str]:
    """A new visit of `patient` with its invitation; the regions planned last time carry over."""
    patient = active_patient(patient)
    if appointment_date < timezone.localdate():
        raise CareError(_("The appointment date is in the past."))
    last = patient.visits.order_by("-appointment_date", "-pk").first()
    visit = create_visit(
        patient,
        appointment_date=appointment_date,
        appointment_time=appointment_time,
        planned_regions=last.planned_regions if last else [],
        planned_estim=last.planned_estim if last else False,
        physiotherapist=last.physiotherapist if last else None,
        created_by=created_by,
    )
    return invite_for_visit(visit, created_by=created_by)
