"""One row per finding of a submission, kept for the analytics page (issue 13).

The analytics page counts which rules flag most over 100,000 submissions. Reading every
stored assessment (about 3 KB of JSON each) for that takes seconds, so each finding's rule
id and tier effect is copied here once, when the submission is stored, like the queue's
copies on Submission. Frozen like the assessment it comes from; the always-on findings
(present on every assessment) are not copied.
"""

from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver

from screening.models.intake import Submission

# The findings on every assessment: never a reason for a flag (rules.registry.ALWAYS_ON_RULES).
ALWAYS_ON = ("consent_special_risks", "practitioner_authorization")


class SubmissionFinding(models.Model):
    """A rule that fired on a submission, and the tier it asks for."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="finding_rows"
    )
    rule = models.CharField(max_length=80)
    tier_effect = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["submission", "rule"], name="finding_submission_rule")]

    def __str__(self) -> str:
        return f"{self.rule} on submission #{self.submission_id}"


def finding_rows(submission_id: int, assessment: dict) -> list[SubmissionFinding]:
    """The rows for one stored assessment (one per rule; always-on findings left out)."""
    seen: dict[str, str] = {}
    for finding in assessment.get("findings", []):
        if finding["rule"] not in ALWAYS_ON:
            seen.setdefault(finding["rule"], finding.get("tier_effect", ""))
    return [
        SubmissionFinding(submission_id=submission_id, rule=rule, tier_effect=effect)
        for rule, effect in seen.items()
    ]


@receiver(post_save, sender=Submission, dispatch_uid="submission_finding_rows")
def _copy_findings(sender, instance: Submission, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        SubmissionFinding.objects.bulk_create(finding_rows(instance.pk, instance.assessment))
