"""A date as three labelled controls (day, month, year), and its field.

GOV.UK-style separate controls are easier than a date picker for older patients and need
no JavaScript. The widget writes its small HTML in Python with format_html (escaped): the
form renderer does not search the project's templates/ folder, and this avoids a second
template engine pass per date.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 1900
MONTH_CHOICES = (
    ("", _("Month")),
    ("1", _("January")),
    ("2", _("February")),
    ("3", _("March")),
    ("4", _("April")),
    ("5", _("May")),
    ("6", _("June")),
    ("7", _("July")),
    ("8", _("August")),
    ("9", _("September")),
    ("10", _("October")),
    ("11", _("November")),
    ("12", _("December")),
)
PART_LABELS = (_("Day"), _("Month"), _("Year"))
PART_CLASSES = ("form-control date-day", "form-select date-month", "form-control date-year")


class DatePartsWidget(forms.MultiWidget):
    """Day, month and year as three labelled controls inside the question's fieldset."""

    # Three controls answer one question: a fieldset with the question as its legend.
    use_fieldset = True

    def __init__(self, attrs=None):
        widgets = {
            "day": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": 31}),
            "month": forms.Select(choices=MONTH_CHOICES),
            "year": forms.NumberInput(attrs={"inputmode": "numeric", "min": EARLIEST_YEAR}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if not value:
            return [None, None, None]
        parts = str(value).split("-")
        year = parts[0]
        month = str(int(parts[1])) if len(parts) > 1 else None
        day = str(int(parts[2])) if len(parts) > 2 else None
        return [day, month, year]

    def render(self, name, value, attrs=None, renderer=None):
        subwidgets = self.get_context(name, value, attrs)["widget"]["subwidgets"]
        parts = []
        for index, sub in enumerate(subwidgets):
            sub_attrs = dict(sub["attrs"])
            invalid = " is-invalid" if sub_attrs.get("aria-invalid") == "true" else ""
            sub_attrs["class"] = PART_CLASSES[index] + invalid
            if invalid and attrs and attrs.get("id"):
                # Each box is tied to the message (crispy's error block is "<id>_error").
                sub_attrs["aria-describedby"] = f"{attrs['id']}_error"
            parts.append(
                format_html(
                    '<div class="date-part date-part-{}"><label class="form-label small mb-0" '
                    'for="{}">{}</label>{}</div>',
                    index + 1,
                    sub_attrs.get("id", ""),
                    PART_LABELS[index],
                    _control(sub, sub_attrs),
                )
            )
        # Each part was built by format_html, so the joined string is already escaped.
        return format_html('<div class="date-parts">{}</div>', mark_safe("".join(parts)))  # noqa: S308  # nosec B308 B703


def _control(sub: dict, attrs: dict) -> str:
    value = sub["value"]
    if sub["template_name"].endswith("select.html"):
        chosen = {str(v) for v in (value or [])}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (code, mark_safe(" selected") if code in chosen else "", label)  # noqa: S308  # nosec B308
                for code, label in MONTH_CHOICES
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', sub["name"], flatatt(attrs), options)
    shown = "" if value is None else value
    return format_html(
        '<input type="number" name="{}" value="{}"{}>', sub["name"], shown, flatatt(attrs)
    )


class DatePartsField(forms.MultiValueField):
    """A date as day/month/year. Cleans to an ISO string: 'YYYY-MM-DD', or when
    `approximate`, also 'YYYY-MM' or 'YYYY' (the adapter stores the last day of that
    period, clinical-rules 3.2). Never in the future, never before 1900."""

    widget = DatePartsWidget

    def __init__(self, *, label, help_text="", required=True, approximate=False, future_days=0):
        self.approximate = approximate
        self.future_days = future_days
        numbers_only = {"invalid": _("Please use numbers for the day and the year.")}
        fields = (
            forms.IntegerField(required=False, error_messages=numbers_only),
            forms.IntegerField(required=False, error_messages=numbers_only),
            forms.IntegerField(required=False, error_messages=numbers_only),
        )
        if not help_text and approximate:
            help_text = _(
                "If you don't know the exact day, give the month and year, or just the year."
            )
        super().__init__(
            fields,
            label=label,
            help_text=help_text,
            required=required,
            require_all_fields=False,
            error_messages={
                "required": _("Please enter the date."),
                "incomplete": _("Please enter the date."),
            },
        )

    def compress(self, data_list):
        if not data_list or all(part in (None, "") for part in data_list):
            return None
        day, month, year = data_list
        if year is None:
            raise ValidationError(_("Please enter the year, for example 1975."))
        if not self.approximate and (day is None or month is None):
            raise ValidationError(_("Please enter the day, the month and the year."))
        if day is not None and month is None:
            raise ValidationError(_("Please choose the month too, or leave the day empty."))
        latest = timezone.localdate() + datetime.timedelta(days=self.future_days)
        if year < EARLIEST_YEAR or year > latest.year:
            raise ValidationError(
                _("Please enter a year from %(first)s to %(last)s.")
                % {"first": EARLIEST_YEAR, "last": latest.year}
            )
        if month is None:
            return f"{year:04d}"
        if not 1 <= month <= 12:
            raise ValidationError(_("Please choose one of the answers shown."))
        if day is None:
            if (year, month) > (latest.year, latest.month):
                raise ValidationError(_("This date is in the future. Please check it."))
            return f"{year:04d}-{month:02d}"
        try:
            value = datetime.date(year, month, day)
        except ValueError as error:
            raise ValidationError(_("This date does not exist. Please check the day.")) from error
        if value > latest:
            raise ValidationError(_("This date is in the future. Please check it."))
        return value.isoformat()

    def widget_attrs(self, widget):
        return {}
