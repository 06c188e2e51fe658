"""The project's public contracts: dn-intake/1 in, dn-assessment/1 out.

``validate_intake`` checks a document against the schema copy in screening/schemas/ (Draft
2020-12, with a ``date`` format checker) and then runs checks V1-V8 of clinical-rules.md
section 4. ``assess_document`` is the one way the app turns answers into an assessment:
validate, run the engine, and check the engine's output against its own schema.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker

from screening.contracts.assessment_checks import (
    allowed_classes,
    catalogue_errors,
    without_catalogue_clauses,
)
from screening.contracts.date_checks import check_dates
from screening.contracts.errors import (
    AssessmentInvalid,
    ContractError,
    IntakeInvalid,
    field_path,
)
from screening.contracts.schema_errors import convert, prepare_schema
from screening.rules import Policy, assess
from screening.rules.regions import ASSESSMENT_SCHEMA, INTAKE_SCHEMA

__all__ = [
    "AssessmentInvalid",
    "ContractError",
    "IntakeInvalid",
    "assess_document",
    "validate_assessment",
    "validate_intake",
]

# Only the ``date`` format is asserted: it is the one format the contracts use.
_FORMATS = FormatChecker(formats=("date",))
_INTAKE_CHECKED = prepare_schema(INTAKE_SCHEMA)
INTAKE_VALIDATOR = Draft202012Validator(_INTAKE_CHECKED, format_checker=_FORMATS)
ASSESSMENT_VALIDATOR = Draft202012Validator(
    prepare_schema(without_catalogue_clauses(ASSESSMENT_SCHEMA)), format_checker=_FORMATS
)
_RULE_CLASSES = allowed_classes(ASSESSMENT_SCHEMA)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_date(value: str) -> bool:
    """The ``date`` format as jsonschema checks it: YYYY-MM-DD and a real calendar date."""
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# Issue 15: the same schemas compiled once by jsonschema-rs (a Rust validator), used only to
# ACCEPT a document fast. Anything they reject goes through jsonschema, which words every
# error with its field path, so the messages are unchanged; a test checks both agree. The
# date format is checked by the same function jsonschema's checker uses. (fastjsonschema did
# this before: 5 to 10 times slower, its rejected oneOf/if branches raising inside.)
_FAST_OPTIONS = {"formats": {"date": _is_date}, "validate_formats": True}
_FAST_INTAKE = jsonschema_rs.validator_for(_INTAKE_CHECKED, **_FAST_OPTIONS).is_valid
_FAST_ASSESSMENT = jsonschema_rs.validator_for(
    prepare_schema(without_catalogue_clauses(ASSESSMENT_SCHEMA)), **_FAST_OPTIONS
).is_valid


def _fast_valid(check: Any, doc: Any) -> bool:
    try:
        return bool(check(doc))
    except Exception:  # odd input (a value JSON cannot hold): let jsonschema say what is wrong
        return False


def validate_intake(doc: Any) -> list[ContractError]:
    """Return every contract error of an intake document (empty when it is valid).

    Checks V1-V8 run only when the schema passed: they compare fields the schema vouches for.
    """
    if not _fast_valid(_FAST_INTAKE, doc):
        errors = convert(INTAKE_VALIDATOR.iter_errors(doc), _INTAKE_CHECKED)
        if errors:
            return errors
    return check_dates(doc)


def validate_assessment(doc: Any) -> list[ContractError]:
    """Return every error of an assessment against dn-assessment/1 (empty when valid)."""
    if _fast_valid(_FAST_ASSESSMENT, doc):
        errors: list[ContractError] = []
    else:
        errors = [
            ContractError(field_path(error.absolute_path), error.message.split("\n", 1)[0][:300])
            for error in ASSESSMENT_VALIDATOR.iter_errors(doc)
        ]
    errors.extend(catalogue_errors(doc, _RULE_CLASSES))
    return errors


def assess_document(doc: Mapping[str, Any], policy: Policy | None = None) -> dict[str, Any]:
    """Validate ``doc``, assess it under ``policy`` and return the checked assessment.

    Raises ``IntakeInvalid`` for a bad document, ``AssessmentInvalid`` if the engine's
    output breaks its schema (a bug in the engine, never the patient's doing).
    """
    errors = validate_intake(doc)
    if errors:
        raise IntakeInvalid(errors)
    assessment = assess(doc, policy)
    problems = validate_assessment(assessment)
    if problems:
        raise AssessmentInvalid(problems)
    return assessment
