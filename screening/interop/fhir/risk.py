"""The assessment as a RiskAssessment, and the physiotherapist's decision as an Observation.

The RiskAssessment's first prediction is the screening's tier (for dry needling at this
visit); each finding follows as a prediction: the rule id as outcome, its category as the
qualitative risk, its message in plain words as the rationale. Excluded body sites and
whether electrical stimulation is allowed are extensions (RiskAssessment has no body site).
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext

from screening.interop.fhir import codes
from screening.review.labels import CATEGORY_LABELS, region_name
from screening.review.submission_page import tier_label

_REGION_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def plain(message: str) -> str:
    """An engine message with region names for codes; ISO dates stay (a record is read
    years later, so '20 Nov' without its year would not do)."""
    text = _REGION_CODE.sub(lambda m: region_name(m.group(0)).lower(), message)
    return _SNAKE.sub(lambda m: m.group(0).replace("_", " "), text)


def body_sites(regions: list[str], url: str) -> list[dict]:
    return [
        {"url": url, "valueCodeableConcept": codes.region_concept(code, region_name(code))}
        for code in regions
    ]


def _finding(finding: dict[str, Any]) -> dict:
    text = plain(finding["staff_message"])
    prediction: dict = {
        "outcome": codes.concept(codes.RULE_SYSTEM, finding["rule"], text=text),
        "qualitativeRisk": codes.concept(
            codes.CATEGORY_SYSTEM, finding["category"], str(CATEGORY_LABELS[finding["category"]])
        ),
        "rationale": text,
    }
    if finding["regions"]:
        prediction["extension"] = body_sites(finding["regions"], codes.FINDING_SITE_EXTENSION)
    return prediction


def risk_assessment(
    assessment: dict, *, resource_id: str, subject: str, basis: str, when: str
) -> dict:
    """A RiskAssessment for a stored assessment-v1 document."""
    tier = assessment["tier"]
    overall = {
        "outcome": codes.concept(
            codes.CONCEPT_SYSTEM, "needling-at-visit", gettext("Dry needling at this visit")
        ),
        "qualitativeRisk": codes.concept(codes.TIER_SYSTEM, tier, tier_label(tier)),
    }
    actions = [plain(f["action"]) for f in assessment["findings"] if f.get("action")]
    resource: dict = {
        "resourceType": "RiskAssessment",
        "id": resource_id,
        "extension": [
            *body_sites(assessment["excluded_regions"], codes.EXCLUDED_SITE_EXTENSION),
            {"url": codes.ESTIM_EXTENSION, "valueBoolean": bool(assessment["estim_allowed"])},
        ],
        "status": "final",
        "method": codes.concept(
            codes.RULESET_SYSTEM,
            assessment["ruleset_version"],
            gettext("Screening rules %(version)s") % {"version": assessment["ruleset_version"]},
        ),
        "code": codes.concept(
            codes.CONCEPT_SYSTEM, "dry-needling-screening", gettext("Dry needling screening")
        ),
        "subject": {"reference": subject},
        "occurrenceDateTime": when,
        "basis": [{"reference": basis}],
        "prediction": [overall, *(_finding(f) for f in assessment["findings"])],
    }
    if actions:
        resource["mitigation"] = "\n".join(actions)
    return resource


def decision_observation(
    event, *, resource_id: str, subject: str, derived_from: str, focus: str
) -> dict:
    """The physiotherapist's latest decision (a SubmissionEvent) as an Observation."""
    notes = [text for text in (event.modifications, event.reason, event.note) if text]
    resource: dict = {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "code": codes.concept(
            codes.CONCEPT_SYSTEM, "physio-decision", gettext("Physiotherapist's decision")
        ),
        "subject": {"reference": subject},
        "focus": [{"reference": focus}],
        "effectiveDateTime": event.created_at.isoformat(),
        "performer": [{"display": event.actor.get_full_name() or event.actor.get_username()}],
        "valueCodeableConcept": codes.concept(
            codes.DECISION_SYSTEM, event.decision, str(event.get_decision_display())
        ),
        "derivedFrom": [{"reference": derived_from}],
    }
    if notes:
        resource["note"] = [{"text": text} for text in notes]
    return resource
