"""Put a submission under a legal hold, or lift it: a held submission is never purged."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from screening.models import AuditEvent, Submission


class Command(BaseCommand):
    help = "Set or lift the legal hold on a submission (purge_expired never deletes a held one)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("submission_id", type=int)
        state = parser.add_mutually_exclusive_group(required=True)
        state.add_argument("--on", action="store_true", help="place the hold")
        state.add_argument("--off", action="store_true", help="lift the hold")
        parser.add_argument(
            "--by",
            required=True,
            help="who asked for it (a name or role; goes into the audit trail)",
        )

    def handle(self, *args, submission_id: int, on: bool, off: bool, by: str, **options) -> None:
        with transaction.atomic():
            updated = Submission.objects.filter(pk=submission_id).update(legal_hold=on)
            if not updated:
                raise CommandError(f"No submission #{submission_id}.")
            AuditEvent.objects.create(
                action="legal_hold_set" if on else "legal_hold_lifted",
                object_type="submission",
                object_id=str(submission_id),
                actor_username=by[:150],
            )
        state = "placed on" if on else "lifted from"
        self.stdout.write(f"Legal hold {state} submission #{submission_id}.")
