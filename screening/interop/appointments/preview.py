"""Per row: which patient, what screening the visit needs, what is wrong; then book the rows.

The patient is matched by name and date of birth (`care.visits.matching_patients`), never
merged silently: two records that match are shown as such and the row waits for the front
desk. What a visit needs is what its link would open (`care.basis`): the whole form for a new
patient or a screening that no longer holds, the short follow-up re-screen otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from screening.care.basis import last_full_form
from screening.care.current import with_current
from screening.care.staleness import staleness
from screening.care.visits import create_patient, matching_patients
from screening.intake.invitations import create_invitation
from screening.interop.appointments.rows import AppointmentRow
from screening.models import Patient, Visit


@dataclass
class PreviewRow:
    row: AppointmentRow
    patient: Patient | None
    patient_words: str
    need_words: str
    problems: list[str]

    @property
    def can_book(self) -> bool:
        return not self.problems


def _need(patient: Patient | None, day: dt.date) -> str:
    if patient is None:
        return _("New patient: the full form")
    earlier = Visit.objects.filter(patient=patient, appointment_date__lte=day).order_by(
        "-appointment_date", "-pk"
    )
    previous = next((v.current for v in with_current(earlier) if v.current is not None), None)
    if previous is None:
        return _("No screening on file yet: the full form")
    stale = staleness(last_full_form(previous), day, carried=previous)
    if stale is not None:
        return _("Screening out of date (%(why)s): the full form") % {"why": stale.staff_words}
    return _("Screening still valid: the short follow-up re-screen")


def preview(rows: list[AppointmentRow], today: dt.date | None = None) -> list[PreviewRow]:
    today = today or timezone.localdate()
    seen: set[tuple] = set()
    result = []
    for row in rows:
        problems = list(row.problems)
        if not row.name:
            problems.append(_("No patient name."))
        if row.date_of_birth is None:
            problems.append(_("No date of birth: the link needs it to check it is the patient."))
        if row.date is not None and row.date < today:
            problems.append(_("This appointment is in the past."))
        key = (row.name.casefold(), row.date_of_birth, row.date, row.time)
        if key in seen:
            problems.append(_("The same appointment is listed twice in this file."))
        seen.add(key)
        matches = matching_patients(row.name, row.date_of_birth)
        patient = matches[0] if len(matches) == 1 else None
        if len(matches) > 1:
            problems.append(
                _("%(count)s patient records match: merge them or invite from the patient's page.")
                % {"count": len(matches)}
            )
        words = patient.name if patient else (_("New patient") if not matches else "")
        if patient and row.date and _already_booked(patient, row):
            problems.append(_("This visit is already booked."))
        need = _need(patient, row.date) if row.date and len(matches) <= 1 else ""
        result.append(PreviewRow(row, patient, words, need, problems))
    return result


def _already_booked(patient: Patient, row: AppointmentRow) -> bool:
    return Visit.objects.filter(
        patient=patient, appointment_date=row.date, appointment_time=row.time
    ).exists()


@transaction.atomic
def book(previewed: list[PreviewRow], *, created_by) -> list[tuple[PreviewRow, str]]:
    """Create a visit and its invitation for every row without a problem (one transaction)."""
    booked = []
    for item in previewed:
        if not item.can_book:
            continue
        row = item.row
        patient = item.patient or create_patient(
            name=row.name,
            last_name=row.last_name or row.name.split()[-1],
            date_of_birth=row.date_of_birth,
            email=row.email,
            phone=row.phone,
        )
        _invitation, token = create_invitation(
            patient=patient,
            patient_name=row.name,
            last_name=row.last_name or row.name.split()[-1],
            date_of_birth=row.date_of_birth,
            email=row.email,
            appointment_date=row.date,
            appointment_time=row.time,
            created_by=created_by,
        )
        booked.append((item, token))
    return booked
