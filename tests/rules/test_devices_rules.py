"""Tables for the implant, device and allergy rules (clinical-rules.md 6.5).

Every case is a valid dn-intake/1 document (checked against the schema) built from the
healthy baseline in conftest.py: appointment 2026-12-03, form completed 2026-12-01,
target KNEE_LEG_R.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.rules.tables import (
    EXAMPLES,
    NOT_SURE,
    assessed,
    check,
    days_before,
    finding,
)

BOTH_CHEST = ["CHEST_WALL_L", "CHEST_WALL_R"]


def pacemaker(side: str) -> dict[str, Any]:
    return {"implants.cardiac_device": "yes", "implants.cardiac_device_side": side}


@pytest.mark.parametrize(
    ("overrides", "side_text", "regions", "unsure_fields"),
    [
        pytest.param(pacemaker("left"), "left side", ["CHEST_WALL_L"], [], id="left"),
        pytest.param(pacemaker("right"), "right side", ["CHEST_WALL_R"], [], id="right"),
        pytest.param(pacemaker("unknown"), "side not known", BOTH_CHEST, [], id="side-unknown"),
        pytest.param(
            {"implants.cardiac_device": "unsure"},
            "answered not sure",
            BOTH_CHEST,
            ["implants.cardiac_device"],
            id="unsure-like-side-unknown",
        ),
    ],
)
def test_cardiac_device_turns_estim_off_and_excludes_the_device(
    make_doc, overrides, side_text, regions, unsure_fields
):
    assessment = assessed(make_doc(overrides))
    check(
        assessment,
        "cardiac_device",
        {
            "category": "AC",
            "scope": "modality",
            "tier_effect": "PHYSIO_REVIEW",
            "regions": regions,
            "unsure_fields": unsure_fields,
            "staff_message": f"Pacemaker or implanted defibrillator ({side_text}). No electrical "
            "stimulation anywhere; no needling over the device or its leads "
            f"({', '.join(regions)}).",
            "sources": ["S34", "S13a"],
        },
    )
    # A permanent structure: excluded although only the knee is targeted.
    assert assessment["excluded_regions"] == regions
    assert assessment["estim_allowed"] is False
    assert assessment["tier"] == "PHYSIO_REVIEW"
    assert finding(assessment, "unsure_answers") is None


def test_no_cardiac_device_leaves_estim_allowed(make_doc):
    assessment = assessed(make_doc({"implants.cardiac_device": "no"}))
    check(assessment, "cardiac_device", None)
    assert assessment["estim_allowed"] is True


@pytest.mark.parametrize(
    ("answer", "neutral"), [pytest.param("unsure", True), pytest.param("yes", False)]
)
def test_cardiac_device_patient_message_is_neutral_only_when_unsure(make_doc, answer, neutral):
    overrides = pacemaker("left") if answer == "yes" else {"implants.cardiac_device": "unsure"}
    message = finding(assessed(make_doc(overrides)), "cardiac_device")["patient_message"]
    assert message.startswith(NOT_SURE) is neutral


def device(**extra: Any) -> dict[str, Any]:
    return {
        "implants.other_electronic_device": "yes",
        "implants.other_device_types": ["insulin_pump"],
    } | {f"implants.{key}": value for key, value in extra.items()}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            device(),
            {
                "regions": [],
                "unsure_fields": [],
                "staff_message": "Implanted or attached electronic device: insulin_pump. "
                "Location not marked: find the device, leads and infusion or sensor sites before "
                "needling. No electrical stimulation.",
            },
            id="location-not-marked-no-region-guessed",
        ),
        pytest.param(
            device(
                other_device_types=["spinal_cord_stimulator", "glucose_sensor"],
                other_device_regions=["THORACIC_SPINE", "ARM_L"],
            ),
            {
                "regions": ["THORACIC_SPINE", "ARM_L"],
                "staff_message": "Implanted or attached electronic device: "
                "spinal_cord_stimulator, glucose_sensor. Marked at: THORACIC_SPINE, ARM_L. No "
                "electrical stimulation.",
            },
            id="marked",
        ),
        pytest.param(
            {"implants.other_electronic_device": "unsure"},
            {
                "regions": [],
                "unsure_fields": ["implants.other_electronic_device"],
                "staff_message": "Implanted or attached electronic device: answered not sure. "
                "Location not marked: find the device, leads and infusion or sensor sites before "
                "needling. No electrical stimulation.",
            },
            id="unsure",
        ),
        pytest.param({"implants.other_electronic_device": "no"}, None, id="no"),
    ],
)
def test_other_electronic_device_turns_estim_off(make_doc, overrides, expected):
    assessment = assessed(make_doc(overrides))
    check(
        assessment,
        "other_implanted_electronic_device",
        expected and expected | {"sources": ["S34"]},
    )
    assert assessment["estim_allowed"] is (expected is None)
    assert assessment["excluded_regions"] == (expected or {}).get("regions", [])


@pytest.mark.parametrize(
    ("overrides", "regions"),
    [
        pytest.param(
            {
                "implants.cosmetic_implant": "yes",
                "implants.cosmetic_implant_regions": ["CHEST_WALL_R", "CHEST_WALL_L"],
            },
            BOTH_CHEST,
            id="breast-untargeted-still-excluded",
        ),
        pytest.param(
            {
                "implants.cosmetic_implant": "yes",
                "implants.cosmetic_implant_regions": ["GLUTEAL_L"],
            },
            ["GLUTEAL_L"],
            id="buttock",
        ),
        pytest.param({"implants.cosmetic_implant": "unsure"}, None, id="unsure"),
        pytest.param({"implants.cosmetic_implant": "no"}, None, id="no"),
    ],
)
def test_cosmetic_implant_regions_are_excluded(make_doc, overrides, regions):
    assessment = assessed(make_doc(overrides))
    expected = regions and {
        "category": "AC",
        "scope": "site",
        "regions": regions,
        "staff_message": f"Breast, chest, buttock or other soft-tissue implant at "
        f"{', '.join(regions)}. No needling into or towards the implant; over the chest wall "
        "see the thorax findings.",
        "sources": ["S39", "S13a", "S46"],
    }
    check(assessment, "breast_or_cosmetic_implant", expected)
    assert assessment["excluded_regions"] == (regions or [])
    unsure = finding(assessment, "unsure_answers")
    if overrides["implants.cosmetic_implant"] == "unsure":
        assert unsure["unsure_fields"] == ["implants.cosmetic_implant"]
    else:
        assert unsure is None


def item(region: str, days: int, problem: str = "no", kind: str = "joint_replacement") -> dict:
    return {"region": region, "kind": kind, "date": days_before(days), "problem_now": problem}


def hardware(*items: dict) -> dict[str, Any]:
    return {"implants.joint_hardware": "yes", "implants.joint_hardware_items": list(items)}


HIP = "HIP_THIGH_L"


@pytest.mark.parametrize(
    ("overrides", "policy", "recent", "settled"),
    [
        pytest.param(hardware(item(HIP, 90)), {}, [HIP], None, id="day-90-recent"),
        pytest.param(hardware(item(HIP, 91)), {}, None, [HIP], id="day-91-settled"),
        pytest.param(
            hardware(item(HIP, 91)),
            {"arthroplasty_window_days": 91},
            [HIP],
            None,
            id="day-91-recent-under-wider-policy",
        ),
        pytest.param(
            hardware(item(HIP, 31)),
            {"arthroplasty_window_days": 30},
            None,
            [HIP],
            id="day-31-settled-under-narrower-policy",
        ),
        pytest.param(
            hardware(item(HIP, 3000, problem="yes")), {}, [HIP], None, id="old-but-hot-now"
        ),
        pytest.param(
            hardware(item("FOREARM_HAND_R", 10, kind="plates_screws_rods")),
            {},
            ["FOREARM_HAND_R"],
            None,
            id="plates-count",
        ),
        pytest.param(
            hardware(item(HIP, 20), item("KNEE_LEG_R", 2000)),
            {},
            [HIP],
            ["KNEE_LEG_R"],
            id="one-of-each-per-item",
        ),
        pytest.param(
            hardware(item("KNEE_LEG_R", 20), item("KNEE_LEG_R", 2000)),
            {},
            ["KNEE_LEG_R"],
            ["KNEE_LEG_R"],
            id="same-region-both",
        ),
        pytest.param({"implants.joint_hardware": "unsure"}, {}, None, None, id="unsure"),
        pytest.param({"implants.joint_hardware": "no"}, {}, None, None, id="no"),
    ],
)
def test_joint_hardware_splits_recent_and_settled_per_item(
    make_doc, overrides, policy, recent, settled
):
    assessment = assessed(make_doc(overrides), **policy)
    check(
        assessment,
        "joint_replacement_recent",
        recent and {"regions": recent, "tier_effect": "HOLD_FOR_CLEARANCE", "sources": ["S32"]},
    )
    check(
        assessment,
        "joint_replacement_established",
        settled and {"regions": settled, "tier_effect": "PHYSIO_REVIEW", "sources": ["S32", "S46"]},
    )
    assert set(assessment["excluded_regions"]) == set((recent or []) + (settled or []))


@pytest.mark.parametrize(
    ("overrides", "recent_unsure", "settled_unsure"),
    [
        pytest.param(
            hardware(item(HIP, 10, problem="unsure")),
            ["implants.joint_hardware_items[0].problem_now"],
            None,
            id="unsure-on-a-recent-item",
        ),
        pytest.param(
            hardware(item(HIP, 500, problem="unsure")),
            None,
            ["implants.joint_hardware_items[0].problem_now"],
            id="unsure-on-a-settled-item",
        ),
        pytest.param(
            hardware(item(HIP, 10), item("KNEE_LEG_R", 500, problem="unsure")),
            [],
            ["implants.joint_hardware_items[1].problem_now"],
            id="index-of-the-unsure-item",
        ),
    ],
)
def test_unsure_problem_now_is_listed_on_its_items_rule(
    make_doc, overrides, recent_unsure, settled_unsure
):
    assessment = assessed(make_doc(overrides))
    for rule_id, unsure_fields in [
        ("joint_replacement_recent", recent_unsure),
        ("joint_replacement_established", settled_unsure),
    ]:
        expected = None if unsure_fields is None else {"unsure_fields": unsure_fields}
        check(assessment, rule_id, expected)
    assert finding(assessment, "unsure_answers") is None


def test_joint_messages_say_why_each_item_is_recent(make_doc):
    doc = make_doc(
        hardware(
            item("KNEE_LEG_R", 5, problem="yes"),
            item(HIP, 2000, problem="yes"),
            item("SHOULDER_R", 30),
            item("ANKLE_FOOT_L", 2000, problem="unsure"),
        )
    )
    assessment = assessed(doc)
    assert finding(assessment, "joint_replacement_recent")["staff_message"] == (
        "Artificial joint or metal hardware at SHOULDER_R, HIP_THIGH_L, KNEE_LEG_R: KNEE_LEG_R "
        "put in within 90 days or date not given and more painful, hot or swollen than usual "
        "now; HIP_THIGH_L more painful, hot or swollen than usual now; SHOULDER_R put in within "
        "90 days or date not given. Needs surgeon or physician clearance before needling near it."
    )
    assert finding(assessment, "joint_replacement_established")["staff_message"] == (
        "Settled artificial joint or hardware at ANKLE_FOOT_L. No needling into the joint or "
        "around the implant; strict asepsis. Problem now: unsure at ANKLE_FOOT_L — check the "
        "joint."
    )
    assert assessment["tier"] == "HOLD_FOR_CLEARANCE"


@pytest.mark.parametrize(
    ("rule_id", "field", "message", "sources"),
    [
        pytest.param(
            "heart_valve_or_endocarditis_history",
            "implants.heart_valve_or_endocarditis",
            "Artificial heart valve, repaired heart defect or past endocarditis (answer: {}). "
            "Strict asepsis; ask the physician if in doubt.",
            ["S42", "S46"],
            id="heart-valve",
        ),
        pytest.param(
            "metal_allergy",
            "implants.metal_allergy",
            "Metal allergy such as nickel or chrome (answer: {}). Discuss needle material; watch "
            "the needle sites.",
            ["S10", "S10a", "S36"],
            id="metal-allergy",
        ),
    ],
)
@pytest.mark.parametrize("answer", ["yes", "unsure", "no"])
def test_valve_and_metal_allergy_are_reviewed_on_yes_or_unsure(
    make_doc, rule_id, field, message, sources, answer
):
    # 1.1.0: metal_allergy needs needles recorded as containing nickel (else the note fires).
    policy = {"needles_contain_nickel": True} if rule_id == "metal_allergy" else {}
    assessment = assessed(make_doc({field: answer}), **policy)
    if answer == "no":
        check(assessment, rule_id, None)
        assert assessment["tier"] == "CLEAR"
        return
    check(
        assessment,
        rule_id,
        {
            "category": "RP",
            "scope": "global",
            "regions": [],
            "staff_message": message.format(answer),
            "unsure_fields": [field] if answer == "unsure" else [],
            "sources": sources,
        },
    )
    assert finding(assessment, rule_id)["patient_message"].startswith(NOT_SURE) is (
        answer == "unsure"
    )
    assert finding(assessment, "unsure_answers") is None
    assert assessment["tier"] == "PHYSIO_REVIEW"


@pytest.mark.parametrize(
    ("allergy", "expected"),
    [
        pytest.param(
            True,
            {
                "category": "INFO",
                "tier_effect": "INFO_ONLY",
                "staff_message": "Allergy to latex, tape or skin cleaners. Use non-latex gloves "
                "and a suitable skin cleaner.",
                "sources": ["S10", "S10a"],
            },
            id="yes",
        ),
        pytest.param(False, None, id="no"),
    ],
)
def test_latex_allergy_is_information_only(make_doc, allergy, expected):
    assessment = assessed(make_doc({"implants.latex_or_other_allergy": allergy}))
    check(assessment, "latex_or_other_allergy", expected)
    assert assessment["tier"] == ("INFO_ONLY" if allergy else "CLEAR")


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason=f"shared examples not found at {EXAMPLES}")
def test_shared_example_ex05_comes_out_as_expected():
    name = "ex05-pacemaker-left"
    doc = json.loads((EXAMPLES / f"{name}.json").read_text())
    expected = json.loads((EXAMPLES / f"{name}.expected.json").read_text())
    assessment = assessed(doc)
    fired = {f["rule"] for f in assessment["findings"]}
    assert assessment["tier"] == expected["tier"]
    assert set(expected["must_fire"]) <= fired
    assert not set(expected["must_not_fire"]) & fired
    assert assessment["excluded_regions"] == ["CHEST_WALL_L"]
    assert assessment["estim_allowed"] is False
