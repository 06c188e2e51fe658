"""Consent, capacity and needle rules (clinical-rules.md 6.1): tables of fire / no fire."""

import pytest

from screening.rules import Policy

GUARDIAN = {"name": "Ana Cruz", "relationship": "parent", "phone": "780-555-0101"}

# (overrides, rules that must fire, rules that must not fire)
CASES = {
    "declines": (
        {"consent.needling_preference": "declines"},
        {"consent_unwilling"},
        {"consent_undecided"},
    ),
    "declines-and-pressured-unsure-suppresses-undecided": (
        {"consent.needling_preference": "declines", "consent.feels_pressured": "unsure"},
        {"consent_unwilling"},
        {"consent_undecided", "unsure_answers"},
    ),
    "unsure-preference": (
        {"consent.needling_preference": "unsure"},
        {"consent_undecided"},
        {"consent_unwilling", "unsure_answers"},
    ),
    "open-but-pressured": (
        {"consent.feels_pressured": "yes"},
        {"consent_undecided"},
        {"consent_unwilling"},
    ),
    "open-and-pressure-unsure": (
        {"consent.feels_pressured": "unsure"},
        {"consent_undecided"},
        {"unsure_answers"},
    ),
    "open-not-pressured": ({}, set(), {"consent_unwilling", "consent_undecided"}),
    "phobia": (
        {"consent.needle_feeling": "avoids_care_or_phobia"},
        {"needle_phobia_severe"},
        {"needle_anxiety_mild"},
    ),
    "a-bit-nervous": (
        {"consent.needle_feeling": "a_bit_nervous"},
        {"needle_anxiety_mild"},
        {"needle_phobia_severe"},
    ),
    "very-anxious-is-not-phobia": (
        {"consent.needle_feeling": "very_anxious"},
        {"needle_anxiety_mild"},
        {"needle_phobia_severe"},
    ),
    "fine-with-needles": ({}, set(), {"needle_anxiety_mild", "needle_phobia_severe"}),
    "fainted": ({"consent.fainted_with_needles": "yes"}, {"vasovagal_history"}, set()),
    "fainted-unsure": (
        {"consent.fainted_with_needles": "unsure"},
        {"vasovagal_history"},
        {"unsure_answers"},
    ),
    "first-session-alone-fires-nothing": (
        {"consent.previous_needling": False, "consent.previous_unusual_reaction": "__delete__"},
        set(),
        {"vasovagal_history", "previous_adverse_reaction"},
    ),
    "previous-reaction": (
        {"consent.previous_unusual_reaction": "yes"},
        {"previous_adverse_reaction"},
        set(),
    ),
    "previous-reaction-unsure": (
        {"consent.previous_unusual_reaction": "unsure"},
        {"previous_adverse_reaction"},
        {"unsure_answers"},
    ),
    "interpreter": (
        {"about.interpreter_needed": True, "about.preferred_language": "Tagalog"},
        {"interpreter_needed"},
        {"capacity_impaired"},
    ),
    "no-interpreter": ({}, set(), {"interpreter_needed"}),
    "impaired-on-the-day": (
        {"completed_on": "2026-12-03", "day_of": {"substances_recent": "yes"}},
        {"impaired_today"},
        set(),
    ),
    "not-impaired-on-the-day": (
        {"completed_on": "2026-12-03", "day_of": {"substances_recent": "no"}},
        set(),
        {"impaired_today", "unsure_answers"},
    ),
    "impaired-unsure-goes-to-unsure-answers": (
        {"completed_on": "2026-12-03", "day_of": {"substances_recent": "unsure"}},
        {"unsure_answers"},
        {"impaired_today"},
    ),
}


@pytest.mark.parametrize(("overrides", "must", "must_not"), CASES.values(), ids=CASES.keys())
def test_consent_rules_fire_exactly_as_the_catalogue_says(
    make_doc, fired, overrides, must, must_not
):
    rules = fired(make_doc(overrides))
    assert must <= rules.keys()
    assert not must_not & rules.keys()


CAPACITY = {
    "diagnosed": ({"consent.cognitive_impairment_diagnosed": "yes"}, "AC"),
    "decision-maker-appointed": ({"consent.has_substitute_decision_maker": "yes"}, "AC"),
    "filled-in-by-decision-maker": ({"respondent": "substitute_decision_maker"}, "AC"),
    "trouble-understanding": ({"consent.trouble_understanding": "yes"}, "RP"),
    "trouble-understanding-unsure": ({"consent.trouble_understanding": "unsure"}, "RP"),
    "diagnosis-unsure": ({"consent.cognitive_impairment_diagnosed": "unsure"}, "RP"),
    "decision-maker-unsure": ({"consent.has_substitute_decision_maker": "unsure"}, "RP"),
    "guardian-of-an-adult": ({"respondent": "guardian", "about.guardian": GUARDIAN}, "RP"),
    "guardian-of-a-minor": (
        {"respondent": "guardian", "about.guardian": GUARDIAN, "about.date_of_birth": "2011-06-01"},
        None,
    ),
    "helper-fills-in": ({"respondent": "helper"}, None),
    "no-concern": ({}, None),
    "diagnosed-plus-unsure-trouble": (
        {
            "consent.cognitive_impairment_diagnosed": "yes",
            "consent.trouble_understanding": "unsure",
        },
        "AC",
    ),
}


@pytest.mark.parametrize(("overrides", "category"), CAPACITY.values(), ids=CAPACITY.keys())
def test_capacity_impaired_fires_one_variant_at_most(make_doc, fired, overrides, category):
    finding = fired(make_doc(overrides)).get("capacity_impaired")
    if category is None:
        assert finding is None
        return
    assert finding["category"] == category
    assert finding["scope"] == "global"
    expected_tier = "DO_NOT_NEEDLE" if category == "AC" else "PHYSIO_REVIEW"
    assert finding["tier_effect"] == expected_tier
    assert finding["sources"] == ["S10", "S10a", "S13a", "S39", "S34", "S6"]


def test_capacity_impaired_lists_every_unsure_capacity_field(make_doc, fired):
    doc = make_doc(
        {
            "consent.has_substitute_decision_maker": "yes",
            "consent.trouble_understanding": "unsure",
            "consent.cognitive_impairment_diagnosed": "unsure",
        }
    )
    rules = fired(doc)
    assert rules["capacity_impaired"]["category"] == "AC"
    assert rules["capacity_impaired"]["unsure_fields"] == [
        "consent.cognitive_impairment_diagnosed",
        "consent.trouble_understanding",
    ]
    assert "unsure_answers" not in rules


def test_capacity_ac_message_lists_every_reason_that_applies(make_doc, fired):
    doc = make_doc(
        {"consent.cognitive_impairment_diagnosed": "yes", "respondent": "substitute_decision_maker"}
    )
    message = fired(doc)["capacity_impaired"]["staff_message"]
    assert message.startswith(
        "Capacity concern: diagnosed moderate or severe condition affecting memory or "
        "understanding; the form was filled in by a substitute decision-maker."
    )


def test_capacity_review_message_names_fields_and_the_guardian_of_an_adult(make_doc, fired):
    doc = make_doc(
        {
            "consent.trouble_understanding": "unsure",
            "respondent": "guardian",
            "about.guardian": GUARDIAN,
        }
    )
    assert fired(doc)["capacity_impaired"]["staff_message"] == (
        "Possible difficulty understanding health information (trouble_understanding: unsure); "
        "form filled in by a parent or guardian of an adult. Check capacity for this treatment "
        "at the visit."
    )


def test_guardian_of_an_adult_uses_the_policy_age_of_majority(make_doc, fired):
    doc = make_doc(
        {"respondent": "guardian", "about.guardian": GUARDIAN, "about.date_of_birth": "2007-01-01"}
    )  # 19 at the appointment
    assert "capacity_impaired" in fired(doc)
    assert "capacity_impaired" not in fired(doc, Policy.from_overrides({"minor_age_years": 21}))


@pytest.mark.parametrize(
    ("date_of_birth", "is_minor"),
    [
        ("2008-12-04", True),  # turns 18 the day after the appointment
        ("2008-12-03", False),  # turns 18 on the appointment day
        ("2008-12-02", False),
        ("2020-06-01", True),
    ],
)
def test_minor_under_18_fires_until_the_18th_birthday(make_doc, fired, date_of_birth, is_minor):
    rules = fired(make_doc({"about.date_of_birth": date_of_birth}))
    assert ("minor_under_18" in rules) is is_minor


@pytest.mark.parametrize(
    ("appointment", "date_of_birth", "is_minor"),
    [
        ("2026-02-28", "2008-02-29", True),  # a 29 February birthday counts from 1 March
        ("2026-03-01", "2008-02-29", False),
        ("2028-02-29", "2010-02-28", False),
        ("2030-02-28", "2012-02-29", True),
        ("2030-03-01", "2012-02-29", False),
    ],
)
def test_a_29_february_birthday_counts_from_1_march(
    make_doc, fired, appointment, date_of_birth, is_minor
):
    doc = make_doc(
        {
            "completed_on": appointment,
            "appointment_date": appointment,
            "about.date_of_birth": date_of_birth,
        }
    )
    assert ("minor_under_18" in fired(doc)) is is_minor


def test_minor_age_follows_the_policy(make_doc, fired):
    doc = make_doc({"about.date_of_birth": "2009-01-01"})  # 17
    assert "minor_under_18" in fired(doc)
    assert "minor_under_18" not in fired(doc, Policy.from_overrides({"minor_age_years": 16}))


@pytest.mark.parametrize(
    ("date_of_birth", "head_excluded"),
    [("2025-01-01", True), ("2024-12-04", True), ("2024-12-03", False), ("2020-01-01", False)],
)
def test_under_two_excludes_head_and_face(make_doc, date_of_birth, head_excluded):
    from screening.rules import assess

    assessment = assess(make_doc({"about.date_of_birth": date_of_birth}))
    finding = next(f for f in assessment["findings"] if f["rule"] == "minor_under_18")
    assert ("HEAD_FACE" in assessment["excluded_regions"]) is head_excluded
    assert finding["regions"] == (["HEAD_FACE"] if head_excluded else [])


def test_minor_message_names_the_guardian_and_missing_details(make_doc, fired):
    doc = make_doc(
        {
            "respondent": "guardian",
            "about.date_of_birth": "2011-05-01",
            "about.guardian": {"name": "Ana Cruz", "relationship": "parent", "will_attend": True},
        }
    )
    assert fired(doc)["minor_under_18"]["staff_message"] == (
        "Patient is 15 at the appointment. Form filled in by: guardian. Guardian: Ana Cruz, "
        "parent, phone not given; will attend: yes. Needs guardian written consent or a "
        "physiotherapist-documented mature-minor assessment before needling."
    )


def test_minor_without_guardian_details_says_not_given(make_doc, fired):
    doc = make_doc({"about.date_of_birth": "2011-05-01"})
    assert "Guardian: not given." in fired(doc)["minor_under_18"]["staff_message"]


def test_consent_unwilling_fires_whoever_fills_in_the_form(make_doc, fired):
    doc = make_doc(
        {
            "respondent": "guardian",
            "about.guardian": GUARDIAN,
            "about.date_of_birth": "2012-01-01",
            "consent.needling_preference": "declines",
        }
    )
    assert fired(doc)["consent_unwilling"]["tier_effect"] == "DO_NOT_NEEDLE"


def test_consent_unwilling_takes_over_an_unsure_pressure_answer(make_doc, fired):
    doc = make_doc(
        {
            "consent.needling_preference": "declines",
            "consent.feels_pressured": "unsure",
            "consent.hesitation_reason": "I had a bad experience",
        }
    )
    finding = fired(doc)["consent_unwilling"]
    assert finding["unsure_fields"] == ["consent.feels_pressured"]
    assert finding["staff_message"] == (
        'Patient would rather not have dry needling. Reason: "I had a bad experience". '
        "Feels pushed by someone else: unsure."
    )
    assert finding["sources"] == ["S10", "S10a", "S6"]


@pytest.mark.parametrize(
    ("overrides", "message", "unsure"),
    [
        (
            {"consent.needling_preference": "unsure"},
            "Patient is not yet sure about dry needling.",
            ["consent.needling_preference"],
        ),
        (
            {"consent.feels_pressured": "yes"},
            "Patient may feel pushed by someone else (feels_pressured: yes).",
            [],
        ),
        (
            {"consent.needling_preference": "unsure", "consent.feels_pressured": "unsure"},
            "Patient is not yet sure about dry needling; may feel pushed by someone else "
            "(feels_pressured: unsure).",
            ["consent.feels_pressured", "consent.needling_preference"],
        ),
    ],
)
def test_consent_undecided_message_and_unsure_fields(make_doc, fired, overrides, message, unsure):
    finding = fired(make_doc(overrides))["consent_undecided"]
    assert finding["staff_message"] == message
    assert finding["unsure_fields"] == unsure
    assert finding["tier_effect"] == "PHYSIO_REVIEW"


def test_long_hesitation_reason_is_quoted_and_cut_to_200_characters(make_doc, fired):
    doc = make_doc(
        {"consent.needling_preference": "unsure", "consent.hesitation_reason": "x" * 250}
    )
    message = fired(doc)["consent_undecided"]["staff_message"]
    assert f'Reason: "{"x" * 200}…".' in message


def test_vasovagal_notes_a_first_session_and_uses_the_neutral_message_when_unsure(make_doc, fired):
    doc = make_doc(
        {
            "consent.fainted_with_needles": "unsure",
            "consent.previous_needling": False,
            "consent.previous_unusual_reaction": "__delete__",
        }
    )
    finding = fired(doc)["vasovagal_history"]
    assert finding["staff_message"] == (
        "Has fainted or nearly fainted with needles (answer: unsure). First needling session."
    )
    assert finding["patient_message"].startswith("You told us you are not sure about fainting")
    assert finding["unsure_fields"] == ["consent.fainted_with_needles"]


def test_vasovagal_yes_states_the_plan(make_doc, fired):
    finding = fired(make_doc({"consent.fainted_with_needles": "yes"}))["vasovagal_history"]
    assert finding["patient_message"].startswith("Some people feel faint with needles.")
    assert finding["unsure_fields"] == []
    assert finding["sources"] == ["S38", "S28", "S19", "S46"]


def test_previous_reaction_quotes_the_details(make_doc, fired):
    doc = make_doc(
        {
            "consent.previous_unusual_reaction": "yes",
            "consent.previous_reaction_details": "Arm tingled for 3 days",
        }
    )
    assert fired(doc)["previous_adverse_reaction"]["staff_message"] == (
        "Strong or unusual reaction after earlier needling (answer: yes). "
        'Details: "Arm tingled for 3 days".'
    )


def test_needle_anxiety_message_states_the_level(make_doc, fired):
    doc = make_doc({"consent.needle_feeling": "very_anxious"})
    finding = fired(doc)["needle_anxiety_mild"]
    assert finding["staff_message"] == "Patient is very anxious about needles."
    assert finding["tier_effect"] == "INFO_ONLY"


def test_needle_phobia_blocks_even_when_open_to_needling(make_doc):
    from screening.rules import assess

    doc = make_doc({"consent.needle_feeling": "avoids_care_or_phobia"})
    assert assess(doc)["tier"] == "DO_NOT_NEEDLE"


def test_impaired_today_message_uses_the_policy_hours(make_doc, fired):
    doc = make_doc({"completed_on": "2026-12-03", "day_of": {"substances_recent": "yes"}})
    finding = fired(doc, Policy.from_overrides({"impaired_window_hours": 8}))["impaired_today"]
    assert finding["staff_message"] == (
        "Alcohol, cannabis or a drowsy-making medicine in the 8 hours before check-in (2026-12-03)."
    )
    # 1.1.0: the number is only in the question and the staff message.
    assert "shortly before your visit" in finding["patient_message"]
    assert "8" not in finding["patient_message"]


def test_interpreter_message_names_the_language_when_given(make_doc, fired):
    with_language = make_doc({"about.interpreter_needed": True, "about.preferred_language": "Cree"})
    without = make_doc({"about.interpreter_needed": True})
    assert fired(with_language)["interpreter_needed"]["staff_message"] == (
        "Interpreter or communication help requested: Cree."
    )
    assert fired(without)["interpreter_needed"]["staff_message"] == (
        "Interpreter or communication help requested."
    )
