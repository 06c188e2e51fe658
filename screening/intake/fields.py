"""Form field builders for the intake questions: one small function per kind of answer.

Every answer kind of intake-v1 has one builder here, with a message that says how to fix a
wrong answer. Booleans post "True"/"False" and clean to bool; tri-states post yes/no/unsure.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import get_default_renderer
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from screening.intake.region_choices import location_choices, region_choices

EARLIEST_YEAR = 1900
NOT_OFFERED = _("Please choose one of the answers shown.")
NOT_OFFERED_LIST = _("Please choose only from the answers shown.")
PLEASE_ANSWER = _("Please answer this question.")

TRI_STATE_CHOICES = (("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure")))
YES_NO_CHOICES = (("True", _("Yes")), ("False", _("No")))


def _errors(required_message=PLEASE_ANSWER) -> dict:
    return {"required": required_message, "invalid_choice": NOT_OFFERED}


def tri_state(label, help_text="", required=True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        required=required,
        choices=TRI_STATE_CHOICES,
        widget=forms.RadioSelect,
        error_messages=_errors(),
    )


def _to_bool(value: str) -> bool:
    return value == "True"


def yes_no(label, help_text="", required=True) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        required=required,
        choices=YES_NO_CHOICES,
        coerce=_to_bool,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages=_errors(),
    )


def choice(label, choices, help_text="", required=True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        required=required,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages=_errors(),
    )


def tick_all(label, choices, help_text="", required=False) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        required=required,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Please tick at least one."),
            "invalid_choice": NOT_OFFERED_LIST,
        },
    )


def _body_map_widget() -> forms.Widget:
    """I2's body map widget when it exists; a plain checkbox list works on its own."""
    try:
        from screening.intake.widgets import BodyMapWidget
    except ImportError:
        return forms.CheckboxSelectMultiple()
    return BodyMapWidget()


def regions(label, help_text="", limbs=False, required=False) -> forms.MultipleChoiceField:
    """A body-map answer: region codes (and whole-limb codes for a location list)."""
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text or _("Tick every area that applies."),
        required=required,
        choices=location_choices() if limbs else region_choices(),
        widget=_body_map_widget(),
        error_messages={
            "required": _("Please mark at least one area."),
            "invalid_choice": _("Please choose areas from the list shown."),
        },
    )


def free_text(label, max_length=1000, help_text="", required=False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Please keep this to %(limit_value)d characters or fewer.")
        },
    )


def short_text(label, max_length=200, help_text="", required=False, **attrs) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs),
        error_messages={
            "required": PLEASE_ANSWER,
            "max_length": _("Please keep this to %(limit_value)d characters or fewer."),
        },
    )


def number(label, minimum, maximum, help_text="", integer=False, required=False):
    field_class = forms.IntegerField if integer else forms.FloatField
    # Lazy, so the message is translated when shown, not once at import.
    message = lazy(
        lambda: (
            gettext("Please enter a number from %(min)s to %(max)s.")
            % {"min": minimum, "max": maximum}
        ),
        str,
    )()
    return field_class(
        label=label,
        help_text=help_text,
        required=required,
        min_value=minimum,
        max_value=maximum,
        widget=forms.NumberInput(attrs={"inputmode": "numeric" if integer else "decimal"}),
        error_messages={
            "invalid": message,
            "min_value": message,
            "max_value": message,
            "required": PLEASE_ANSWER,
        },
    )


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


class DatePartsWidget(forms.MultiWidget):
    """Day, month and year as three labelled controls (easier than a date picker)."""

    template_name = "screening/intake/widgets/date_parts.html"
    # Three controls answer one question: a fieldset with the question as its legend.
    use_fieldset = True
    _part_classes = ("form-control date-day", "form-select date-month", "form-control date-year")

    def __init__(self, attrs=None):
        widgets = {
            "day": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": 31}),
            "month": forms.Select(choices=MONTH_CHOICES),
            "year": forms.NumberInput(attrs={"inputmode": "numeric", "min": EARLIEST_YEAR}),
        }
        super().__init__(widgets, attrs)

    def _render(self, template_name, context, renderer=None):
        # The template lives in the project's templates/ folder, which the default form
        # renderer does not search.
        return mark_safe(render_to_string(template_name, context))  # noqa: S308  # nosec B308

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for sub, css_class in zip(context["widget"]["subwidgets"], self._part_classes, strict=True):
            invalid = " is-invalid" if sub["attrs"].get("aria-invalid") == "true" else ""
            sub["attrs"]["class"] = css_class + invalid
            # Django's own widget templates come from the form renderer, not the project's.
            sub["html"] = mark_safe(  # noqa: S308  # nosec B308
                get_default_renderer().render(sub["template_name"], {"widget": sub})
            )
        return context

    def decompress(self, value):
        if not value:
            return [None, None, None]
        parts = str(value).split("-")
        year = parts[0]
        month = str(int(parts[1])) if len(parts) > 1 else None
        day = str(int(parts[2])) if len(parts) > 2 else None
        return [day, month, year]


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
        today = timezone.localdate()
        latest = today + datetime.timedelta(days=self.future_days)
        if year < EARLIEST_YEAR or year > latest.year:
            raise ValidationError(
                _("Please enter a year from %(first)s to %(last)s.")
                % {"first": EARLIEST_YEAR, "last": latest.year}
            )
        if month is None:
            return f"{year:04d}"
        if not 1 <= month <= 12:
            raise ValidationError(NOT_OFFERED)
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


def exact_date(label, help_text="", required=True) -> DatePartsField:
    return DatePartsField(label=label, help_text=help_text, required=required)


def approximate_date(label, help_text="", required=True) -> DatePartsField:
    return DatePartsField(label=label, help_text=help_text, required=required, approximate=True)
