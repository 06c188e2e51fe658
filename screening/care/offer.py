"""Creating an invitation for a name and date of birth the clinic has: offer, never merge.

The first post of the invitation form finds the matching records and asks; the second
names the choice ("this patient" or "a new patient"). Without a choice nothing is created.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.care.visits import matching_patients
from screening.models import Patient

NEW_PATIENT = "new"
FIELD = "patient_choice"


@dataclass(frozen=True)
class PatientChoice:
    matches: list[Patient]
    patient: Patient | None  # the existing record chosen, None for a new patient
    ask: bool  # True: show the offer and create nothing yet


def patient_choice(post, data: dict) -> PatientChoice:
    matches = matching_patients(data.get("patient_name", ""), data.get("date_of_birth"))
    if not matches:
        return PatientChoice([], None, False)
    raw = str(post.get(FIELD, ""))
    if raw == NEW_PATIENT:
        return PatientChoice(matches, None, False)
    chosen = next((p for p in matches if str(p.pk) == raw), None)
    return PatientChoice(matches, chosen, chosen is None)
