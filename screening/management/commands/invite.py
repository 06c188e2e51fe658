"""Create a patient invitation from the command line and print only its link.

    python manage.py invite --name "Ana Silva" --appointment 2026-12-01 \
        [--time 09:30] [--last-name Silva] [--dob 1980-04-02] [--email ana@example.org]

Stdout carries the link and nothing else, so booking scripts can capture it.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from screening.intake.invitations import create_invitation, invitation_link


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from error


def _time(value: str) -> datetime.time:
    try:
        return datetime.time.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a time (HH:MM): {value!r}") from error


class Command(BaseCommand):
    help = "Create a screening invitation and print its patient link."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--name", required=True, help="Patient name as the clinic knows it")
        parser.add_argument("--appointment", required=True, help="Appointment date YYYY-MM-DD")
        parser.add_argument("--time", default="", help="Appointment time HH:MM (optional)")
        parser.add_argument("--last-name", default="", help="Asked at the link's check")
        parser.add_argument("--dob", default="", help="Date of birth YYYY-MM-DD (optional)")
        parser.add_argument("--email", default="", help="Where 'finish later' links go")

    def handle(self, *args, **options) -> None:
        name = options["name"].strip()
        if not name or len(name) > 200:
            raise CommandError("--name must be 1 to 200 characters.")
        appointment = _date(options["appointment"])
        dob = _date(options["dob"]) if options["dob"] else None
        if dob and dob > appointment:
            raise CommandError("--dob is after the appointment.")
        email = options["email"].strip()
        if email:
            try:
                validate_email(email)
            except ValidationError as error:
                raise CommandError(f"Not an email address: {email!r}") from error
        _invitation, token = create_invitation(
            patient_name=name,
            last_name=options["last_name"].strip()[:100],
            appointment_date=appointment,
            appointment_time=_time(options["time"]) if options["time"] else None,
            date_of_birth=dob,
            email=email,
        )
        self.stdout.write(invitation_link(token))
