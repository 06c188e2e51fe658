"""What the submission page shows, built from the stored submission only.

Findings keep the engine's order (highest tier effect first); sources expand to the titles
of the catalogue; the check-in comparison says what changed between two assessments.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from screening.intake.consent import signed_line
from screening.intake.privacy import read_line
from screening.models import Submission
from screening.pdf.answers import AnswerSection, answer_sections
from screening.review import labels
from screening.rules.regions import REGION_LABELS
from screening.rules.sources import SOURCES

TIER_STYLE = {
    "DO_NOT_NEEDLE": "danger",
    "HOLD_FOR_CLEARANCE": "warning",
    "PHYSIO_REVIEW": "info",
    "INFO_ONLY": "secondary",
    "CLEAR": "success",
    "NONE": "light",
}
# The always-on findings: on every assessment, never change the tier.
ALWAYS_ON = frozenset({"consent_special_risks", "practitioner_authorization"})


def tier_label(tier: str) -> str:
    if tier == "NONE":
        return str(_("No restriction"))
    return str(Submission.Tier(tier).label)


def region_words(codes) -> list[str]:
    return [REGION_LABELS.get(code, code).rstrip(".") for code in codes]


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    publisher: str
    year: str


@dataclass(frozen=True)
class FindingView:
    rule: str
    tier_effect: str
    tier_label: str
    tier_style: str
    category: str
    scope: str
    staff_message: str
    action: str
    regions: list[str]
    sources: list[SourceRef]
    unsure_fields: list[str]
    always_on: bool


def findings(assessment: dict) -> list[FindingView]:
    return [
        FindingView(
            rule=item["rule"],
            tier_effect=item["tier_effect"],
            tier_label=tier_label(item["tier_effect"]),
            tier_style=TIER_STYLE[item["tier_effect"]],
            # Plain words for staff: no category letters, region codes or field paths.
            category=str(labels.CATEGORY_LABELS.get(item["category"], item["category"])),
            scope=str(labels.SCOPE_LABELS.get(item["scope"], item["scope"])),
            staff_message=labels.plain_text(item["staff_message"]),
            action=labels.plain_text(item["action"]),
            regions=labels.region_names(item["regions"]),
            sources=[_source(sid) for sid in item["sources"]],
            unsure_fields=labels.unsure_labels(item["unsure_fields"]),
            always_on=item["rule"] in ALWAYS_ON,
        )
        for item in assessment["findings"]
    ]


def _source(sid: str) -> SourceRef:
    entry = SOURCES.get(sid, {})
    return SourceRef(
        sid,
        entry.get("title", _("Unknown source")),
        entry.get("publisher", ""),
        entry.get("year", ""),
    )


def clearance_findings(assessment: dict) -> list[dict]:
    """The conditions a physician must clear (HOLD_FOR_CLEARANCE findings)."""
    return [f for f in assessment["findings"] if f["tier_effect"] == "HOLD_FOR_CLEARANCE"]


@dataclass(frozen=True)
class ConsentRecord:
    consent_text_version: str
    privacy_notice_version: str
    respondent: str
    signed_by: str
    signer_name: str
    signed_at: str
    minor: bool
    minor_path: str
    guardian: dict = field(default_factory=dict)
    consent_language: str = ""
    privacy_notice_language: str = ""

    @property
    def consent_line(self) -> str:
        return signed_line(self.consent_text_version, self.consent_language)

    @property
    def privacy_line(self) -> str:
        return read_line(self.privacy_notice_version, self.privacy_notice_language)


MINOR_PATHS = {
    "guardian": _("Guardian's written consent"),
    "mature_minor": _("Mature-minor assessment by the physiotherapist"),
    "": _("Not recorded yet: needs the guardian's written consent or a mature-minor assessment"),
}


def is_minor(submission: Submission) -> bool:
    """Under the policy's age of majority at the appointment (clinical-rules.md 8)."""
    age = submission.assessment.get("age_at_appointment", 99)
    return age < submission.policy.get("minor_age_years", 18)


def consent_record(submission: Submission) -> ConsentRecord:
    signatures = submission.signatures or {}
    minor = is_minor(submission)
    guardian = submission.intake_document.get("about", {}).get("guardian") or {}
    return ConsentRecord(
        consent_text_version=submission.consent_text_version,
        privacy_notice_version=submission.privacy_notice_version,
        respondent=str(submission.intake_document.get("respondent", "")).replace("_", " "),
        signed_by=str(signatures.get("signed_by", "")),
        signer_name=str(signatures.get("name", "")),
        signed_at=str(signatures.get("signed_at", "")),
        minor=minor,
        minor_path=MINOR_PATHS.get(str(signatures.get("minor_path", "")), "") if minor else "",
        guardian=guardian if minor else {},
        consent_language=submission.consent_language,
        privacy_notice_language=submission.privacy_notice_language,
    )


@dataclass(frozen=True)
class Comparison:
    """What changed between an earlier assessment and a later one (check-in re-screen)."""

    earlier: Submission
    later: Submission
    tier_changed: bool
    added: list[FindingView]
    removed: list[FindingView]
    changed_answers: list[tuple[str, str, str]]


def compare(earlier: Submission, later: Submission) -> Comparison:
    before = {f.rule: f for f in findings(earlier.assessment)}
    after = {f.rule: f for f in findings(later.assessment)}
    return Comparison(
        earlier=earlier,
        later=later,
        tier_changed=earlier.tier != later.tier,
        added=[f for rule, f in after.items() if rule not in before],
        removed=[f for rule, f in before.items() if rule not in after],
        changed_answers=_changed_answers(
            answer_sections(earlier.intake_document), answer_sections(later.intake_document)
        ),
    )


def _changed_answers(
    before: list[AnswerSection], after: list[AnswerSection]
) -> list[tuple[str, str, str]]:
    """(question, earlier answer, later answer) for every answer that differs."""

    def flat(sections: list[AnswerSection]) -> dict[str, str]:
        return {f"{s.title}: {row.question}": row.answer for s in sections for row in s.rows}

    old, new = flat(before), flat(after)
    return [
        (question, old.get(question, "—"), new.get(question, "—"))
        for question in dict.fromkeys([*old, *new])
        if old.get(question) != new.get(question)
    ]
