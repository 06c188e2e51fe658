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


# Rules whose patient message is about the person's health or the visit, not about needles:
# they stay on the page when needling is off the table (a doctor today, a snack, gloves, an
# interpreter). Every other message advises on needling and would contradict "we will not
# use needles"; tests/intake/test_done_page_messages.py makes every rule take a side.
NOT_ABOUT_NEEDLING = frozenset(
    {
        "red_flag_symptoms",
        "inflamed_area_unchecked",
        "diabetes_controlled",
        "latex_or_other_allergy",
        "interpreter_needed",
        "bloodborne_virus",
        "recent_illness_recheck",
    }
)


def stops_all_needling(finding: dict) -> bool:
    """An absolute contraindication to needling as a whole (phobia, no consent, unwell)."""
    return finding.get("category") == "AC" and finding.get("scope") == "global"


def needling_off_the_table(assessment: dict) -> bool:
    """Whether no needling is planned at this visit, whatever else the form says."""
    return any(stops_all_needling(f) for f in assessment.get("findings", []))


def _shown_findings(assessment: dict) -> list[dict]:
    """The findings whose message the patient reads; no needling advice when none is planned."""
    findings = assessment.get("findings", [])
    if not needling_off_the_table(assessment):
        return findings
    return [f for f in findings if stops_all_needling(f) or f.get("rule") in NOT_ABOUT_NEEDLING]


def next_steps(assessment: dict) -> list[str]:
    """The distinct patient messages of the assessment's findings, most important first."""
    findings = sorted(
        _shown_findings(assessment), key=lambda f: _ORDER.get(f.get("tier_effect"), 3)
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
    shown = _shown_findings(assessment)
    first = next_steps({"findings": [f for f in shown if f.get("tier_effect") in FIRST_EFFECTS]})
    rest = [message for message in next_steps(assessment) if message not in first]
    return first, rest
