"""Tables for the age, frailty, bone and chest rules (clinical-rules.md 6.7).

Run through ``assess``; every document must be a valid intake (schema and checks V1-V8)
and every result a valid assessment. The baseline patient is 38 at the appointment,
with a KNEE_LEG_R target.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.rules.tables import (
    NOT_SURE,
    checked_assessment,
    finding,
    run,
)

LUNG_FIELD = [
    "NECK_ANTERIOR",
    "UPPER_TRAP_L",
    "UPPER_TRAP_R",
    "SCAPULA_L",
    "SCAPULA_R",
    "THORACIC_SPINE",
    "CHEST_WALL_L",
    "CHEST_WALL_R",
]
SHARED_EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "contracts" / "examples"


# --- older_adult_frail / osteoporosis -------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "what", "age"),
    [
        pytest.param(
            {
                "frailty_bone_chest.frailty": "yes",
                "frailty_bone_chest.frailty_markers": ["fall_past_year"],
                "about.date_of_birth": "1940-12-03",
            },
            "fall_past_year",
            86,
            id="yes-on-86th-birthday",
        ),
        pytest.param(
            {"frailty_bone_chest.frailty": "unsure"}, "answered not sure", 38, id="unsure"
        ),
    ],
)
def test_it_reviews_frailty_markers(make_doc, overrides, what, age):
    hit = finding(run(make_doc, overrides), "older_adult_frail")
    assert hit["staff_message"] == (
        f"Frailty: {what}; age {age}. Fewer and shallower needles; careful skin handling; "
        "longer observation."
    )
    unsure = what == "answered not sure"
    assert hit["unsure_fields"] == (["frailty_bone_chest.frailty"] if unsure else [])
    assert hit["patient_message"].startswith(NOT_SURE) is unsure
    assert hit["sources"] == ["S10", "S10a"]


def test_age_alone_never_fires_frailty(make_doc):
    result = run(make_doc, {"about.date_of_birth": "1926-01-01"})
    assert result["age_at_appointment"] == 100
    assert finding(result, "older_adult_frail") is None


@pytest.mark.parametrize(("answer", "fires"), [("yes", True), ("unsure", True), ("no", False)])
def test_it_reviews_thin_bones(make_doc, answer, fires):
    hit = finding(run(make_doc, {"frailty_bone_chest.osteoporosis": answer}), "osteoporosis")
    assert (hit is not None) is fires
    if fires:
        assert hit["staff_message"].startswith(
            f"Osteoporosis, osteopenia or a fracture from a minor fall (answer: {answer})."
        )
        unsure = answer == "unsure"
        assert hit["unsure_fields"] == (["frailty_bone_chest.osteoporosis"] if unsure else [])
        assert hit["patient_message"].startswith(NOT_SURE) is unsure
        assert hit["sources"] == ["S29", "S10", "S10a"]


# --- low_bmi_thoracic -----------------------------------------------------------------------

THORAX = {"visit.pain_regions": ["THORACIC_SPINE", "KNEE_LEG_R"]}


def build(height: float, weight: float) -> dict[str, Any]:
    return {"about.height_cm": height, "about.weight_kg": weight}


@pytest.mark.parametrize(
    ("overrides", "policy", "printed"),
    [
        # 73.99 kg at 200 cm is BMI 18.4975: below 18.5 unrounded, printed as 18.5.
        pytest.param({**THORAX, **build(200, 73.99)}, None, "18.5", id="just-below-unrounded"),
        pytest.param({**THORAX, **build(200, 74)}, None, None, id="exactly-at-threshold"),
        pytest.param({**THORAX, **build(170, 50)}, None, "17.3", id="clearly-below"),
        pytest.param({**build(170, 50)}, None, None, id="no-lung-field-target"),
        pytest.param(
            {**THORAX, **build(200, 79.6)},
            {"bmi_low_threshold": 20.0},
            "19.9",
            id="below-raised-threshold",
        ),
        pytest.param(
            {**THORAX, **build(200, 80)},
            {"bmi_low_threshold": 20.0},
            None,
            id="at-raised-threshold",
        ),
        pytest.param(
            {**THORAX, "visit.planned_regions": ["LUMBAR_SACRAL"], **build(170, 50)},
            None,
            None,
            id="planned-regions-replace-thoracic-pain",
        ),
    ],
)
def test_it_plans_depth_for_a_low_bmi_over_the_lung(make_doc, overrides, policy, printed):
    result = run(make_doc, overrides, policy)
    hit = finding(result, "low_bmi_thoracic")
    if printed is None:
        assert hit is None
        return
    threshold = (policy or {}).get("bmi_low_threshold", 18.5)
    assert hit["staff_message"] == (
        f"BMI {printed} (below {threshold} before rounding) with lung-field target(s) "
        "THORACIC_SPINE. Plan depth: shorter needles or ultrasound, rib-bracketing, check "
        "bolster positioning."
    )
    assert hit["regions"] == ["THORACIC_SPINE"]
    assert result["excluded_regions"] == []
    assert (hit["category"], hit["scope"], hit["tier_effect"]) == ("RP", "site", "PHYSIO_REVIEW")
    assert hit["sources"] == ["S29"]


@pytest.mark.parametrize("missing", ["height_cm", "weight_kg"])
def test_it_does_not_guess_a_bmi_when_height_or_weight_is_missing(make_doc, missing):
    doc = make_doc({**THORAX, **build(170, 40)})
    del doc["about"][missing]
    result = checked_assessment(doc)
    assert finding(result, "low_bmi_thoracic") is None
    assert finding(result, "thorax_lung_field_region") is not None


def test_it_notes_the_adult_cut_off_for_a_minor(make_doc):
    overrides = {**THORAX, **build(160, 44), "about.date_of_birth": "2010-12-04"}
    result = run(make_doc, overrides)
    assert result["age_at_appointment"] == 15
    assert finding(result, "low_bmi_thoracic")["staff_message"].startswith(
        "BMI 17.2 (below 18.5 before rounding, adult cut-off) with lung-field target(s) "
        "THORACIC_SPINE."
    )


# --- lung_disease_or_prior_pneumothorax / chest_wall_deformity ------------------------------


@pytest.mark.parametrize(
    ("overrides", "what"),
    [
        pytest.param(
            {
                "frailty_bone_chest.lung_condition": "yes",
                "frailty_bone_chest.lung_condition_types": ["copd_emphysema"],
            },
            "copd_emphysema",
            id="copd",
        ),
        pytest.param(
            {
                "frailty_bone_chest.lung_condition": "yes",
                "frailty_bone_chest.lung_condition_types": ["severe_asthma", "prior_pneumothorax"],
            },
            "severe_asthma, prior_pneumothorax. PRIOR PNEUMOTHORAX",
            id="pneumothorax",
        ),
        pytest.param(
            {"frailty_bone_chest.lung_condition": "unsure"}, "answered not sure", id="unsure"
        ),
    ],
)
def test_it_marks_the_lung_field_for_a_lung_condition_whatever_the_targets(
    make_doc, overrides, what
):
    result = run(make_doc, overrides)  # target KNEE_LEG_R only
    hit = finding(result, "lung_disease_or_prior_pneumothorax")
    assert hit["staff_message"] == (
        f"Lung condition: {what}. Avoid or modify needling over the lung field; little "
        "respiratory reserve."
    )
    assert hit["regions"] == LUNG_FIELD
    assert result["excluded_regions"] == []
    unsure = what == "answered not sure"
    assert hit["unsure_fields"] == (["frailty_bone_chest.lung_condition"] if unsure else [])
    assert hit["patient_message"].startswith(NOT_SURE) is unsure
    assert hit["sources"] == ["S28", "S30"]


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_it_marks_the_lung_field_for_a_chest_wall_difference(make_doc, answer):
    # 1.1.0: only with a lung-field target (THORAX); a knee alone gets the note.
    result = run(make_doc, {"frailty_bone_chest.chest_wall_deformity": answer, **THORAX})
    hit = finding(result, "chest_wall_deformity")
    assert hit["staff_message"].startswith(
        "Scoliosis, marked upper-back curve or chest-shape difference "
        f"(answer: {answer}). Plan depth over the thorax;"
    )
    assert hit["regions"] == LUNG_FIELD
    unsure = answer == "unsure"
    assert hit["unsure_fields"] == (["frailty_bone_chest.chest_wall_deformity"] if unsure else [])
    assert hit["patient_message"].startswith(NOT_SURE) is unsure
    assert (hit["scope"], hit["tier_effect"]) == ("site", "PHYSIO_REVIEW")
    assert hit["sources"] == ["S31", "S29"]


@pytest.mark.parametrize(
    "field", ["frailty_bone_chest.lung_condition", "frailty_bone_chest.chest_wall_deformity"]
)
def test_a_chest_question_answered_no_fires_nothing(make_doc, field):
    result = run(make_doc, {field: "no", **THORAX})
    rule_id = field.rsplit(".", 1)[1].replace(
        "lung_condition", "lung_disease_or_prior_pneumothorax"
    )
    assert finding(result, rule_id) is None


# --- thorax_lung_field_region ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "regions"),
    [
        pytest.param(THORAX, ["THORACIC_SPINE"], id="thoracic-pain-region"),
        pytest.param(
            {"visit.planned_regions": ["NECK_ANTERIOR", "CHEST_WALL_R", "ARM_R"]},
            ["NECK_ANTERIOR", "CHEST_WALL_R"],
            id="planned-lung-field",
        ),
        pytest.param(
            {"visit.pain_regions": ["SHOULDER_L", "NECK_POSTERIOR"]},
            None,
            id="shoulder-and-back-of-neck-are-not-lung-field",
        ),
        pytest.param(
            {**THORAX, "visit.planned_regions": ["KNEE_LEG_R"]},
            None,
            id="planned-regions-replace-thoracic-pain",
        ),
    ],
)
def test_it_notes_lung_field_targets(make_doc, overrides, regions):
    result = run(make_doc, overrides)
    hit = finding(result, "thorax_lung_field_region")
    if regions is None:
        assert hit is None
        return
    assert hit["regions"] == regions
    assert hit["staff_message"] == (
        f"Target region(s) over the lung: {', '.join(regions)}. Disclose the pneumothorax risk "
        "and give the safety-netting sheet."
    )
    assert (hit["category"], hit["tier_effect"]) == ("INFO", "INFO_ONLY")
    assert hit["sources"] == ["S1", "S4", "S9", "S16", "S30", "S31"]
    assert result["tier"] == "INFO_ONLY"


# --- contract example ex08 ------------------------------------------------------------------

EX08_OVERRIDES: dict[str, Any] = {
    "about.date_of_birth": "1947-08-02",
    "about.height_cm": 160,
    "about.weight_kg": 58,
    "visit.pain_regions": ["THORACIC_SPINE", "SCAPULA_R"],
    "bleeding.antiplatelets": ["aspirin"],
    "infection.acute_illness": "unsure",
    "implants.metal_allergy": "unsure",
    "conditions.heart_condition": True,
    "conditions.diabetes": "yes",
    "conditions.blood_pressure": {"systolic": 150, "diastolic": 88},
    "conditions.diabetes_details": {
        "type": "type_2",
        "foot_ulcer_or_poor_healing": "yes",
        "severe_low_sugar": "no",
        "high_sugar_symptoms": "unsure",
        "hba1c_percent": 7.8,
    },
    "frailty_bone_chest.frailty": "yes",
    "frailty_bone_chest.osteoporosis": "yes",
    "frailty_bone_chest.frailty_markers": ["thin_fragile_skin", "fall_past_year"],
}


def test_ex08_is_the_shared_example_when_the_shared_folder_exists(make_doc):
    shared = SHARED_EXAMPLES / "ex08-older-adult-multi-rule.json"
    if not shared.exists():
        pytest.skip("the shared contracts folder is not next to this checkout")
    assert make_doc(EX08_OVERRIDES) == json.loads(shared.read_text(encoding="utf-8"))


# ex08-older-adult-multi-rule.expected.json (the always-on rules are left out of both lists).
EX08_MUST_FIRE = {
    "diabetes_complicated",
    "older_adult_frail",
    "osteoporosis",
    "metal_allergy_note",
    "thorax_lung_field_region",
    "antiplatelet_single",
    "cardiovascular_stable",
    "unsure_answers",
}
EX08_MUST_NOT_FIRE = {
    "diabetes_controlled",
    "acute_illness_or_systemic_infection",
    "cardiac_unstable",
    "low_bmi_thoracic",
    "antithrombotic_combination",
    "lung_disease_or_prior_pneumothorax",
    "minor_under_18",
    "metal_allergy",  # 1.1.0: the default policy records nickel-free needles
}


def test_ex08_expectations_match_the_shared_file_when_it_exists():
    shared = SHARED_EXAMPLES / "ex08-older-adult-multi-rule.expected.json"
    if not shared.exists():
        pytest.skip("the shared contracts folder is not next to this checkout")
    expected = json.loads(shared.read_text(encoding="utf-8"))
    assert expected["tier"] == "HOLD_FOR_CLEARANCE"
    assert set(expected["must_fire"]) == EX08_MUST_FIRE
    assert set(expected["must_not_fire"]) == EX08_MUST_NOT_FIRE


def test_ex08_older_adult_holds_for_the_diabetic_foot_ulcer(make_doc):
    result = run(make_doc, EX08_OVERRIDES)
    assert result["tier"] == "HOLD_FOR_CLEARANCE"
    fired = {f["rule"] for f in result["findings"]}
    assert fired >= EX08_MUST_FIRE
    assert not fired & EX08_MUST_NOT_FIRE
    assert finding(result, "diabetes_complicated")["unsure_fields"] == [
        "conditions.diabetes_details.high_sugar_symptoms"
    ]
    assert finding(result, "unsure_answers")["unsure_fields"] == ["infection.acute_illness"]
    assert finding(result, "thorax_lung_field_region")["regions"] == ["SCAPULA_R", "THORACIC_SPINE"]
    assert finding(result, "older_adult_frail")["staff_message"].startswith(
        "Frailty: thin_fragile_skin, fall_past_year; age 79."
    )
    # BMI 22.7 is above the threshold however it is rounded.
    assert finding(result, "low_bmi_thoracic") is None


# --- 3.4: each unsure answer is listed on its own finding, and only reviews -----------------


@pytest.mark.parametrize(
    ("field", "listed_on"),
    [
        ("frailty_bone_chest.frailty", "older_adult_frail"),
        ("frailty_bone_chest.osteoporosis", "osteoporosis"),
        ("frailty_bone_chest.lung_condition", "lung_disease_or_prior_pneumothorax"),
        ("frailty_bone_chest.chest_wall_deformity", "chest_wall_deformity_note"),
    ],
)
def test_an_unsure_frailty_answer_is_listed_once_and_only_reviews(make_doc, field, listed_on):
    result = run(make_doc, {field: "unsure"})
    assert [f["rule"] for f in result["findings"] if field in f["unsure_fields"]] == [listed_on]
    # 3.4 principle 1 (1.1.0): the chest-wall note (knee target) is INFO for unsure as for yes.
    note = listed_on.endswith("_note")
    assert result["tier"] == ("INFO_ONLY" if note else "PHYSIO_REVIEW")
