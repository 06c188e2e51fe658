"""A re-assessment of a stored submission under a newer ruleset (issue 8).

Stored beside the submission, never over it: the Submission keeps the assessment, ruleset
and policy of the day it was made; each row here is one explicit ``manage.py reassess``.
"""

from django.conf import settings
from django.db import models


class Reassessment(models.Model):
    """The assessment a submission's intake document gets under a later ruleset."""

    submission = models.ForeignKey(
        "screening.Submission", on_delete=models.PROTECT, related_name="reassessments"
    )
    assessment = models.JSONField()
    ruleset_version = models.CharField(max_length=20)
    policy = models.JSONField()
    tier = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text too: a command run from a shell may have no account.
    actor_username = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["submission_id", "created_at", "pk"]
        constraints = [
            # One stored result per submission and ruleset: re-running the command is a no-op.
            models.UniqueConstraint(
                fields=["submission", "ruleset_version"], name="one_reassessment_per_ruleset"
            )
        ]

    def __str__(self) -> str:
        return f"Reassessment #{self.pk} of submission #{self.submission_id}"

    @property
    def tier_label(self) -> str:
        """The tier as staff read it (the Submission's translated tier names)."""
        from screening.models.intake import Submission

        return str(Submission.Tier(self.tier).label)
