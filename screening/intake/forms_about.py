"""Steps 1-4: about you, where it hurts, needles and consent, pregnancy.

Question wording follows the descriptions in intake-v1.schema.json.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from screening.intake import fields
from screening.intake.forms_base import ShownWhen, StepForm, is_empty

RESPONDENT_CHOICES = (
    ("self", _("I am the patient")),
    ("guardian", _("I am the parent or guardian of the patient")),
    (
        "substitute_decision_maker",
        _(
            "I make health decisions for the patient (for example a court-appointed "
            "guardian or an agent under a personal directive)"
        ),
    ),
    ("helper", _("I am helping the patient, who is answering")),
)
RELATIONSHIP_CHOICES = (
    ("parent", _("Parent")),
    ("legal_guardian", _("Legal guardian")),
    ("other", _("Other")),
)
GUARDIAN_FIELDS = (
    "guardian__name",
    "guardian__relationship",
    "guardian__phone",
    "guardian__will_attend",
)


def age_on(born: datetime.date, day: datetime.date) -> int:
    """Whole years at `day` (clinical-rules 3.2)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def minor_born_after(appointment: datetime.date, years: int = 18) -> datetime.date:
    """Anyone born after this date is under `years` at the appointment."""
    try:
        return appointment.replace(year=appointment.year - years)
    except ValueError:  # 29 February
        return appointment.replace(year=appointment.year - years, day=28)


class QuestionStepForm(StepForm):
    """A step that knows the appointment date (ages and windows are counted at it)."""

    def __init__(
        self,
        *args,
        appointment_date: datetime.date | None = None,
        known_date_of_birth: datetime.date | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.appointment_date = appointment_date or timezone.localdate()
        # The clinic's date of birth, confirmed at the link check: never asked twice.
        self.known_date_of_birth = known_date_of_birth


class AboutForm(QuestionStepForm):
    respondent = fields.choice(_("Who is filling in this form?"), RESPONDENT_CHOICES)
    date_of_birth = fields.exact_date(_("What is the patient's date of birth?"))
    # The guardian's questions sit right under the answers that open them (issue 12, point 8).
    guardian__name = fields.short_text(
        _("Parent or guardian's full name"), max_length=200, autocomplete="name"
    )
    guardian__relationship = fields.choice(
        _("How is this person related to the patient?"), RELATIONSHIP_CHOICES, required=False
    )
    guardian__phone = fields.short_text(
        _("Best phone number for the parent or guardian (optional)"),
        max_length=40,
        type="tel",
        autocomplete="tel",
    )
    guardian__will_attend = fields.yes_no(
        _("Will a parent or guardian come to the appointment? (optional)"), required=False
    )
    height_cm = fields.number(
        _("The patient’s height, in centimetres (optional)"),
        40,
        250,
        help_text=_("It helps your physiotherapist plan needle depth over the chest."),
    )
    weight_kg = fields.number(_("The patient’s weight, in kilograms (optional)"), 2, 400)
    interpreter_needed = fields.yes_no(
        _("Would you like an interpreter or other help to understand and talk about your care?")
    )
    preferred_language = fields.short_text(
        _("Which language would you like to use? (optional)"), max_length=100
    )
    followups = {"preferred_language": ShownWhen("interpreter_needed", ("True",))}
    together = ((GUARDIAN_FIELDS, ("guardian__name", "guardian__relationship")),)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        known = self.known_date_of_birth
        if known:
            # Shown, not asked (issue 12, point 3): the value is the invitation's, whatever
            # is posted, so it can never disagree with the date checked at the link.
            self.fields["date_of_birth"] = forms.CharField(
                label=_("The patient's date of birth"),
                help_text=_(
                    "The date you confirmed when you opened your link. If it is wrong, please "
                    "call the clinic."
                ),
                required=False,
                disabled=True,
            )
            self.initial["date_of_birth"] = date_format(known, "DATE_FORMAT")

    def is_minor(self, data: dict) -> bool:
        born = data.get("date_of_birth")
        if self.known_date_of_birth:
            born = self.known_date_of_birth.isoformat()
        if not born or len(born) != 10:
            return False
        return age_on(datetime.date.fromisoformat(born), self.appointment_date) < 18

    def is_shown(self, name: str, data: dict) -> bool:
        if name in GUARDIAN_FIELDS:
            return data.get("respondent") == "guardian" or self.is_minor(data)
        return super().is_shown(name, data)

    def clean_date_of_birth(self):
        if self.known_date_of_birth:
            return self.known_date_of_birth.isoformat()
        born = self.cleaned_data["date_of_birth"]
        if born and datetime.date.fromisoformat(born) > self.appointment_date:
            raise ValidationError(_("This date is after the appointment. Please check it."))
        return born

    def clean(self) -> dict:
        data = super().clean()
        if not any(self.is_shown(name, data) for name in GUARDIAN_FIELDS):
            for name in GUARDIAN_FIELDS:
                data[name] = None
                self._errors.pop(name, None)
        elif data.get("respondent") == "guardian":
            for name in ("guardian__name", "guardian__relationship"):
                if is_empty(data.get(name)) and name not in self._errors:
                    self.add_error(name, fields.PLEASE_ANSWER)
        return data

    def followup_attrs(self, name: str) -> dict[str, str] | None:
        if name in GUARDIAN_FIELDS:
            if self.known_date_of_birth:
                if age_on(self.known_date_of_birth, self.appointment_date) < 18:
                    return None  # a minor: the guardian's questions are always asked
                return {"gate": "respondent", "values": "guardian"}
            return {
                "gate": "respondent",
                "values": "guardian",
                "minor_dob": "date_of_birth",
                "born_after": minor_born_after(self.appointment_date).isoformat(),
            }
        return super().followup_attrs(name)


class VisitForm(QuestionStepForm):
    pain_regions = fields.regions(
        _("Where is your pain, or the problem you would like treated?"),
        help_text=_("Tick every area. Left and right mean your own left and right."),
        required=True,
    )


PREFERENCE_CHOICES = (
    ("open", _("I'm open to it")),
    ("unsure", _("I'm not sure yet")),
    ("declines", _("I'd rather not")),
)
NEEDLE_FEELING_CHOICES = (
    ("fine", _("I'm comfortable with them")),
    ("a_bit_nervous", _("A little nervous")),
    ("very_anxious", _("Very anxious")),
    (
        "avoids_care_or_phobia",
        _(
            "I avoid care I need, such as blood tests or vaccines, because of needles, "
            "or I've been told I have a needle phobia"
        ),
    ),
)


FAINT_KIND_CHOICES = (
    ("fainted", _("I fainted")),
    ("nearly_fainted", _("I felt faint but did not pass out")),
)


class NeedlesForm(QuestionStepForm):
    needling_preference = fields.choice(
        _(
            "Dry needling uses very fine needles placed into tight or sore muscle. How do you "
            "feel about having it as part of your treatment?"
        ),
        PREFERENCE_CHOICES,
    )
    feels_pressured = fields.tri_state(
        _("Do you feel that someone else is pushing you to have dry needling?")
    )
    hesitation_reason = fields.free_text(
        _("If you'd like to, tell us what makes you hesitate. (optional)")
    )
    needle_feeling = fields.choice(
        _("Which best describes how you feel about needles?"), NEEDLE_FEELING_CHOICES
    )
    fainted_with_needles = fields.tri_state(
        _(
            "Have you ever fainted, or come close to fainting, during a blood test, an "
            "injection, acupuncture or dry needling?"
        )
    )
    # Ruleset 1.1.0: a faint and a near-faint, recent or long ago, are different findings
    # (vasovagal_remote_near_faint); asked only after a "yes".
    faint_kind = fields.choice(
        _("Did you actually faint (pass out), or only come close to fainting?"),
        FAINT_KIND_CHOICES,
        help_text=_("If it happened more than once, answer about the most serious time."),
        required=False,
    )
    faint_last_date = fields.approximate_date(
        _("When was the most recent time? An approximate date is fine."), required=False
    )
    previous_needling = fields.yes_no(_("Have you had dry needling or acupuncture before?"))
    previous_unusual_reaction = fields.tri_state(
        _(
            "After dry needling or acupuncture, did you ever have a strong or unusual reaction, "
            "such as fainting, pain lasting several days, tingling or weakness, or an infection "
            "where a needle went in?"
        ),
        required=False,
    )
    previous_reaction_details = fields.free_text(_("What happened, and when? (optional)"))
    trouble_understanding = fields.tri_state(
        _("Do you sometimes find it hard to understand or remember information about your health?"),
        help_text=_("If you are filling this in for someone else, answer about them."),
    )
    cognitive_impairment_diagnosed = fields.tri_state(
        _(
            "Has a health professional said that the patient has a moderate or severe condition "
            "affecting memory, thinking or understanding, such as dementia, an intellectual "
            "disability or a brain injury?"
        )
    )
    has_substitute_decision_maker = fields.tri_state(
        _(
            "Apart from a parent's usual role for a child under 18, is someone else making "
            "health decisions for the patient now, because the patient cannot make them?"
        ),
        help_text=_(
            "For example a guardian, a co-decision-maker, or an agent acting under a personal "
            "directive that has come into effect."
        ),
    )

    followups = {
        "hesitation_reason": ShownWhen("needling_preference", ("unsure", "declines")),
        "faint_kind": ShownWhen("fainted_with_needles", ("yes",), required=True),
        "faint_last_date": ShownWhen("fainted_with_needles", ("yes",), required=True),
        "previous_unusual_reaction": ShownWhen("previous_needling", ("True",), required=True),
        "previous_reaction_details": ShownWhen("previous_unusual_reaction", ("yes", "unsure")),
    }


PREGNANCY_CHOICES = (
    ("yes", _("Yes")),
    ("no", _("No")),
    ("unsure", _("Not sure (for example, trying to get pregnant)")),
    ("not_applicable", _("This doesn't apply to me")),
)


class PregnancyForm(QuestionStepForm):
    status = fields.choice(
        _("Are you pregnant, or is there any chance you could be?"), PREGNANCY_CHOICES
    )
    weeks_at_completion = fields.number(
        _("How many full weeks pregnant are you today? (optional)"), 0, 44, integer=True
    )
    due_date = fields.DatePartsField(
        label=_("What is your due date? (optional)"), required=False, future_days=280
    )
    complications = fields.tri_state(
        _(
            "Has your pregnancy care provider told you about any complication, such as "
            "bleeding, high blood pressure or pre-eclampsia, a low-lying placenta, or a risk of "
            "early labour, or asked for extra monitoring?"
        ),
        required=False,
    )
    complication_details = fields.free_text(
        _("What did they tell you, and who is your pregnancy care provider? (optional)")
    )

    followups = {
        "weeks_at_completion": ShownWhen("status", ("yes",)),
        "due_date": ShownWhen("status", ("yes",)),
        "complications": ShownWhen("status", ("yes",), required=True),
        "complication_details": ShownWhen("complications", ("yes", "unsure")),
    }

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due:
            days = (datetime.date.fromisoformat(due) - timezone.localdate()).days
            if days < -28 or days > 280:
                raise ValidationError(
                    _("A due date is usually within the next 9 months. Please check it.")
                )
        return due
