"""System rules (clinical-rules.md 6.9, 6.10): always-on rules and unsure_answers."""

import pytest

from screening.rules.labels import SHORT_LABELS, label_for
from screening.rules.unsure import UNSURE_CAPABLE_FIELDS, unindexed


@pytest.mark.parametrize(
    ("overrides", "regions", "message"),
    [
        ({}, [], "Before needling, disclose the material and special risks and record consent."),
        (
            {"visit.pain_regions": ["THORACIC_SPINE", "NECK_ANTERIOR", "KNEE_LEG_R"]},
            ["NECK_ANTERIOR", "THORACIC_SPINE"],
            "Before needling, disclose the material and special risks and record consent. "
            "Lung-field target(s) NECK_ANTERIOR, THORACIC_SPINE: include pneumothorax.",
        ),
        (
            {"consent.previous_needling": False, "consent.previous_unusual_reaction": "__delete__"},
            [],
            "Before needling, disclose the material and special risks and record consent. "
            "First needling session.",
        ),
        (
            {
                "visit.planned_regions": ["SCAPULA_L"],
                "consent.previous_needling": False,
                "consent.previous_unusual_reaction": "__delete__",
            },
            ["SCAPULA_L"],
            "Before needling, disclose the material and special risks and record consent. "
            "Lung-field target(s) SCAPULA_L: include pneumothorax. First needling session.",
        ),
    ],
)
def test_consent_special_risks_names_lung_field_targets_and_a_first_session(
    make_doc, fired, overrides, regions, message
):
    finding = fired(make_doc(overrides))["consent_special_risks"]
    assert finding["regions"] == regions
    assert finding["staff_message"] == message
    assert (finding["category"], finding["scope"], finding["tier_effect"]) == (
        "INFO",
        "none",
        "NONE",
    )
    assert finding["sources"] == ["S1", "S4", "S6", "S31"]


def test_pain_regions_are_not_targets_when_regions_are_planned(make_doc, fired):
    doc = make_doc(
        {"visit.pain_regions": ["CHEST_WALL_R"], "visit.planned_regions": ["KNEE_LEG_R"]}
    )
    assert fired(doc)["consent_special_risks"]["regions"] == []


def test_practitioner_authorization_is_always_there(make_doc, fired):
    finding = fired(make_doc())["practitioner_authorization"]
    assert finding["sources"] == ["S7", "S8"]
    assert finding["tier_effect"] == "NONE"
    assert "provisional register" in finding["staff_message"]


def test_unsure_answers_does_not_fire_without_an_unlisted_unsure_answer(make_doc, fired):
    assert "unsure_answers" not in fired(make_doc())
    assert "unsure_answers" not in fired(make_doc({"consent.fainted_with_needles": "unsure"}))


def test_unsure_answers_lists_the_leftover_fields_sorted_with_their_labels(make_doc, fired):
    doc = make_doc(
        {
            "conditions.diabetes": "unsure",
            "bleeding.bleeding_disorder": "unsure",
            "infection.acute_illness": "unsure",
            "consent.fainted_with_needles": "unsure",
        }
    )
    finding = fired(doc)["unsure_answers"]
    assert finding["unsure_fields"] == [
        "bleeding.bleeding_disorder",
        "conditions.diabetes",
        "infection.acute_illness",
    ]
    assert finding["staff_message"] == (
        "Answered not sure: bleeding or clotting disorder; diabetes; fever, infection or feeling "
        "unwell recently. Clarify each one before needling; until then, treat the answer as yes."
    )
    assert (finding["category"], finding["scope"], finding["tier_effect"]) == (
        "RP",
        "global",
        "PHYSIO_REVIEW",
    )
    assert finding["sources"] == ["S26"]
    assert finding["patient_message"].startswith("It's fine not to be sure.")


def test_every_field_that_can_be_unsure_has_a_short_label():
    assert {unindexed(path) for path in UNSURE_CAPABLE_FIELDS} == set(SHORT_LABELS)
    assert all(label and label == label.strip() for label in SHORT_LABELS.values())


def test_indexed_paths_use_the_label_of_their_field_with_the_item_number():
    assert label_for("implants.joint_hardware_items[1].problem_now") == (
        "artificial joint or hardware painful, hot or swollen now (item 2)"
    )
    assert label_for("conditions.diabetes") == "diabetes"
