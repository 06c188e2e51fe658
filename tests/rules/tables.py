"""Helpers shared by the rule-family table tests.

Every case is checked to be a valid intake document before it is assessed, and every
assessment to be valid against its schema, so that a table cannot pass on input the
wizard could never send.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from screening.contracts import validate_assessment, validate_intake
from screening.rules import Policy, assess
from screening.rules.patient_catalogue import PATIENT_MESSAGES
from screening.rules.regions import INTAKE_SCHEMA

INTAKE = Draft202012Validator(INTAKE_SCHEMA, format_checker=FormatChecker())
# The healthy baseline of conftest.make_doc: appointment 2026-12-03, completed 2026-12-01.
APPOINTMENT = date(2026, 12, 3)
EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "contracts" / "examples"
NOT_SURE = "You told us you are not sure about"


def days_before(days: int) -> str:
    """The ISO date ``days`` before the appointment (so ``days_since`` of it is ``days``)."""
    return (APPOINTMENT - timedelta(days=days)).isoformat()


def assessed(doc: dict[str, Any], **policy: Any) -> dict[str, Any]:
    INTAKE.validate(doc)  # every case must be a document the wizard could send
    return assess(doc, Policy.from_overrides(policy) if policy else None)


def run(make_doc, overrides: dict[str, Any], policy: dict[str, Any] | None = None) -> dict:
    return checked_assessment(make_doc(overrides), policy)


def checked_assessment(doc: dict[str, Any], policy: dict[str, Any] | None = None) -> dict:
    """Assess a document that must be a valid intake; the result must be a valid assessment."""
    assert validate_intake(doc) == [], "test document is not a valid intake"
    assessment = assess(doc, Policy.from_overrides(policy or {}))
    assert validate_assessment(assessment) == [], "assessment breaks its schema"
    # Every message a table case produces must be one the translation catalogue lists.
    uncatalogued = [
        f["rule"] for f in assessment["findings"] if f["patient_message"] not in PATIENT_MESSAGES
    ]
    assert uncatalogued == [], "patient message missing from screening/rules/patient_catalogue"
    return assessment


def finding(assessment: dict[str, Any], rule_id: str) -> dict[str, Any] | None:
    matches = [f for f in assessment["findings"] if f["rule"] == rule_id]
    assert len(matches) <= 1
    return matches[0] if matches else None


def check(assessment: dict[str, Any], rule_id: str, expected: dict[str, Any] | None) -> None:
    found = finding(assessment, rule_id)
    if expected is None:
        assert found is None, f"{rule_id} fired: {found}"
        return
    assert found is not None, f"{rule_id} did not fire"
    for key, value in expected.items():
        assert found[key] == value, key


def unsure_listed_on(assessment: dict, path: str) -> list[str]:
    return [f["rule"] for f in assessment["findings"] if path in f["unsure_fields"]]
