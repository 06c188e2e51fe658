"""Create patients and visits; find the patients a new invitation might be for.

A name and date of birth the clinic already has is *offered* to the front desk, never
merged silently: `matching_patients` lists them, the person chooses.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from screening.models import Invitation, Patient, Visit


class CareError(ValueError):
    """A refused change; `message` is shown to staff as it is. Nothing was changed."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def normalised_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def matching_patients(name: str, date_of_birth: dt.date | None) -> list[Patient]:
    """Active patients with this name (any spacing or case) and date of birth."""
    if date_of_birth is None or not name.strip():
        return []
    wanted = normalised_name(name)
    candidates = Patient.objects.filter(date_of_birth=date_of_birth, merged_into__isnull=True)
    return [p for p in candidates if normalised_name(p.name) == wanted]


def active_patient(patient: Patient) -> Patient:
    """The record a merged patient now lives in (itself when never merged)."""
    seen = set()
    while patient.merged_into_id and patient.pk not in seen:
        seen.add(patient.pk)
        patient = patient.merged_into
    return patient


def create_patient(
    *, name: str, last_name: str = "", date_of_birth=None, email: str = "", phone: str = ""
) -> Patient:
    return Patient.objects.create(
        name=name, last_name=last_name, date_of_birth=date_of_birth, email=email, phone=phone
    )


def create_visit(
    patient: Patient,
    *,
    appointment_date: dt.date,
    appointment_time: dt.time | None = None,
    physiotherapist=None,
    planned_regions: list[str] | None = None,
    planned_estim: bool = False,
    created_by=None,
) -> Visit:
    return Visit.objects.create(
        patient=active_patient(patient),
        appointment_date=appointment_date,
        appointment_time=appointment_time,
        physiotherapist=physiotherapist,
        planned_regions=list(planned_regions or []),
        planned_estim=planned_estim,
        created_by=created_by,
    )


def check_visit_free(visit: Visit) -> None:
    """Refuse a second invitation for one visit (its screenings would split in two)."""
    if Invitation.objects.filter(visit=visit).exists():
        raise CareError(_("This visit already has an invitation. Use the existing link."))


@transaction.atomic
def visit_for_new_invitation(
    *,
    visit: Visit | None,
    patient: Patient | None,
    patient_name: str,
    last_name: str,
    date_of_birth,
    email: str,
    appointment_date: dt.date,
    appointment_time,
    planned_regions,
    planned_estim: bool,
    created_by,
) -> Visit:
    """The visit an invitation being created belongs to; a new patient unless one is named."""
    if visit is not None:
        Visit.objects.select_for_update().filter(pk=visit.pk).first()
        check_visit_free(visit)
        return visit
    if patient is None:
        patient = create_patient(
            name=patient_name, last_name=last_name, date_of_birth=date_of_birth, email=email
        )
    return create_visit(
        patient,
        appointment_date=appointment_date,
        appointment_time=appointment_time,
        planned_regions=planned_regions,
        planned_estim=planned_estim,
        created_by=created_by,
    )
