"""Hypothesis strategies: VALID dn-intake/1 documents (schema and checks V1-V8).

``intake_documents()`` draws every section, answering each gate question first and adding
exactly the follow-up fields the schema requires or allows for that answer. Dates are drawn
relative to the appointment so that checks V1-V8 hold (events between birth and the form,
due date 0-44 weeks, ``day_of`` only on a check-in form). Tests assert the documents are
valid, so a strategy that drifts from the contract fails loudly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from screening.rules.regions import LIMB_REGIONS, REGION_CODES

TRI = ("no", "unsure", "yes")
LOCATION_CODES = REGION_CODES + tuple(LIMB_REGIONS)
FIRST_APPOINTMENT = dt.date(2026, 1, 1)

tri_state = st.sampled_from(TRI)
regions = st.lists(st.sampled_from(REGION_CODES), min_size=1, max_size=4, unique=True)
locations = st.lists(st.sampled_from(LOCATION_CODES), min_size=1, max_size=3, unique=True)
short_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")),
    min_size=1,
    max_size=40,
).filter(str.strip)


def iso(day: dt.date) -> str:
    return day.isoformat()


class Dates:
    """The document's key dates, and a way to draw a past-event date between them."""

    def __init__(self, draw: Any, appointment: dt.date, completed: dt.date, birth: dt.date):
        self.draw, self.appointment, self.completed, self.birth = (
            draw,
            appointment,
            completed,
            birth,
        )

    def past(self) -> str:
        """A date between birth and the form, often on a policy window's edge."""
        days = min(self.draw(EVENT_AGES), (self.completed - self.birth).days)
        return iso(self.completed - dt.timedelta(days=days))


# How much likelier a benign answer is than each other answer, per document.
CALM = st.sampled_from((1, 5, 20, 60, 200))

# Days before the form: around the catalogue's windows (14, 28, 90, 365 days) and beyond.
EVENT_AGES = st.sampled_from(
    (0, 1, 7, 13, 14, 15, 27, 28, 29, 60, 89, 90, 91, 200, 364, 365, 366, 700, 3000, 20000)
)


class Drawer:
    """``draw``, plus how calm this document is: how much likelier each benign answer is.

    Real forms are mostly "no"; a document drawn with uniform answers would have a dozen
    concerns and always be DO_NOT_NEEDLE, which proves nothing about the lower tiers.
    """

    def __init__(self, draw: Any, calm: int) -> None:
        self.draw, self.calm = draw, calm

    def __call__(self, strategy: st.SearchStrategy) -> Any:
        return self.draw(strategy)


def answers(draw: Any, **options: tuple[Any, ...]) -> dict[str, Any]:
    """Draw one answer per field with a single integer (mixed radix), for speed.

    Hypothesis pays per draw; a section's dozen enum and yes/no answers cost one draw this
    way. The first option of each field is the benign one: it weighs ``draw.calm`` times
    as much as each other option, and shrinking moves towards it.
    """
    calm = getattr(draw, "calm", 1)
    size = 1
    for values in options.values():
        size *= len(values) - 1 + calm
    number = draw(st.integers(0, size - 1))
    out = {}
    for name, values in options.items():
        number, index = divmod(number, len(values) - 1 + calm)
        out[name] = values[max(0, index - calm + 1)]
    return out


BOOL = (False, True)


@st.composite
def intake_documents(draw: Any, calm: st.SearchStrategy[int] = CALM) -> dict[str, Any]:
    """A valid dn-intake/1 document; ``calm`` draws how much likelier benign answers are."""
    draw = Drawer(draw, draw(calm))
    top = answers(
        draw,
        days_ahead=(0, 0, 1, 2, 7, 30),
        respondent=("self", "guardian", "substitute_decision_maker", "helper"),
        day_of=BOOL,
        substances=TRI,
    )
    appointment = FIRST_APPOINTMENT + dt.timedelta(days=draw(st.integers(0, 3 * 365)))
    completed = appointment - dt.timedelta(days=top["days_ahead"])
    birth = min(completed, appointment - dt.timedelta(days=draw(st.integers(0, 100 * 365))))
    dates = Dates(draw, appointment, completed, birth)
    doc: dict[str, Any] = {
        "schema": "dn-intake/1",
        "completed_on": iso(completed),
        "appointment_date": iso(appointment),
        "respondent": top["respondent"],
        "about": about(draw, birth, top["respondent"]),
        "visit": visit(draw),
        "consent": consent(draw),
        "pregnancy": pregnancy(draw, completed),
        "bleeding": bleeding(draw, dates),
        "infection": infection(draw, dates),
        "implants": implants(draw, dates),
        "conditions": conditions(draw, dates),
        "frailty_bone_chest": frailty(draw),
        "surgery_trauma": surgery_trauma(draw, dates),
    }
    if completed == appointment and top["day_of"]:
        doc["day_of"] = {"substances_recent": top["substances"]}
    return doc


def about(draw: Any, birth: dt.date, respondent: str) -> dict[str, Any]:
    pick = answers(
        draw,
        interpreter=BOOL,
        height=(None, 160, 172.5, 40, 250),
        weight=(None, 70, 45.5, 2, 400),
        language=(None, "Cree", "Tagalog"),
        guardian=BOOL,
        relationship=("parent", "legal_guardian", "other"),
        phone=(None, "780 555 0100"),
        will_attend=(None, True, False),
    )
    out: dict[str, Any] = {"date_of_birth": iso(birth), "interpreter_needed": pick["interpreter"]}
    optional(out, height_cm=pick["height"], weight_kg=pick["weight"])
    optional(out, preferred_language=pick["language"])
    if respondent == "guardian" or pick["guardian"]:
        guardian = {"name": draw(short_text), "relationship": pick["relationship"]}
        optional(guardian, phone=pick["phone"], will_attend=pick["will_attend"])
        out["guardian"] = guardian
    return out


def visit(draw: Any) -> dict[str, Any]:
    pick = answers(draw, estim=BOOL, planned=BOOL)
    out = {"pain_regions": draw(regions), "planned_estim": pick["estim"]}
    if pick["planned"]:
        out["planned_regions"] = draw(regions)
    return out


def consent(draw: Any) -> dict[str, Any]:
    pick = answers(
        draw,
        needling_preference=("open", "unsure", "declines"),
        feels_pressured=TRI,
        needle_feeling=("fine", "a_bit_nervous", "very_anxious", "avoids_care_or_phobia"),
        fainted_with_needles=TRI,
        previous_needling=BOOL,
        previous_unusual_reaction=TRI,
        trouble_understanding=TRI,
        cognitive_impairment_diagnosed=TRI,
        has_substitute_decision_maker=TRI,
        hesitation=(None, "I worry it will hurt"),
        details=(None, "Felt faint, 2019"),
    )
    out = {key: value for key, value in pick.items() if key not in {"hesitation", "details"}}
    optional(out, hesitation_reason=pick["hesitation"])
    if out["previous_needling"]:
        optional(out, previous_reaction_details=pick["details"])
    else:
        del out["previous_unusual_reaction"]
    return out


def pregnancy(draw: Any, completed: dt.date) -> dict[str, Any]:
    pick = answers(
        draw,
        status=("no", "not_applicable", "unsure", "yes"),
        complications=TRI,
        weeks=(None, 0, 6, 13, 14, 20, 27, 28, 40, 44),
        due_in_days=(None, -28, 0, 1, 60, 90, 180, 279, 280),
        details=(None, "Low-lying placenta; Dr Smith"),
    )
    out: dict[str, Any] = {"status": pick["status"]}
    if pick["status"] == "yes":
        out["complications"] = pick["complications"]
        due = pick["due_in_days"]
        optional(
            out,
            weeks_at_completion=pick["weeks"],
            due_date=None if due is None else iso(completed + dt.timedelta(days=due)),
            complication_details=pick["details"],
        )
    return out


ANTICOAGULANTS = (
    "warfarin",
    "other_vka",
    "apixaban",
    "rivaroxaban",
    "dabigatran",
    "edoxaban",
    "heparin_lmwh",
)
ANTIPLATELETS = ("aspirin", "clopidogrel", "ticagrelor", "prasugrel", "other_antiplatelet")


def bleeding(draw: Any, dates: Dates) -> dict[str, Any]:
    pick = answers(
        draw,
        bleeding_disorder=TRI,
        easy_bruising=TRI,
        anticoagulant=(None, *ANTICOAGULANTS),
        second_anticoagulant=(None, *ANTICOAGULANTS),
        antiplatelet=(None, *ANTIPLATELETS),
        second_antiplatelet=(None, *ANTIPLATELETS),
        blood_thinner_not_sure=BOOL,
        nsaids_or_supplements=BOOL,
        vka_recent_problem=TRI,
        inr=(None, 1.2, 2.0, 2.5, 3.0, 3.1, 3.5, 4.5, 8.0),
        target_low=(None, 1.5, 2.0, 2.5),
        target_width=(0.0, 0.5, 1.0),
        target_high_only=(None, 3.0, 3.5),
    )
    out: dict[str, Any] = {
        "bleeding_disorder": pick["bleeding_disorder"],
        "easy_bruising": pick["easy_bruising"],
        "anticoagulants": distinct(pick["anticoagulant"], pick["second_anticoagulant"]),
        "antiplatelets": distinct(pick["antiplatelet"], pick["second_antiplatelet"]),
        "blood_thinner_not_sure": pick["blood_thinner_not_sure"],
        "nsaids_or_supplements": pick["nsaids_or_supplements"],
    }
    if {"warfarin", "other_vka"} & set(out["anticoagulants"]):
        out["vka_recent_problem"] = pick["vka_recent_problem"]
        if pick["inr"] is not None:
            inr: dict[str, Any] = {"value": pick["inr"], "date": dates.past()}
            if pick["target_low"] is not None:
                inr["target_low"] = pick["target_low"]
                inr["target_high"] = pick["target_low"] + pick["target_width"]
            else:
                optional(inr, target_high=pick["target_high_only"])
            out["inr"] = inr
    return out


def infection(draw: Any, dates: Dates) -> dict[str, Any]:
    pick = answers(
        draw,
        acute_illness=TRI,
        skin_problem=BOOL,
        inflamed_area=TRI,
        lymphedema=TRI,
        lymph_nodes_treated=TRI,
        chemotherapy=BOOL,
        low_white_cells=TRI,
        transplant_antirejection=TRI,
        no_spleen=TRI,
        told_severely_immunocompromised=TRI,
        immune_medicines=TRI,
        bloodborne_virus=("no", "prefer_not_to_say", "yes"),
        chemotherapy_date_known=BOOL,
        control=("controlled", "not_controlled", "unsure"),
    )
    known, control = pick.pop("chemotherapy_date_known"), pick.pop("control")
    out: dict[str, Any] = pick
    if out["skin_problem"]:
        out["skin_problem_regions"] = draw(locations)
    if out["inflamed_area"] == "yes":
        out["inflamed_area_regions"] = draw(locations)
    if out["lymphedema"] == "yes":
        out["lymphedema_areas"] = draw(locations)
    if out["lymph_nodes_treated"] == "yes":
        out["lymph_node_sites"] = draw(LYMPH_NODE_SITES)
    if out["chemotherapy"] and known:
        out["chemotherapy_last_date"] = dates.past()
    if out["immune_medicines"] == "yes":
        out["immune_medicine_types"] = draw(IMMUNE_MEDICINES)
    if out["bloodborne_virus"] == "yes":
        out["bloodborne_virus_types"] = draw(VIRUSES)
        out["bloodborne_virus_control"] = control
    return out


def implants(draw: Any, dates: Dates) -> dict[str, Any]:
    pick = answers(
        draw,
        cardiac_device=TRI,
        other_electronic_device=TRI,
        cosmetic_implant=TRI,
        joint_hardware=TRI,
        heart_valve_or_endocarditis=TRI,
        metal_allergy=TRI,
        latex_or_other_allergy=BOOL,
        side=("left", "right", "unknown"),
        device_regions=BOOL,
        items=(1, 2, 3),
    )
    side, device_regions, items = pick.pop("side"), pick.pop("device_regions"), pick.pop("items")
    out: dict[str, Any] = pick
    if out["cardiac_device"] == "yes":
        out["cardiac_device_side"] = side
    if out["other_electronic_device"] == "yes":
        out["other_device_types"] = draw(DEVICE_TYPES)
        if device_regions:
            out["other_device_regions"] = draw(regions)
    if out["cosmetic_implant"] == "yes":
        out["cosmetic_implant_regions"] = draw(regions)
    if out["joint_hardware"] == "yes":
        out["joint_hardware_items"] = []
        for _ in range(items):
            item = answers(
                draw,
                region=REGION_CODES,
                kind=("joint_replacement", "plates_screws_rods"),
                problem_now=TRI,
            )
            out["joint_hardware_items"].append({**item, "date": dates.past()})
    return out


def conditions(draw: Any, dates: Dates) -> dict[str, Any]:
    pick = answers(
        draw,
        heart_condition=BOOL,
        cardiac_event=BOOL,
        heart_unstable_now=TRI,
        diabetes=TRI,
        circulation_problem=TRI,
        inflammatory_arthritis=TRI,
        epilepsy=TRI,
        neurological_condition=TRI,
        numbness=BOOL,
        cancer=("no", "unsure", "past", "active"),
        red_flags=TRI,
        mental_health=TRI,
        blood_pressure=(None, (120, 80), (179, 109), (180, 90), (150, 110), (200, 120)),
        arthritis_flaring_now=TRI,
        medicine_changed=BOOL,
        tumour_regions=BOOL,
        details=(None, "Anxiety, treated"),
    )
    pressure = pick.pop("blood_pressure")
    flaring = pick.pop("arthritis_flaring_now")
    changed, tumour, details = (
        pick.pop("medicine_changed"),
        pick.pop("tumour_regions"),
        pick.pop("details"),
    )
    out: dict[str, Any] = pick
    if out["cardiac_event"]:
        out["cardiac_event_date"] = dates.past()
    if pressure is not None:
        out["blood_pressure"] = {"systolic": pressure[0], "diastolic": pressure[1]}
    if out["diabetes"] == "yes":
        diabetes = answers(
            draw,
            foot_ulcer_or_poor_healing=TRI,
            severe_low_sugar=TRI,
            high_sugar_symptoms=TRI,
            type=(None, "type_1", "type_2", "other", "not_known"),
            hba1c_percent=(None, 5.5, 7.8, 9.0, 9.1, 12.0),
        )
        out["diabetes_details"] = {k: v for k, v in diabetes.items() if v is not None}
    if out["circulation_problem"] == "yes":
        for name in draw(CIRCULATION_AREAS):
            out[name] = draw(locations)
    if out["inflammatory_arthritis"] == "yes":
        out["arthritis_flaring_now"] = flaring
        if flaring == "yes":
            out["arthritis_flare_regions"] = draw(regions)
    if out["epilepsy"] == "yes":
        out["last_seizure_date"] = dates.past()
        if changed:
            out["seizure_medicine_changed_on"] = dates.past()
    if out["neurological_condition"] == "yes":
        out["neurological_condition_types"] = draw(NEURO)
    if out["numbness"]:
        out["numbness_areas"] = draw(locations)
    if out["cancer"] == "past":
        out["cancer_treatment_ended_on"] = dates.past()
    if out["cancer"] in {"active", "past"} and tumour:
        out["tumour_or_radiation_regions"] = draw(regions)
    if out["red_flags"] == "yes":
        out["red_flag_items"] = draw(RED_FLAGS)
    optional(out, mental_health_details=details)
    return out


def frailty(draw: Any) -> dict[str, Any]:
    out = answers(
        draw,
        frailty=TRI,
        osteoporosis=TRI,
        lung_condition=TRI,
        chest_wall_deformity=TRI,
    )
    if out["frailty"] == "yes":
        out["frailty_markers"] = draw(FRAILTY_MARKERS)
    if out["lung_condition"] == "yes":
        out["lung_condition_types"] = draw(LUNG_CONDITIONS)
    return out


def surgery_trauma(draw: Any, dates: Dates) -> dict[str, Any]:
    pick = answers(
        draw,
        recent_surgery=BOOL,
        injury=BOOL,
        spine_instability=TRI,
        spine_surgery=BOOL,
        operations=(1, 2),
        injury_date_known=BOOL,
        medical_check=("checked", "not_checked", "unsure"),
    )
    operations, known, check = (
        pick.pop("operations"),
        pick.pop("injury_date_known"),
        pick.pop("medical_check"),
    )
    out: dict[str, Any] = pick
    if out["recent_surgery"]:
        out["surgeries"] = []
        for index in range(operations):
            item: dict[str, Any] = {"description": f"operation {index}", "regions": draw(locations)}
            if draw(st.booleans()):
                item["date"] = dates.past()
            out["surgeries"].append(item)
    if out["injury"]:
        details: dict[str, Any] = {"features": draw(INJURY_FEATURES), "medical_check": check}
        if known:
            details["date"] = dates.past()
        out["injury_details"] = details
    if out["spine_surgery"]:
        out["spine_surgery_date"] = dates.past()
    if out["spine_instability"] == "yes" or out["spine_surgery"]:
        out["spine_levels"] = draw(SPINE_LEVELS)
    return out


def optional(out: dict[str, Any], **values: Any) -> None:
    """Add each field whose drawn value is not None (optional fields are omitted, never null)."""
    out.update({key: value for key, value in values.items() if value is not None})


def distinct(*values: str | None) -> list[str]:
    return list(dict.fromkeys(value for value in values if value is not None))


def few(*values: str, min_size: int = 1, max_size: int = 2) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), min_size=min_size, max_size=max_size, unique=True)


LYMPH_NODE_SITES = few("AXILLA_L", "AXILLA_R", "GROIN_L", "GROIN_R", "PELVIS")
IMMUNE_MEDICINES = few("oral_steroid", "methotrexate", "biologic", "other_immunosuppressant")
VIRUSES = few("hepatitis_b", "hepatitis_c", "hiv")
DEVICE_TYPES = few(
    "spinal_cord_stimulator",
    "deep_brain_stimulator",
    "vagus_nerve_stimulator",
    "implanted_drug_pump",
    "insulin_pump",
    "glucose_sensor",
    "cochlear_implant",
    "other_device",
)
CIRCULATION_AREAS = few(
    "poor_circulation_areas", "varicose_vein_areas", "past_clot_areas", max_size=3
)
NEURO = few(
    "stroke",
    "multiple_sclerosis",
    "parkinsons",
    "spinal_cord_injury",
    "peripheral_neuropathy",
    "other_neurological",
)
RED_FLAGS = few(
    "weight_loss",
    "night_pain",
    "fever_or_sweats",
    "bladder_bowel_change",
    "new_weakness",
    "past_cancer_new_pain",
)
FRAILTY_MARKERS = few(
    "thin_fragile_skin", "unplanned_weight_loss", "fall_past_year", "needs_help_daily_activities"
)
LUNG_CONDITIONS = few(
    "copd_emphysema", "severe_asthma", "prior_pneumothorax", "lung_surgery", "other_lung"
)
INJURY_FEATURES = few(
    "high_energy",
    "head_injury",
    "suspected_fracture",
    "rapid_swelling_or_bruising",
    "severe_pain",
    min_size=0,
)
SPINE_LEVELS = few("cervical", "thoracic", "lumbar_sacral", max_size=3)
