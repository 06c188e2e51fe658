"""Tables for the medical-condition rules (clinical-rules.md 6.6), run through ``assess``.

Every document must be a valid intake (schema and checks V1-V8) and every result a valid
assessment, so no case relies on an impossible intake. The appointment is 2026-12-03 and
the form was completed 2026-12-01.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules.tables import (
    days_before,
    finding,
    run,
    unsure_listed_on,
)

# --- cardiac_unstable / cardiovascular_stable --------------------------------------------

HEART = {"conditions.heart_condition": True}


def cardiac_event(days: int) -> dict[str, Any]:
    return {"conditions.cardiac_event": True, "conditions.cardiac_event_date": days_before(days)}


def bp(systolic: int, diastolic: int) -> dict[str, Any]:
    return {"conditions.blood_pressure": {"systolic": systolic, "diastolic": diastolic}}


@pytest.mark.parametrize(
    ("overrides", "policy", "unstable", "stable"),
    [
        pytest.param({}, None, False, False, id="no-heart-history"),
        pytest.param(HEART, None, False, True, id="stable-heart-disease"),
        pytest.param(
            {**HEART, "conditions.heart_unstable_now": "yes"}, None, True, False, id="unstable-now"
        ),
        pytest.param(
            {**HEART, "conditions.heart_unstable_now": "unsure"},
            None,
            False,
            False,
            id="unstable-unsure-fires-neither",
        ),
        pytest.param(cardiac_event(90), None, True, False, id="event-day-90"),
        pytest.param(cardiac_event(91), None, False, True, id="event-day-91"),
        pytest.param(
            cardiac_event(120),
            {"cardiac_event_window_days": 120},
            True,
            False,
            id="event-day-120-window-120",
        ),
        pytest.param(
            cardiac_event(121),
            {"cardiac_event_window_days": 120},
            False,
            True,
            id="event-day-121-window-120",
        ),
        pytest.param(bp(180, 80), None, True, False, id="systolic-at-limit-no-heart-answer"),
        pytest.param({**HEART, **bp(179, 109)}, None, False, True, id="bp-just-below-limits"),
        pytest.param({**HEART, **bp(150, 110)}, None, True, False, id="diastolic-at-limit"),
        pytest.param(
            {**HEART, **bp(160, 80)},
            {"bp_systolic_limit": 160},
            True,
            False,
            id="systolic-at-lowered-limit",
        ),
        pytest.param(
            {**HEART, **bp(159, 99)},
            {"bp_systolic_limit": 160, "bp_diastolic_limit": 100},
            False,
            True,
            id="below-lowered-limits",
        ),
        pytest.param(
            {**HEART, **bp(150, 100)},
            {"bp_diastolic_limit": 100},
            True,
            False,
            id="diastolic-at-lowered-limit",
        ),
    ],
)
def test_it_holds_an_unstable_heart_and_notes_a_stable_one(
    make_doc, overrides, policy, unstable, stable
):
    result = run(make_doc, overrides, policy)
    assert (finding(result, "cardiac_unstable") is not None) is unstable
    assert (finding(result, "cardiovascular_stable") is not None) is stable
    if unstable:
        assert result["tier"] == "HOLD_FOR_CLEARANCE"


def test_it_lists_every_reason_the_heart_may_be_unstable(make_doc):
    overrides = {"conditions.heart_unstable_now": "yes", **cardiac_event(30), **bp(185, 95)}
    hit = finding(run(make_doc, overrides), "cardiac_unstable")
    assert hit["staff_message"] == (
        "Heart may be unstable: unstable now (patient report); heart attack, heart surgery or "
        f"stent on {days_before(30)}; blood pressure 185/95. "
        "Needs physician or cardiologist clearance."
    )
    assert (hit["category"], hit["scope"], hit["tier_effect"]) == (
        "PC",
        "global",
        "HOLD_FOR_CLEARANCE",
    )
    assert hit["sources"] == ["S27", "S46"]
    assert hit["unsure_fields"] == []


def test_it_sends_an_unsure_unstable_heart_to_unsure_answers(make_doc):
    result = run(make_doc, {**HEART, "conditions.heart_unstable_now": "unsure", **bp(185, 95)})
    assert finding(result, "cardiac_unstable") is not None
    assert unsure_listed_on(result, "conditions.heart_unstable_now") == ["unsure_answers"]


def test_it_prints_the_last_reading_for_stable_heart_disease(make_doc):
    with_reading = finding(run(make_doc, {**HEART, **bp(150, 88)}), "cardiovascular_stable")
    without = finding(run(make_doc, HEART), "cardiovascular_stable")
    assert with_reading["staff_message"] == (
        "Stable heart disease or high blood pressure. Last reading 150/88. "
        "Needle lying down; check blood thinners."
    )
    assert without["staff_message"] == (
        "Stable heart disease or high blood pressure. Needle lying down; check blood thinners."
    )
    assert with_reading["tier_effect"] == "INFO_ONLY"


# --- diabetes_controlled / diabetes_complicated -------------------------------------------


def diabetes(**details: Any) -> dict[str, Any]:
    answers = {
        "foot_ulcer_or_poor_healing": "no",
        "severe_low_sugar": "no",
        "high_sugar_symptoms": "no",
        **details,
    }
    return {"conditions.diabetes": "yes", "conditions.diabetes_details": answers}


@pytest.mark.parametrize(
    ("overrides", "policy", "expected"),
    [
        pytest.param({}, None, None, id="no-diabetes"),
        pytest.param({"conditions.diabetes": "unsure"}, None, None, id="unsure-diabetes"),
        pytest.param(diabetes(), None, "diabetes_controlled", id="no-complications"),
        pytest.param(diabetes(hba1c_percent=9.0), None, "diabetes_controlled", id="hba1c-at-limit"),
        pytest.param(
            diabetes(hba1c_percent=9.01), None, "diabetes_complicated", id="hba1c-just-above-limit"
        ),
        pytest.param(
            diabetes(hba1c_percent=8.0),
            {"hba1c_limit_percent": 8.0},
            "diabetes_controlled",
            id="hba1c-at-lowered-limit",
        ),
        pytest.param(
            diabetes(hba1c_percent=8.1),
            {"hba1c_limit_percent": 8.0},
            "diabetes_complicated",
            id="hba1c-above-lowered-limit",
        ),
        pytest.param(
            diabetes(foot_ulcer_or_poor_healing="yes"),
            None,
            "diabetes_complicated",
            id="foot-ulcer",
        ),
        pytest.param(
            diabetes(severe_low_sugar="yes"), None, "diabetes_complicated", id="severe-low"
        ),
        pytest.param(
            diabetes(high_sugar_symptoms="yes"),
            None,
            "diabetes_complicated",
            id="high-sugars-hba1c-unknown",
        ),
        pytest.param(
            diabetes(high_sugar_symptoms="yes", hba1c_percent=9.0),
            None,
            "diabetes_controlled",
            id="known-hba1c-outweighs-high-sugars",
        ),
        pytest.param(
            diabetes(foot_ulcer_or_poor_healing="unsure"),
            None,
            "diabetes_controlled",
            id="unsure-detail-stays-review",
        ),
    ],
)
def test_it_splits_diabetes_into_review_and_hold(make_doc, overrides, policy, expected):
    result = run(make_doc, overrides, policy)
    fired = {f["rule"] for f in result["findings"]} & {
        "diabetes_controlled",
        "diabetes_complicated",
    }
    assert fired == ({expected} if expected else set())


def test_it_names_the_diabetes_type_hba1c_and_unsure_details(make_doc):
    overrides = diabetes(type="type_1", hba1c_percent=7.5, severe_low_sugar="unsure")
    hit = finding(run(make_doc, overrides), "diabetes_controlled")
    assert hit["staff_message"] == (
        "Diabetes (type_1), HbA1c 7.5%. Answered not sure: severe low-sugar episode. "
        "Strict asepsis; avoid limbs with poor feeling or circulation; check the patient has "
        "eaten."
    )
    assert hit["unsure_fields"] == ["conditions.diabetes_details.severe_low_sugar"]
    assert hit["sources"] == ["S10", "S10a", "S13a"]


def test_the_complicated_finding_takes_over_the_unsure_details(make_doc):
    overrides = diabetes(
        foot_ulcer_or_poor_healing="yes", severe_low_sugar="unsure", high_sugar_symptoms="unsure"
    )
    result = run(make_doc, overrides)
    assert finding(result, "diabetes_controlled") is None
    assert finding(result, "diabetes_complicated")["unsure_fields"] == [
        "conditions.diabetes_details.high_sugar_symptoms",
        "conditions.diabetes_details.severe_low_sugar",
    ]
    assert finding(result, "unsure_answers") is None


def test_it_lists_every_diabetes_complication_with_the_policy_numbers(make_doc):
    overrides = diabetes(
        foot_ulcer_or_poor_healing="yes", severe_low_sugar="yes", hba1c_percent=10.2
    )
    policy = {"severe_low_sugar_window_days": 30, "hba1c_limit_percent": 8.5}
    hit = finding(run(make_doc, overrides, policy), "diabetes_complicated")
    assert hit["staff_message"] == (
        "Diabetes with a foot ulcer, sore or slow healing; a severe low-sugar episode in the "
        "last 30 days; HbA1c 10.2% above 8.5%. Needs physician clearance; no needling in limbs "
        "with ulcers or poor healing."
    )
    unknown = finding(run(make_doc, diabetes(high_sugar_symptoms="yes")), "diabetes_complicated")
    assert "frequent high sugars, HbA1c not known" in unknown["staff_message"]


def test_an_unsure_diabetes_answer_goes_to_unsure_answers(make_doc):
    result = run(make_doc, {"conditions.diabetes": "unsure"})
    assert unsure_listed_on(result, "conditions.diabetes") == ["unsure_answers"]


# --- peripheral_vascular_or_varicose --------------------------------------------------------


@pytest.mark.parametrize(
    ("areas", "regions", "excluded"),
    [
        pytest.param(
            {"conditions.poor_circulation_areas": ["LOWER_LIMB_L"]},
            ["HIP_THIGH_L", "KNEE_LEG_L", "ANKLE_FOOT_L"],
            ["HIP_THIGH_L", "KNEE_LEG_L", "ANKLE_FOOT_L"],
            id="poor-circulation-limb-expanded-and-excluded",
        ),
        pytest.param(
            {"conditions.varicose_vein_areas": ["KNEE_LEG_L"]},
            ["KNEE_LEG_L"],
            [],
            id="varicose-only-not-excluded",
        ),
        pytest.param(
            {
                "conditions.past_clot_areas": ["LOWER_LIMB_R"],
                "conditions.poor_circulation_areas": ["ANKLE_FOOT_L"],
            },
            ["HIP_THIGH_R", "KNEE_LEG_R", "ANKLE_FOOT_L", "ANKLE_FOOT_R"],
            ["ANKLE_FOOT_L"],
            id="clot-and-poor-circulation",
        ),
    ],
)
def test_it_marks_circulation_areas_whatever_the_targets(make_doc, areas, regions, excluded):
    overrides = {"conditions.circulation_problem": "yes", "visit.pain_regions": ["NECK_POSTERIOR"]}
    result = run(make_doc, {**overrides, **areas})
    hit = finding(result, "peripheral_vascular_or_varicose")
    assert hit["regions"] == regions
    assert result["excluded_regions"] == excluded
    assert (hit["category"], hit["scope"], hit["tier_effect"]) == ("RP", "site", "PHYSIO_REVIEW")


def test_it_joins_the_circulation_parts_that_apply(make_doc):
    overrides = {
        "conditions.circulation_problem": "yes",
        "conditions.poor_circulation_areas": ["ANKLE_FOOT_R", "ANKLE_FOOT_L"],
        "conditions.varicose_vein_areas": ["KNEE_LEG_L"],
    }
    hit = finding(run(make_doc, overrides), "peripheral_vascular_or_varicose")
    assert hit["staff_message"] == (
        "Circulation problem: poor circulation ANKLE_FOOT_L, ANKLE_FOOT_R; varicose veins "
        "KNEE_LEG_L. Avoid varicosities and areas with poor blood flow; check blood thinners."
    )


@pytest.mark.parametrize("answer", ["no", "unsure"])
def test_it_does_not_mark_circulation_without_a_yes(make_doc, answer):
    result = run(make_doc, {"conditions.circulation_problem": answer})
    assert finding(result, "peripheral_vascular_or_varicose") is None
    expected = ["unsure_answers"] if answer == "unsure" else []
    assert unsure_listed_on(result, "conditions.circulation_problem") == expected


# --- inflammatory_arthritis ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "status", "regions", "unsure"),
    [
        pytest.param(
            {
                "conditions.arthritis_flaring_now": "yes",
                "conditions.arthritis_flare_regions": ["KNEE_LEG_L", "FOREARM_HAND_R"],
            },
            "; flaring now at FOREARM_HAND_R, KNEE_LEG_L",
            ["FOREARM_HAND_R", "KNEE_LEG_L"],
            [],
            id="flaring",
        ),
        pytest.param(
            {"conditions.arthritis_flaring_now": "no"}, "; not flaring", [], [], id="not-flaring"
        ),
        pytest.param(
            {"conditions.arthritis_flaring_now": "unsure"},
            "; flare status not sure",
            [],
            ["conditions.arthritis_flaring_now"],
            id="flare-unsure",
        ),
    ],
)
def test_it_excludes_only_the_joints_flaring_now(make_doc, overrides, status, regions, unsure):
    result = run(make_doc, {"conditions.inflammatory_arthritis": "yes", **overrides})
    hit = finding(result, "inflammatory_arthritis")
    assert hit["staff_message"].startswith(f"Inflammatory arthritis{status}. Avoid hot")
    assert hit["regions"] == regions
    assert result["excluded_regions"] == regions
    assert hit["unsure_fields"] == unsure
    assert hit["sources"] == ["S27", "S46"]


@pytest.mark.parametrize(("answer", "listed_on"), [("no", []), ("unsure", ["unsure_answers"])])
def test_it_does_not_fire_arthritis_without_a_yes(make_doc, answer, listed_on):
    result = run(make_doc, {"conditions.inflammatory_arthritis": answer})
    assert finding(result, "inflammatory_arthritis") is None
    assert unsure_listed_on(result, "conditions.inflammatory_arthritis") == listed_on


# --- cancer_active_or_recent / tumour_or_radiation_field ------------------------------------


def cancer_past(days: int, **extra: Any) -> dict[str, Any]:
    return {
        "conditions.cancer": "past",
        "conditions.cancer_treatment_ended_on": days_before(days),
        **extra,
    }


@pytest.mark.parametrize(
    ("overrides", "policy", "hold", "message"),
    [
        pytest.param(
            {"conditions.cancer": "active"}, None, True, "Cancer now or in treatment", id="active"
        ),
        pytest.param(
            cancer_past(365),
            None,
            True,
            f"Cancer treatment ended {days_before(365)}",
            id="ended-day-365",
        ),
        pytest.param(cancer_past(366), None, False, None, id="ended-day-366"),
        pytest.param(
            cancer_past(180),
            {"cancer_treatment_window_days": 180},
            True,
            f"Cancer treatment ended {days_before(180)}",
            id="ended-day-180-window-180",
        ),
        pytest.param(
            cancer_past(181),
            {"cancer_treatment_window_days": 180},
            False,
            None,
            id="ended-day-181-window-180",
        ),
        pytest.param({"conditions.cancer": "unsure"}, None, False, None, id="unsure"),
        pytest.param({}, None, False, None, id="no-cancer"),
    ],
)
def test_it_holds_active_or_recent_cancer(make_doc, overrides, policy, hold, message):
    result = run(make_doc, overrides, policy)
    hit = finding(result, "cancer_active_or_recent")
    assert (hit is not None) is hold
    if hold:
        assert hit["staff_message"] == (
            f"{message}. Needs oncology or physician clearance before needling."
        )
        assert hit["sources"] == ["S39", "S46", "S27"]
        assert result["tier"] == "HOLD_FOR_CLEARANCE"


def test_an_unsure_cancer_answer_goes_to_unsure_answers(make_doc):
    result = run(make_doc, {"conditions.cancer": "unsure"})
    assert unsure_listed_on(result, "conditions.cancer") == ["unsure_answers"]


@pytest.mark.parametrize(
    ("overrides", "fires", "hold"),
    [
        pytest.param(
            {
                "conditions.cancer": "active",
                "conditions.tumour_or_radiation_regions": ["CHEST_WALL_L"],
            },
            True,
            True,
            id="active-with-field",
        ),
        pytest.param(
            cancer_past(4000, **{"conditions.tumour_or_radiation_regions": ["CHEST_WALL_L"]}),
            True,
            False,
            id="old-radiation-field-stays-excluded",
        ),
        pytest.param(cancer_past(4000), False, False, id="old-cancer-no-field"),
    ],
)
def test_it_excludes_a_tumour_or_radiation_field_for_good(make_doc, overrides, fires, hold):
    result = run(make_doc, overrides)  # targets: KNEE_LEG_R, far from the field
    hit = finding(result, "tumour_or_radiation_field")
    assert (hit is not None) is fires
    assert (finding(result, "cancer_active_or_recent") is not None) is hold
    if fires:
        assert hit["regions"] == ["CHEST_WALL_L"]
        assert result["excluded_regions"] == ["CHEST_WALL_L"]
        assert (hit["category"], hit["scope"], hit["tier_effect"]) == (
            "AC",
            "site",
            "PHYSIO_REVIEW",
        )
        assert hit["staff_message"] == (
            "Tumour, cancer spread to bone, or irradiated skin at CHEST_WALL_L. "
            "Never needle into these areas."
        )
        assert result["tier"] == ("HOLD_FOR_CLEARANCE" if hold else "PHYSIO_REVIEW")


# --- red_flag_symptoms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "what", "unsure"),
    [
        pytest.param(
            {
                "conditions.red_flags": "yes",
                "conditions.red_flag_items": ["night_pain", "bladder_bowel_change"],
            },
            "night_pain, bladder_bowel_change",
            False,
            id="yes",
        ),
        pytest.param({"conditions.red_flags": "unsure"}, "answered not sure", True, id="unsure"),
    ],
)
def test_it_flags_red_flag_symptoms(make_doc, overrides, what, unsure):
    hit = finding(run(make_doc, overrides), "red_flag_symptoms")
    assert hit["staff_message"] == (
        f"Possible red flags: {what}. Screen before any needling; refer if needed."
    )
    assert hit["unsure_fields"] == (["conditions.red_flags"] if unsure else [])
    assert hit["patient_message"].startswith("You told us you are not sure") is unsure
    # The emergency advice stays in both variants: it is conditional, not a statement of fact.
    assert hit["patient_message"].endswith(
        "If you have new trouble controlling your bladder or bowels, or new weakness in your "
        "legs, get medical help right away."
    )


def test_it_asks_about_red_flags_in_the_catalogue_words(make_doc):
    overrides = {"conditions.red_flags": "yes", "conditions.red_flag_items": ["weight_loss"]}
    hit = finding(run(make_doc, overrides), "red_flag_symptoms")
    assert hit["patient_message"] == (
        "Some of the symptoms you mentioned need a closer look. Your physiotherapist will ask "
        "about them first and may suggest you see your doctor. If you have new trouble "
        "controlling your bladder or bowels, or new weakness in your legs, get medical help "
        "right away."
    )
    assert hit["sources"] == ["S27"]


def test_it_does_not_flag_red_flags_answered_no(make_doc):
    assert finding(run(make_doc, {}), "red_flag_symptoms") is None


# --- 3.4: each unsure answer is listed on exactly one finding, and only reviews -------------


@pytest.mark.parametrize(
    ("overrides", "path", "listed_on"),
    [
        (
            {**HEART, "conditions.heart_unstable_now": "unsure"},
            "conditions.heart_unstable_now",
            "unsure_answers",
        ),
        ({"conditions.diabetes": "unsure"}, "conditions.diabetes", "unsure_answers"),
        (
            diabetes(foot_ulcer_or_poor_healing="unsure"),
            "conditions.diabetes_details.foot_ulcer_or_poor_healing",
            "diabetes_controlled",
        ),
        (
            diabetes(severe_low_sugar="unsure"),
            "conditions.diabetes_details.severe_low_sugar",
            "diabetes_controlled",
        ),
        (
            diabetes(high_sugar_symptoms="unsure"),
            "conditions.diabetes_details.high_sugar_symptoms",
            "diabetes_controlled",
        ),
        (
            {"conditions.circulation_problem": "unsure"},
            "conditions.circulation_problem",
            "unsure_answers",
        ),
        (
            {"conditions.inflammatory_arthritis": "unsure"},
            "conditions.inflammatory_arthritis",
            "unsure_answers",
        ),
        (
            {
                "conditions.inflammatory_arthritis": "yes",
                "conditions.arthritis_flaring_now": "unsure",
            },
            "conditions.arthritis_flaring_now",
            "inflammatory_arthritis",
        ),
        ({"conditions.epilepsy": "unsure"}, "conditions.epilepsy", "epilepsy_controlled"),
        (
            {"conditions.neurological_condition": "unsure"},
            "conditions.neurological_condition",
            "neurological_condition",
        ),
        ({"conditions.cancer": "unsure"}, "conditions.cancer", "unsure_answers"),
        ({"conditions.red_flags": "unsure"}, "conditions.red_flags", "red_flag_symptoms"),
        (
            {"conditions.mental_health": "unsure"},
            "conditions.mental_health",
            "mental_health_note",
        ),
    ],
)
def test_an_unsure_condition_answer_is_listed_once_and_only_reviews(
    make_doc, overrides, path, listed_on
):
    result = run(make_doc, overrides)
    assert unsure_listed_on(result, path) == [listed_on]
    # 3.4 principle 1 (1.1.0): a mental-health "not sure" is a note, like its "yes".
    note = listed_on == "mental_health_note"
    assert result["tier"] == ("INFO_ONLY" if note else "PHYSIO_REVIEW")
