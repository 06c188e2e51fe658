"""Helpers for the staff browser tests: demo screenings, staff accounts and signing in."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.auth.models import Group, User
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from screening.intake.consent import CONSENT_TEXT_VERSION
from screening.intake.invitations import create_invitation
from screening.intake.steps import STEP_NAMES
from screening.intake.submit import create_submission
from screening.models import IntakeDraft, Submission
from screening.review.access import ensure_roles
from screening.review.demo_data import DemoCase, demo_document

PASSWORD = "a-long-browser-password-7"
DESKTOP = {"width": 1280, "height": 900}


def make_staff(username: str, role: str) -> User:
    ensure_roles()  # a transactional test's flush removes the migration's groups
    user = User.objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


def make_screening(example: str, name: str, days_ahead: int) -> Submission:
    appointment = timezone.localdate() + dt.timedelta(days=days_ahead)
    document = demo_document(DemoCase(example), appointment)
    invitation, _ = create_invitation(
        patient_name=name, appointment_date=appointment, appointment_time=dt.time(9 + days_ahead)
    )
    draft = IntakeDraft.objects.create(invitation=invitation, completed_steps=list(STEP_NAMES))
    return create_submission(
        invitation=invitation,
        draft=draft,
        document=document,
        signatures={"signed_by": "patient", "name": name, "signed_at": "2026-11-27T19:00"},
        consent_text_version=CONSENT_TEXT_VERSION,
    )


def sign_in(page: Page, base_url: str, user: User, landing: str | None = "Review queue") -> None:
    """Log in with the password form, then the authenticator code, as staff do."""
    page.goto(f"{base_url}/staff/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff log in")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/"))
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label(re.compile("6-digit code")).fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    if landing:
        expect(page.get_by_role("heading", level=1)).to_have_text(landing)
    else:
        expect(page).not_to_have_url(re.compile(r"/accounts/two-factor/"))
