"""Print FHIR R4 JSON on stdout: a submission's Bundle, or the intake Questionnaire.

    python manage.py export_fhir SUBMISSION_ID
    python manage.py export_fhir --questionnaire

Stdout carries the JSON and nothing else, so scripts can pipe it to the practice system.
An unknown id is one line on stderr and exit status 2.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from screening.interop.fhir.bundle import submission_bundle
from screening.interop.fhir.questionnaire import build_questionnaire
from screening.models import Submission


class Command(BaseCommand):
    help = "Print a submission's FHIR R4 Bundle, or the intake Questionnaire, as JSON."

    def add_arguments(self, parser) -> None:
        parser.add_argument("submission_id", nargs="?", type=int, help="Submission number")
        parser.add_argument(
            "--questionnaire", action="store_true", help="Print the intake Questionnaire"
        )

    def handle(self, *args, submission_id: int | None = None, **options) -> None:
        if options["questionnaire"]:
            resource = build_questionnaire()
        elif submission_id is None:
            raise CommandError("Give a submission id or --questionnaire.")
        else:
            submission = Submission.objects.filter(pk=submission_id).first()
            if submission is None:
                self.stderr.write(f"No submission with id {submission_id}.")
                sys.exit(2)
            resource = submission_bundle(submission)
        self.stdout.write(json.dumps(resource, indent=2, ensure_ascii=False))
