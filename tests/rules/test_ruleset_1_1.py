"""Ruleset 1.1.0: table tests at each boundary the catalogue names, and the eight behaviours
a mutation run found unpinned (issue 8). Each of the eight fails when its mutation is put
back into the code (checked by hand when they were written)."""

from __future__ import annotations

import pytest

from screening.rules import engine
from screening.rules.registry import RULES, evaluation_order
from screening.rules.types import RuleSpec
from tests.rules.tables import NOT_SURE, days_before, finding, run

LEFT_LEG = ["HIP_THIGH_L", "KNEE_LEG_L", "ANKLE_FOOT_L"]
RIGHT_LEG = ["HIP_THIGH_R", "KNEE_LEG_R", "ANKLE_FOOT_R"]
LEFT_ARM = ["SHOULDER_L", "ARM_L", "FOREARM_HAND_L"]
THORAX = {"visit.pain_regions": ["THORACIC_SPINE"]}


def clot(days: int, area: str = "KNEE_LEG_L") -> dict:
    return {
        "conditions.circulation_problem": "yes",
        "conditions.past_clot_areas": [area],
        "conditions.past_clot_date": days_before(days),
    }


# --- dvt_recent: day 90 vs 91, left vs right ----------------------------------------------


@pytest.mark.parametrize(("days", "fires"), [(2, True), (90, True), (91, False)])
def test_dvt_recent_holds_inside_the_window_only(make_doc, days, fires):
    result = run(make_doc, clot(days))
    hit = finding(result, "dvt_recent")
    assert finding(result, "peripheral_vascular_or_varicose") is not None  # both fire (3.5)
    if not fires:
        assert hit is None and result["excluded_regions"] == []
        return
    assert result["tier"] == "HOLD_FOR_CLEARANCE"
    assert hit["regions"] == LEFT_LEG and result["excluded_regions"] == LEFT_LEG
    assert hit["staff_message"].startswith(
        f"Blood clot in a vein (DVT) found {days_before(days)} at KNEE_LEG_L, within 90 days"
    )
    assert hit["sources"] == ["S10", "S10a", "S27", "S26"]


@pytest.mark.parametrize(("area", "leg"), [("KNEE_LEG_L", LEFT_LEG), ("ANKLE_FOOT_R", RIGHT_LEG)])
def test_dvt_recent_excludes_the_whole_limb_of_its_side(make_doc, area, leg):
    result = run(make_doc, clot(10, area))
    assert finding(result, "dvt_recent")["regions"] == leg


def test_dvt_window_follows_the_policy(make_doc):
    assert finding(run(make_doc, clot(100), {"dvt_window_days": 100}), "dvt_recent")
    assert finding(run(make_doc, clot(15), {"dvt_window_days": 14}), "dvt_recent") is None


def test_a_clot_without_a_date_asks_for_it_and_does_not_hold(make_doc):
    overrides = {"conditions.circulation_problem": "yes", "conditions.past_clot_areas": ["ARM_R"]}
    result = run(make_doc, overrides)
    assert finding(result, "dvt_recent") is None
    assert finding(result, "peripheral_vascular_or_varicose")["staff_message"] == (
        "Circulation problem: past clot ARM_R, date not given: ask when; if within 90 days, "
        "handle as dvt_recent. Avoid varicosities and areas with poor blood flow; check blood "
        "thinners."
    )


def test_the_vascular_message_labels_each_list_on_its_own(make_doc):
    overrides = {
        **clot(200),
        "conditions.varicose_vein_areas": ["KNEE_LEG_R"],
    }
    message = finding(run(make_doc, overrides), "peripheral_vascular_or_varicose")["staff_message"]
    assert message.startswith(
        f"Circulation problem: varicose veins KNEE_LEG_R; past clot KNEE_LEG_L, found "
        f"{days_before(200)}."
    )


# --- dialysis_access_limb -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("limb", "regions"), [("UPPER_LIMB_L", LEFT_ARM), ("LOWER_LIMB_R", RIGHT_LEG)]
)
def test_dialysis_access_excludes_its_limb_and_keeps_estim(make_doc, limb, regions):
    overrides = {
        "implants.dialysis_access": "yes",
        "implants.dialysis_access_limbs": [limb],
        "visit.planned_estim": True,
    }
    result = run(make_doc, overrides)
    hit = finding(result, "dialysis_access_limb")
    assert hit["regions"] == regions and result["excluded_regions"] == regions
    assert result["estim_allowed"] is True
    assert result["tier"] == "PHYSIO_REVIEW"
    assert hit["staff_message"].startswith(f"Dialysis fistula or graft: {limb}. No needling")


def test_an_unsure_dialysis_access_goes_to_unsure_answers(make_doc):
    result = run(make_doc, {"implants.dialysis_access": "unsure"})
    assert finding(result, "dialysis_access_limb") is None
    assert finding(result, "unsure_answers")["unsure_fields"] == ["implants.dialysis_access"]


# --- immunosuppressed_standing: a 16-year-old vs an adult without a spleen ------------------


@pytest.mark.parametrize(
    ("dob", "severe"), [("2010-06-01", True), ("2008-12-04", True), ("2008-12-03", False)]
)
def test_no_spleen_holds_a_minor_and_is_a_standing_precaution_for_all(make_doc, dob, severe):
    result = run(make_doc, {"infection.no_spleen": "yes", "about.date_of_birth": dob})
    standing = finding(result, "immunosuppressed_standing")
    assert standing["staff_message"].endswith(
        "No working spleen: a fever after treatment needs same-day medical care."
    )
    assert (finding(result, "immunosuppressed_severe") is not None) is severe
    assert result["tier"] == ("HOLD_FOR_CLEARANCE" if severe else "PHYSIO_REVIEW")


def test_a_transplant_is_a_standing_precaution_not_a_hold(make_doc):
    result = run(make_doc, {"infection.transplant_antirejection": "yes"})
    assert finding(result, "immunosuppressed_severe") is None
    assert finding(result, "immunosuppressed_standing")["staff_message"].startswith(
        "Standing infection precaution, every visit: organ or stem-cell transplant on "
        "anti-rejection medicine."
    )
    assert result["tier"] == "PHYSIO_REVIEW"


def test_an_unsure_spleen_stays_with_moderate(make_doc):
    result = run(make_doc, {"infection.no_spleen": "unsure"})
    assert finding(result, "immunosuppressed_standing") is None
    assert finding(result, "immunosuppressed_moderate")["unsure_fields"] == ["infection.no_spleen"]


# --- vasovagal_remote_near_faint: day 365 vs 366 -------------------------------------------


def faint(kind: str | None, days: int | None) -> dict:
    out: dict = {"consent.fainted_with_needles": "yes"}
    if kind:
        out["consent.faint_kind"] = kind
    if days is not None:
        out["consent.faint_last_date"] = days_before(days)
    return out


@pytest.mark.parametrize(
    ("kind", "days", "note"),
    [
        ("nearly_fainted", 365, False),
        ("nearly_fainted", 366, True),
        ("fainted", 3000, False),
        ("nearly_fainted", None, False),
        (None, None, False),
    ],
)
def test_only_an_old_near_faint_is_a_note(make_doc, kind, days, note):
    result = run(make_doc, faint(kind, days))
    remote = finding(result, "vasovagal_remote_near_faint")
    history = finding(result, "vasovagal_history")
    assert (remote is not None) is note and (history is None) is note
    assert result["tier"] == ("INFO_ONLY" if note else "PHYSIO_REVIEW")


def test_the_vasovagal_message_prints_kind_and_date(make_doc):
    overrides = {
        **faint("fainted", 30),
        "consent.previous_needling": False,
        "consent.previous_unusual_reaction": "__delete__",
    }
    hit = finding(run(make_doc, overrides), "vasovagal_history")
    assert hit["staff_message"] == (
        f"Has fainted with needles (answer: yes), most recently {days_before(30)}. "
        "First needling session."
    )


# --- metal_allergy / metal_allergy_note and the nickel policy -------------------------------


@pytest.mark.parametrize("answer", ["yes", "unsure"])
@pytest.mark.parametrize("nickel", [False, True])
def test_metal_allergy_follows_the_needle_policy(make_doc, answer, nickel):
    result = run(make_doc, {"implants.metal_allergy": answer}, {"needles_contain_nickel": nickel})
    fired = "metal_allergy" if nickel else "metal_allergy_note"
    other = "metal_allergy_note" if nickel else "metal_allergy"
    assert finding(result, other) is None
    hit = finding(result, fired)
    assert hit["unsure_fields"] == (["implants.metal_allergy"] if answer == "unsure" else [])
    assert hit["patient_message"].startswith(NOT_SURE) is (answer == "unsure")
    assert result["tier"] == ("PHYSIO_REVIEW" if nickel else "INFO_ONLY")


# --- chest wall: knee vs thorax target ------------------------------------------------------


@pytest.mark.parametrize(
    ("targets", "rule"), [({}, "chest_wall_deformity_note"), (THORAX, "chest_wall_deformity")]
)
def test_the_chest_wall_needs_a_lung_field_target_to_review(make_doc, targets, rule):
    result = run(make_doc, {"frailty_bone_chest.chest_wall_deformity": "yes", **targets})
    other = ({"chest_wall_deformity", "chest_wall_deformity_note"} - {rule}).pop()
    assert finding(result, rule) is not None and finding(result, other) is None


# --- lymph node side ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("side", "regions"),
    [
        ("left", LEFT_LEG),
        ("right", RIGHT_LEG),
        ("both", [*RIGHT_LEG, *LEFT_LEG]),
        ("unknown", [*RIGHT_LEG, *LEFT_LEG]),
        (None, [*RIGHT_LEG, *LEFT_LEG]),
    ],
)
def test_pelvic_node_treatment_follows_its_side(make_doc, side, regions):
    overrides = {"infection.lymph_nodes_treated": "yes", "infection.lymph_node_sites": ["PELVIS"]}
    if side:
        overrides["infection.pelvic_node_side"] = side
    hit = finding(run(make_doc, overrides), "lymph_node_removal_at_risk_limb")
    assert sorted(hit["regions"]) == sorted(regions)
    pelvis = f" (pelvis: {side})" if side else ""
    assert hit["staff_message"].startswith(f"Lymph nodes removed or irradiated: PELVIS{pelvis}.")


# --- BMI: exact comparison, one decimal half-up ---------------------------------------------


@pytest.mark.parametrize(
    ("weight", "printed", "fires"),
    [(73.8, "18.5", True), (71.8, "18.0", True), (71.76, "17.9", True), (74, None, False)],
)
def test_bmi_is_compared_exactly_and_printed_half_up(make_doc, weight, printed, fires):
    # Height 200 cm: BMI = weight / 4 (73.8 -> 18.45, 71.8 -> 17.95, 71.76 -> 17.94, 74 -> 18.5).
    overrides = {**THORAX, "about.height_cm": 200, "about.weight_kg": weight}
    hit = finding(run(make_doc, overrides), "low_bmi_thoracic")
    if not fires:
        assert hit is None
        return
    assert hit["staff_message"].startswith(f"BMI {printed} (below 18.5 before rounding)")


# --- 3.8: standing answers fire again; windows re-evaluated at the new date ---------------


def test_a_check_in_document_re_evaluates_the_clot_window(make_doc):
    before = run(make_doc, clot(85))
    later = {**clot(85), "appointment_date": "2026-12-10", "completed_on": "2026-12-10"}
    after = run(make_doc, later)
    assert finding(before, "dvt_recent") and finding(after, "dvt_recent") is None
    standing = {"infection.transplant_antirejection": "yes", **later}
    assert finding(run(make_doc, standing), "immunosuppressed_standing")


# --- The eight mutation-run behaviours -----------------------------------------------------


def test_1_a_guardian_of_a_patient_exactly_18_is_a_capacity_review(make_doc):
    overrides = {
        "respondent": "guardian",
        "about.date_of_birth": "2008-12-03",
        "about.guardian": {"name": "A. Parent", "relationship": "parent", "phone": "555-0100"},
    }
    result = run(make_doc, overrides)
    assert result["age_at_appointment"] == 18
    hit = finding(result, "capacity_impaired")
    assert hit["staff_message"].endswith(
        "; form filled in by a parent or guardian of an adult. Check capacity for this "
        "treatment at the visit."
    )
    assert result["tier"] == "PHYSIO_REVIEW"


VKA = {"bleeding.anticoagulants": ["warfarin"], "bleeding.vka_recent_problem": "no"}


def inr(days: int, value: float = 2.5) -> dict:
    return {**VKA, "bleeding.inr": {"value": value, "date": days_before(days)}}


def test_2_an_inr_exactly_stale_after_days_old_is_still_current(make_doc):
    at_limit = finding(run(make_doc, inr(28)), "anticoagulant_vka")["staff_message"]
    assert f"INR: 2.5 on {days_before(28)}." in at_limit
    assert "treated as unknown" not in at_limit
    stale = finding(run(make_doc, inr(29)), "anticoagulant_vka")["staff_message"]
    assert f"INR: 2.5 on {days_before(29)}, older than 28 days: treated as unknown." in stale
    # And a high value exactly at the limit still holds.
    assert finding(run(make_doc, inr(28, 3.5)), "anticoagulant_vka_out_of_range")


@pytest.mark.parametrize(
    ("bruising", "unsure"), [("yes", []), ("unsure", ["bleeding.easy_bruising"]), ("no", [])]
)
def test_3_bleeding_disorder_lists_bruising_as_unsure_only_when_unsure(make_doc, bruising, unsure):
    overrides = {"bleeding.bleeding_disorder": "yes", "bleeding.easy_bruising": bruising}
    hit = finding(run(make_doc, overrides), "bleeding_disorder")
    assert hit["unsure_fields"] == unsure


def test_4_previous_reaction_messages_follow_their_answer(make_doc):
    base = {"consent.previous_needling": True}
    yes = finding(
        run(make_doc, {**base, "consent.previous_unusual_reaction": "yes"}),
        "previous_adverse_reaction",
    )
    unsure = finding(
        run(make_doc, {**base, "consent.previous_unusual_reaction": "unsure"}),
        "previous_adverse_reaction",
    )
    assert yes["patient_message"].startswith("Thank you for telling us about your last treatment.")
    assert unsure["patient_message"] == (
        "You told us you are not sure about a strong or unusual reaction to earlier needling. "
        "Your physiotherapist will ask you about it before any needling."
    )


MODERATE_MESSAGE = (
    "Some medicines and health problems make infections a little more likely. Your "
    "physiotherapist will take extra care to keep everything clean. They will tell you what to "
    "watch for afterwards."
)


@pytest.mark.parametrize(
    "overrides",
    [
        {"infection.chemotherapy": True, "infection.chemotherapy_last_date": days_before(200)},
        {
            "infection.bloodborne_virus": "yes",
            "infection.bloodborne_virus_types": ["hiv"],
            "infection.bloodborne_virus_control": "not_controlled",
        },
    ],
    ids=["past-chemotherapy", "uncontrolled-virus"],
)
def test_5_moderate_immunity_states_its_message(make_doc, overrides):
    hit = finding(run(make_doc, overrides), "immunosuppressed_moderate")
    assert hit["patient_message"] == MODERATE_MESSAGE
    assert hit["unsure_fields"] == []


@pytest.mark.parametrize(("fainted", "said"), [("yes", True), ("unsure", True), ("no", False)])
def test_6_needle_phobia_says_fainted_exactly_when_yes_or_unsure(make_doc, fainted, said):
    overrides = {
        "consent.needle_feeling": "avoids_care_or_phobia",
        "consent.fainted_with_needles": fainted,
    }
    message = finding(run(make_doc, overrides), "needle_phobia_severe")["staff_message"]
    assert message.endswith(f" Fainted with needles: {fainted}.") is said
    assert ("Fainted with needles" in message) is said


@pytest.mark.parametrize(("dob", "cut_off"), [("2008-12-04", True), ("2008-12-03", False)])
def test_7_the_adult_cut_off_wording_stops_at_18(make_doc, dob, cut_off):
    overrides = {
        **THORAX,
        "about.height_cm": 160,
        "about.weight_kg": 44,
        "about.date_of_birth": dob,
    }
    if cut_off:
        overrides["about.guardian"] = {"name": "A. Parent", "relationship": "parent"}
    message = finding(run(make_doc, overrides), "low_bmi_thoracic")["staff_message"]
    assert (", adult cut-off)" in message) is cut_off


def _spec(rule_id: str, after: tuple[str, ...] = ()) -> RuleSpec:
    return RuleSpec(rule_id, "INFO", "none", "INFO_ONLY", lambda ctx: None, after=after)


def test_8_runs_after_is_a_topological_order_not_the_registration_order():
    reader, read = _spec("reader", after=("read",)), _spec("read")
    assert [spec.id for spec in evaluation_order([reader, read])] == ["read", "reader"]


def test_8_the_engine_orders_rules_registered_in_the_wrong_order(make_doc, monkeypatch):
    """cardiovascular_stable reads cardiac_unstable: registered first, it still runs after."""
    reordered = {"cardiovascular_stable": RULES["cardiovascular_stable"]}
    reordered.update((key, spec) for key, spec in RULES.items() if key not in reordered)
    monkeypatch.setattr("screening.rules.registry.RULES", reordered)
    monkeypatch.setattr("screening.rules.engine.RULES", reordered)
    engine._plan.cache_clear()
    try:
        doc = make_doc(
            {
                "conditions.heart_condition": True,
                "conditions.heart_unstable_now": "no",
                "conditions.blood_pressure": {"systolic": 190, "diastolic": 90},
            }
        )
        result = engine.assess(doc)
        rules = {f["rule"] for f in result["findings"]}
        assert "cardiac_unstable" in rules and "cardiovascular_stable" not in rules
    finally:
        engine._plan.cache_clear()
