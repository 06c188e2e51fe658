"""Form field builders for the intake questions: one small function per kind of answer.

Every answer kind of intake-v1 has one builder here, with a message that says how to fix a
wrong answer. Booleans post "True"/"False" and clean to bool; tri-states post yes/no/unsure.
"""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from screening.intake.date_parts import DatePartsField
from screening.intake.region_choices import location_choices, region_choices
from screening.intake.widgets import BodyMapWidget

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


def regions(label, help_text="", limbs=False, required=False) -> forms.MultipleChoiceField:
    """A body-map answer: region codes (and whole-limb codes for a location list)."""
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text or _("Tick every area that applies."),
        required=required,
        choices=location_choices() if limbs else region_choices(),
        widget=BodyMapWidget(),
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


def exact_date(label, help_text="", required=True) -> DatePartsField:
    return DatePartsField(label=label, help_text=help_text, required=required)


def approximate_date(label, help_text="", required=True) -> DatePartsField:
    return DatePartsField(label=label, help_text=help_text, required=required, approximate=True)
