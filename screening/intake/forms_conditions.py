"""Steps 8-9: medical conditions; bones, lungs and general health."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from screening.intake import fields
from screening.intake.forms_about import QuestionStepForm
from screening.intake.forms_base import ShownWhen
from screening.intake.policy_words import policy_number
from screening.intake.region_choices import location_choices

DIABETES_TYPE_CHOICES = (
    ("type_1", _("Type 1")),
    ("type_2", _("Type 2")),
    ("other", _("Another type")),
    ("not_known", _("I don't know")),
)
NEURO_CHOICES = (
    ("stroke", _("Stroke")),
    ("multiple_sclerosis", _("Multiple sclerosis")),
    ("parkinsons", _("Parkinson's disease")),
    ("spinal_cord_injury", _("Spinal cord injury")),
    ("peripheral_neuropathy", _("Nerve damage (neuropathy)")),
    ("other_neurological", _("Another condition")),
)
CANCER_CHOICES = (
    ("no", _("No")),
    ("active", _("I have cancer now, or I am having treatment for it")),
    ("past", _("I had cancer and my treatment has finished")),
    ("unsure", _("Not sure (for example, waiting for test results)")),
)
RED_FLAG_CHOICES = (
    ("weight_loss", _("Weight loss you can't explain")),
    ("night_pain", _("Pain that wakes you at night and does not ease with rest")),
    ("fever_or_sweats", _("Fevers or night sweats")),
    ("bladder_bowel_change", _("New trouble controlling your bladder or bowels")),
    ("new_weakness", _("New or worsening weakness")),
    ("past_cancer_new_pain", _("New pain after having had cancer before")),
)
DIABETES = ShownWhen("diabetes", ("yes",))
CIRCULATION = ShownWhen("circulation_problem", ("yes",))
# Any marked clot location opens the clot's date.
CLOT_LOCATIONS = tuple(code for code, _label in location_choices())


class ConditionsForm(QuestionStepForm):
    heart_condition = fields.yes_no(_("Do you have heart disease or high blood pressure?"))
    cardiac_event = fields.yes_no(
        _("Have you ever had a heart attack, heart surgery or a heart stent?")
    )
    cardiac_event_date = fields.approximate_date(_("When was the most recent one?"), required=False)
    heart_unstable_now = fields.tri_state(
        _("Is your heart condition or blood pressure unstable right now?"),
        help_text=_(
            "For example chest pain that is new or getting worse, an irregular heartbeat that is "
            "not under control, heart failure that is getting worse, or a doctor has said your "
            "blood pressure is dangerously high."
        ),
    )
    blood_pressure__systolic = fields.number(
        _("Your most recent blood pressure: top number (systolic), if you know it (optional)"),
        50,
        300,
        integer=True,
    )
    blood_pressure__diastolic = fields.number(
        _("Bottom number (diastolic) (optional)"), 20, 200, integer=True
    )
    diabetes = fields.tri_state(_("Do you have diabetes?"))
    diabetes_details__type = fields.choice(
        _("Which type of diabetes? (optional)"), DIABETES_TYPE_CHOICES, required=False
    )
    diabetes_details__foot_ulcer_or_poor_healing = fields.tri_state(
        _("Do you have a foot ulcer or sore, or wounds that are slow to heal?"), required=False
    )
    diabetes_details__severe_low_sugar = fields.tri_state("", required=False)
    diabetes_details__high_sugar_symptoms = fields.tri_state(
        _(
            "Are your blood sugars often high, for example you feel very thirsty, pass a lot of "
            "urine, or your readings are usually high?"
        ),
        required=False,
    )
    diabetes_details__hba1c_percent = fields.number(
        _("Your most recent HbA1c (A1C) result in %, if you know it (optional)"), 3, 20
    )
    circulation_problem = fields.tri_state(
        _(
            "Do you have poor circulation in your legs or arms, varicose veins, or have you had "
            "a blood clot in a vein (DVT)?"
        )
    )
    poor_circulation_areas = fields.regions(_("Where is the circulation poor?"), limbs=True)
    varicose_vein_areas = fields.regions(_("Where are the varicose veins?"), limbs=True)
    past_clot_areas = fields.regions(_("Where was the blood clot?"), limbs=True)
    # Ruleset 1.1.0: a recent clot holds for clearance (dvt_recent), so its date is asked.
    past_clot_date = fields.approximate_date(
        _("When was the most recent blood clot found? An approximate date is fine."),
        required=False,
    )
    inflammatory_arthritis = fields.tri_state(
        _(
            "Do you have an inflammatory or autoimmune arthritis, such as rheumatoid arthritis, "
            "psoriatic arthritis, lupus, ankylosing spondylitis or gout?"
        ),
        help_text=_("Wear-and-tear osteoarthritis alone: answer no."),
    )
    arthritis_flaring_now = fields.tri_state(
        _("Is it flaring now, with hot or swollen joints?"), required=False
    )
    arthritis_flare_regions = fields.regions(_("Mark the hot or swollen joints."))
    epilepsy = fields.tri_state(_("Do you have epilepsy, or have you had seizures?"))
    last_seizure_date = fields.approximate_date(
        _("When was your most recent seizure?"), required=False
    )
    seizure_medicine_changed_on = fields.DatePartsField(
        label=_("If your seizure medicine was changed in the last few months, when? (optional)"),
        required=False,
        approximate=True,
    )
    neurological_condition = fields.tri_state(
        _(
            "Apart from epilepsy or seizures, do you have a condition of the brain, spinal cord "
            "or nerves, such as a stroke, multiple sclerosis, Parkinson's disease, a spinal cord "
            "injury or nerve damage (neuropathy)?"
        )
    )
    neurological_condition_types = fields.tick_all(_("Which?"), NEURO_CHOICES)
    numbness = fields.yes_no(_("Do you have any areas of numbness or reduced feeling?"))
    numbness_areas = fields.regions(_("Mark the numb areas."), limbs=True)
    cancer = fields.choice(_("Do you have cancer, or have you had it?"), CANCER_CHOICES)
    cancer_treatment_ended_on = fields.approximate_date(
        _("When did your last cancer treatment (surgery, chemotherapy or radiation) end?"),
        required=False,
    )
    tumour_or_radiation_regions = fields.regions(
        _(
            "Mark any area with a tumour, cancer that has spread to bone, or skin that has had "
            "radiation treatment. (optional)"
        )
    )
    red_flags = fields.tri_state(
        _(
            "In recent weeks, have you had any of these: weight loss you can't explain; pain "
            "that wakes you at night and does not ease with rest; fevers or night sweats; new "
            "trouble controlling your bladder or bowels; new or worsening weakness; or new pain "
            "after having had cancer before?"
        )
    )
    red_flag_items = fields.tick_all(_("Which ones?"), RED_FLAG_CHOICES)
    mental_health = fields.tri_state(
        _(
            "Is there anything about your mental or emotional health that you would like your "
            "physiotherapist to know before treatment, such as anxiety, panic attacks or a "
            "history of trauma?"
        )
    )
    mental_health_details = fields.free_text(_("Anything you'd like to share. (optional)"))
    mental_health_discuss_first = fields.yes_no(
        _(
            "Would you like your physiotherapist to talk with you about this before any "
            "needling is planned?"
        ),
        required=False,
    )

    followups = {
        "cardiac_event_date": ShownWhen("cardiac_event", ("True",), required=True),
        "diabetes_details__type": DIABETES,
        "diabetes_details__foot_ulcer_or_poor_healing": ShownWhen("diabetes", ("yes",), True),
        "diabetes_details__severe_low_sugar": ShownWhen("diabetes", ("yes",), True),
        "diabetes_details__high_sugar_symptoms": ShownWhen("diabetes", ("yes",), True),
        "diabetes_details__hba1c_percent": DIABETES,
        "poor_circulation_areas": CIRCULATION,
        "varicose_vein_areas": CIRCULATION,
        "past_clot_areas": CIRCULATION,
        "past_clot_date": ShownWhen("past_clot_areas", CLOT_LOCATIONS, required=True),
        "arthritis_flaring_now": ShownWhen("inflammatory_arthritis", ("yes",), required=True),
        "arthritis_flare_regions": ShownWhen("arthritis_flaring_now", ("yes",), required=True),
        "last_seizure_date": ShownWhen("epilepsy", ("yes",), required=True),
        "seizure_medicine_changed_on": ShownWhen("epilepsy", ("yes",)),
        "neurological_condition_types": ShownWhen(
            "neurological_condition", ("yes",), required=True
        ),
        "numbness_areas": ShownWhen("numbness", ("True",), required=True),
        "cancer_treatment_ended_on": ShownWhen("cancer", ("past",), required=True),
        "tumour_or_radiation_regions": ShownWhen("cancer", ("active", "past")),
        "red_flag_items": ShownWhen("red_flags", ("yes",), required=True),
        "mental_health_details": ShownWhen("mental_health", ("yes", "unsure")),
        "mental_health_discuss_first": ShownWhen("mental_health", ("yes",), required=True),
    }
    together = (
        (
            ("blood_pressure__systolic", "blood_pressure__diastolic"),
            ("blood_pressure__systolic", "blood_pressure__diastolic"),
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        months = round(policy_number("severe_low_sugar_window_days") / 30)
        self.fields["diabetes_details__severe_low_sugar"].label = _(
            "In the last %(months)s months, have you had a low blood sugar episode where you "
            "needed someone else's help?"
        ) % {"months": months}

    def clean(self) -> dict:
        data = super().clean()
        areas = ("poor_circulation_areas", "varicose_vein_areas", "past_clot_areas")
        if data.get("circulation_problem") == "yes" and not any(data.get(a) for a in areas):
            self.add_error(
                "poor_circulation_areas",
                _("Please mark at least one area for the circulation problem, veins or clot."),
            )
        top, bottom = data.get("blood_pressure__systolic"), data.get("blood_pressure__diastolic")
        if top is not None and bottom is not None and bottom >= top:
            self.add_error(
                "blood_pressure__diastolic",
                _("The bottom number is usually smaller than the top number. Please check it."),
            )
        return data


FRAILTY_CHOICES = (
    ("thin_fragile_skin", _("My skin is thin or tears easily")),
    ("unplanned_weight_loss", _("I have lost weight without trying")),
    ("fall_past_year", _("I have fallen in the past year")),
    ("needs_help_daily_activities", _("I need help with everyday activities")),
)
LUNG_CHOICES = (
    ("copd_emphysema", _("COPD or emphysema")),
    ("severe_asthma", _("Severe asthma")),
    ("prior_pneumothorax", _("A collapsed lung (pneumothorax) in the past")),
    ("lung_surgery", _("Lung surgery")),
    ("other_lung", _("Another lung condition")),
)


class FrailtyForm(QuestionStepForm):
    frailty = fields.tri_state(
        _(
            "Do any of these apply to you: your skin is thin or tears easily; you have lost "
            "weight without trying; you have fallen in the past year; you need help with "
            "everyday activities?"
        )
    )
    frailty_markers = fields.tick_all(_("Which ones?"), FRAILTY_CHOICES)
    osteoporosis = fields.tri_state(
        _(
            "Have you been told you have osteoporosis or osteopenia (thin bones), or have you "
            "broken a bone in a minor fall?"
        )
    )
    lung_condition = fields.tri_state(
        _(
            "Do you have a lung condition such as COPD, emphysema or severe asthma, or have you "
            "ever had a collapsed lung (pneumothorax) or lung surgery?"
        )
    )
    lung_condition_types = fields.tick_all(_("Which?"), LUNG_CHOICES)
    chest_wall_deformity = fields.tri_state(
        _(
            "Do you have scoliosis, a marked forward curve of the upper back, or a difference in "
            "the shape of your chest (such as a sunken or pigeon chest)?"
        )
    )

    followups = {
        "frailty_markers": ShownWhen("frailty", ("yes",), required=True),
        "lung_condition_types": ShownWhen("lung_condition", ("yes",), required=True),
    }
