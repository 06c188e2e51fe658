"""The forms around the questions: the date-of-birth check, signature and check-in."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.intake import fields
from screening.intake.forms_about import RELATIONSHIP_CHOICES
from screening.intake.forms_base import ShownWhen, StepForm
from screening.intake.policy_words import policy_number


class GateForm(forms.Form):
    date_of_birth = fields.exact_date(_("Date of birth of the patient"))

    def __init__(self, *args, ask_last_name: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if ask_last_name:
            self.fields["last_name"] = fields.short_text(
                _("Last name of the patient"),
                max_length=100,
                required=True,
                autocomplete="family-name",
            )


MINOR_PATH_CHOICES = (
    ("guardian", _("A parent or guardian is signing for the patient")),
    (
        "mature_minor",
        _("I would like my physiotherapist to assess whether I can consent myself"),
    ),
)


class SignForm(StepForm):
    """Consent and signature. Under 18 at the appointment: a guardian or the mature-minor path."""

    minor_path = fields.choice(_("Who is giving consent?"), MINOR_PATH_CHOICES, required=False)
    guardian_relationship = fields.choice(
        _("How is the person signing related to the patient?"),
        RELATIONSHIP_CHOICES,
        required=False,
    )
    agree = forms.BooleanField(
        label=_(
            "I have read the information above. I understand what dry needling is and its "
            "risks, and I agree to talk about it with my physiotherapist. I know I can change my "
            "mind at any time."
        ),
        error_messages={"required": _("Please tick the box to give your consent.")},
    )
    signature = fields.short_text(
        _("Type your full name as your signature"),
        max_length=200,
        required=True,
        autocomplete="name",
    )

    followups = {"guardian_relationship": ShownWhen("minor_path", ("guardian",), required=True)}

    def __init__(self, *args, minor: bool = False, guardian_relationship: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.minor = minor
        # A parent or guardian who filled in the form and said how they are related is not
        # asked again who consents or how they are related (issue 12, point 8).
        self.known_relationship = guardian_relationship if minor else ""
        if not minor or self.known_relationship:
            del self.fields["minor_path"]
            del self.fields["guardian_relationship"]
        if self.known_relationship:
            self.fields["signature"].label = _("Type your full name as your signature")
        elif minor:
            self.fields["minor_path"].required = True
            self.fields["signature"].label = _(
                "Type the full name of the person signing (the parent or guardian, or the patient)"
            )

    def clean_signature(self) -> str:
        value = " ".join(self.cleaned_data["signature"].split())
        if not value:
            raise forms.ValidationError(fields.PLEASE_ANSWER)
        return value

    def clean(self) -> dict:
        data = super().clean()
        if self.known_relationship:
            data["minor_path"] = "guardian"
            data["guardian_relationship"] = self.known_relationship
        return data

    def is_shown(self, name: str, data: dict) -> bool:
        if name not in self.fields:
            return False
        return super().is_shown(name, data)


CHANGE_CHOICES = (
    ("new_medicine", _("A new medicine, or a change to a medicine")),
    ("illness", _("A fever or an illness")),
    ("pregnancy", _("A pregnancy, or a chance of one")),
    ("wound_or_rash", _("A new wound, sore or rash")),
    ("other", _("Something else about my health")),
)
# Which steps each kind of change reopens (clinical-rules 3.8).
STEPS_FOR_CHANGE = {
    "new_medicine": ("bleeding", "infection"),
    "illness": ("infection",),
    "pregnancy": ("pregnancy",),
    "wound_or_rash": ("infection",),
    "other": ("conditions",),
}


class CheckInForm(StepForm):
    substances_recent = fields.tri_state("")
    anything_changed = fields.yes_no(
        _(
            "Has anything changed since you filled in the form (new medicine, fever or illness, "
            "pregnancy, a new wound or rash)?"
        )
    )
    changes = fields.tick_all(_("What has changed?"), CHANGE_CHOICES)

    followups = {"changes": ShownWhen("anything_changed", ("True",), required=True)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hours = policy_number("impaired_window_hours")
        self.fields["substances_recent"].label = _(
            "In the last %(hours)s hours, have you had alcohol or cannabis, or do you feel "
            "drowsy or less alert than usual because of a medicine?"
        ) % {"hours": hours}
