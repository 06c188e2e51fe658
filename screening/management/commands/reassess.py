"""``manage.py reassess [--since DATE] [--dry-run] [--yes]``: re-assess stored submissions.

Runs every stored intake document through the current ruleset and clinic policy and prints,
per submission whose result would change, the old and new tier and the rule ids added and
removed; upcoming visits whose tier would rise come first. On confirmation (``--yes`` or
the prompt) each new result is stored BESIDE the old one (a Reassessment row, audited), one
transaction per submission. The Submission itself is never rewritten. A stored document that
no longer validates is reported and skipped.

Streams the submissions with ``iterator()`` (two queries in all, not one per submission).
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any, NamedTuple

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

CHUNK = 2000
TIER_RANK = {"CLEAR": 0, "INFO_ONLY": 1, "PHYSIO_REVIEW": 2, "HOLD_FOR_CLEARANCE": 3,
             "DO_NOT_NEEDLE": 4}  # fmt: skip


class Change(NamedTuple):
    submission_id: int
    appointment_date: date
    old_tier: str
    new_tier: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    assessment: dict[str, Any]

    def rises(self) -> bool:
        return TIER_RANK[self.new_tier] > TIER_RANK[self.old_tier]


def _rules(assessment: dict[str, Any]) -> set[str]:
    return {finding["rule"] for finding in assessment.get("findings", ())}


def compare(submission_id: int, day: date, old: dict, new: dict) -> Change | None:
    """The change between two assessments, or None when tier, rules and exclusions agree."""
    old_rules, new_rules = _rules(old), _rules(new)
    if (
        old.get("tier") == new["tier"]
        and old_rules == new_rules
        and old.get("excluded_regions") == new["excluded_regions"]
    ):
        return None
    return Change(
        submission_id,
        day,
        old.get("tier", "CLEAR"),
        new["tier"],
        tuple(sorted(new_rules - old_rules)),
        tuple(sorted(old_rules - new_rules)),
        new,
    )


def order_changes(changes: list[Change], today: date) -> list[Change]:
    """Upcoming visits whose tier would rise first (soonest first), then the rest."""
    return sorted(
        changes,
        key=lambda c: (not (c.rises() and c.appointment_date >= today), c.appointment_date,
                       c.submission_id),
    )  # fmt: skip


class Command(BaseCommand):
    help = "Re-assess stored submissions under the current ruleset; store the result beside them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", type=date.fromisoformat, metavar="DATE",
                            help="only submissions made on or after DATE (YYYY-MM-DD)")  # fmt: skip
        parser.add_argument("--dry-run", action="store_true", help="report only, store nothing")
        parser.add_argument("--yes", action="store_true", help="store without asking")
        parser.add_argument("--actor", metavar="USERNAME", help="staff account to record")

    def handle(self, *args: Any, **options: Any) -> None:
        from screening.clinic_policy import current_policy
        from screening.rules import RULESET_VERSION

        policy = current_policy()
        changes, skipped, total = self.scan(options["since"], policy)
        changes = order_changes(changes, timezone.localdate())
        for change in changes:
            rising = " (upcoming, tier rises)" if change.rises() else ""
            self.stdout.write(
                f"#{change.submission_id} {change.appointment_date}: {change.old_tier} -> "
                f"{change.new_tier}{rising}; added: {', '.join(change.added) or '-'}; "
                f"removed: {', '.join(change.removed) or '-'}"
            )
        for submission_id, error in skipped:
            self.stdout.write(f"#{submission_id}: skipped, stored document is invalid ({error})")
        self.stdout.write(
            f"{total} submissions checked under ruleset {RULESET_VERSION}: {len(changes)} would "
            f"change, {len(skipped)} skipped."
        )
        if options["dry_run"] or not changes:
            return
        if not options["yes"] and not self.confirm(len(changes)):
            self.stdout.write("Nothing stored.")
            return
        stored = self.store(changes, policy, options.get("actor"), RULESET_VERSION)
        self.stdout.write(f"Stored {stored} new assessments beside the old ones.")

    def scan(self, since: date | None, policy: Any) -> tuple[list[Change], list, int]:
        from screening.contracts import validate_assessment, validate_intake
        from screening.models import Reassessment, Submission
        from screening.rules import RULESET_VERSION, assess

        done = set(
            Reassessment.objects.filter(ruleset_version=RULESET_VERSION).values_list(
                "submission_id", flat=True
            )
        )
        rows = Submission.objects.order_by("pk")
        if since is not None:
            rows = rows.filter(submitted_at__date__gte=since)
        changes: list[Change] = []
        skipped: list[tuple[int, str]] = []
        total = 0
        for pk, doc, old, day in rows.values_list(
            "pk", "intake_document", "assessment", "appointment_date"
        ).iterator(chunk_size=CHUNK):
            total += 1
            if pk in done:
                continue
            errors = validate_intake(doc)
            if errors:
                skipped.append((pk, str(errors[0])))
                continue
            new = assess(doc, policy)
            problems = validate_assessment(new)
            if problems:
                skipped.append((pk, f"new assessment breaks its schema: {problems[0]}"))
                continue
            change = compare(pk, day, old or {}, new)
            if change is not None:
                changes.append(change)
        return changes, skipped, total

    def confirm(self, count: int) -> bool:
        if not sys.stdin or not sys.stdin.isatty():
            raise CommandError("not a terminal: pass --yes to store, or --dry-run")
        answer = input(f"Store {count} new assessments beside the old ones? [y/N] ")
        return answer.strip().lower() in ("y", "yes")

    def store(self, changes: list[Change], policy: Any, actor_name: str | None, version: str):
        from django.contrib.auth import get_user_model

        from screening.models import AuditEvent, Reassessment

        actor = None
        if actor_name:
            actor = get_user_model().objects.filter(username=actor_name).first()
            if actor is None:
                raise CommandError(f"no account {actor_name!r}")
        stored = 0
        for change in changes:
            # One transaction per submission: a failure never leaves half a result.
            with transaction.atomic():
                Reassessment.objects.create(
                    submission_id=change.submission_id,
                    assessment=change.assessment,
                    ruleset_version=version,
                    policy=policy.as_dict(),
                    tier=change.new_tier,
                    actor=actor,
                    actor_username=actor_name or "",
                )
                AuditEvent.objects.create(
                    actor=actor,
                    actor_username=actor_name or "manage.py reassess",
                    action="reassess",
                    object_type="submission",
                    object_id=str(change.submission_id),
                    detail={"ruleset_version": version},
                )
            stored += 1
        return stored
