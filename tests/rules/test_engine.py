"""The engine (clinical-rules.md 2.3): tiers, sorting, supersession, unsure routing, totals."""

import copy
import glob
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from screening.rules import DEFAULT_POLICY, RULESET_VERSION, Policy, assess, targets_all_excluded
from screening.rules.engine import _supersede
from screening.rules.types import TIER_EFFECT_RANK, Hit
from screening.rules.unsure import UNSURE_CAPABLE_FIELDS, unsure_answers

ROOT = Path(__file__).resolve().parents[2]
ASSESSMENT_SCHEMA = json.loads((ROOT / "screening/schemas/assessment-v1.schema.json").read_text())
CATALOGUE = ASSESSMENT_SCHEMA["$defs"]["rule_catalogue"]["const"]
VALIDATOR = Draft202012Validator(ASSESSMENT_SCHEMA, format_checker=FormatChecker())
EXAMPLES = sorted(
    path
    for path in glob.glob(str(ROOT.parent / "shared/contracts/examples/ex*.json"))
    if not path.endswith(".expected.json")
)
ALWAYS_ON = {"consent_special_risks", "practitioner_authorization"}
REVIEW_RANK = TIER_EFFECT_RANK["PHYSIO_REVIEW"]

TIERS = {
    "healthy-adult": ({}, "CLEAR"),
    "info-only": ({"bleeding.nsaids_or_supplements": True}, "INFO_ONLY"),
    "review": ({"consent.fainted_with_needles": "yes"}, "PHYSIO_REVIEW"),
    "site-ac-is-review": (
        {"implants.cardiac_device": "yes", "implants.cardiac_device_side": "left"},
        "PHYSIO_REVIEW",
    ),
    "hold": ({"bleeding.bleeding_disorder": "yes"}, "HOLD_FOR_CLEARANCE"),
    "block": ({"consent.needling_preference": "declines"}, "DO_NOT_NEEDLE"),
    "block-beats-hold-and-review": (
        {
            "consent.needling_preference": "declines",
            "bleeding.bleeding_disorder": "yes",
            "consent.fainted_with_needles": "yes",
        },
        "DO_NOT_NEEDLE",
    ),
    "hold-beats-review-and-info": (
        {
            "bleeding.bleeding_disorder": "yes",
            "consent.fainted_with_needles": "yes",
            "bleeding.nsaids_or_supplements": True,
        },
        "HOLD_FOR_CLEARANCE",
    ),
    "unsure-only-raises-to-review": ({"bleeding.bleeding_disorder": "unsure"}, "PHYSIO_REVIEW"),
}


@pytest.mark.parametrize(("overrides", "tier"), TIERS.values(), ids=TIERS.keys())
def test_the_tier_is_the_highest_tier_effect(make_doc, overrides, tier):
    assert assess(make_doc(overrides))["tier"] == tier


def test_findings_are_sorted_by_tier_effect_then_rule_id(make_doc):
    doc = make_doc(
        {
            "consent.needling_preference": "declines",
            "bleeding.bleeding_disorder": "yes",
            "bleeding.antiplatelets": ["aspirin"],
            "bleeding.nsaids_or_supplements": True,
            "consent.fainted_with_needles": "yes",
            "consent.needle_feeling": "a_bit_nervous",
            "implants.metal_allergy": "yes",
        }
    )
    rules = [(f["tier_effect"], f["rule"]) for f in assess(doc)["findings"]]
    assert rules == [
        ("DO_NOT_NEEDLE", "consent_unwilling"),
        ("HOLD_FOR_CLEARANCE", "bleeding_disorder"),
        ("PHYSIO_REVIEW", "vasovagal_history"),
        ("INFO_ONLY", "antiplatelet_single"),
        ("INFO_ONLY", "metal_allergy_note"),
        ("INFO_ONLY", "needle_anxiety_mild"),
        ("INFO_ONLY", "nsaid_or_supplement"),
        ("NONE", "consent_special_risks"),
        ("NONE", "practitioner_authorization"),
    ]


@pytest.mark.parametrize("overrides", [{}, *[o for o, _ in TIERS.values()]])
def test_the_always_on_rules_are_always_there_and_never_change_the_tier(make_doc, overrides):
    findings = assess(make_doc(overrides))["findings"]
    always = [f for f in findings if f["rule"] in ALWAYS_ON]
    assert {f["rule"] for f in always} == ALWAYS_ON
    assert {f["tier_effect"] for f in always} == {"NONE"}


SUPERSESSION = {
    "unwilling-over-undecided": (
        {"consent.needling_preference": "declines", "consent.feels_pressured": "yes"},
        "consent_unwilling",
        "consent_undecided",
    ),
    "vka-out-of-range-over-vka": (
        {
            "bleeding.anticoagulants": ["warfarin"],
            "bleeding.vka_recent_problem": "yes",
        },
        "anticoagulant_vka_out_of_range",
        "anticoagulant_vka",
    ),
    "disorder-over-bruising": (
        {"bleeding.bleeding_disorder": "yes", "bleeding.easy_bruising": "yes"},
        "bleeding_disorder",
        "easy_bruising_unexplained",
    ),
    "severe-over-moderate-immunity": (
        {"infection.low_white_cells": "yes", "infection.immune_medicines": "unsure"},
        "immunosuppressed_severe",
        "immunosuppressed_moderate",
    ),
    "complicated-over-controlled-diabetes": (
        {
            "conditions.diabetes": "yes",
            "conditions.diabetes_details": {
                "type": "type_2",
                "foot_ulcer_or_poor_healing": "yes",
                "severe_low_sugar": "unsure",
                "high_sugar_symptoms": "no",
            },
        },
        "diabetes_complicated",
        "diabetes_controlled",
    ),
}


@pytest.mark.parametrize(
    ("overrides", "winner", "loser"), SUPERSESSION.values(), ids=SUPERSESSION.keys()
)
def test_a_suppressed_finding_disappears(make_doc, fired, overrides, winner, loser):
    rules = fired(make_doc(overrides))
    assert winner in rules
    assert loser not in rules


@pytest.mark.parametrize(
    ("overrides", "winner", "field"),
    [
        (
            {"consent.needling_preference": "declines", "consent.feels_pressured": "unsure"},
            "consent_unwilling",
            "consent.feels_pressured",
        ),
        (
            {"infection.low_white_cells": "yes", "infection.immune_medicines": "unsure"},
            "immunosuppressed_severe",
            "infection.immune_medicines",
        ),
        (
            SUPERSESSION["complicated-over-controlled-diabetes"][0],
            "diabetes_complicated",
            "conditions.diabetes_details.severe_low_sugar",
        ),
        (
            {"bleeding.bleeding_disorder": "yes", "bleeding.easy_bruising": "unsure"},
            "bleeding_disorder",
            "bleeding.easy_bruising",
        ),
    ],
)
def test_the_suppressed_findings_unsure_fields_move_to_the_suppressor(
    make_doc, fired, overrides, winner, field
):
    rules = fired(make_doc(overrides))
    assert field in rules[winner]["unsure_fields"]
    assert "unsure_answers" not in rules


def test_supersede_moves_unsure_fields_of_a_suppressed_hit():
    common = {"staff_message": "s", "patient_message": "p", "action": "a", "sources": ("S1",)}
    hits = {
        "bleeding_disorder": Hit(**common),
        "easy_bruising_unexplained": Hit(**common, unsure_fields=("bleeding.easy_bruising",)),
    }
    _supersede(hits)
    assert list(hits) == ["bleeding_disorder"]
    assert hits["bleeding_disorder"].unsure_fields == ("bleeding.easy_bruising",)


def test_supersede_removes_lymphedema_regions_from_the_at_risk_limb_finding():
    common = {"staff_message": "s", "patient_message": "p", "action": "a", "sources": ("S1",)}
    left_arm = ("SHOULDER_L", "ARM_L", "FOREARM_HAND_L")
    right_arm = ("SHOULDER_R", "ARM_R", "FOREARM_HAND_R")
    hits = {
        "lymphedema_limb": Hit(**common, regions=left_arm, excludes=left_arm),
        "lymph_node_removal_at_risk_limb": Hit(
            **common, regions=left_arm + right_arm, excludes=left_arm + right_arm
        ),
    }
    _supersede(hits)
    assert hits["lymph_node_removal_at_risk_limb"].regions == right_arm
    assert hits["lymph_node_removal_at_risk_limb"].excludes == right_arm
    hits["lymph_node_removal_at_risk_limb"] = Hit(**common, regions=left_arm, excludes=left_arm)
    _supersede(hits)
    assert "lymph_node_removal_at_risk_limb" not in hits


@pytest.mark.parametrize(
    ("sites", "at_risk"),
    [
        (["AXILLA_L"], None),
        (["AXILLA_L", "AXILLA_R"], ["SHOULDER_R", "ARM_R", "FOREARM_HAND_R"]),
    ],
)
def test_lymphedema_takes_its_regions_from_the_at_risk_limb(make_doc, fired, sites, at_risk):
    doc = make_doc(
        {
            "infection.lymphedema": "yes",
            "infection.lymphedema_areas": ["UPPER_LIMB_L"],
            "infection.lymph_nodes_treated": "yes",
            "infection.lymph_node_sites": sites,
        }
    )
    rules = fired(doc)
    assert rules["lymphedema_limb"]["regions"] == ["SHOULDER_L", "ARM_L", "FOREARM_HAND_L"]
    finding = rules.get("lymph_node_removal_at_risk_limb")
    if at_risk is None:
        assert finding is None
    else:
        assert finding["regions"] == at_risk


BOTH_FIRE = {
    "combination-with-vka": (
        {
            "bleeding.anticoagulants": ["warfarin"],
            "bleeding.antiplatelets": ["aspirin"],
            "bleeding.vka_recent_problem": "no",
        },
        {"antithrombotic_combination", "anticoagulant_vka"},
    ),
    "combination-with-doac": (
        {"bleeding.anticoagulants": ["apixaban"], "bleeding.antiplatelets": ["aspirin"]},
        {"antithrombotic_combination", "anticoagulant_doac_or_heparin"},
    ),
    "complication-with-trimester": (
        {"pregnancy": {"status": "yes", "weeks_at_completion": 20, "complications": "yes"}},
        {"pregnancy_complicated", "pregnancy_t2"},
    ),
    "bloodborne-with-moderate": (
        {
            "infection.bloodborne_virus": "yes",
            "infection.bloodborne_virus_types": ["hepatitis_c"],
            "infection.bloodborne_virus_control": "not_controlled",
        },
        {"bloodborne_virus", "immunosuppressed_moderate"},
    ),
}


@pytest.mark.parametrize(("overrides", "both"), BOTH_FIRE.values(), ids=BOTH_FIRE.keys())
def test_findings_that_carry_different_information_fire_together(make_doc, fired, overrides, both):
    assert both <= fired(make_doc(overrides)).keys()


# 3.4: where each unsure answer of the consent, pregnancy and bleeding families is listed,
# plus the fields that always go to unsure_answers.
ROUTING = {
    "consent.needling_preference": ({}, "consent_undecided"),
    "consent.feels_pressured": ({}, "consent_undecided"),
    "consent.fainted_with_needles": ({}, "vasovagal_history"),
    "consent.previous_unusual_reaction": ({}, "previous_adverse_reaction"),
    "consent.trouble_understanding": ({}, "capacity_impaired"),
    "consent.cognitive_impairment_diagnosed": ({}, "capacity_impaired"),
    "consent.has_substitute_decision_maker": ({}, "capacity_impaired"),
    "pregnancy.status": ({}, "pregnancy_t1_or_possible"),
    "pregnancy.complications": ({"pregnancy.status": "yes"}, "pregnancy_t1_or_possible"),
    "bleeding.bleeding_disorder": ({}, "unsure_answers"),
    "bleeding.easy_bruising": ({}, "easy_bruising_unexplained"),
    "bleeding.vka_recent_problem": (
        {"bleeding.anticoagulants": ["warfarin"]},
        "anticoagulant_vka",
    ),
    "infection.acute_illness": ({}, "unsure_answers"),
    "infection.lymphedema": ({}, "unsure_answers"),
    "infection.lymph_nodes_treated": ({}, "unsure_answers"),
    "implants.cosmetic_implant": ({}, "unsure_answers"),
    "implants.joint_hardware": ({}, "unsure_answers"),
    "conditions.heart_unstable_now": ({}, "unsure_answers"),
    "conditions.diabetes": ({}, "unsure_answers"),
    "conditions.circulation_problem": ({}, "unsure_answers"),
    "conditions.inflammatory_arthritis": ({}, "unsure_answers"),
    "conditions.cancer": ({}, "unsure_answers"),
    "surgery_trauma.spine_instability": ({}, "unsure_answers"),
}


@pytest.mark.parametrize(("field", "setup", "rule"), [(f, *v) for f, v in ROUTING.items()])
def test_each_unsure_answer_is_listed_where_the_table_says(make_doc, fired, field, setup, rule):
    rules = fired(make_doc({**setup, field: "unsure"}))
    listing = [r for r, finding in rules.items() if field in finding["unsure_fields"]]
    assert listing == [rule]


def test_the_not_sure_box_and_the_day_of_answer_go_to_unsure_answers(make_doc, fired):
    doc = make_doc(
        {
            "bleeding.blood_thinner_not_sure": True,
            "completed_on": "2026-12-03",
            "day_of": {"substances_recent": "unsure"},
        }
    )
    finding = fired(doc)["unsure_answers"]
    assert finding["unsure_fields"] == [
        "bleeding.blood_thinner_not_sure",
        "day_of.substances_recent",
    ]
    assert finding["staff_message"] == (
        "Answered not sure: takes a blood thinner (not sure whether or which); alcohol, cannabis "
        "or a drowsy-making medicine today. Clarify each one before needling; until then, treat "
        "the answer as yes."
    )


def _baseline_unsure_fields(make_doc):
    doc = make_doc()
    return [
        f"{section}.{name}"
        for section, answers in doc.items()
        if isinstance(answers, dict)
        for name, value in answers.items()
        if value == "no" and f"{section}.{name}" in UNSURE_CAPABLE_FIELDS
    ]


# 3.4 principle 1 (1.1.0): three note questions list their unsure answer on an INFO finding
# (the baseline's knee target is not in the lung field, so the chest wall goes to its note).
NOTE_QUESTIONS = {
    "conditions.mental_health": "mental_health_note",
    "implants.metal_allergy": "metal_allergy_note",
    "frailty_bone_chest.chest_wall_deformity": "chest_wall_deformity_note",
}


def test_every_unsure_answer_is_listed_once_at_review_or_higher(make_doc, fired):
    """Principle 1 for every tri-state the baseline answers "no": never CLEAR, listed once."""
    fields = _baseline_unsure_fields(make_doc)
    assert len(fields) >= 35
    for field in fields:
        doc = make_doc({field: "unsure"})
        rules = fired(doc)
        listing = [f for f in rules.values() if field in f["unsure_fields"]]
        assert len(listing) == 1, field
        if field in NOTE_QUESTIONS:
            assert listing[0]["rule"] == NOTE_QUESTIONS[field], field
            assert assess(doc)["tier"] == "INFO_ONLY", field
            continue
        assert TIER_EFFECT_RANK[listing[0]["tier_effect"]] <= REVIEW_RANK, field
        assert assess(doc)["tier"] not in ("CLEAR", "INFO_ONLY"), field


def test_unsure_collector_finds_list_items_and_nested_fields(make_doc):
    doc = make_doc(
        {
            "implants.joint_hardware": "yes",
            "implants.joint_hardware_items": [
                {
                    "region": "KNEE_LEG_L",
                    "kind": "joint_replacement",
                    "date": "2019-05-31",
                    "problem_now": "no",
                },
                {
                    "region": "HIP_THIGH_R",
                    "kind": "joint_replacement",
                    "date": "2020-05-31",
                    "problem_now": "unsure",
                },
            ],
            "conditions.diabetes": "yes",
            "conditions.diabetes_details": {
                "type": "type_1",
                "foot_ulcer_or_poor_healing": "no",
                "severe_low_sugar": "no",
                "high_sugar_symptoms": "unsure",
            },
            "infection.bloodborne_virus": "yes",
            "infection.bloodborne_virus_types": ["hiv"],
            "infection.bloodborne_virus_control": "unsure",
            "conditions.cancer": "unsure",
        }
    )
    assert unsure_answers(doc) == [
        "conditions.cancer",
        "conditions.diabetes_details.high_sugar_symptoms",
        "implants.joint_hardware_items[1].problem_now",
        "infection.bloodborne_virus_control",
    ]


def test_an_unsure_medical_check_is_listed_nowhere_when_the_trauma_rule_does_not_fire(
    make_doc, fired
):
    doc = make_doc(
        {
            "surgery_trauma.injury": True,
            "surgery_trauma.injury_details": {
                "date": "2026-01-15",
                "features": ["severe_pain"],
                "medical_check": "unsure",
            },
        }
    )
    assert unsure_answers(doc) == []
    rules = fired(doc)
    assert not [r for r, f in rules.items() if f["unsure_fields"]]


def test_regions_are_in_canonical_order_everywhere(make_doc):
    doc = make_doc(
        {
            "visit.pain_regions": ["ANKLE_FOOT_R", "HEAD_FACE", "THORACIC_SPINE", "CHEST_WALL_L"],
            "implants.cardiac_device": "yes",
            "implants.cardiac_device_side": "unknown",
            "pregnancy": {"status": "yes", "weeks_at_completion": 10, "complications": "no"},
        }
    )
    assessment = assess(doc)
    assert assessment["target_regions"] == [
        "HEAD_FACE",
        "THORACIC_SPINE",
        "CHEST_WALL_L",
        "ANKLE_FOOT_R",
    ]
    assert assessment["excluded_regions"] == [
        "CHEST_WALL_L",
        "CHEST_WALL_R",
        "ABDOMEN",
        "LUMBAR_SACRAL",
    ]
    risks = next(f for f in assessment["findings"] if f["rule"] == "consent_special_risks")
    assert risks["regions"] == ["THORACIC_SPINE", "CHEST_WALL_L"]


def test_planned_regions_replace_pain_regions_as_targets(make_doc):
    doc = make_doc(
        {"visit.pain_regions": ["LUMBAR_SACRAL"], "visit.planned_regions": ["NECK_POSTERIOR"]}
    )
    assert assess(doc)["target_regions"] == ["NECK_POSTERIOR"]


@pytest.mark.parametrize(
    ("targets", "all_excluded"),
    [(["ABDOMEN"], True), (["ABDOMEN", "LUMBAR_SACRAL"], True), (["ABDOMEN", "KNEE_LEG_R"], False)],
)
def test_targets_all_excluded_compares_targets_with_exclusions(make_doc, targets, all_excluded):
    doc = make_doc({"visit.pain_regions": targets, "pregnancy": {"status": "unsure"}})
    assessment = assess(doc)
    assert targets_all_excluded(assessment) is all_excluded
    assert assessment["tier"] == "PHYSIO_REVIEW"


def test_estim_is_allowed_unless_a_rule_turns_it_off(make_doc):
    assert assess(make_doc())["estim_allowed"] is True
    assert assess(make_doc({"pregnancy": {"status": "unsure"}}))["estim_allowed"] is False


def test_the_header_records_version_policy_age_and_gestation(make_doc):
    policy = Policy.from_overrides({"minor_age_years": 19})
    assessment = assess(make_doc(), policy)
    assert assessment["schema"] == "dn-assessment/1"
    assert assessment["ruleset_version"] == RULESET_VERSION == "1.1.0"
    assert assessment["policy"] == policy.as_dict()
    assert assessment["policy"]["minor_age_years"] == 19
    assert assessment["age_at_appointment"] == 38
    assert assessment["gestational_weeks_at_appointment"] is None
    assert assess(make_doc())["policy"] == DEFAULT_POLICY.as_dict()


def test_assess_is_pure_it_neither_changes_the_document_nor_varies(make_doc):
    doc = make_doc(
        {
            "consent.fainted_with_needles": "unsure",
            "bleeding.anticoagulants": ["warfarin"],
            "bleeding.vka_recent_problem": "no",
        }
    )
    before = copy.deepcopy(doc)
    first = assess(doc)
    assert doc == before
    assert assess(doc) == first
    first["findings"].clear()
    assert assess(doc)["findings"]


def _catalogue_mismatches(assessment):
    problems = []
    for finding in assessment["findings"]:
        entry = CATALOGUE[finding["rule"]]
        variants = [entry, entry.get("review_variant")]
        got = {k: finding[k] for k in ("category", "scope", "tier_effect")}
        if not any(v and got == {k: v[k] for k in got} for v in variants):
            problems.append((finding["rule"], got))
    return problems


VALIDATION_DOCS = {
    "baseline": {},
    "capacity-review": {"consent.trouble_understanding": "yes"},
    "capacity-ac": {"consent.cognitive_impairment_diagnosed": "yes"},
    "many": {
        "consent.needling_preference": "unsure",
        "consent.needle_feeling": "very_anxious",
        "bleeding.anticoagulants": ["warfarin", "apixaban"],
        "bleeding.vka_recent_problem": "unsure",
        "bleeding.antiplatelets": ["aspirin"],
        "pregnancy": {"status": "yes", "weeks_at_completion": 30, "complications": "yes"},
        "about.interpreter_needed": True,
        "implants.cardiac_device": "unsure",
        "infection.acute_illness": "unsure",
        "about.date_of_birth": "2025-06-01",
    },
}


@pytest.mark.parametrize("overrides", VALIDATION_DOCS.values(), ids=VALIDATION_DOCS.keys())
def test_assessments_validate_and_match_the_rule_catalogue(make_doc, overrides):
    assessment = assess(make_doc(overrides))
    assert not list(VALIDATOR.iter_errors(assessment))
    assert _catalogue_mismatches(assessment) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[Path(p).stem for p in EXAMPLES])
def test_shared_examples_give_their_expected_tier_and_rules(path):
    expected = json.loads(Path(path.replace(".json", ".expected.json")).read_text())
    assessment = assess(json.loads(Path(path).read_text()))
    rules = {f["rule"] for f in assessment["findings"]}
    assert not list(VALIDATOR.iter_errors(assessment))
    assert _catalogue_mismatches(assessment) == []
    assert assessment["tier"] == expected["tier"]
    assert set(expected["must_fire"]) <= rules
    assert not set(expected["must_not_fire"]) & rules


def test_registering_a_second_function_under_an_existing_id_is_an_error():
    from screening.rules.registry import RegistryError, rule

    with pytest.raises(RegistryError, match="registered twice"):

        @rule("metal_allergy", category="RP", scope="global")
        def another_metal_allergy(ctx):  # pragma: no cover - never registered
            return None


@pytest.mark.parametrize(("category", "scope"), [("XX", "global"), ("RP", "everywhere")])
def test_an_unknown_category_or_scope_is_refused(category, scope):
    from screening.rules.registry import RegistryError, rule

    with pytest.raises(RegistryError):
        rule("made_up_rule", category=category, scope=scope)


def test_rules_that_read_another_rule_run_after_it():
    from screening.rules.registry import RULES, evaluation_order

    order = [spec.id for spec in evaluation_order()]
    for spec in RULES.values():
        for dependency in spec.after:
            assert order.index(dependency) < order.index(spec.id)
    assert not {"unsure_answers", *ALWAYS_ON} & set(order)


@pytest.mark.parametrize(
    ("iso", "window", "recent"),
    [
        (None, 90, True),  # an unknown date counts as recent (3.1)
        ("2026-09-04", 90, True),  # day 90: the window includes its end
        ("2026-09-03", 90, False),  # day 91
        ("2026-12-03", 1, True),
    ],
)
def test_recent_includes_the_window_end_and_unknown_dates(make_doc, iso, window, recent):
    from screening.rules.context import Context

    ctx = Context(make_doc(), DEFAULT_POLICY)
    assert ctx.recent(iso, window) is recent


def test_days_since_counts_whole_days_to_the_appointment(make_doc):
    from screening.rules.context import Context

    ctx = Context(make_doc(), DEFAULT_POLICY)
    assert ctx.days_since("2026-09-04") == 90
    assert ctx.days_since("2026-12-03") == 0


def test_context_reads_dotted_paths_and_treats_absent_fields_as_false(make_doc):
    from screening.rules.context import Context

    ctx = Context(
        make_doc(
            {
                "conditions.diabetes": "yes",
                "conditions.diabetes_details": {
                    "type": "type_2",
                    "foot_ulcer_or_poor_healing": "no",
                    "severe_low_sugar": "no",
                    "high_sugar_symptoms": "no",
                },
            }
        ),
        DEFAULT_POLICY,
    )
    assert ctx.get("conditions.diabetes_details.type") == "type_2"
    assert ctx.get("conditions.diabetes_details.hba1c_percent") is None
    assert ctx.get("bleeding.inr.value", "none") == "none"
    assert ctx.eq("bleeding.nsaids_or_supplements", False)
    assert not ctx.eq("pregnancy.due_date", None)
    assert not ctx.isin("bleeding.inr", {"anything"})
    assert ctx.has("conditions.diabetes_details") and not ctx.has("day_of.substances_recent")
    assert ctx.bmi == pytest.approx(70 / 1.72**2)
    assert ctx.targets == {"KNEE_LEG_R"}
