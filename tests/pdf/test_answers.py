"""Every answer in plain words, grouped by step, straight from the intake schema."""

from __future__ import annotations

from screening.pdf.answers import answer_sections, answer_words, question_text
from tests.pdf.builders import MULTI_FINDING, example


def rows_by_question(sections):
    return {row.question: row for section in sections for row in section.rows}


def test_it_groups_answers_under_the_step_titles_in_form_order():
    titles = [section.title for section in answer_sections(example(MULTI_FINDING))]
    assert titles[:4] == [
        "About this form",
        "About you",
        "Your visit",
        "Needles, consent and understanding",
    ]
    assert titles.index("Bleeding and medicines") < titles.index("Surgery and injuries")


def test_questions_come_without_the_notes_for_developers():
    assert (
        question_text(
            "Dry needling uses very fine needles placed into tight or sore muscle. How do you feel "
            "about having it as part of your treatment? open = 'I'm open to it'"
        )
        == "How do you feel about having it as part of your treatment?"
    )
    assert question_text("Top number (systolic), mmHg.") == "Top number (systolic), mmHg."
    assert (
        question_text("Your most recent INR result. (Optional.)") == "Your most recent INR result."
    )


def test_coded_answers_print_in_the_patients_words():
    rows = rows_by_question(answer_sections(example(MULTI_FINDING)))
    assert (
        rows["How do you feel about having it as part of your treatment?"].answer
        == "I'm open to it"
    )
    assert rows["Who is filling in this form?"].answer == "I am the patient"
    assert rows["Are you pregnant, or is there any chance you could be?"].answer == (
        "This doesn't apply to me"
    )
    infection = "felt generally unwell?"
    assert next(r for q, r in rows.items() if q.endswith(infection)).answer == "Not sure"
    assert rows["Where is your pain, or the problem you would like treated?"].answer == (
        "Mid back; Right shoulder blade"
    )
    assert rows["Do you take any of these blood thinners?"].answer == "None"


def test_medicines_keep_their_brand_and_limbs_their_name():
    anticoagulants = {
        "$ref": "#/$defs/anticoagulant",
        "description": (
            "Do you take any of these blood thinners? warfarin (Coumadin); apixaban (Eliquis)."
        ),
    }
    assert answer_words(["warfarin", "apixaban"], {"type": "array", "items": anticoagulants}) == (
        "Warfarin (Coumadin); Apixaban (Eliquis)"
    )
    assert answer_words(["UPPER_LIMB_L"], {"$ref": "#/$defs/location_list"}) == "Whole left arm"
    assert answer_words(True) == "Yes" and answer_words(False) == "No"
    assert answer_words(7.0) == "7" and answer_words(7.8) == "7.8"


def test_nested_answers_and_lists_of_items_are_indented_under_their_question():
    document = example(MULTI_FINDING)
    document["surgery_trauma"]["recent_surgery"] = True
    document["surgery_trauma"]["surgeries"] = [
        {"description": "Knee scope", "date": "2026-10-01", "regions": ["KNEE_LEG_L"]},
        {"description": "Hand", "regions": ["FOREARM_HAND_R"]},
    ]
    surgery = next(s for s in answer_sections(document) if s.title == "Surgery and injuries")
    listed = [(row.level, row.question, row.answer) for row in surgery.rows]
    assert (0, "Each operation in the last 12 months.", "2 listed") in listed
    assert (1, "One operation (1 of 2)", "") in listed
    assert (2, "What was done?", "Knee scope") in listed
    assert (
        2,
        "Where on the body was the operation (incision, drains)?",
        "Left knee and lower leg",
    ) in listed
    blood_pressure = next(s for s in answer_sections(document) if s.title == "Medical conditions")
    assert any(row.level == 1 and row.answer == "150" for row in blood_pressure.rows)


def test_free_text_is_kept_whole_and_unknown_fields_still_show():
    document = example(MULTI_FINDING)
    document["consent"]["hesitation_reason"] = "Needles \x00 scare me\u202e"
    document["consent"]["added_later"] = "kept"
    rows = rows_by_question(answer_sections(document))
    assert rows["If you'd like to, tell us what makes you hesitate."].answer == (
        "Needles \ufffd scare me\ufffd"
    )
    assert rows["Added later"].answer == "kept"


def test_only_answers_other_than_no_are_marked_notable():
    rows = rows_by_question(answer_sections(example(MULTI_FINDING)))
    assert rows["Do you have diabetes?"].notable
    assert not rows["Do you have epilepsy, or have you had seizures?"].notable
    assert not rows["Do you take any of these blood thinners?"].notable  # "None"
