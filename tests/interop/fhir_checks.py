"""Shared checks for the FHIR tests: R4B validation, and answers found in a response."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment

MODELS = {
    "Patient": Patient,
    "Questionnaire": Questionnaire,
    "QuestionnaireResponse": QuestionnaireResponse,
    "RiskAssessment": RiskAssessment,
    "Observation": Observation,
}
# Set by the clinic on the invitation, or the document's own header: not answers.
NOT_ANSWERS = {
    "schema",
    "completed_on",
    "appointment_date",
    "visit.planned_regions",
    "visit.planned_estim",
}


def validate(resource: dict) -> None:
    """Raise unless the resource (and, for a Bundle, each entry) is valid R4B."""
    if resource["resourceType"] == "Bundle":
        Bundle.model_validate(resource)
        for entry in resource["entry"]:
            validate(entry["resource"])
        return
    MODELS[resource["resourceType"]].model_validate(resource)


def answered_leaves(document: dict) -> list[tuple[str, Any]]:
    """(linkId, value) of every answer in an intake document; list items share a linkId."""
    out: list[tuple[str, Any]] = []

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else key, value)
        elif isinstance(node, list) and node and isinstance(node[0], dict):
            for item in node:
                walk(prefix, item)
        elif isinstance(node, list):
            out.extend((prefix, value) for value in node)
        elif prefix not in NOT_ANSWERS:
            out.append((prefix, node))

    walk("", document)
    return [(link, value) for link, value in out if link not in NOT_ANSWERS]


def response_answers(response: dict) -> dict[str, list[Any]]:
    """linkId -> the plain values answered under it (codes for codings)."""
    found: dict[str, list[Any]] = defaultdict(list)

    def walk(items: list[dict]) -> None:
        for item in items:
            for answer in item.get("answer", []):
                ((kind, value),) = ((k, v) for k, v in answer.items() if k.startswith("value"))
                found[item["linkId"]].append(value["code"] if kind == "valueCoding" else value)
            walk(item.get("item", []))

    walk(response.get("item", []))
    return found


def missing_answers(document: dict, response: dict) -> list[tuple[str, Any]]:
    """The document's answers that the response does not carry, under the same linkId."""
    found = response_answers(response)
    missing = []
    for link, value in answered_leaves(document):
        values = found.get(link, [])
        if value in values:
            values.remove(value)
        else:
            missing.append((link, value))
    return missing
