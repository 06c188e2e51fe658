"""What goes on the risk-first summary, read from the stored Submission and nothing else.

The page shows what was decided at submission time, under that ruleset and policy: every
value here comes from the frozen documents and queue copies of the Submission, never from a
request, the current policy or a re-run of the engine.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from screening.bodymap.names import REGION_NAMES
from screening.care.display import superseded_notice
from screening.i18n.languages import supported
from screening.intake.consent import signed_line
from screening.models import ClinicProfile, Submission
from screening.pdf.answers import answer_sections
from screening.pdf.body_outline import outline_context
from screening.pdf.policy_changes import policy_changes
from screening.pdf.safe_text import display_text
from screening.pdf.workflow_words import sources_key, workflow_line
from screening.profile.current import clinic_profile, default_profile
from screening.review import labels
from screening.rules import targets_all_excluded
from screening.rules.education import (
    SAFETY_NETTING_NORMAL,
    SAFETY_NETTING_TITLE,
    SAFETY_NETTING_WARNING,
    needs_safety_netting,
)

TIER_WORDS = dict(Submission.Tier.choices)
# Short words for a finding's tier effect, to fit the findings table's first column.
EFFECT_WORDS = {
    "DO_NOT_NEEDLE": _("Do not needle"),
    "HOLD_FOR_CLEARANCE": _("Clearance"),
    "PHYSIO_REVIEW": _("Review"),
    "INFO_ONLY": _("Info"),
    "NONE": _("Always"),
}
# What each tier means for the visit (clinical-rules.md 2.2, "What happens at each tier").
TIER_GUIDANCE = {
    "DO_NOT_NEEDLE": _(
        "Book the visit as non-needling physiotherapy. The physiotherapist discusses alternatives."
    ),
    "HOLD_FOR_CLEARANCE": _(
        "No needling until the physician's clearance is on file. Other physiotherapy goes ahead."
    ),
    "PHYSIO_REVIEW": _(
        "The physiotherapist reviews the findings before any needling: site and modality "
        "exclusions, and what to modify, are listed below."
    ),
    "INFO_ONLY": _("No restriction. The notes and the education given are listed below."),
    "CLEAR": _("No flags. Consent and today's check below still apply."),
}
BALLOT_BOX = "\u2610"
NBSP = "\u00a0"
RESPONDENT_WORDS = {
    "self": _("the patient"),
    "guardian": _("a parent or guardian"),
    "substitute_decision_maker": _("a substitute decision-maker"),
    "helper": _("a helper, with the patient answering"),
}
RELATIONSHIP_WORDS = {
    "parent": _("parent"),
    "legal_guardian": _("legal guardian"),
    "other": pgettext_lazy("relationship", "other"),
}


@dataclass(frozen=True)
class FindingLine:
    """One finding as printed: its tier effect in words, message, action and regions."""

    rule: str
    tier_effect: str
    effect_words: str
    staff_message: str
    action: str
    regions: str
    sources: str


def as_date(value: Any) -> datetime.date | None:
    """Accept a date or an ISO string (an unsaved Submission may hold either)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def local_time_text(iso: str | None) -> str:
    """Return a stored ISO timestamp in the clinic's time zone, or "" when missing."""
    moment = parse_datetime(iso) if isinstance(iso, str) else iso
    if moment is None:
        return display_text(iso or "")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip()


def region_words(codes: list[str]) -> list[dict[str, str]]:
    """Each region code with its short name in words (the body map's names)."""
    return [{"code": code, "name": str(REGION_NAMES.get(code, code))} for code in codes]


def finding_lines(assessment: Mapping[str, Any]) -> list[FindingLine]:
    """The findings in the assessment's own order (highest tier first)."""
    return [
        FindingLine(
            rule=finding["rule"],
            tier_effect=finding["tier_effect"],
            effect_words=EFFECT_WORDS.get(finding["tier_effect"], finding["tier_effect"]),
            # Plain words: region names, not codes; no snake_case answer codes.
            staff_message=display_text(labels.plain_text(finding["staff_message"])),
            action=display_text(labels.plain_text(finding["action"])),
            regions=", ".join(labels.region_names(finding["regions"])),
            sources=", ".join(finding["sources"]),
        )
        for finding in assessment["findings"]
    ]


def consent_record(submission: Submission, age: int, policy: Mapping[str, Any]) -> dict:
    """Who consented, how, and what a minor still needs (clinical-rules.md 8.2)."""
    document = submission.intake_document
    signatures = submission.signatures or {}
    guardian = document.get("about", {}).get("guardian") or {}
    minor = age < int(policy.get("minor_age_years", 18))
    minor_path = signatures.get("minor_path") or ""
    relationship = signatures.get("guardian_relationship") or guardian.get("relationship", "")
    return {
        "respondent": RESPONDENT_WORDS.get(document.get("respondent", ""), _("not recorded")),
        "signed_by": display_text(signatures.get("signed_by", "")),
        "signer_name": display_text(signatures.get("name", "")),
        "signed_at": local_time_text(signatures.get("signed_at")),
        "consent_text_version": display_text(submission.consent_text_version or ""),
        "consent_line": signed_line(
            display_text(submission.consent_text_version or ""), submission.consent_language
        ),
        "needling_preference": document.get("consent", {}).get("needling_preference", ""),
        "minor": minor,
        "minor_path": minor_path,
        "guardian_name": display_text(guardian.get("name", "")),
        "guardian_relationship": RELATIONSHIP_WORDS.get(relationship, display_text(relationship)),
        "guardian_check_authority": relationship == "other",
        "guardian_will_attend": guardian.get("will_attend"),
    }


@dataclass(frozen=True)
class CheckItem:
    """One tick box, or a line of small tick boxes (``parts``) under one heading."""

    text: str
    parts: tuple[str, ...] = ()

    @property
    def parts_line(self) -> str:
        """The small tick boxes as text: a ballot-box character before each part.

        One text run instead of a drawn box per part (WeasyPrint lays boxes out slowly);
        no-break spaces keep each box on the line of its words.
        """
        return "".join(f"\u2002{BALLOT_BOX}{NBSP}{part.replace(' ', NBSP)}" for part in self.parts)


def checklist(
    assessment: Mapping[str, Any], consent: Mapping[str, Any], policy: Mapping
) -> list[CheckItem]:
    """The physiotherapist's tick boxes before the first needle.

    The always-on findings (tier effect NONE: special-risk consent, practitioner
    authorization) are the same on every summary, so they are printed here as tick boxes
    rather than taking room among the findings.
    """
    hours = policy.get("impaired_window_hours", 12)
    items = [CheckItem(gettext("Consent confirmed in person today."))]
    if consent["minor"]:
        items.append(
            CheckItem(
                gettext(
                    "Minor: guardian's written consent on file, or mature-minor assessment "
                    "documented."
                )
            )
        )
    items += [
        CheckItem(display_text(f["action"]))
        for f in assessment["findings"]
        if f["tier_effect"] == "NONE"
    ]
    items.append(
        CheckItem(
            gettext("Today's check, ask about:"),
            (
                gettext("new medicines"),
                gettext("fever or feeling unwell"),
                gettext("alcohol, cannabis or drowsy medicine (last %(hours)s h)")
                % {"hours": hours},
                gettext("pregnancy"),
                gettext("new skin problems"),
            ),
        )
    )
    if needs_safety_netting(assessment):
        items.append(
            CheckItem(
                gettext("Lung-field target: pneumothorax disclosed; safety-netting sheet given.")
            )
        )
    return items


def summary_context(submission: Submission, clinic: ClinicProfile | None = None) -> dict[str, Any]:
    """Everything the summary template prints, from the stored Submission only (and the
    clinic's details: `clinic`, else the stored profile; an unsaved submission, a preview
    or a test, reads no database and gets the settings' defaults)."""
    if clinic is None:
        clinic = default_profile() if submission._state.adding else clinic_profile()
    assessment = submission.assessment
    document = submission.intake_document
    policy = submission.policy or assessment.get("policy", {})
    age = assessment["age_at_appointment"]
    consent = consent_record(submission, age, policy)
    findings = finding_lines(assessment)
    visit = document.get("visit", {})
    tier = submission.tier or assessment["tier"]
    return {
        "clinic_name": clinic.name,
        "clinic": clinic,
        "submission_ref": submission.pk or gettext("not saved"),
        "kind_words": Submission.Kind(submission.kind).label if submission.kind else "",
        "submitted_at": local_time_text(
            submission.submitted_at.isoformat() if submission.submitted_at else None
        ),
        "generated_at": timezone.localtime().strftime("%Y-%m-%d %H:%M %Z"),
        "patient_name": display_text(submission.patient_name),
        "date_of_birth": document.get("about", {}).get("date_of_birth", ""),
        "age": age,
        "gestational_weeks": assessment.get("gestational_weeks_at_appointment"),
        "appointment_date": as_date(submission.appointment_date),
        "appointment_time": submission.appointment_time,
        "completed_on": document.get("completed_on", ""),
        "tier": tier,
        "tier_words": TIER_WORDS.get(tier, tier),
        "tier_guidance": TIER_GUIDANCE.get(tier, ""),
        "stop_reasons": [f for f in findings if f.tier_effect == "DO_NOT_NEEDLE"],
        "findings": [f for f in findings if f.tier_effect != "NONE"],
        "target_regions": region_words(assessment["target_regions"]),
        "excluded_regions": region_words(assessment["excluded_regions"]),
        "outline": outline_context(assessment["target_regions"], assessment["excluded_regions"]),
        "estim_allowed": assessment["estim_allowed"],
        "estim_planned": bool(visit.get("planned_estim")),
        "no_needling_at_sites": targets_all_excluded(assessment),
        "consent": consent,
        "checklist": checklist(assessment, consent, policy),
        "ruleset_version": submission.ruleset_version or assessment["ruleset_version"],
        "policy_changes": policy_changes(policy),
        "sources_key": sources_key(f for f in assessment["findings"] if f["tier_effect"] != "NONE"),
        "workflow": workflow_line(submission),
        "answer_sections": answer_sections(document),
        "safety_netting": safety_netting_context(assessment, patient_language_of(submission)),
        # Set when a later screening replaced this one for its visit (screening/care).
        "superseded": superseded_notice(submission),
    }


def patient_language_of(submission: Submission) -> str:
    """The language the patient read and signed in (their sheet is printed in it)."""
    chosen = submission.consent_language
    if not chosen and submission.invitation_id and not submission._state.adding:
        chosen = submission.invitation.language
    return supported(chosen) or "en"


def safety_netting_context(
    assessment: Mapping[str, Any], language: str = "en"
) -> dict[str, Any] | None:
    """The 7.3 sheet for the patient to take home, when a lung-field region is targeted.

    It is in the patient's language, whatever the staff member's (issue 14).
    """
    if not needs_safety_netting(assessment):
        return None
    with translation.override(language):
        return {
            "language": language,
            "title": gettext(SAFETY_NETTING_TITLE),
            "warning": gettext(SAFETY_NETTING_WARNING),
            "normal": [gettext(line) for line in SAFETY_NETTING_NORMAL],
        }
