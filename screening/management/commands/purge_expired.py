"""Delete drafts and submissions past their retention period (docs/privacy.md)."""

from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from screening.models import AuditEvent
from screening.retention import purge_expired


class Command(BaseCommand):
    help = (
        "Purge unfinished drafts older than DRAFT_RETENTION_DAYS and submissions past "
        "SUBMISSION_RETENTION_YEARS (legal holds are kept). Safe to run twice or during traffic."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=lambda text: datetime.combine(
                datetime.strptime(text, "%Y-%m-%d").date(),
                time(12),
                tzinfo=timezone.get_current_timezone(),
            ),
            help="Run as if today were YYYY-MM-DD (for drills and tests).",
        )

    def handle(self, *args, **options) -> None:
        now = options["today"] or timezone.now()
        result = purge_expired(now)
        # Counts only: the audit trail never holds health information.
        AuditEvent.objects.create(
            action="retention_purge",
            object_type="system",
            detail={
                "drafts": result.drafts,
                "submissions": result.submissions,
                "invitations": result.invitations,
            },
        )
        self.stdout.write(
            f"Purged {result.submissions} submissions, {result.drafts} drafts and "
            f"{result.invitations} empty invitations."
        )
