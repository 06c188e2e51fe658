"""What a patient's next visit starts from: the screening to carry forward, or the full form.

`basis_for(visit)` is what the invitation link asks before it opens: a short follow-up
re-screen when the last screening still holds, the whole form (with the reason) otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.care.current import with_current
from screening.care.staleness import Stale, staleness
from screening.care.visits import active_patient
from screening.models import Submission, Visit


@dataclass(frozen=True)
class Basis:
    previous: Submission | None  # the latest screening of an earlier visit
    last_full: Submission | None  # the full form it goes back to
    stale: Stale | None

    @property
    def follow_up(self) -> bool:
        """True when the visit opens the short "has anything changed?" re-screen."""
        return self.previous is not None and self.stale is None


def last_full_form(submission: Submission) -> Submission:
    """Follow the `previous` links back to the pre-visit form the answers started from."""
    seen = set()
    while submission.kind != Submission.Kind.INITIAL and submission.previous_id:
        if submission.pk in seen:
            break
        seen.add(submission.pk)
        submission = submission.previous
    return submission


def earlier_screening(visit: Visit) -> Submission | None:
    """The current screening of the patient's latest earlier visit that has one."""
    patient = active_patient(visit.patient)
    earlier = (
        Visit.objects.filter(patient=patient, appointment_date__lte=visit.appointment_date)
        .exclude(pk=visit.pk)
        .order_by("-appointment_date", "-appointment_time", "-pk")
    )
    for candidate in with_current(earlier):
        if candidate.current is not None:
            return candidate.current
    return None


def basis_for(visit: Visit) -> Basis:
    previous = earlier_screening(visit)
    if previous is None:
        return Basis(None, None, None)
    full = last_full_form(previous)
    return Basis(previous, full, staleness(full, visit.appointment_date, carried=previous))
