"""Tables for the epilepsy, neurological, numbness and mental-health rules (6.6).

Run through ``assess``; every document must be a valid intake (schema and checks V1-V8)
and every result a valid assessment. The appointment is 2026-12-03 and the baseline
target is KNEE_LEG_R.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules.tables import (
    NOT_SURE,
    days_before,
    finding,
    run,
)

# --- epilepsy_controlled / epilepsy_uncontrolled --------------------------------------------


def epilepsy(last_seizure_days: int, medicine_changed_days: int | None = None) -> dict:
    answers: dict[str, Any] = {
        "conditions.epilepsy": "yes",
        "conditions.last_seizure_date": days_before(last_seizure_days),
    }
    if medicine_changed_days is not None:
        answers["conditions.seizure_medicine_changed_on"] = days_before(medicine_changed_days)
    return answers


@pytest.mark.parametrize(
    ("overrides", "policy", "expected"),
    [
        pytest.param({}, None, None, id="no-epilepsy"),
        pytest.param({"conditions.epilepsy": "unsure"}, None, "epilepsy_controlled", id="unsure"),
        pytest.param(epilepsy(365), None, "epilepsy_uncontrolled", id="seizure-day-365"),
        pytest.param(epilepsy(366), None, "epilepsy_controlled", id="seizure-day-366"),
        pytest.param(
            epilepsy(180),
            {"seizure_free_days": 180},
            "epilepsy_uncontrolled",
            id="seizure-day-180-window-180",
        ),
        pytest.param(
            epilepsy(181),
            {"seizure_free_days": 180},
            "epilepsy_controlled",
            id="seizure-day-181-window-180",
        ),
        pytest.param(
            epilepsy(800, 90), None, "epilepsy_uncontrolled", id="medicine-changed-day-90"
        ),
        pytest.param(epilepsy(800, 91), None, "epilepsy_controlled", id="medicine-changed-day-91"),
        pytest.param(
            epilepsy(800, 30),
            {"seizure_med_change_window_days": 30},
            "epilepsy_uncontrolled",
            id="medicine-changed-day-30-window-30",
        ),
        pytest.param(
            epilepsy(800, 31),
            {"seizure_med_change_window_days": 30},
            "epilepsy_controlled",
            id="medicine-changed-day-31-window-30",
        ),
    ],
)
def test_it_splits_epilepsy_by_seizure_free_time(make_doc, overrides, policy, expected):
    result = run(make_doc, overrides, policy)
    fired = {f["rule"] for f in result["findings"]} & {
        "epilepsy_controlled",
        "epilepsy_uncontrolled",
    }
    assert fired == ({expected} if expected else set())
    assert result["estim_allowed"] is (expected is None)
    # Epilepsy answers never feed the neurological rule (3.5).
    assert finding(result, "neurological_condition") is None


def test_it_holds_uncontrolled_epilepsy_with_its_dates(make_doc):
    result = run(make_doc, epilepsy(200, 100))
    hit = finding(result, "epilepsy_uncontrolled")
    assert hit["staff_message"] == (
        f"Epilepsy: last seizure {days_before(200)}; seizure medicine changed on "
        f"{days_before(100)}. Needs neurologist or physician clearance; no e-stim."
    )
    assert (hit["category"], hit["tier_effect"]) == ("PC", "HOLD_FOR_CLEARANCE")
    assert hit["sources"] == ["S37", "S46"]
    assert result["tier"] == "HOLD_FOR_CLEARANCE"


def test_it_reviews_controlled_epilepsy_with_the_policy_window(make_doc):
    hit = finding(run(make_doc, epilepsy(400), {"seizure_free_days": 200}), "epilepsy_controlled")
    assert hit["staff_message"] == (
        f"Epilepsy or seizures, last seizure {days_before(400)}, more than 200 days ago. "
        "Needle lying down; no e-stim; start with a small dose."
    )
    assert hit["patient_message"].startswith("You have had seizures")
    assert hit["unsure_fields"] == []
    assert hit["sources"] == ["S10", "S10a", "S37"]


def test_an_unsure_epilepsy_answer_turns_e_stim_off_without_stating_seizures(make_doc):
    result = run(make_doc, {"conditions.epilepsy": "unsure"})
    hit = finding(result, "epilepsy_controlled")
    assert hit["staff_message"].startswith("Answered not sure about epilepsy or seizures.")
    assert hit["patient_message"].startswith(NOT_SURE)
    assert "You have had seizures" not in hit["patient_message"]
    assert hit["unsure_fields"] == ["conditions.epilepsy"]
    assert result["estim_allowed"] is False
    assert finding(result, "unsure_answers") is None


# --- neurological_condition -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "what", "unsure"),
    [
        pytest.param(
            {
                "conditions.neurological_condition": "yes",
                "conditions.neurological_condition_types": ["stroke", "parkinsons"],
            },
            "stroke, parkinsons",
            False,
            id="yes",
        ),
        pytest.param(
            {"conditions.neurological_condition": "unsure"}, "answered not sure", True, id="unsure"
        ),
    ],
)
def test_it_reviews_a_neurological_condition(make_doc, overrides, what, unsure):
    hit = finding(run(make_doc, overrides), "neurological_condition")
    assert hit["staff_message"] == (
        f"Neurological condition: {what}. Check sensation and communication before needling; "
        "needling for spasticity is not ruled out."
    )
    assert hit["unsure_fields"] == (["conditions.neurological_condition"] if unsure else [])
    # 3.7 (1.1.0): the fixed message is already neutral and is kept for "not sure".
    assert not hit["patient_message"].startswith(NOT_SURE)
    assert hit["tier_effect"] == "PHYSIO_REVIEW"


def test_it_does_not_review_a_neurological_condition_answered_no(make_doc):
    assert finding(run(make_doc, {}), "neurological_condition") is None


# --- sensory_loss_at_site -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "regions"),
    [
        pytest.param(
            {"conditions.numbness": True, "conditions.numbness_areas": ["LOWER_LIMB_R"]},
            ["KNEE_LEG_R"],
            id="numb-limb-expanded-meets-target",
        ),
        pytest.param(
            {
                "conditions.numbness": True,
                "conditions.numbness_areas": ["ANKLE_FOOT_R", "HIP_THIGH_R"],
            },
            None,
            id="numb-next-to-target-fires-nothing",
        ),
        pytest.param(
            {
                "conditions.numbness": True,
                "conditions.numbness_areas": ["ARM_L"],
                "visit.planned_regions": ["SHOULDER_L", "ARM_L"],
            },
            ["ARM_L"],
            id="planned-regions-are-targets",
        ),
        pytest.param(
            {
                "conditions.numbness": True,
                "conditions.numbness_areas": ["KNEE_LEG_R"],
                "visit.planned_regions": ["LUMBAR_SACRAL"],
            },
            None,
            id="planned-regions-replace-pain-regions",
        ),
        pytest.param({}, None, id="no-numbness"),
    ],
)
def test_it_excludes_numb_regions_only_when_targeted(make_doc, overrides, regions):
    result = run(make_doc, overrides)
    hit = finding(result, "sensory_loss_at_site")
    if regions is None:
        assert hit is None
        assert result["excluded_regions"] == []
        return
    assert hit["regions"] == regions
    assert result["excluded_regions"] == regions
    assert hit["staff_message"] == (
        f"Numbness or reduced feeling in target region(s) {', '.join(regions)}: the patient "
        "may not feel sharp or nerve pain there."
    )
    assert (hit["category"], hit["scope"]) == ("RP", "site")
    assert hit["sources"] == ["S46", "S10", "S10a"]


def test_numbness_feeds_no_neurological_finding(make_doc):
    result = run(make_doc, {"conditions.numbness": True, "conditions.numbness_areas": ["ARM_R"]})
    assert [f["rule"] for f in result["findings"] if f["tier_effect"] != "NONE"] == []


# --- psychological_condition ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "what", "unsure"),
    [
        pytest.param(
            {
                "conditions.mental_health": "yes",
                "conditions.mental_health_details": "Panic attacks",
            },
            ': "Panic attacks"',
            False,
            id="yes-with-details",
        ),
        pytest.param(
            {"conditions.mental_health": "yes"},
            " (answered yes, no details)",
            False,
            id="yes-no-details",
        ),
        pytest.param(
            {"conditions.mental_health": "unsure"}, " (answered not sure)", True, id="unsure"
        ),
        pytest.param(
            {"conditions.mental_health": "unsure", "conditions.mental_health_details": "Low mood"},
            ' (answered not sure): "Low mood"',
            True,
            id="unsure-with-details",
        ),
    ],
)
def test_mental_health_information_is_a_note(make_doc, overrides, what, unsure):
    """1.1.0: without a request to talk first, mental health is mental_health_note (INFO)."""
    result = run(make_doc, overrides)
    assert finding(result, "psychological_condition") is None
    hit = finding(result, "mental_health_note")
    assert hit["staff_message"] == (
        f"Mental or emotional health information to consider{what}. Trauma-informed approach: "
        "explain each step, ask before touching, agree a stop signal."
    )
    assert hit["tier_effect"] == "INFO_ONLY" and result["tier"] == "INFO_ONLY"
    assert hit["unsure_fields"] == (["conditions.mental_health"] if unsure else [])
    assert hit["patient_message"].startswith(NOT_SURE) is unsure
    assert hit["sources"] == ["S10", "S10a", "S34"]


@pytest.mark.parametrize("details", [{}, {"conditions.mental_health_details": "Panic attacks"}])
def test_a_request_to_talk_first_is_a_review(make_doc, details):
    overrides = {
        "conditions.mental_health": "yes",
        "conditions.mental_health_discuss_first": True,
        **details,
    }
    result = run(make_doc, overrides)
    assert finding(result, "mental_health_note") is None
    hit = finding(result, "psychological_condition")
    what = ': "Panic attacks"' if details else ""
    assert hit["staff_message"] == (
        f"Mental or emotional health information to consider{what}. The patient asks to talk "
        "about it before any needling is planned. Trauma-informed approach; assess capacity if "
        "there is acute confusion or psychosis."
    )
    assert result["tier"] == "PHYSIO_REVIEW"


def test_no_request_to_talk_first_is_still_a_note(make_doc):
    overrides = {"conditions.mental_health": "yes", "conditions.mental_health_discuss_first": False}
    assert finding(run(make_doc, overrides), "mental_health_note") is not None


def test_it_cuts_long_mental_health_details_to_200_characters(make_doc):
    details = "x" * 250
    overrides = {"conditions.mental_health": "yes", "conditions.mental_health_details": details}
    hit = finding(run(make_doc, overrides), "mental_health_note")
    assert f'"{"x" * 200}…"' in hit["staff_message"]
    assert "x" * 201 not in hit["staff_message"]


def test_it_does_not_review_mental_health_answered_no(make_doc):
    assert finding(run(make_doc, {}), "psychological_condition") is None
