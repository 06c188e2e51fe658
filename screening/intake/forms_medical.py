"""Steps 5-7: blood thinners and bleeding; infection, immunity and skin; implants and allergies.

Question wording follows the descriptions in intake-v1.schema.json.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.intake import fields
from screening.intake.forms_about import QuestionStepForm
from screening.intake.forms_base import ShownWhen
from screening.intake.policy_words import policy_number

ANTICOAGULANT_CHOICES = (
    ("warfarin", _("Warfarin (Coumadin)")),
    ("other_vka", _("Another vitamin K blocker, such as acenocoumarol")),
    ("apixaban", _("Apixaban (Eliquis)")),
    ("rivaroxaban", _("Rivaroxaban (Xarelto)")),
    ("dabigatran", _("Dabigatran (Pradaxa)")),
    ("edoxaban", _("Edoxaban (Lixiana, Savaysa)")),
    ("heparin_lmwh", _("Heparin, or injections such as enoxaparin, dalteparin or tinzaparin")),
)
ANTIPLATELET_CHOICES = (
    ("aspirin", _("Daily aspirin, any dose")),
    ("clopidogrel", _("Clopidogrel (Plavix)")),
    ("ticagrelor", _("Ticagrelor (Brilinta)")),
    ("prasugrel", _("Prasugrel (Effient)")),
    ("other_antiplatelet", _("Another one, such as dipyridamole")),
)
VKA = ("warfarin", "other_vka")
ON_VKA = ShownWhen("anticoagulants", VKA)


class BleedingForm(QuestionStepForm):
    bleeding_disorder = fields.tri_state(
        _(
            "Have you been diagnosed with a condition that stops your blood clotting normally, "
            "such as haemophilia, von Willebrand disease, low platelets, or liver disease that "
            "affects clotting?"
        )
    )
    easy_bruising = fields.tri_state(
        _(
            "Do you bruise very easily, or keep bleeding for a long time after a small cut, a "
            "blood test or dental work?"
        )
    )
    anticoagulants = fields.tick_all(
        _("Do you take any of these blood thinners?"),
        ANTICOAGULANT_CHOICES,
        help_text=_("Tick all that apply. Leave them all empty if you take none."),
    )
    antiplatelets = fields.tick_all(
        _("Do you take any of these medicines that stop platelets sticking?"),
        ANTIPLATELET_CHOICES,
        help_text=_("Tick all that apply. Leave them all empty if you take none."),
    )
    blood_thinner_not_sure = forms.BooleanField(
        label=_("I'm not sure whether I take a blood thinner, or not sure which one."),
        required=False,
    )
    vka_recent_problem = fields.tri_state("", required=False)
    inr__value = fields.number(
        _("Your last INR number (optional)"),
        0.1,
        20,
        help_text=_(
            "The INR is the blood test for warfarin. The number is on your result sheet or "
            "in your anticoagulant booklet, for example 2.5."
        ),
    )
    inr__date = fields.DatePartsField(label=_("The date of that INR test"), required=False)
    # The range is optional and explained (issue 12, point 10): most patients do not know it.
    inr__target_low = fields.number(
        _("The lowest INR your doctor wants, if you know it (optional)"),
        0.1,
        10,
        help_text=_("Your doctor or clinic may have told you a range, such as 2 to 3."),
    )
    inr__target_high = fields.number(
        _("The highest INR your doctor wants, if you know it (optional)"), 0.1, 10
    )
    nsaids_or_supplements = fields.yes_no(
        _(
            "Do you regularly take anti-inflammatory pain medicine (such as ibuprofen, naproxen "
            "or celecoxib) or supplements such as fish oil, ginkgo, garlic or vitamin E?"
        )
    )

    followups = {
        "vka_recent_problem": ShownWhen("anticoagulants", VKA, required=True),
        "inr__value": ON_VKA,
        "inr__date": ON_VKA,
        "inr__target_low": ON_VKA,
        "inr__target_high": ON_VKA,
    }
    together = (
        (
            ("inr__value", "inr__date", "inr__target_low", "inr__target_high"),
            ("inr__value", "inr__date"),
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = policy_number("vka_recent_problem_window_days")
        self.fields["vka_recent_problem"].label = _(
            "In the last %(days)s days, have you had a bleeding problem (for example a nosebleed "
            "that would not stop, blood in your urine or stool, or a large bruise), or has your "
            "warfarin dose been changed?"
        ) % {"days": days}

    def clean(self) -> dict:
        data = super().clean()
        low, high = data.get("inr__target_low"), data.get("inr__target_high")
        if low is not None and high is not None and low > high:
            self.add_error("inr__target_high", _("The top of the range must be above the bottom."))
        return data


PELVIC_SIDE_CHOICES = (
    ("left", _("Left")),
    ("right", _("Right")),
    ("both", _("Both sides")),
    ("unknown", _("I don't know")),
)
LYMPH_SITE_CHOICES = (
    ("AXILLA_L", _("Left armpit")),
    ("AXILLA_R", _("Right armpit")),
    ("GROIN_L", _("Left groin")),
    ("GROIN_R", _("Right groin")),
    ("PELVIS", _("Pelvis")),
)
IMMUNE_MEDICINE_CHOICES = (
    ("oral_steroid", _("Steroid tablets such as prednisone")),
    ("methotrexate", _("Methotrexate")),
    ("biologic", _("A biologic medicine")),
    ("other_immunosuppressant", _("Another medicine that weakens the immune system")),
)
BLOODBORNE_CHOICES = (
    ("yes", _("Yes")),
    ("no", _("No")),
    ("prefer_not_to_say", _("I'd rather not say")),
)
BLOODBORNE_TYPE_CHOICES = (
    ("hepatitis_b", _("Hepatitis B")),
    ("hepatitis_c", _("Hepatitis C")),
    ("hiv", _("HIV")),
)
CONTROL_CHOICES = (
    ("controlled", _("Yes, it is well controlled")),
    ("not_controlled", _("No")),
    ("unsure", _("Not sure")),
)


class InfectionForm(QuestionStepForm):
    acute_illness = fields.tri_state("")
    skin_problem = fields.yes_no(
        _(
            "Right now, do you have any cut, sore, ulcer, burn, skin infection, rash or skin "
            "flare-up (such as eczema or psoriasis)?"
        )
    )
    skin_problem_regions = fields.regions(_("Where is the skin problem?"), limbs=True)
    inflamed_area = fields.tri_state(
        _(
            "Right now, is there an area of your body that is red, hot and swollen, or a calf or "
            "arm that is newly painful and swollen, that a doctor or nurse practitioner has not "
            "checked?"
        )
    )
    inflamed_area_regions = fields.regions(_("Where is the red, hot or swollen area?"), limbs=True)
    lymphedema = fields.tri_state(
        _(
            "Do you have lymphedema, that is long-lasting swelling caused by damage to the lymph "
            "system?"
        )
    )
    lymphedema_areas = fields.regions(_("Which areas have lymphedema?"), limbs=True)
    lymph_nodes_treated = fields.tri_state(
        _(
            "Have you had lymph nodes removed, or radiation treatment, in your armpit, groin or "
            "pelvis?"
        )
    )
    lymph_node_sites = fields.tick_all(_("Where?"), LYMPH_SITE_CHOICES)
    # Ruleset 1.1.0: the at-risk leg follows the side of pelvic treatment ("unknown": both).
    pelvic_node_side = fields.choice(
        _("For the pelvis: on which side were the lymph nodes removed or treated?"),
        PELVIC_SIDE_CHOICES,
        required=False,
    )
    chemotherapy = fields.yes_no(
        _(
            "In the last 12 months, have you had chemotherapy, immunotherapy or other cancer "
            "drug treatment given by drip, injection or tablet?"
        ),
        help_text=_("Hormone-blocking tablets alone: answer no."),
    )
    chemotherapy_last_date = fields.DatePartsField(
        label=_("Date of your most recent dose (optional)"), required=False, approximate=True
    )
    low_white_cells = fields.tri_state(
        _(
            "Has your care team told you that your white blood cell count is low right now "
            "(neutropenia)?"
        )
    )
    transplant_antirejection = fields.tri_state(
        _("Have you had an organ or stem-cell transplant and take anti-rejection medicine?")
    )
    no_spleen = fields.tri_state(
        _("Has your spleen been removed, or have you been told it does not work?")
    )
    told_severely_immunocompromised = fields.tri_state(
        _("Has a doctor told you that your immune system is severely weakened?")
    )
    immune_medicines = fields.tri_state(
        _(
            "Do you take medicine that weakens the immune system, such as prednisone or other "
            "steroid tablets for more than a few weeks, methotrexate, or a biologic?"
        )
    )
    immune_medicine_types = fields.tick_all(_("Which ones?"), IMMUNE_MEDICINE_CHOICES)
    bloodborne_virus = fields.choice(
        _("Do you have hepatitis B, hepatitis C or HIV?"),
        BLOODBORNE_CHOICES,
        help_text=_("You don't have to tell us: everyone gets the same infection-control care."),
    )
    bloodborne_virus_types = fields.tick_all(_("Which one or ones?"), BLOODBORNE_TYPE_CHOICES)
    bloodborne_virus_control = fields.choice(
        _("As far as you know, is it well controlled with treatment?"),
        CONTROL_CHOICES,
        required=False,
    )

    followups = {
        "skin_problem_regions": ShownWhen("skin_problem", ("True",), required=True),
        "inflamed_area_regions": ShownWhen("inflamed_area", ("yes",), required=True),
        "lymphedema_areas": ShownWhen("lymphedema", ("yes",), required=True),
        "lymph_node_sites": ShownWhen("lymph_nodes_treated", ("yes",), required=True),
        "pelvic_node_side": ShownWhen("lymph_node_sites", ("PELVIS",), required=True),
        "chemotherapy_last_date": ShownWhen("chemotherapy", ("True",)),
        "immune_medicine_types": ShownWhen("immune_medicines", ("yes",), required=True),
        "bloodborne_virus_types": ShownWhen("bloodborne_virus", ("yes",), required=True),
        "bloodborne_virus_control": ShownWhen("bloodborne_virus", ("yes",), required=True),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = policy_number("acute_illness_window_days")
        self.fields["acute_illness"].label = _(
            "In the last %(days)s days, have you had a fever or an infection (including one you "
            "are taking antibiotics for), or felt generally unwell?"
        ) % {"days": days}
