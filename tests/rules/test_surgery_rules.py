"""Tables for the surgery and trauma rules (clinical-rules.md 6.8).

Every case is a valid dn-intake/1 document (checked against the schema) built from the
healthy baseline in conftest.py: appointment 2026-12-03, form completed 2026-12-01,
target KNEE_LEG_R.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules.tables import (
    assessed,
    check,
    days_before,
    finding,
)


def operation(description: str, regions: list[str], days: int | None) -> dict[str, Any]:
    op: dict[str, Any] = {"description": description, "regions": regions}
    if days is not None:
        op["date"] = days_before(days)
    return op


def surgeries(*ops: dict[str, Any]) -> dict[str, Any]:
    return {"surgery_trauma.recent_surgery": True, "surgery_trauma.surgeries": list(ops)}


KNEE_SCOPE = operation("Knee arthroscopy", ["KNEE_LEG_L"], 90)


@pytest.mark.parametrize(
    ("overrides", "policy", "regions"),
    [
        pytest.param(surgeries(KNEE_SCOPE), {}, ["KNEE_LEG_L"], id="day-90-recent"),
        pytest.param(
            surgeries(operation("Knee arthroscopy", ["KNEE_LEG_L"], 91)), {}, None, id="day-91"
        ),
        pytest.param(
            surgeries(operation("Knee arthroscopy", ["KNEE_LEG_L"], 91)),
            {"surgery_window_days": 91},
            ["KNEE_LEG_L"],
            id="day-91-under-wider-policy",
        ),
        pytest.param(
            surgeries(KNEE_SCOPE), {"surgery_window_days": 89}, None, id="day-90-narrower-policy"
        ),
        pytest.param(
            surgeries(operation("Hernia repair", ["ABDOMEN"], None)),
            {},
            ["ABDOMEN"],
            id="unknown-date-counts-as-recent",
        ),
        pytest.param(
            surgeries(operation("Hip replacement", ["LOWER_LIMB_R"], 30)),
            {},
            ["HIP_THIGH_R", "KNEE_LEG_R", "ANKLE_FOOT_R"],
            id="limb-code-expanded",
        ),
        pytest.param(
            surgeries(
                operation("Shoulder repair", ["SHOULDER_L"], 300),
                operation("Carpal tunnel", ["FOREARM_HAND_R"], 20),
            ),
            {},
            ["FOREARM_HAND_R"],
            id="only-recent-operations-count",
        ),
        pytest.param({"surgery_trauma.recent_surgery": False}, {}, None, id="no-surgery"),
    ],
)
def test_recent_surgery_excludes_the_surgical_field(make_doc, overrides, policy, regions):
    assessment = assessed(make_doc(overrides), **policy)
    check(
        assessment,
        "recent_surgery",
        regions and {"regions": regions, "tier_effect": "PHYSIO_REVIEW", "sources": ["S32", "S46"]},
    )
    assert assessment["excluded_regions"] == (regions or [])


def test_recent_surgery_message_lists_each_operation(make_doc):
    doc = make_doc(
        surgeries(
            operation("Hernia repair", ["ABDOMEN"], None),
            operation("Old shoulder repair", ["SHOULDER_L"], 300),
            operation("Knee arthroscopy", ["KNEE_LEG_L"], 45),
        )
    )
    assert finding(assessed(doc), "recent_surgery")["staff_message"] == (
        'Operation within 90 days or date not given: "Hernia repair" (no date); "Knee '
        f'arthroscopy" ({days_before(45)}) at ABDOMEN, KNEE_LEG_L. No needling near incisions '
        "or drains; check post-operative blood thinners."
    )


def test_recent_surgery_cuts_long_descriptions(make_doc):
    doc = make_doc(surgeries(operation("x" * 250, ["ABDOMEN"], 10)))
    message = finding(assessed(doc), "recent_surgery")["staff_message"]
    assert f'"{"x" * 200}…" ({days_before(10)})' in message
    assert "x" * 201 not in message


def test_recent_surgery_and_recent_joint_replacement_both_fire(make_doc):
    hip = {"region": "HIP_THIGH_R", "kind": "joint_replacement", "date": days_before(30)}
    doc = make_doc(
        surgeries(operation("Hip replacement", ["HIP_THIGH_R"], 30))
        | {
            "implants.joint_hardware": "yes",
            "implants.joint_hardware_items": [hip | {"problem_now": "no"}],
        }
    )
    fired = {f["rule"] for f in assessed(doc)["findings"]}
    assert {"recent_surgery", "joint_replacement_recent"} <= fired


def injury(features: list[str], check: str = "not_checked", days: int | None = 5) -> dict:
    details: dict[str, Any] = {"features": features, "medical_check": check}
    if days is not None:
        details["date"] = days_before(days)
    return {"surgery_trauma.injury": True, "surgery_trauma.injury_details": details}


@pytest.mark.parametrize(
    ("overrides", "policy", "fires"),
    [
        pytest.param(injury(["head_injury"], days=14), {}, True, id="head-injury-day-14"),
        pytest.param(injury(["head_injury"], days=15), {}, False, id="head-injury-day-15"),
        pytest.param(
            injury(["head_injury"], days=15),
            {"injury_window_days": 15},
            True,
            id="day-15-under-wider-policy",
        ),
        pytest.param(injury(["high_energy"], days=None), {}, True, id="date-unknown-is-recent"),
        pytest.param(injury(["high_energy"]), {}, True, id="high-energy-alone"),
        pytest.param(injury(["rapid_swelling_or_bruising"]), {}, True, id="rapid-swelling"),
        pytest.param(
            injury(["suspected_fracture"], days=200), {}, True, id="suspected-fracture-any-age"
        ),
        pytest.param(injury(["severe_pain"]), {}, False, id="severe-pain-alone"),
        pytest.param(injury([]), {}, False, id="no-features"),
        pytest.param(injury(["suspected_fracture"], check="checked"), {}, False, id="checked"),
        pytest.param(injury(["head_injury"], check="unsure"), {}, True, id="unsure-check"),
        pytest.param({"surgery_trauma.injury": False}, {}, False, id="no-injury"),
    ],
)
def test_unassessed_major_injury_stops_needling(make_doc, overrides, policy, fires):
    assessment = assessed(make_doc(overrides), **policy)
    expected = fires and {"category": "AC", "tier_effect": "DO_NOT_NEEDLE"}
    check(assessment, "acute_major_trauma_unassessed", expected or None)
    assert (assessment["tier"] == "DO_NOT_NEEDLE") is fires


@pytest.mark.parametrize(
    ("overrides", "staff_message"),
    [
        pytest.param(
            injury(["high_energy", "severe_pain"], days=3),
            f"Injury on {days_before(3)} with high_energy, severe_pain, not yet checked by a "
            "doctor, nurse practitioner or emergency department. No needling until it has been "
            "assessed.",
            id="dated",
        ),
        pytest.param(
            injury(["suspected_fracture"], days=None),
            "Injury date not given with suspected_fracture, not yet checked by a doctor, nurse "
            "practitioner or emergency department. No needling until it has been assessed.",
            id="undated",
        ),
    ],
)
def test_injury_message_names_date_and_features(make_doc, overrides, staff_message):
    found = finding(assessed(make_doc(overrides)), "acute_major_trauma_unassessed")
    assert found["staff_message"] == staff_message
    assert found["sources"] == ["S10", "S10a", "S46"]


@pytest.mark.parametrize(
    ("features", "listed_on_trauma"),
    [
        pytest.param(["head_injury"], True, id="fires"),
        pytest.param(["severe_pain"], False, id="quiet"),
    ],
)
def test_unsure_medical_check_is_listed_only_on_the_trauma_rule(
    make_doc, features, listed_on_trauma
):
    assessment = assessed(make_doc(injury(features, check="unsure")))
    field = "surgery_trauma.injury_details.medical_check"
    listed = [f["rule"] for f in assessment["findings"] if field in f["unsure_fields"]]
    assert listed == (["acute_major_trauma_unassessed"] if listed_on_trauma else [])
    # The one exception to "unsure never clears": it counts exactly as not_checked.
    assert assessment["tier"] == ("DO_NOT_NEEDLE" if listed_on_trauma else "CLEAR")


def spine(instability: str = "no", surgery_days: int | None = None, levels=("cervical",)) -> dict:
    overrides: dict[str, Any] = {"surgery_trauma.spine_instability": instability}
    if surgery_days is not None:
        overrides["surgery_trauma.spine_surgery"] = True
        overrides["surgery_trauma.spine_surgery_date"] = days_before(surgery_days)
    if instability == "yes" or surgery_days is not None:
        overrides["surgery_trauma.spine_levels"] = list(levels)
    return overrides


@pytest.mark.parametrize(
    ("overrides", "policy", "regions", "message_start"),
    [
        pytest.param(
            spine("yes"), {}, ["NECK_POSTERIOR"], "Spinal instability at cervical", id="unstable"
        ),
        pytest.param(
            spine(surgery_days=365, levels=("lumbar_sacral",)),
            {},
            ["LUMBAR_SACRAL"],
            f"Spine surgery on {days_before(365)} at lumbar_sacral",
            id="surgery-day-365",
        ),
        pytest.param(spine(surgery_days=366), {}, None, None, id="surgery-day-366"),
        pytest.param(
            spine(surgery_days=366),
            {"spinal_surgery_window_days": 366},
            ["NECK_POSTERIOR"],
            f"Spine surgery on {days_before(366)} at cervical",
            id="day-366-under-wider-policy",
        ),
        pytest.param(
            spine("yes", surgery_days=100, levels=("thoracic", "lumbar_sacral")),
            {},
            ["THORACIC_SPINE", "LUMBAR_SACRAL"],
            f"Spinal instability and spine surgery on {days_before(100)} at thoracic, "
            "lumbar_sacral",
            id="both",
        ),
        pytest.param(
            spine("yes", surgery_days=2000, levels=("cervical", "thoracic", "lumbar_sacral")),
            {},
            ["NECK_POSTERIOR", "THORACIC_SPINE", "LUMBAR_SACRAL"],
            "Spinal instability at cervical, thoracic, lumbar_sacral",
            id="unstable-old-surgery",
        ),
        pytest.param(spine("no"), {}, None, None, id="neither"),
    ],
)
def test_spine_levels_are_excluded_when_unstable_or_recently_operated(
    make_doc, overrides, policy, regions, message_start
):
    assessment = assessed(make_doc(overrides), **policy)
    expected = regions and {
        "regions": regions,
        "tier_effect": "PHYSIO_REVIEW",
        "staff_message": f"{message_start}. No paraspinal needling at those levels.",
        "sources": ["S39", "S46"],
    }
    check(assessment, "spinal_instability_or_recent_spinal_surgery", expected)
    # Targets are the right knee only: spine exclusions stand whatever the targets.
    assert assessment["excluded_regions"] == (regions or [])


@pytest.mark.parametrize(
    ("overrides", "listed_on"),
    [
        pytest.param(
            spine("unsure", surgery_days=30),
            "spinal_instability_or_recent_spinal_surgery",
            id="recent-surgery-carries-it",
        ),
        pytest.param(spine("unsure", surgery_days=400), "unsure_answers", id="old-surgery"),
        pytest.param(spine("unsure"), "unsure_answers", id="no-surgery"),
    ],
)
def test_unsure_spine_instability_routing(make_doc, overrides, listed_on):
    assessment = assessed(make_doc(overrides))
    field = "surgery_trauma.spine_instability"
    assert [f["rule"] for f in assessment["findings"] if field in f["unsure_fields"]] == [listed_on]
    assert assessment["tier"] == "PHYSIO_REVIEW"
