"""The POST actions on a patient: book a re-screen, invite a booked visit, merge records.

Each refused action (CareError) says why and changes nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from screening.care.booking import book_rescreen, invite_for_visit
from screening.care.forms import BookVisitForm, MergeForm
from screening.care.merge import merge_patients
from screening.care.views.patients import FRESH_LINK_KEY, get_patient, slot_words
from screening.care.visits import CareError
from screening.intake.invitations import invitation_link
from screening.models import Invitation, Patient, Visit
from screening.review import access, audit


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def book(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_patient(pk)
    form = BookVisitForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("care:patient", pk=patient.pk)
    day, time = form.cleaned_data["appointment_date"], form.cleaned_data["appointment_time"]
    try:
        invitation, token = book_rescreen(patient, day, time, created_by=request.user)
    except CareError as refused:
        messages.error(request, refused.message)
        return redirect("care:patient", pk=patient.pk)
    return _created(
        request,
        invitation,
        token,
        _("Re-screen booked for %(slot)s.") % {"slot": slot_words(day, time)},
    )


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def invite_visit(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_object_or_404(Visit, pk=pk)
    try:
        invitation, token = invite_for_visit(visit, created_by=request.user)
    except CareError as refused:
        messages.error(request, refused.message)
        return redirect("care:patient", pk=visit.patient_id)
    slot = slot_words(visit.appointment_date, visit.appointment_time)
    return _created(
        request, invitation, token, _("Invitation created for %(slot)s.") % {"slot": slot}
    )


def _created(request, invitation: Invitation, token: str, message: str) -> HttpResponse:
    audit.record(request, audit.INVITATION_CREATED, invitation)
    request.session[FRESH_LINK_KEY] = {"link": invitation_link(token), "pk": invitation.pk}
    messages.success(request, message)
    return redirect("care:patient", pk=invitation.visit.patient_id)


@access.staff_required(*access.CLINICAL_ROLES)
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: confirm merging record `other` into this one. POST: do it."""
    keep = get_patient(pk)
    form = MergeForm(request.POST or request.GET or None)
    if not form.is_valid():
        if request.method != "POST":
            raise Http404("No record named to merge.")
        messages.error(request, _("Choose the record to merge."))
        return redirect("care:patient", pk=keep.pk)
    other = get_object_or_404(Patient, pk=form.cleaned_data["other"])
    if request.method != "POST":
        context = {"keep": keep, "other": other, "form": form}
        return render(request, "screening/care/merge_confirm.html", context)
    try:
        merge_patients(keep, other, request=request)
    except CareError as refused:
        messages.error(request, refused.message)
        return redirect("care:patient", pk=keep.pk)
    messages.success(
        request,
        _("Record %(other)s was merged into this one. Nothing was deleted.") % {"other": other.pk},
    )
    return redirect("care:patient", pk=keep.pk)
