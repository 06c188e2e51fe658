"""Saved answers shown back: as form data (to re-validate or re-edit) and in plain words."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from screening.intake.date_parts import MONTH_CHOICES, DatePartsField
from screening.intake.forms_base import StepForm, is_empty


def as_post_data(form: forms.Form, saved: dict) -> dict[str, Any]:
    """The POST the browser would send to reproduce `saved` (for re-validation)."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = saved.get(name)
        if value is None:
            continue
        if isinstance(field, DatePartsField):
            day, month, year = field.widget.decompress(value)
            data.update(
                {f"{name}_day": day or "", f"{name}_month": month or "", f"{name}_year": year}
            )
        elif isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            data[name] = [str(item) for item in value]
        else:
            data[name] = str(value)
    return data


def display_date(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 3:
        return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    if len(parts) == 2:
        return f"{dict(MONTH_CHOICES)[str(int(parts[1]))]} {parts[0]}"
    return parts[0]


def display_value(field: forms.Field, value: Any) -> str:
    if isinstance(field, DatePartsField):
        return display_date(value)
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    choices = {str(key): str(label) for key, label in getattr(field, "choices", ())}
    if isinstance(value, list):
        return ", ".join(choices.get(str(item), str(item)) for item in value)
    if choices:
        return choices.get(str(value), str(value))
    return str(value)


def answer_rows(form: StepForm, saved: dict) -> list[dict[str, str]]:
    """(question, answer) for every question shown with the saved answers."""
    rows = []
    for name, field in form.fields.items():
        value = saved.get(name)
        if not form.is_shown(name, saved):
            continue
        if isinstance(field, forms.BooleanField) and not value:
            continue
        if is_empty(value) and not isinstance(field, forms.MultipleChoiceField):
            continue
        answer = display_value(field, value) if not is_empty(value) else _("None")
        rows.append({"question": str(field.label), "answer": answer, "name": name})
    return rows
