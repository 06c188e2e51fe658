"""Staff pages of the course of care: find a patient, their page (history of visits).

The name searched is posted and kept in the session, as the queue does: a patient's name
must not land in URLs or access logs.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone

from screening.care.basis import Basis, last_full_form
from screening.care.forms import BookVisitForm, PatientSearchForm
from screening.care.history import merge_candidates, visit_rows
from screening.care.staleness import staleness
from screening.care.visits import normalised_name
from screening.models import Patient
from screening.review import access, audit

SEARCH_KEY = "care_patient_search"
FRESH_LINK_KEY = "care_fresh_invitation_link"
PATIENT_VIEWED = "patient_viewed"


@access.staff_required(*access.CLINICAL_ROLES)
def patient_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        request.session[SEARCH_KEY] = request.POST.get("q", "")[:100]
        return redirect("care:patients")
    query = request.session.get(SEARCH_KEY, "")
    form = PatientSearchForm(initial={"q": query})
    rows = Patient.objects.filter(merged_into__isnull=True)
    if query.strip():
        rows = rows.filter(name__icontains=" ".join(query.split()))
    rows = rows.order_by("name", "date_of_birth", "pk")[:100]
    return render(
        request, "screening/care/patient_list.html", {"form": form, "rows": rows, "q": query}
    )


def get_patient(pk: int) -> Patient:
    return get_object_or_404(Patient, pk=pk)


@access.staff_required(*access.CLINICAL_ROLES)
def patient_detail(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_patient(pk)
    if patient.merged_into_id:
        return redirect("care:patient", pk=patient.merged_into_id)
    audit.record(request, PATIENT_VIEWED, patient)
    rows = visit_rows(patient)
    suggestion = _suggested_slot(rows)
    context = {
        "patient": patient,
        "rows": rows,
        "to_invite": [
            (r.visit, slot_words(r.visit.appointment_date, r.visit.appointment_time))
            for r in rows
            if r.invitation is None and r.visit.appointment_date >= _today()
        ],
        "suggestion": suggestion,
        "suggestion_words": slot_words(*suggestion),
        "book_form": BookVisitForm(
            initial={"appointment_date": suggestion[0], "appointment_time": suggestion[1]}
        ),
        "next_basis": _next_basis(rows, suggestion[0]),
        "candidates": [
            (p, normalised_name(p.name) == normalised_name(patient.name))
            for p in merge_candidates(patient)
        ],
        "merged_from": list(patient.merged_from.order_by("pk")),
        "fresh": request.session.pop(FRESH_LINK_KEY, None),
    }
    return render(request, "screening/care/patient.html", context)


def slot_words(day: dt.date, time: dt.time | None) -> str:
    """'Thu 10 Dec, 09:30' (the button and the message say the same)."""
    words = formats.date_format(day, "D j M")
    return f"{words}, {time.strftime('%H:%M')}" if time else words


def _today() -> dt.date:
    return timezone.localdate()


def _suggested_slot(rows) -> tuple[dt.date, dt.time | None]:
    """A week after the latest visit, same time (never in the past): the usual next visit."""
    latest = rows[0].visit if rows else None
    day = max(_today(), latest.appointment_date) if latest else _today()
    return day + dt.timedelta(days=7), latest.appointment_time if latest else None


def _next_basis(rows, appointment_date: dt.date) -> Basis | None:
    """Whether a visit booked now would open the short re-screen, or the whole form and why."""
    previous = next((r.current for r in rows if r.current is not None), None)
    if previous is None:
        return None
    full = last_full_form(previous)
    return Basis(previous, full, staleness(full, appointment_date, carried=previous))
