"""Bleeding and medication rules (clinical-rules.md 6.3).

Appointment 2026-12-03: an INR dated 2026-11-05 is 28 days old, 2026-11-04 is 29 days old.
"""

import pytest

from screening.rules import Policy, assess

BLEEDING_RULES = {
    "bleeding_disorder",
    "easy_bruising_unexplained",
    "anticoagulant_vka",
    "anticoagulant_vka_out_of_range",
    "anticoagulant_doac_or_heparin",
    "antithrombotic_combination",
    "antiplatelet_single",
    "nsaid_or_supplement",
}


def warfarin(inr=None, problem="no", drugs=("warfarin",)):
    overrides = {"bleeding.anticoagulants": list(drugs), "bleeding.vka_recent_problem": problem}
    if inr is not None:
        overrides["bleeding.inr"] = inr
    return overrides


CASES = {
    "nothing": ({}, set()),
    "disorder": ({"bleeding.bleeding_disorder": "yes"}, {"bleeding_disorder"}),
    "disorder-unsure-goes-to-unsure-answers": ({"bleeding.bleeding_disorder": "unsure"}, set()),
    "bruising": ({"bleeding.easy_bruising": "yes"}, {"easy_bruising_unexplained"}),
    "bruising-unsure": ({"bleeding.easy_bruising": "unsure"}, {"easy_bruising_unexplained"}),
    "disorder-suppresses-bruising": (
        {"bleeding.bleeding_disorder": "yes", "bleeding.easy_bruising": "yes"},
        {"bleeding_disorder"},
    ),
    "warfarin-inr-unknown": (warfarin(), {"anticoagulant_vka"}),
    "other-vka": (warfarin(drugs=("other_vka",)), {"anticoagulant_vka"}),
    "warfarin-inr-in-range": (
        warfarin({"value": 2.5, "date": "2026-11-20"}),
        {"anticoagulant_vka"},
    ),
    "warfarin-inr-exactly-at-cap": (
        warfarin({"value": 3.0, "date": "2026-11-20"}),
        {"anticoagulant_vka"},
    ),
    "warfarin-inr-just-above-cap": (
        warfarin({"value": 3.1, "date": "2026-11-20"}),
        {"anticoagulant_vka_out_of_range"},
    ),
    "inr-exactly-at-target-top": (
        warfarin({"value": 3.5, "date": "2026-11-20", "target_low": 2.5, "target_high": 3.5}),
        {"anticoagulant_vka"},
    ),
    "inr-above-target-top": (
        warfarin({"value": 3.6, "date": "2026-11-20", "target_low": 2.5, "target_high": 3.5}),
        {"anticoagulant_vka_out_of_range"},
    ),
    "target-top-beats-the-cap": (
        warfarin({"value": 3.2, "date": "2026-11-20", "target_low": 2.0, "target_high": 3.5}),
        {"anticoagulant_vka"},
    ),
    "low-target-top-below-the-cap": (
        warfarin({"value": 2.8, "date": "2026-11-20", "target_low": 2.0, "target_high": 2.5}),
        {"anticoagulant_vka_out_of_range"},
    ),
    "inr-below-range-does-not-hold": (
        warfarin({"value": 1.4, "date": "2026-11-20", "target_low": 2.0, "target_high": 3.0}),
        {"anticoagulant_vka"},
    ),
    "high-inr-on-day-28-holds": (
        warfarin({"value": 4.2, "date": "2026-11-05"}),
        {"anticoagulant_vka_out_of_range"},
    ),
    "high-inr-on-day-29-is-stale": (
        warfarin({"value": 4.2, "date": "2026-11-04"}),
        {"anticoagulant_vka"},
    ),
    "recent-problem-holds": (warfarin(problem="yes"), {"anticoagulant_vka_out_of_range"}),
    "recent-problem-unsure-stays-review": (warfarin(problem="unsure"), {"anticoagulant_vka"}),
    "doac": ({"bleeding.anticoagulants": ["apixaban"]}, {"anticoagulant_doac_or_heparin"}),
    "heparin": ({"bleeding.anticoagulants": ["heparin_lmwh"]}, {"anticoagulant_doac_or_heparin"}),
    "bridging-warfarin-and-heparin": (
        warfarin(drugs=("warfarin", "heparin_lmwh")),
        {"anticoagulant_vka", "anticoagulant_doac_or_heparin", "antithrombotic_combination"},
    ),
    "anticoagulant-and-antiplatelet": (
        {"bleeding.anticoagulants": ["rivaroxaban"], "bleeding.antiplatelets": ["aspirin"]},
        {"anticoagulant_doac_or_heparin", "antithrombotic_combination"},
    ),
    "two-antiplatelets": (
        {"bleeding.antiplatelets": ["aspirin", "clopidogrel"]},
        {"antithrombotic_combination"},
    ),
    "one-antiplatelet": ({"bleeding.antiplatelets": ["aspirin"]}, {"antiplatelet_single"}),
    "out-of-range-with-combination": (
        {**warfarin(problem="yes"), "bleeding.antiplatelets": ["aspirin"]},
        {"anticoagulant_vka_out_of_range", "antithrombotic_combination"},
    ),
    "nsaids": ({"bleeding.nsaids_or_supplements": True}, {"nsaid_or_supplement"}),
    "not-sure-box-fires-no-bleeding-rule": ({"bleeding.blood_thinner_not_sure": True}, set()),
}


@pytest.mark.parametrize(("overrides", "expected"), CASES.values(), ids=CASES.keys())
def test_bleeding_rules_fire_exactly_as_the_catalogue_says(make_doc, fired, overrides, expected):
    assert fired(make_doc(overrides)).keys() & BLEEDING_RULES == expected


@pytest.mark.parametrize(
    ("overrides", "tier"),
    [
        ({"bleeding.bleeding_disorder": "yes"}, "HOLD_FOR_CLEARANCE"),
        ({"bleeding.bleeding_disorder": "unsure"}, "PHYSIO_REVIEW"),
        (warfarin(problem="yes"), "HOLD_FOR_CLEARANCE"),
        (warfarin(problem="unsure"), "PHYSIO_REVIEW"),
        ({"bleeding.antiplatelets": ["aspirin"]}, "INFO_ONLY"),
        ({"bleeding.nsaids_or_supplements": True}, "INFO_ONLY"),
        ({"bleeding.blood_thinner_not_sure": True}, "PHYSIO_REVIEW"),
    ],
)
def test_bleeding_answers_set_the_expected_tier(make_doc, overrides, tier):
    assert assess(make_doc(overrides))["tier"] == tier


def test_the_cap_follows_the_policy(make_doc, fired):
    doc = make_doc(warfarin({"value": 3.4, "date": "2026-11-20"}))
    assert "anticoagulant_vka_out_of_range" in fired(doc)
    relaxed = Policy.from_overrides({"inr_cap_when_target_unknown": 3.5})
    assert "anticoagulant_vka" in fired(doc, relaxed)
    assert "anticoagulant_vka_out_of_range" not in fired(doc, relaxed)


def test_the_stale_limit_follows_the_policy(make_doc, fired):
    doc = make_doc(warfarin({"value": 4.0, "date": "2026-11-20"}))  # 13 days old
    assert "anticoagulant_vka_out_of_range" in fired(doc)
    strict = Policy.from_overrides({"inr_stale_after_days": 7})
    assert "anticoagulant_vka_out_of_range" not in fired(doc, strict)


def test_disorder_takes_over_an_unsure_bruising_answer(make_doc, fired):
    doc = make_doc({"bleeding.bleeding_disorder": "yes", "bleeding.easy_bruising": "unsure"})
    rules = fired(doc)
    assert rules["bleeding_disorder"]["unsure_fields"] == ["bleeding.easy_bruising"]
    assert rules["bleeding_disorder"]["staff_message"] == (
        "Diagnosed bleeding or clotting disorder. Also bruises easily: unsure. Needs haematology "
        "or physician clearance; if cleared, superficial and compressible sites only."
    )
    assert "easy_bruising_unexplained" not in rules
    assert "unsure_answers" not in rules


def test_out_of_range_takes_over_an_unsure_recent_problem(make_doc, fired):
    doc = make_doc(warfarin({"value": 3.4, "date": "2026-11-20"}, problem="unsure"))
    rules = fired(doc)
    assert rules["anticoagulant_vka_out_of_range"]["unsure_fields"] == [
        "bleeding.vka_recent_problem"
    ]
    assert "anticoagulant_vka" not in rules
    assert "unsure_answers" not in rules


def test_unsure_recent_problem_is_listed_on_anticoagulant_vka(make_doc, fired):
    rules = fired(make_doc(warfarin(problem="unsure")))
    assert rules["anticoagulant_vka"]["unsure_fields"] == ["bleeding.vka_recent_problem"]
    assert "unsure_answers" not in rules


@pytest.mark.parametrize(
    ("inr", "text"),
    [
        (None, "INR: not known."),
        ({"value": 2.4, "date": "2026-11-20"}, "INR: 2.4 on 2026-11-20."),
        (
            {"value": 2.4, "date": "2026-11-20", "target_low": 2, "target_high": 3},
            "INR: 2.4 on 2026-11-20, target 2–3.",
        ),
        (
            {"value": 4.2, "date": "2026-11-04"},
            "INR: 4.2 on 2026-11-04, older than 28 days: treated as unknown.",
        ),
    ],
)
def test_anticoagulant_vka_message_describes_the_inr(make_doc, fired, inr, text):
    message = fired(make_doc(warfarin(inr)))["anticoagulant_vka"]["staff_message"]
    assert message == (
        f"Takes warfarin. {text} Bleeding problem or dose change in the last 14 days: no."
    )


@pytest.mark.parametrize(
    ("overrides", "middle"),
    [
        (
            warfarin({"value": 3.4, "date": "2026-11-20"}),
            "INR 3.4 on 2026-11-20 is above the policy limit 3",
        ),
        (
            warfarin({"value": 3.6, "date": "2026-11-20", "target_low": 2.5, "target_high": 3.5}),
            "INR 3.6 on 2026-11-20 is above the target top 3.5",
        ),
        (warfarin(problem="yes"), "Bleeding problem or dose change in the last 14 days"),
    ],
)
def test_out_of_range_message_names_the_reason(make_doc, fired, overrides, middle):
    message = fired(make_doc(overrides))["anticoagulant_vka_out_of_range"]["staff_message"]
    assert message == (
        f"Takes warfarin. {middle}. Hold needling until the INR is back in range or the "
        "prescriber confirms in writing."
    )


def test_combination_message_lists_every_medicine(make_doc, fired):
    doc = make_doc({"bleeding.anticoagulants": ["apixaban"], "bleeding.antiplatelets": ["aspirin"]})
    finding = fired(doc)["antithrombotic_combination"]
    assert finding["staff_message"] == (
        "Takes more than one blood-thinning medicine: apixaban, aspirin. Needs prescriber "
        "clearance before needling."
    )
    assert finding["tier_effect"] == "HOLD_FOR_CLEARANCE"
    assert finding["sources"] == ["S26", "S46"]


def test_bruising_message_lists_blood_thinners_and_neutral_patient_text_when_unsure(
    make_doc, fired
):
    doc = make_doc({"bleeding.easy_bruising": "unsure", "bleeding.antiplatelets": ["aspirin"]})
    finding = fired(doc)["easy_bruising_unexplained"]
    assert finding["staff_message"] == (
        "Bruises very easily or bleeds a long time after small cuts (answer: unsure); no "
        "diagnosed bleeding disorder. Blood thinners: aspirin."
    )
    # 3.7 (1.1.0): the fixed message is already neutral and is kept for "not sure".
    assert finding["patient_message"].startswith("Before any needling, your physiotherapist")
    assert finding["unsure_fields"] == ["bleeding.easy_bruising"]


def test_the_not_sure_box_goes_to_unsure_answers(make_doc, fired):
    rules = fired(make_doc({"bleeding.blood_thinner_not_sure": True}))
    assert rules["unsure_answers"]["unsure_fields"] == ["bleeding.blood_thinner_not_sure"]
