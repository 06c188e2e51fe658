"""Step 10: surgery and injuries (intake-v1 section `surgery_trauma`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.intake import fields
from screening.intake.forms_about import QuestionStepForm
from screening.intake.forms_base import ShownWhen
from screening.intake.forms_items import add_item_fields, item_followups, item_name, item_together

INJURY_FEATURE_CHOICES = (
    ("high_energy", _("A car crash, a fall from a height or another high-force accident")),
    ("head_injury", _("I hit my head")),
    ("suspected_fracture", _("I think a bone may be broken, or I cannot put weight on it")),
    ("rapid_swelling_or_bruising", _("Swelling or bruising that keeps growing")),
    ("severe_pain", _("Pain that is severe and much worse than I would expect")),
)
MEDICAL_CHECK_CHOICES = (
    ("checked", _("Yes")),
    ("not_checked", _("No")),
    ("unsure", _("Not sure")),
)
SPINE_LEVEL_CHOICES = (
    ("cervical", _("Neck")),
    ("thoracic", _("Mid back")),
    ("lumbar_sacral", _("Low back")),
)
SURGERY_FIELDS = ("description", "date", "regions")
HAD_SURGERY = ShownWhen("recent_surgery", ("True",))
INJURED = ShownWhen("injury", ("True",))


def _surgery_field(field: str, index: int) -> forms.Field:
    if field == "description":
        return fields.short_text(_("What was done?"), max_length=300)
    if field == "date":
        return fields.DatePartsField(
            label=_("Date of the operation (optional)"), required=False, approximate=True
        )
    return fields.regions(_("Where on the body was the operation (cut or drains)?"), limbs=True)


class SurgeryForm(QuestionStepForm):
    recent_surgery = fields.yes_no(
        _(
            "Have you had any operation in the last 12 months, including a joint replacement or "
            "spine surgery?"
        ),
        help_text=_("Tell us about up to three. Your physiotherapist will ask about any others."),
    )
    surgeries = forms.CharField(required=False)  # replaced by numbered slots
    injury = fields.yes_no(
        _(
            "Did the problem you are coming in for start with an injury, such as a fall, a "
            "sports injury, a car crash or a blow to the head?"
        )
    )
    injury_details__date = fields.DatePartsField(
        label=_("When did the injury happen? (optional)"), required=False, approximate=True
    )
    injury_details__features = fields.tick_all(
        _("Did any of these happen? Tick all that apply, or none."), INJURY_FEATURE_CHOICES
    )
    injury_details__medical_check = fields.choice(
        _("Has a doctor, a nurse practitioner or an emergency department checked this injury?"),
        MEDICAL_CHECK_CHOICES,
        required=False,
    )
    spine_instability = fields.tri_state(
        _(
            "Have you been told that your spine is unstable, or that you have an unstable "
            "fracture of the spine?"
        )
    )
    spine_surgery = fields.yes_no(
        _("Have you ever had spine surgery, such as a fusion, disc surgery or a decompression?")
    )
    spine_surgery_date = fields.approximate_date(
        _("When was your most recent spine surgery?"), required=False
    )
    spine_levels = fields.tick_all(_("Which part of the spine?"), SPINE_LEVEL_CHOICES)

    followups = {
        **item_followups("surgeries", SURGERY_FIELDS, HAD_SURGERY),
        item_name("surgeries", 1, "description"): ShownWhen("recent_surgery", ("True",), True),
        item_name("surgeries", 1, "regions"): ShownWhen("recent_surgery", ("True",), True),
        "injury_details__date": INJURED,
        "injury_details__features": INJURED,
        "injury_details__medical_check": ShownWhen("injury", ("True",), required=True),
        "spine_surgery_date": ShownWhen("spine_surgery", ("True",), required=True),
    }
    together = item_together("surgeries", SURGERY_FIELDS, ("description", "regions"))
    item_headings = {"surgeries": (_("Operation %(n)s"), "description")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_item_fields(
            self,
            "surgeries",
            {field: (lambda index, f=field: _surgery_field(f, index)) for field in SURGERY_FIELDS},
        )

    def is_shown(self, name: str, data: dict) -> bool:
        if name == "spine_levels":
            return data.get("spine_instability") == "yes" or data.get("spine_surgery") is True
        return super().is_shown(name, data)

    def followup_attrs(self, name: str) -> dict[str, str] | None:
        if name == "spine_levels":
            return {
                "gate": "spine_instability",
                "values": "yes",
                "gate2": "spine_surgery",
                "values2": "True",
            }
        return super().followup_attrs(name)

    def clean(self) -> dict:
        data = super().clean()
        if self.is_shown("spine_levels", data):
            if not data.get("spine_levels") and "spine_levels" not in self._errors:
                self.add_error("spine_levels", _("Please tick at least one."))
        else:
            data["spine_levels"] = None
            self._errors.pop("spine_levels", None)
        return data
