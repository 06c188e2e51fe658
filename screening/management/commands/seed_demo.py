"""Demo data for a developer machine: one user per role and a few dozen screenings.

Refuses unless DEBUG is on. Safe to run again: users get their demo passwords back, the
screenings are made once, and fresh links are printed for the demo invitations not yet
submitted (only a token's hash is stored, so an old link cannot be printed again).
"""

import base64
import datetime as dt
import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import IntakeDraft, Invitation, Submission
from screening.review import access, workflow
from screening.review.demo_data import CASES, PATIENT_NAMES, check_in_document, demo_document
from screening.review.invitations import reissue_link

DEMO_EMAIL_DOMAIN = "demo.example.com"
# Demo only: printed here and written in the README. Never used outside DEBUG.
DEMO_USERS = (
    ("frontdesk", "needle-safe-desk-42", access.FRONT_DESK),
    ("physio", "needle-safe-physio-42", access.PHYSIOTHERAPIST),
    ("clinicadmin", "needle-safe-admin-42", access.CLINIC_ADMIN),
)
SUBMITTED_COUNT = 30
WAITING_COUNT = 4  # invitations left open, so a patient's side can be tried


class Command(BaseCommand):
    help = "Create demo users and screenings (DEBUG only)."
    # `make run` and `make test` call this every time: skip the URL checks, which would import
    # every view (and WeasyPrint with the PDF view).
    requires_system_checks: list = []

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo runs only with DEBUG on: it creates known passwords.")
        users = self._users()
        demo = Invitation.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
        if demo.exists():
            self.stdout.write("Demo screenings already present; not adding more.")
        else:
            self._screenings(users)
            self.stdout.write(self.style.SUCCESS(f"Created {SUBMITTED_COUNT} demo screenings."))
        self._print_links(demo.filter(submissions__isnull=True).order_by("pk")[:WAITING_COUNT])

    def _users(self) -> dict:
        access.ensure_roles()
        users = {}
        self.stdout.write("Demo staff accounts (username / password / TOTP secret for an app):")
        for username, password, role in DEMO_USERS:
            user, _ = get_user_model().objects.get_or_create(username=username)
            user.set_password(password)
            user.is_active = True
            # The clinic admin also reads the audit trail in Django's admin.
            user.is_staff = role == access.CLINIC_ADMIN
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            users[role] = user
            secret = _demo_totp(user)
            self.stdout.write(f"  {username:<12} {password:<22} {secret}   ({role})")
        return users

    @transaction.atomic
    def _screenings(self, users: dict) -> None:
        from screening.intake.consent import CONSENT_TEXT_VERSION
        from screening.intake.invitations import create_invitation
        from screening.intake.steps import STEP_NAMES
        from screening.intake.submit import create_submission

        today = timezone.localdate()
        for index, name in enumerate(PATIENT_NAMES[: SUBMITTED_COUNT + WAITING_COUNT]):
            case = CASES[index % len(CASES)]
            appointment = today + dt.timedelta(days=index % 9)
            document = demo_document(case, appointment)
            invitation, _token = create_invitation(
                patient_name=name,
                appointment_date=appointment,
                appointment_time=dt.time(8 + index % 9, 15 * (index % 4)),
                last_name=name.split()[-1],
                date_of_birth=dt.date.fromisoformat(document["about"]["date_of_birth"]),
                email=f"{name.split()[0].lower()}.{index}@{DEMO_EMAIL_DOMAIN}",
                created_by=users[access.FRONT_DESK],
            )
            if index >= SUBMITTED_COUNT:
                continue
            draft = IntakeDraft.objects.create(
                invitation=invitation, completed_steps=list(STEP_NAMES)
            )
            submission = create_submission(
                invitation=invitation,
                draft=draft,
                document=document,
                signatures=_signatures(name, case.guardian, document),
                consent_text_version=CONSENT_TEXT_VERSION,
            )
            _demo_workflow(index, submission, users, document, draft, invitation)

    def _print_links(self, invitations) -> None:
        from screening.intake.invitations import invitation_link

        self.stdout.write("Patient links for demo invitations not yet filled in:")
        for invitation in invitations:
            link = invitation_link(reissue_link(invitation))
            # The link's gate asks for these before the form opens.
            born = invitation.date_of_birth.isoformat() if invitation.date_of_birth else "-"
            self.stdout.write(
                f"  {invitation.patient_name} (last name {invitation.last_name or '-'}, "
                f"born {born}): {link}"
            )


def _demo_totp(user) -> str:
    """Give the user a second-factor device with a fixed demo key; return its base32 secret."""
    # A fixed, public demo key: not a security use of the hash.
    key = hashlib.sha1(f"demo-totp-{user.username}".encode(), usedforsecurity=False).hexdigest()
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="demo", defaults={"key": key})
    device.key, device.confirmed = key, True
    device.save()
    return base64.b32encode(device.bin_key).decode()


def _signatures(name: str, guardian: dict, document: dict) -> dict:
    signed_at = dt.datetime.combine(
        dt.date.fromisoformat(document["completed_on"]), dt.time(19, 30), dt.UTC
    ).isoformat()
    if guardian:
        return {
            "signed_by": "guardian",
            "name": guardian["name"],
            "signed_at": signed_at,
            "minor_path": "guardian",
            "guardian_relationship": guardian["relationship"],
        }
    return {"signed_by": "patient", "name": name, "signed_at": signed_at, "minor_path": ""}


def _demo_workflow(index, submission, users, document, draft, invitation) -> None:
    """Move some screenings along, so the queue shows every status."""
    from screening.intake.submit import create_submission

    front_desk, physio = users[access.FRONT_DESK], users[access.PHYSIOTHERAPIST]
    if index % 5 == 1:
        workflow.change_status(
            submission,
            actor=front_desk,
            status=Submission.Status.REVIEWED,
            expected_version=submission.row_version,
        )
    elif index % 5 == 2 and submission.tier == Submission.Tier.HOLD_FOR_CLEARANCE:
        workflow.change_status(
            submission,
            actor=front_desk,
            status=Submission.Status.CLEARANCE_REQUESTED,
            note="Letter faxed to the family doctor.",
            expected_version=submission.row_version,
        )
    elif index % 5 == 3 and submission.tier in (Submission.Tier.CLEAR, Submission.Tier.INFO_ONLY):
        workflow.record_decision(
            submission,
            actor=physio,
            decision=workflow.Decision.PROCEED,
            expected_version=submission.row_version,
        )
    if index == 0:
        # A check-in on the day, so the page can show what changed since the form.
        create_submission(
            invitation=invitation,
            draft=draft,
            document=check_in_document(document),
            signatures=submission.signatures,
            consent_text_version=submission.consent_text_version,
            kind=Submission.Kind.CHECK_IN,
            previous=submission,
        )
