"""The front desk uploads the booking system's appointment list, checks it, and invites.

Upload (CSV or .ics) -> a preview of every row (patient matched, screening needed, problems)
-> confirm: the rows without a problem become visits and invitations in one transaction.
A bad file gets one clear message and creates nothing. Booking is audited (counts only).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from screening.intake.invitations import invitation_link
from screening.interop.appointments import csv_source, ics_source
from screening.interop.appointments.preview import book, preview
from screening.interop.appointments.rows import FIELDS, AppointmentRow, ImportRefused
from screening.models import AppointmentColumnMapping, AppointmentImport
from screening.review import access, audit


class UploadForm(forms.Form):
    appointments = forms.FileField(
        label=gettext_lazy("Appointment list (CSV or .ics calendar file)"),
        help_text=gettext_lazy("Export the day or the week from your booking system."),
    )


def mapping_form(header: list[str], initial: dict[str, str]) -> forms.Form:
    choices = [("", _("(not in this file)"))] + [(cell, cell) for cell in header]
    form = forms.Form(initial=initial)
    for name, label in FIELDS.items():
        form.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False)
    return form


@access.staff_required(*access.CLINICAL_ROLES)
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["appointments"].read()
        try:
            batch = _read(data, request)
        except ImportRefused as refused:
            form.add_error("appointments", str(refused))
        else:
            return redirect("review:appointments_preview", pk=batch.pk)
    return render(request, "screening/review/appointments_upload.html", {"form": form})


def _read(data: bytes, request: HttpRequest) -> AppointmentImport:
    if ics_source.is_calendar(data):
        rows = [row.as_json() for row in ics_source.rows_from(data)]
        return AppointmentImport.objects.create(
            source=AppointmentImport.Source.ICS, rows={"rows": rows}, created_by=request.user
        )
    header, table = csv_source.read_table(data)
    mapping = _mapping_for(header)
    csv_source.rows_from_table(header, table, mapping)  # refuses a bad file before it is kept
    return AppointmentImport.objects.create(
        source=AppointmentImport.Source.CSV,
        rows={"header": header, "cells": table},
        created_by=request.user,
    )


def _mapping_for(header: list[str]) -> dict[str, str]:
    """The clinic's remembered columns where this file has them, else a guess from the words."""
    remembered = AppointmentColumnMapping.current().columns
    if remembered and all(column in header for column in remembered.values()):
        return dict(remembered)
    return csv_source.guess_mapping(header)


def _rows(batch: AppointmentImport) -> tuple[list[AppointmentRow], dict[str, str] | None]:
    if batch.source == AppointmentImport.Source.ICS:
        return [AppointmentRow.from_json(row) for row in batch.rows["rows"]], None
    header, cells = batch.rows["header"], batch.rows["cells"]
    mapping = _mapping_for(header)
    return csv_source.rows_from_table(header, cells, mapping), mapping


@access.staff_required(*access.CLINICAL_ROLES)
@require_http_methods(["GET", "POST"])
def preview_page(request: HttpRequest, pk: int) -> HttpResponse:
    batch = AppointmentImport.objects.filter(pk=pk).first()
    if batch is None:
        raise Http404("No such import.")
    if batch.booked_at is not None:
        messages.info(request, _("This list was already booked."))
        return redirect("review:appointments_import")
    if request.method == "POST" and request.POST.get("action") == "columns":
        return _save_columns(request, batch)
    try:
        rows, mapping = _rows(batch)
    except ImportRefused as refused:
        messages.error(request, str(refused))
        rows, mapping = [], csv_source.guess_mapping(batch.rows.get("header", []))
    previewed = preview(rows)
    if request.method == "POST" and request.POST.get("action") == "book":
        return _book(request, batch, previewed)
    context = {
        "batch": batch,
        "rows": previewed,
        "bookable": sum(item.can_book for item in previewed),
        "columns": mapping_form(batch.rows["header"], mapping) if mapping is not None else None,
    }
    return render(request, "screening/review/appointments_preview.html", context)


def _save_columns(request: HttpRequest, batch: AppointmentImport) -> HttpResponse:
    form = mapping_form(batch.rows.get("header", []), {})
    form.data, form.is_bound = request.POST, True
    if form.is_valid():
        chosen = {name: column for name, column in form.cleaned_data.items() if column}
        remembered = AppointmentColumnMapping.current()
        remembered.columns, remembered.updated_by = chosen, request.user
        remembered.save()
        messages.success(request, _("The columns are saved for the next lists too."))
    return redirect("review:appointments_preview", pk=batch.pk)


def _book(request: HttpRequest, batch: AppointmentImport, previewed) -> HttpResponse:
    with transaction.atomic():
        locked = AppointmentImport.objects.select_for_update().get(pk=batch.pk)
        if locked.booked_at is not None:
            return redirect("review:appointments_import")
        booked = book(previewed, created_by=request.user)
        locked.booked_at, locked.booked_count = timezone.now(), len(booked)
        locked.save(update_fields=["booked_at", "booked_count"])
        audit.record(
            request,
            audit.APPOINTMENTS_IMPORTED,
            locked,
            source=locked.source,
            rows=len(previewed),
            booked=len(booked),
            skipped=len(previewed) - len(booked),
        )
    context = {
        "booked": [(item, invitation_link(token)) for item, token in booked],
        "skipped": [item for item in previewed if not item.can_book],
    }
    return render(request, "screening/review/appointments_booked.html", context)
