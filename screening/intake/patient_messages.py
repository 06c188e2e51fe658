"""What the patient reads after submitting: the findings' patient messages, kindly ordered.

Never a tier name and never "not eligible": only each finding's fixed patient message
(clinical-rules 3.7), the ones that ask something of the patient first. Messages are looked
up through gettext at this, the presentation layer, so a translation catalogue can carry
them without touching the pure rules package.
"""

from __future__ import annotations

from django.utils.translation import gettext

# Findings that ask the patient to do something come first (a doctor's note, a talk).
_ORDER = {
    "HOLD_FOR_CLEARANCE": 0,
    "DO_NOT_NEEDLE": 0,
    "PHYSIO_REVIEW": 1,
    "INFO_ONLY": 2,
    "NONE": 3,
}


def next_steps(assessment: dict) -> list[str]:
    """The distinct patient messages of the assessment's findings, most important first."""
    findings = sorted(
        assessment.get("findings", []), key=lambda f: _ORDER.get(f.get("tier_effect"), 3)
    )
    seen: list[str] = []
    for finding in findings:
        message = gettext(finding.get("patient_message", "")).strip()
        if message and message not in seen:
            seen.append(message)
    return seen


# Findings whose message asks for something before the visit (a doctor's note, a check).
FIRST_EFFECTS = {"HOLD_FOR_CLEARANCE", "DO_NOT_NEEDLE"}


def grouped_next_steps(assessment: dict) -> tuple[list[str], list[str]]:
    """(messages to act on before the visit, messages about the visit itself)."""
    first = next_steps(
        {
            "findings": [
                f for f in assessment.get("findings", []) if f.get("tier_effect") in FIRST_EFFECTS
            ]
        }
    )
    rest = [message for message in next_steps(assessment) if message not in first]
    return first, rest
