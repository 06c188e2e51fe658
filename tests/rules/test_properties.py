"""Properties of the engine over generated valid intake documents (hypothesis).

Tier order: DO_NOT_NEEDLE > HOLD_FOR_CLEARANCE > PHYSIO_REVIEW > INFO_ONLY > CLEAR.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from screening.contracts import validate_assessment, validate_intake
from screening.rules import assess
from screening.rules.regions import INTAKE_SCHEMA
from screening.rules.sources import SOURCES
from tests.strategies import intake_documents

TIER_RANK = {
    "CLEAR": 0,
    "INFO_ONLY": 1,
    "PHYSIO_REVIEW": 2,
    "HOLD_FOR_CLEARANCE": 3,
    "DO_NOT_NEEDLE": 4,
}
PROPERTY_SETTINGS = settings(max_examples=1000, deadline=None)


def _answer_fields() -> dict[str, tuple[str, ...]]:
    """Map each answer path (``name[]`` for list items) to the values of its enum."""
    defs = INTAKE_SCHEMA["$defs"]

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        return resolve(defs[ref.rsplit("/", 1)[-1]]) if ref else node

    out: dict[str, tuple[str, ...]] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        for name, raw in node.get("properties", {}).items():
            field = resolve(raw)
            if "enum" in field:
                out[prefix + name] = tuple(field["enum"])
            elif "properties" in field:
                walk(field, f"{prefix}{name}.")
            elif field.get("type") == "array" and "properties" in resolve(field["items"]):
                walk(resolve(field["items"]), f"{prefix}{name}[].")

    walk(INTAKE_SCHEMA, "")
    return out


ENUMS = _answer_fields()
# "Unsure" answers (3.4): every enum that offers "unsure", but medical_check (= not_checked).
UNSURE_FIELDS = {
    path
    for path, values in ENUMS.items()
    if "unsure" in values and path != "surgery_trauma.injury_details.medical_check"
}
NOT_SURE_BOX = "bleeding.blood_thinner_not_sure"

# Each question whose answer can rise from "no": the more concerning answers, in order.
RAISES: dict[str, tuple[Any, ...]] = {
    path: ("unsure", "yes") for path, values in ENUMS.items() if values == ("yes", "no", "unsure")
}
RAISES.update(
    {
        "pregnancy.status": ("unsure", "yes"),
        "conditions.cancer": ("unsure", "active"),
        "infection.bloodborne_virus": ("yes",),
        # Enums ordered from least to most concern (schema descriptions).
        "consent.needling_preference": ("unsure", "declines"),
        "consent.needle_feeling": ("a_bit_nervous", "very_anxious", "avoids_care_or_phobia"),
        "infection.bloodborne_virus_control": ("unsure", "not_controlled"),
        "surgery_trauma.injury_details.medical_check": ("unsure", "not_checked"),
    }
)
# Yes/no screening questions (false = "no").
YES_NO_QUESTIONS = (
    "about.interpreter_needed",
    "bleeding.blood_thinner_not_sure",
    "bleeding.nsaids_or_supplements",
    "infection.skin_problem",
    "infection.chemotherapy",
    "implants.latex_or_other_allergy",
    "conditions.heart_condition",
    "conditions.cardiac_event",
    "conditions.numbness",
    "surgery_trauma.recent_surgery",
    "surgery_trauma.injury",
    "surgery_trauma.spine_surgery",
)
RAISES.update(dict.fromkeys(YES_NO_QUESTIONS, (True,)))
BENIGN = {"no", "not_applicable", False, "open", "fine", "controlled", "checked"}


def _follow_ups(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The least concerning follow-up details the schema requires after a "yes"."""
    oldest = doc["about"]["date_of_birth"]  # a valid event date, as long ago as possible
    return {
        "pregnancy.status": {"complications": "no"},
        "infection.skin_problem": {"skin_problem_regions": ["HEAD_FACE"]},
        "infection.inflamed_area": {"inflamed_area_regions": ["ANKLE_FOOT_L"]},
        "infection.lymphedema": {"lymphedema_areas": ["UPPER_LIMB_L"]},
        "infection.lymph_nodes_treated": {"lymph_node_sites": ["AXILLA_L"]},
        "infection.immune_medicines": {"immune_medicine_types": ["other_immunosuppressant"]},
        "infection.bloodborne_virus": {
            "bloodborne_virus_types": ["hepatitis_b"],
            "bloodborne_virus_control": "controlled",
        },
        "implants.cardiac_device": {"cardiac_device_side": "unknown"},
        "implants.other_electronic_device": {"other_device_types": ["other_device"]},
        "implants.cosmetic_implant": {"cosmetic_implant_regions": ["CHEST_WALL_L"]},
        "implants.joint_hardware": {
            "joint_hardware_items": [
                {
                    "region": "KNEE_LEG_L",
                    "kind": "plates_screws_rods",
                    "date": oldest,
                    "problem_now": "no",
                }
            ]
        },
        "conditions.cardiac_event": {"cardiac_event_date": oldest},
        "conditions.diabetes": {
            "diabetes_details": {
                "foot_ulcer_or_poor_healing": "no",
                "severe_low_sugar": "no",
                "high_sugar_symptoms": "no",
            }
        },
        "conditions.circulation_problem": {"poor_circulation_areas": ["LOWER_LIMB_L"]},
        "conditions.inflammatory_arthritis": {"arthritis_flaring_now": "no"},
        "conditions.arthritis_flaring_now": {"arthritis_flare_regions": ["KNEE_LEG_L"]},
        "conditions.epilepsy": {"last_seizure_date": oldest},
        "conditions.neurological_condition": {
            "neurological_condition_types": ["other_neurological"]
        },
        "conditions.numbness": {"numbness_areas": ["FOREARM_HAND_L"]},
        "conditions.red_flags": {"red_flag_items": ["night_pain"]},
        "frailty_bone_chest.frailty": {"frailty_markers": ["fall_past_year"]},
        "frailty_bone_chest.lung_condition": {"lung_condition_types": ["other_lung"]},
        "surgery_trauma.recent_surgery": {
            "surgeries": [{"description": "operation", "regions": ["KNEE_LEG_L"]}]
        },
        "surgery_trauma.injury": {"injury_details": {"features": [], "medical_check": "checked"}},
        "surgery_trauma.spine_surgery": {
            "spine_surgery_date": oldest,
            "spine_levels": ["lumbar_sacral"],
        },
        "surgery_trauma.spine_instability": {"spine_levels": ["lumbar_sacral"]},
    }


def _answers(doc: dict[str, Any]) -> list[tuple[dict[str, Any], str, str]]:
    """Every answer in ``doc``: (the object holding it, its key, its un-indexed path)."""
    out: list[tuple[dict[str, Any], str, str]] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                for item in value:
                    walk(item, f"{prefix}{key}[].")
            else:
                out.append((node, key, prefix + key))

    walk(doc, "")
    return out


def _has_unsure_answer(doc: dict[str, Any]) -> bool:
    return any(
        (path in UNSURE_FIELDS and node[key] == "unsure")
        or (path == NOT_SURE_BOX and node[key] is True)
        for node, key, path in _answers(doc)
    )


@PROPERTY_SETTINGS
@given(intake_documents())
def test_generated_documents_are_valid_and_every_assessment_keeps_the_contract(doc):
    assert validate_intake(doc) == []
    assessment = assess(doc)  # never raises on a valid document
    assert validate_assessment(assessment) == []
    assert assessment["tier"] in TIER_RANK
    for finding in assessment["findings"]:
        assert set(finding["sources"]) <= set(SOURCES), finding["rule"]
    if _has_unsure_answer(doc):
        # 3.4: "unsure" never clears, and raises to review at least.
        assert TIER_RANK[assessment["tier"]] >= TIER_RANK["PHYSIO_REVIEW"]


@PROPERTY_SETTINGS
@given(intake_documents(), st.data())
def test_a_more_concerning_answer_never_lowers_the_tier(doc, data):
    changed = copy.deepcopy(doc)
    candidates = [
        (node, key, path)
        for node, key, path in _answers(changed)
        if path in RAISES and node[key] in BENIGN
    ]
    if not candidates:
        return
    node, key, path = data.draw(st.sampled_from(candidates), label="answer")
    new_value = data.draw(st.sampled_from(RAISES[path]), label="new answer")
    node[key] = new_value
    if new_value != "unsure":
        for name, value in _follow_ups(changed).get(path, {}).items():
            node.setdefault(name, copy.deepcopy(value))
    assert validate_intake(changed) == [], (path, new_value)
    before, after = assess(doc)["tier"], assess(changed)["tier"]
    assert TIER_RANK[after] >= TIER_RANK[before], (path, new_value, before, after)
