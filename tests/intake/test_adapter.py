"""The adapter: every form answer lands in the intake document, every document field has a
question, and the documents it builds pass the contract."""

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone

from screening.contracts import validate_intake
from screening.intake.adapter import build_document, full_date
from screening.intake.forms import STEP_FORMS
from screening.intake.forms_patient import CheckInForm
from screening.intake.steps import QUESTION_STEPS
from screening.rules.regions import INTAKE_SCHEMA
from tests.intake.posts import HEALTHY, everything_yes

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "contract_examples"
SHARED_EXAMPLES = Path("/work/shared/contracts/examples")
TODAY = timezone.localdate()
APPOINTMENT = TODAY + datetime.timedelta(days=3)
# Document fields that no patient question fills, and who fills them.
NOT_ASKED_OF_THE_PATIENT = {
    "schema": "constant",
    "completed_on": "the day the form is sent",
    "appointment_date": "the invitation",
    "visit.planned_regions": "the invitation (clinic)",
    "visit.planned_estim": "the invitation (clinic)",
    "day_of.substances_recent": "the check-in form",
}


def saved_answers(posts: dict, appointment=APPOINTMENT) -> dict:
    """What the draft holds after each step was posted and saved."""
    answers = {}
    for step, data in posts.items():
        form = STEP_FORMS[step](data, appointment_date=appointment)
        assert form.is_valid(), (step, form.errors)
        answers[step] = {**form.saved_answers(), "_saved_on": TODAY.isoformat()}
    return answers


def schema_paths(node: dict, prefix: str = "") -> set[str]:
    """Every property path of the schema; list items as `[]`."""
    paths = set()
    for name, prop in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        paths.add(path)
        if prop.get("type") == "object":
            paths |= schema_paths(prop, path + ".")
        if prop.get("type") == "array" and prop["items"].get("type") == "object":
            paths |= schema_paths(prop["items"], path + "[].")
    return paths


def document_paths(node, prefix: str = "") -> set[str]:
    paths = set()
    if isinstance(node, dict):
        for name, value in node.items():
            path = f"{prefix}{name}"
            paths.add(path)
            paths |= document_paths(value, path + ".")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, dict):
                paths |= document_paths(item, prefix[:-1] + "[].")
    return paths


def field_path(step: str, name: str) -> str:
    """Form field name -> document path (numbered slots become `[]`)."""
    if name == "respondent":
        return "respondent"
    section = next(s.section for s in QUESTION_STEPS if s.name == step)
    parts = name.split("__")
    out = section
    for part in parts:
        out += "[]" if part.isdigit() else f".{part}"
    return out


def question_paths() -> set[str]:
    paths = set()
    for step, form_class in STEP_FORMS.items():
        for name in form_class(appointment_date=APPOINTMENT).fields:
            paths.add(field_path(step, name))
    return paths


def test_every_document_field_has_a_question_or_a_named_source():
    every = schema_paths(INTAKE_SCHEMA)
    # Sections, nested objects and item lists are filled through their own fields.
    containers = {p for p in every if any(q.startswith((p + ".", p + "[]")) for q in every)}
    missing = every - containers - question_paths() - set(NOT_ASKED_OF_THE_PATIENT)
    assert missing == set()
    assert "substances_recent" in CheckInForm().fields


def test_every_question_is_a_document_field():
    assert question_paths() - schema_paths(INTAKE_SCHEMA) == set()


def test_the_adapter_can_produce_every_document_field():
    answers = saved_answers(everything_yes(TODAY.isoformat()))
    document = build_document(
        answers,
        appointment_date=TODAY,
        completed_on=TODAY,
        planned_regions=["THORACIC_SPINE"],
        planned_estim=True,
        day_of={"substances_recent": "no"},
    )
    assert schema_paths(INTAKE_SCHEMA) - document_paths(document) == set()
    assert validate_intake(document) == []


def test_every_answer_given_lands_in_the_document():
    posts = everything_yes(TODAY.isoformat())
    answers = saved_answers(posts)
    document = build_document(answers, appointment_date=APPOINTMENT, completed_on=TODAY)
    produced = document_paths(document)
    for step, saved in answers.items():
        for name, value in saved.items():
            if name.startswith("_") or value in (None, "", []):
                continue
            assert field_path(step, name) in produced, (step, name)
    assert document["about"]["guardian"]["name"] == "Mai Nguyễn"
    assert document["bleeding"]["inr"] == {
        "value": 2.5,
        "date": f"{TODAY.year - 1}-12-15",
        "target_low": 2,
        "target_high": 3,
    }
    items = document["implants"]["joint_hardware_items"]
    assert [item["region"] for item in items] == ["HIP_THIGH_R", "FOREARM_HAND_L"]
    assert items[0]["date"] == min(datetime.date(TODAY.year - 3, 12, 31), TODAY).isoformat()
    assert items[1]["date"] == f"{TODAY.year - 2}-06-30"
    assert [s["description"] for s in document["surgery_trauma"]["surgeries"]] == [
        "Knee arthroscopy",
        "Appendix removed",
    ]
    assert "date" not in document["surgery_trauma"]["surgeries"][1]
    assert validate_intake(document) == []


def test_a_healthy_adult_gives_exactly_the_contract_example():
    source = EXAMPLES / "ex01-healthy-adult.json"
    if not source.exists():
        source = SHARED_EXAMPLES / "ex01-healthy-adult.json"
    example = json.loads(source.read_text())
    appointment = datetime.date.fromisoformat(example["appointment_date"])
    document = build_document(
        saved_answers(HEALTHY, appointment),
        appointment_date=appointment,
        completed_on=datetime.date.fromisoformat(example["completed_on"]),
    )
    # ex01 is a 1.0 form; the 1.1 wizard always asks the dialysis question (intake schema).
    assert document["implants"].pop("dialysis_access") == "no"
    assert document == example


@pytest.mark.parametrize(
    ("given", "completed_on", "stored"),
    [
        ("2024-02", "2026-11-27", "2024-02-29"),
        ("2023-02", "2026-11-27", "2023-02-28"),
        ("2025", "2026-11-27", "2025-12-31"),
        ("2026", "2026-11-27", "2026-11-27"),
        ("2026-11", "2026-11-27", "2026-11-27"),
        ("2026-10-03", "2026-11-27", "2026-10-03"),
    ],
)
def test_a_date_known_only_to_the_month_or_year_is_the_last_day_but_never_after_the_form(
    given, completed_on, stored
):
    assert full_date(given, datetime.date.fromisoformat(completed_on)) == stored


def test_pregnancy_weeks_are_counted_forward_to_the_day_the_form_is_sent():
    answers = saved_answers(
        {
            **HEALTHY,
            "pregnancy": {"status": "yes", "weeks_at_completion": "20", "complications": "no"},
        }
    )
    answers["pregnancy"]["_saved_on"] = (TODAY - datetime.timedelta(days=10)).isoformat()
    document = build_document(answers, appointment_date=APPOINTMENT, completed_on=TODAY)
    assert document["pregnancy"]["weeks_at_completion"] == 21
    answers["pregnancy"]["_saved_on"] = TODAY.isoformat()
    document = build_document(answers, appointment_date=APPOINTMENT, completed_on=TODAY)
    assert document["pregnancy"]["weeks_at_completion"] == 20


def test_empty_medicine_lists_are_kept_and_empty_optional_answers_left_out():
    document = build_document(
        saved_answers(HEALTHY), appointment_date=APPOINTMENT, completed_on=TODAY
    )
    assert document["bleeding"]["anticoagulants"] == []
    assert document["bleeding"]["antiplatelets"] == []
    assert "preferred_language" not in document["about"]
    assert "inr" not in document["bleeding"]
    assert "day_of" not in document
    assert "null" not in json.dumps(document)
