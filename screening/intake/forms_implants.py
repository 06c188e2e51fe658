"""Step 7: implants, devices and allergies (intake-v1 section `implants`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.intake import fields
from screening.intake.forms_about import QuestionStepForm
from screening.intake.forms_base import ShownWhen
from screening.intake.forms_items import (
    add_item_fields,
    item_followups,
    item_name,
    item_together,
)
from screening.intake.region_choices import LIMB_SHORT_LABELS

SIDE_CHOICES = (("left", _("Left")), ("right", _("Right")), ("unknown", _("I don't know")))
DEVICE_CHOICES = (
    ("spinal_cord_stimulator", _("Spinal cord stimulator")),
    ("deep_brain_stimulator", _("Deep brain stimulator")),
    ("vagus_nerve_stimulator", _("Vagus nerve stimulator")),
    ("implanted_drug_pump", _("Implanted medicine pump")),
    ("insulin_pump", _("Insulin pump")),
    ("glucose_sensor", _("Glucose sensor")),
    ("cochlear_implant", _("Cochlear implant")),
    ("other_device", _("Another device")),
)
HARDWARE_KIND_CHOICES = (
    ("joint_replacement", _("An artificial joint")),
    ("plates_screws_rods", _("Metal plates, screws or rods")),
)
HARDWARE_FIELDS = ("region", "kind", "date", "problem_now")
HAS_HARDWARE = ShownWhen("joint_hardware", ("yes",))


def _hardware_field(field: str, index: int) -> forms.Field:
    if field == "region":
        return forms.ChoiceField(
            label=_("Where is it?"),
            required=False,
            choices=[("", _("Choose an area"))] + fields.region_choices(),
            help_text=_(
                "For example a hip replacement is at the hip, a knee replacement at the knee."
            ),
            error_messages={"invalid_choice": _("Please choose an area from the list.")},
        )
    if field == "kind":
        return fields.choice(
            _("Is it an artificial joint, or metal plates, screws or rods?"),
            HARDWARE_KIND_CHOICES,
            required=False,
        )
    if field == "date":
        return fields.DatePartsField(
            label=_("When was it put in?"), required=False, approximate=True
        )
    return fields.tri_state(
        _("Is that joint or area hot, red or swollen right now?"), required=False
    )


class ImplantsForm(QuestionStepForm):
    cardiac_device = fields.tri_state(
        _("Do you have a pacemaker or an implanted defibrillator (ICD)?")
    )
    cardiac_device_side = fields.choice(
        _("Which side of the chest is it on?"), SIDE_CHOICES, required=False
    )
    other_electronic_device = fields.tri_state(
        _(
            "Do you have any other implanted or attached electronic medical device, such as a "
            "spinal cord or brain stimulator, a vagus nerve stimulator, an implanted medicine "
            "pump, an insulin pump, a glucose sensor or a cochlear implant?"
        )
    )
    other_device_types = fields.tick_all(_("Which device or devices?"), DEVICE_CHOICES)
    other_device_regions = fields.regions(
        _("Mark where the device, its wires, or its infusion or sensor site are. (optional)")
    )
    cosmetic_implant = fields.tri_state(
        _("Do you have breast, chest, buttock or other cosmetic or soft-tissue implants?")
    )
    cosmetic_implant_regions = fields.regions(_("Where are they?"))
    joint_hardware = fields.tri_state(
        _("Do you have an artificial joint, or metal plates, screws or rods from an operation?"),
        help_text=_("Spine hardware is asked later, under surgery."),
    )
    joint_hardware_items = forms.CharField(required=False)  # replaced by numbered slots
    heart_valve_or_endocarditis = fields.tri_state(
        _(
            "Do you have an artificial heart valve or a repaired heart defect, or have you ever "
            "had an infection of the heart (endocarditis)?"
        )
    )
    # Ruleset 1.1.0: the fistula or graft limb is never needled (dialysis_access_limb).
    dialysis_access = fields.tri_state(
        _(
            "Do you have a fistula or graft in an arm or leg for kidney dialysis, used now or "
            "being prepared?"
        )
    )
    dialysis_access_limbs = forms.MultipleChoiceField(
        label=_(
            "Which arm or leg? Mark every one with a fistula or graft, even one no longer used."
        ),
        required=False,
        choices=list(LIMB_SHORT_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Please tick at least one."),
            "invalid_choice": _("Please choose from the list shown."),
        },
    )
    metal_allergy = fields.tri_state(
        _(
            "Are you allergic to any metal, such as nickel or chrome (for example rashes from "
            "jewellery, watch straps or belt buckles)?"
        )
    )
    latex_or_other_allergy = fields.yes_no(
        _("Are you allergic to latex, medical tape, or skin cleaners such as alcohol swabs?")
    )

    followups = {
        "cardiac_device_side": ShownWhen("cardiac_device", ("yes",), required=True),
        "other_device_types": ShownWhen("other_electronic_device", ("yes",), required=True),
        "other_device_regions": ShownWhen("other_electronic_device", ("yes",)),
        "cosmetic_implant_regions": ShownWhen("cosmetic_implant", ("yes",), required=True),
        "dialysis_access_limbs": ShownWhen("dialysis_access", ("yes",), required=True),
        **item_followups("joint_hardware_items", HARDWARE_FIELDS, HAS_HARDWARE),
        **{
            item_name("joint_hardware_items", 1, field): ShownWhen(
                "joint_hardware", ("yes",), required=True
            )
            for field in HARDWARE_FIELDS
        },
    }
    together = item_together("joint_hardware_items", HARDWARE_FIELDS, HARDWARE_FIELDS)
    item_headings = {"joint_hardware_items": (_("Joint or hardware %(n)s"), "region")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_item_fields(
            self,
            "joint_hardware_items",
            {
                field: (lambda index, f=field: _hardware_field(f, index))
                for field in HARDWARE_FIELDS
            },
        )
