"""The staff forms of the course of care: find a patient, book a visit, pick a record."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PatientSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=100, required=False)


class BookVisitForm(forms.Form):
    appointment_date = forms.DateField(label=_("Appointment date"), widget=DATE_INPUT)
    appointment_time = forms.TimeField(
        label=_("Appointment time"), required=False, widget=TIME_INPUT
    )

    def clean_appointment_date(self) -> dt.date:
        value = self.cleaned_data["appointment_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The appointment date is in the past."))
        return value


class MergeForm(forms.Form):
    other = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
