"""Tables for the infection, immunity and skin rules (clinical-rules.md 6.4).

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

ON_THE_DAY = {"completed_on": "2026-12-03"}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            {**ON_THE_DAY, "infection.acute_illness": "yes"},
            {
                "tier_effect": "DO_NOT_NEEDLE",
                "staff_message": "Fever, infection or feeling generally unwell in the last 7 "
                "days (answered on the day of the visit). No needling until recovered.",
                "sources": ["S10", "S10a", "S34"],
            },
            id="yes-on-the-day",
        ),
        pytest.param({"infection.acute_illness": "yes"}, None, id="yes-days-before"),
        pytest.param({**ON_THE_DAY, "infection.acute_illness": "unsure"}, None, id="unsure"),
        pytest.param({**ON_THE_DAY, "infection.acute_illness": "no"}, None, id="no"),
    ],
)
def test_acute_illness_stops_needling_only_when_answered_on_the_day(make_doc, overrides, expected):
    check(assessed(make_doc(overrides)), "acute_illness_or_systemic_infection", expected)


def test_acute_illness_message_shows_the_policy_window(make_doc):
    doc = make_doc({**ON_THE_DAY, "infection.acute_illness": "yes"})
    found = finding(
        assessed(doc, acute_illness_window_days=3), "acute_illness_or_systemic_infection"
    )
    assert "in the last 3 days" in found["staff_message"]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            {"infection.acute_illness": "yes"},
            {
                "tier_effect": "PHYSIO_REVIEW",
                "staff_message": "Fever, infection or feeling unwell in the 7 days before the "
                "form was filled in (2026-12-01). Ask at check-in whether it has passed; no "
                "needling while still unwell.",
                "unsure_fields": [],
            },
            id="yes-days-before",
        ),
        pytest.param({**ON_THE_DAY, "infection.acute_illness": "yes"}, None, id="yes-on-the-day"),
        pytest.param({"infection.acute_illness": "unsure"}, None, id="unsure"),
        pytest.param({"infection.acute_illness": "no"}, None, id="no"),
    ],
)
def test_illness_reported_before_the_day_asks_for_a_recheck(make_doc, overrides, expected):
    check(assessed(make_doc(overrides)), "recent_illness_recheck", expected)


def test_unsure_illness_goes_to_unsure_answers(make_doc):
    assessment = assessed(make_doc({"infection.acute_illness": "unsure"}))
    assert finding(assessment, "unsure_answers")["unsure_fields"] == ["infection.acute_illness"]
    assert assessment["tier"] == "PHYSIO_REVIEW"


def lesion(regions: list[str], targets: list[str] | None = None) -> dict[str, Any]:
    overrides: dict[str, Any] = {
        "infection.skin_problem": True,
        "infection.skin_problem_regions": regions,
    }
    if targets is not None:
        overrides["visit.planned_regions"] = targets
    return overrides


SKIN_CASES = [
    # (overrides, regions at site, regions elsewhere)
    pytest.param(lesion(["KNEE_LEG_R"]), ["KNEE_LEG_R"], None, id="lesion-is-the-target"),
    pytest.param(lesion(["ANKLE_FOOT_R"]), ["ANKLE_FOOT_R"], None, id="lesion-borders-target"),
    pytest.param(lesion(["HIP_THIGH_R"]), ["HIP_THIGH_R"], None, id="thigh-borders-knee"),
    pytest.param(
        lesion(["HIP_THIGH_R"], ["ANKLE_FOOT_R"]), None, ["HIP_THIGH_R"], id="two-regions-away"
    ),
    pytest.param(lesion(["ANKLE_FOOT_L"]), None, ["ANKLE_FOOT_L"], id="other-side-never-adjacent"),
    pytest.param(
        lesion(["LOWER_LIMB_R"]),
        ["HIP_THIGH_R", "KNEE_LEG_R", "ANKLE_FOOT_R"],
        None,
        id="lesion-limb-code-expanded",
    ),
    pytest.param(
        lesion(["UPPER_LIMB_L"]),
        None,
        ["SHOULDER_L", "ARM_L", "FOREARM_HAND_L"],
        id="far-limb-code-expanded",
    ),
    pytest.param(
        lesion(["CHEST_WALL_R", "CHEST_WALL_L"], ["ARM_R"]),
        ["CHEST_WALL_R"],
        ["CHEST_WALL_L"],
        id="chest-wall-borders-arm-same-side-only",
    ),
    pytest.param(
        lesion(["GLUTEAL_L", "ANKLE_FOOT_R"], ["KNEE_LEG_R"])
        | {"visit.pain_regions": ["LUMBAR_SACRAL"]},
        ["ANKLE_FOOT_R"],
        ["GLUTEAL_L"],
        id="planned-regions-replace-pain-regions",
    ),
    pytest.param(
        lesion(["GLUTEAL_L"]) | {"visit.pain_regions": ["LUMBAR_SACRAL"]},
        ["GLUTEAL_L"],
        None,
        id="pain-regions-are-targets-without-a-plan",
    ),
    pytest.param(
        lesion(["NECK_POSTERIOR", "FOREARM_HAND_R"], ["UPPER_TRAP_L"]),
        ["NECK_POSTERIOR"],
        ["FOREARM_HAND_R"],
        id="midline-borders-both-sides",
    ),
    pytest.param({"infection.skin_problem": False}, None, None, id="no-skin-problem"),
]


@pytest.mark.parametrize(("overrides", "near", "far"), SKIN_CASES)
def test_skin_lesions_split_by_target_and_adjacency(make_doc, overrides, near, far):
    assessment = assessed(make_doc(overrides))
    check(
        assessment,
        "skin_lesion_at_site",
        near and {"regions": near, "category": "AC", "tier_effect": "PHYSIO_REVIEW"},
    )
    check(assessment, "skin_lesion_elsewhere", far and {"regions": far, "tier_effect": "INFO_ONLY"})
    assert assessment["excluded_regions"] == (near or [])
    assert assessment["tier"] == ("PHYSIO_REVIEW" if near else "INFO_ONLY" if far else "CLEAR")


def test_skin_lesion_messages_list_the_regions(make_doc):
    assessment = assessed(make_doc(lesion(["ANKLE_FOOT_L", "ANKLE_FOOT_R", "KNEE_LEG_R"])))
    assert finding(assessment, "skin_lesion_at_site")["staff_message"] == (
        "Skin problem (cut, sore, infection, rash or flare-up) at or next to a target region: "
        "KNEE_LEG_R, ANKLE_FOOT_R. No needling through or next to the affected skin."
    )
    assert finding(assessment, "skin_lesion_elsewhere")["staff_message"] == (
        "Skin problem away from the target regions: ANKLE_FOOT_L. Check it on the day."
    )


INFLAMED = {"infection.inflamed_area": "yes", "infection.inflamed_area_regions": ["LOWER_LIMB_L"]}


@pytest.mark.parametrize(
    ("overrides", "expected", "excluded"),
    [
        pytest.param(
            INFLAMED,
            {
                "regions": ["HIP_THIGH_L", "KNEE_LEG_L", "ANKLE_FOOT_L"],
                "unsure_fields": [],
                "tier_effect": "PHYSIO_REVIEW",
                "staff_message": "Red, hot or swollen area not yet checked by a doctor: "
                "HIP_THIGH_L, KNEE_LEG_L, ANKLE_FOOT_L. Possible infection or blood clot: the "
                "physiotherapist checks it first and refers the same day if in doubt. No "
                "needling there.",
            },
            ["HIP_THIGH_L", "KNEE_LEG_L", "ANKLE_FOOT_L"],
            id="yes-untargeted-limb-still-excluded",
        ),
        pytest.param(
            {"infection.inflamed_area": "unsure"},
            {
                "regions": [],
                "unsure_fields": ["infection.inflamed_area"],
                "staff_message": "Red, hot or swollen area not yet checked by a doctor. "
                "Possible infection or blood clot: the physiotherapist checks it first and "
                "refers the same day if in doubt. No needling there.",
            },
            [],
            id="unsure-listed-here",
        ),
        pytest.param({"infection.inflamed_area": "no"}, None, [], id="no"),
    ],
)
def test_unchecked_inflamed_area_is_reviewed_and_excluded(make_doc, overrides, expected, excluded):
    assessment = assessed(make_doc(overrides))
    check(assessment, "inflamed_area_unchecked", expected)
    assert assessment["excluded_regions"] == excluded
    assert finding(assessment, "unsure_answers") is None


def test_inflamed_area_patient_message_is_neutral_only_when_unsure(make_doc):
    unsure = finding(
        assessed(make_doc({"infection.inflamed_area": "unsure"})), "inflamed_area_unchecked"
    )
    sure = finding(assessed(make_doc(INFLAMED)), "inflamed_area_unchecked")
    assert unsure["patient_message"].startswith(NOT_SURE)
    assert not sure["patient_message"].startswith(NOT_SURE)


CHEMO = {"infection.chemotherapy": True}


@pytest.mark.parametrize(
    ("overrides", "policy", "reasons"),
    [
        pytest.param(CHEMO, {}, "chemotherapy, date not given", id="chemo-date-unknown"),
        pytest.param(
            CHEMO | {"infection.chemotherapy_last_date": days_before(28)},
            {},
            f"chemotherapy on {days_before(28)}",
            id="chemo-day-28",
        ),
        pytest.param(
            CHEMO | {"infection.chemotherapy_last_date": days_before(29)},
            {},
            None,
            id="chemo-day-29",
        ),
        pytest.param(
            CHEMO | {"infection.chemotherapy_last_date": days_before(29)},
            {"chemotherapy_window_days": 29},
            f"chemotherapy on {days_before(29)}",
            id="chemo-day-29-wider-policy",
        ),
        pytest.param({"infection.low_white_cells": "yes"}, {}, "low white cells", id="white-cells"),
        # 1.1.0: a transplant, and no spleen in an adult, are the standing precaution instead.
        pytest.param({"infection.transplant_antirejection": "yes"}, {}, None, id="transplant"),
        pytest.param({"infection.no_spleen": "yes"}, {}, None, id="no-spleen-adult"),
        pytest.param(
            {"infection.no_spleen": "yes", "about.date_of_birth": "2010-06-01"},
            {},
            "no working spleen, age 16",
            id="no-spleen-age-16",
        ),
        pytest.param(
            {"infection.no_spleen": "yes", "about.date_of_birth": "2008-12-03"},
            {},
            None,
            id="no-spleen-exactly-18",
        ),
        pytest.param(
            {"infection.told_severely_immunocompromised": "yes"},
            {},
            "told severely immunocompromised",
            id="told-severe",
        ),
        pytest.param(
            CHEMO | {"infection.no_spleen": "yes", "infection.low_white_cells": "yes"},
            {},
            "chemotherapy, date not given; low white cells",
            id="several-reasons",
        ),
        pytest.param({"infection.no_spleen": "unsure"}, {}, None, id="unsure-never-holds"),
        pytest.param(
            {"infection.immune_medicines": "yes", "infection.immune_medicine_types": ["biologic"]},
            {},
            None,
            id="medicines-alone",
        ),
    ],
)
def test_severe_immunosuppression_holds_for_clearance(make_doc, overrides, policy, reasons):
    expected = reasons and {
        "tier_effect": "HOLD_FOR_CLEARANCE",
        "staff_message": f"Severely weakened immune system: {reasons}. Needs clearance from the "
        "treating team; recent blood counts may be needed.",
        "sources": ["S39", "S10", "S10a", "S46"],
    }
    check(assessed(make_doc(overrides), **policy), "immunosuppressed_severe", expected)


def moderate_message(reasons: str) -> str:
    return (
        f"Immune system may be weakened: {reasons}. Strict asepsis; avoid needling near joints "
        "or prostheses; watch for infection."
    )


BBV = {"infection.bloodborne_virus": "yes", "infection.bloodborne_virus_types": ["hepatitis_c"]}


@pytest.mark.parametrize(
    ("overrides", "reasons", "unsure_fields"),
    [
        pytest.param(
            {
                "infection.immune_medicines": "yes",
                "infection.immune_medicine_types": ["oral_steroid", "biologic"],
            },
            "immune medicines oral_steroid, biologic",
            [],
            id="medicines-yes",
        ),
        pytest.param(
            {"infection.immune_medicines": "unsure"},
            "answered not sure: takes medicine that weakens the immune system",
            ["infection.immune_medicines"],
            id="medicines-unsure",
        ),
        pytest.param(
            CHEMO | {"infection.chemotherapy_last_date": days_before(29)},
            f"chemotherapy on {days_before(29)}",
            [],
            id="chemo-outside-severe-window",
        ),
        pytest.param(
            BBV | {"infection.bloodborne_virus_control": "not_controlled"},
            "bloodborne virus not controlled",
            [],
            id="virus-not-controlled",
        ),
        pytest.param(
            BBV | {"infection.bloodborne_virus_control": "unsure"},
            "bloodborne virus control unsure",
            ["infection.bloodborne_virus_control"],
            id="virus-control-unsure",
        ),
        pytest.param(
            {
                "infection.low_white_cells": "unsure",
                "infection.told_severely_immunocompromised": "unsure",
            },
            "answered not sure: low white cell count, told immune system is severely weakened",
            ["infection.low_white_cells", "infection.told_severely_immunocompromised"],
            id="severe-fields-unsure",
        ),
        pytest.param(
            {"infection.transplant_antirejection": "unsure"},
            "answered not sure: transplant on anti-rejection medicine",
            ["infection.transplant_antirejection"],
            id="transplant-unsure",
        ),
        pytest.param(
            {"infection.no_spleen": "unsure"},
            "answered not sure: spleen removed or not working",
            ["infection.no_spleen"],
            id="spleen-unsure",
        ),
        pytest.param(
            BBV | {"infection.bloodborne_virus_control": "controlled"},
            None,
            None,
            id="virus-controlled",
        ),
        pytest.param(CHEMO, None, None, id="recent-chemo-is-severe-not-moderate"),
        pytest.param({}, None, None, id="all-no"),
    ],
)
def test_moderate_immunosuppression_is_reviewed(make_doc, overrides, reasons, unsure_fields):
    expected = reasons and {
        "tier_effect": "PHYSIO_REVIEW",
        "staff_message": moderate_message(reasons),
        "unsure_fields": unsure_fields,
        "sources": ["S10", "S10a", "S46"],
    }
    assessment = assessed(make_doc(overrides))
    check(assessment, "immunosuppressed_moderate", expected)
    assert finding(assessment, "unsure_answers") is None


@pytest.mark.parametrize(
    ("overrides", "neutral"),
    [
        # 3.7 (1.1.0): the fixed message is already neutral, so "not sure" keeps it.
        pytest.param({"infection.immune_medicines": "unsure"}, False, id="only-unsure"),
        pytest.param(
            BBV | {"infection.bloodborne_virus_control": "unsure"}, False, id="control-unsure"
        ),
        pytest.param(
            {
                "infection.immune_medicines": "yes",
                "infection.immune_medicine_types": ["methotrexate"],
                "infection.no_spleen": "unsure",
            },
            False,
            id="a-yes-and-an-unsure",
        ),
    ],
)
def test_moderate_patient_message_is_neutral_only_when_fired_by_unsure(
    make_doc, overrides, neutral
):
    message = finding(assessed(make_doc(overrides)), "immunosuppressed_moderate")["patient_message"]
    assert message.startswith(NOT_SURE) is neutral


def test_severe_takes_over_the_unsure_fields_of_moderate(make_doc):
    doc = make_doc(
        {
            "infection.low_white_cells": "yes",
            "infection.no_spleen": "unsure",
            "infection.immune_medicines": "unsure",
        }
    )
    assessment = assessed(doc)
    assert finding(assessment, "immunosuppressed_moderate") is None
    assert finding(assessment, "immunosuppressed_severe")["unsure_fields"] == [
        "infection.immune_medicines",
        "infection.no_spleen",
    ]
    assert finding(assessment, "unsure_answers") is None
    assert assessment["tier"] == "HOLD_FOR_CLEARANCE"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            {
                "infection.bloodborne_virus": "yes",
                "infection.bloodborne_virus_types": ["hepatitis_b", "hiv"],
                "infection.bloodborne_virus_control": "controlled",
            },
            {
                "tier_effect": "INFO_ONLY",
                "staff_message": "Bloodborne virus shared: hepatitis_b, hiv; control: controlled. "
                "Standard precautions, as for every patient.",
                "sources": ["S12", "S28"],
            },
            id="yes",
        ),
        pytest.param(
            BBV | {"infection.bloodborne_virus_control": "not_controlled"},
            {
                "staff_message": "Bloodborne virus shared: hepatitis_c; control: not_controlled. "
                "Standard precautions, as for every patient."
            },
            id="yes-not-controlled-also-moderate",
        ),
        pytest.param(
            {"infection.bloodborne_virus": "prefer_not_to_say"}, None, id="prefer-not-to-say"
        ),
        pytest.param({"infection.bloodborne_virus": "no"}, None, id="no"),
    ],
)
def test_bloodborne_virus_is_recorded_without_restriction(make_doc, overrides, expected):
    assessment = assessed(make_doc(overrides))
    check(assessment, "bloodborne_virus", expected)
    assert assessment["excluded_regions"] == []


@pytest.mark.parametrize(
    ("overrides", "regions"),
    [
        pytest.param(
            {"infection.lymphedema": "yes", "infection.lymphedema_areas": ["UPPER_LIMB_L"]},
            ["SHOULDER_L", "ARM_L", "FOREARM_HAND_L"],
            id="limb-code-expanded-whatever-the-targets",
        ),
        pytest.param(
            {
                "infection.lymphedema": "yes",
                "infection.lymphedema_areas": ["KNEE_LEG_R", "ABDOMEN"],
            },
            ["ABDOMEN", "KNEE_LEG_R"],
            id="targeted-region",
        ),
        pytest.param({"infection.lymphedema": "unsure"}, None, id="unsure"),
        pytest.param({"infection.lymphedema": "no"}, None, id="no"),
    ],
)
def test_lymphedema_regions_are_excluded(make_doc, overrides, regions):
    assessment = assessed(make_doc(overrides))
    check(assessment, "lymphedema_limb", regions and {"regions": regions, "category": "AC"})
    assert assessment["excluded_regions"] == (regions or [])


def test_lymphedema_message_and_unsure_routing(make_doc):
    yes = assessed(
        make_doc({"infection.lymphedema": "yes", "infection.lymphedema_areas": ["ARM_R"]})
    )
    assert finding(yes, "lymphedema_limb")["staff_message"] == (
        "Lymphoedema in ARM_R. No needling in the affected limb or area."
    )
    unsure = assessed(make_doc({"infection.lymphedema": "unsure"}))
    assert finding(unsure, "unsure_answers")["unsure_fields"] == ["infection.lymphedema"]


def nodes(*sites: str) -> dict[str, Any]:
    return {"infection.lymph_nodes_treated": "yes", "infection.lymph_node_sites": list(sites)}


def lymphedema(*areas: str) -> dict[str, Any]:
    return {"infection.lymphedema": "yes", "infection.lymphedema_areas": list(areas)}


LEFT_ARM = ["SHOULDER_L", "ARM_L", "FOREARM_HAND_L"]
RIGHT_ARM = ["SHOULDER_R", "ARM_R", "FOREARM_HAND_R"]
BOTH_LEGS = [
    "HIP_THIGH_L",
    "HIP_THIGH_R",
    "KNEE_LEG_L",
    "KNEE_LEG_R",
    "ANKLE_FOOT_L",
    "ANKLE_FOOT_R",
]


@pytest.mark.parametrize(
    ("overrides", "regions"),
    [
        pytest.param(nodes("AXILLA_L"), LEFT_ARM, id="armpit-left-arm"),
        pytest.param(nodes("AXILLA_R"), RIGHT_ARM, id="armpit-right-arm"),
        pytest.param(
            nodes("GROIN_R"), ["HIP_THIGH_R", "KNEE_LEG_R", "ANKLE_FOOT_R"], id="groin-right-leg"
        ),
        pytest.param(
            nodes("GROIN_L"), ["HIP_THIGH_L", "KNEE_LEG_L", "ANKLE_FOOT_L"], id="groin-left-leg"
        ),
        pytest.param(nodes("PELVIS"), BOTH_LEGS, id="pelvis-both-legs"),
        pytest.param(
            nodes("AXILLA_L") | lymphedema("UPPER_LIMB_L"), None, id="lymphedema-covers-all"
        ),
        pytest.param(
            nodes("AXILLA_L") | lymphedema("ARM_L"),
            ["SHOULDER_L", "FOREARM_HAND_L"],
            id="lymphedema-covers-part",
        ),
        pytest.param(
            nodes("AXILLA_L", "AXILLA_R") | lymphedema("UPPER_LIMB_L"),
            RIGHT_ARM,
            id="lymphedema-covers-one-side",
        ),
        pytest.param(
            nodes("AXILLA_L") | {"infection.lymphedema": "unsure"},
            LEFT_ARM,
            id="unsure-lymphedema-removes-nothing",
        ),
        pytest.param({"infection.lymph_nodes_treated": "unsure"}, None, id="unsure"),
        pytest.param({"infection.lymph_nodes_treated": "no"}, None, id="no"),
    ],
)
def test_at_risk_limb_minus_lymphedema(make_doc, overrides, regions):
    assessment = assessed(make_doc(overrides))
    check(
        assessment,
        "lymph_node_removal_at_risk_limb",
        regions
        and {"regions": regions, "tier_effect": "PHYSIO_REVIEW", "sources": ["S33", "S13a"]},
    )
    for region in regions or []:
        assert region in assessment["excluded_regions"]


@pytest.mark.parametrize(
    ("avoid", "excluded", "policy_text"),
    [
        pytest.param(True, LEFT_ARM, " Clinic policy: avoid them.", id="avoid"),
        pytest.param(False, [], " Clinic policy allows them with care.", id="allow"),
    ],
)
def test_at_risk_limb_exclusion_follows_policy(make_doc, avoid, excluded, policy_text):
    assessment = assessed(make_doc(nodes("AXILLA_L")), avoid_at_risk_limb=avoid)
    found = finding(assessment, "lymph_node_removal_at_risk_limb")
    assert found["regions"] == LEFT_ARM
    assert assessment["excluded_regions"] == excluded
    assert found["staff_message"] == (
        "Lymph nodes removed or irradiated: AXILLA_L. At-risk regions, for life: SHOULDER_L, "
        f"ARM_L, FOREARM_HAND_L.{policy_text}"
    )


def test_at_risk_message_shows_only_the_regions_left_after_lymphedema(make_doc):
    assessment = assessed(make_doc(nodes("AXILLA_L") | lymphedema("ARM_L")))
    assert (
        "At-risk regions, for life: SHOULDER_L, FOREARM_HAND_L."
        in finding(assessment, "lymph_node_removal_at_risk_limb")["staff_message"]
    )
    assert assessment["excluded_regions"] == LEFT_ARM


def test_unsure_lymph_nodes_go_to_unsure_answers(make_doc):
    assessment = assessed(make_doc({"infection.lymph_nodes_treated": "unsure"}))
    assert finding(assessment, "unsure_answers")["unsure_fields"] == [
        "infection.lymph_nodes_treated"
    ]


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason=f"shared examples not found at {EXAMPLES}")
def test_shared_example_ex04_comes_out_as_expected():
    name = "ex04-skin-lesion-adjacent-vs-not"
    doc = json.loads((EXAMPLES / f"{name}.json").read_text())
    expected = json.loads((EXAMPLES / f"{name}.expected.json").read_text())
    assessment = assessed(doc)
    fired = {f["rule"] for f in assessment["findings"]}
    assert assessment["tier"] == expected["tier"]
    assert set(expected["must_fire"]) <= fired
    assert not set(expected["must_not_fire"]) & fired
    assert finding(assessment, "skin_lesion_at_site")["regions"] == ["ANKLE_FOOT_R"]
    assert finding(assessment, "skin_lesion_elsewhere")["regions"] == ["GLUTEAL_L"]
    assert assessment["excluded_regions"] == ["ANKLE_FOOT_R"]


def test_every_infection_finding_cites_its_sources_in_catalogue_order(make_doc):
    doc = make_doc(
        {"infection.acute_illness": "yes"}
        | lesion(["ANKLE_FOOT_R", "HEAD_FACE"])
        | INFLAMED
        | lymphedema("ARM_L")
    )
    sources = {f["rule"]: f["sources"] for f in assessed(doc)["findings"]}
    assert sources["recent_illness_recheck"] == ["S10", "S10a", "S34"]
    assert sources["skin_lesion_at_site"] == ["S13a", "S34", "S46"]
    assert sources["skin_lesion_elsewhere"] == ["S13a", "S34"]
    assert sources["inflamed_area_unchecked"] == ["S13a", "S34", "S46"]
    assert sources["lymphedema_limb"] == ["S10", "S10a", "S13a", "S33"]
