"""Invitations: unguessable tokens stored only as a hash, expiry, the link, the invite command."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from screening.intake.invitations import (
    create_invitation,
    find_invitation,
    invitation_link,
    invitation_progress,
)
from screening.models import IntakeDraft, Invitation, hash_token

pytestmark = pytest.mark.django_db


def test_it_makes_a_token_of_at_least_128_bits_and_stores_only_its_hash(appointment):
    invitation, token = create_invitation(patient_name="Ana", appointment_date=appointment)
    # token_urlsafe: 6 bits per character.
    assert len(token) * 6 >= 128
    assert invitation.token_hash == hash_token(token)
    stored = Invitation.objects.filter(pk=invitation.pk).values()[0]
    assert token not in str(stored)


def test_every_token_is_different(appointment):
    tokens = {
        create_invitation(patient_name="A", appointment_date=appointment)[1] for _ in range(50)
    }
    assert len(tokens) == 50


def test_it_expires_the_configured_number_of_days_after_the_appointment(settings, appointment):
    settings.INVITATION_VALID_DAYS_AFTER_APPOINTMENT = 2
    invitation, _ = create_invitation(patient_name="A", appointment_date=appointment)
    local_expiry = timezone.localtime(invitation.expires_at)
    assert local_expiry.date() == appointment + datetime.timedelta(days=2)
    assert local_expiry.hour == 23


def test_the_link_is_built_from_the_configured_base_url(settings):
    settings.SITE_BASE_URL = "https://forms.example.org/"
    assert invitation_link("abc") == "https://forms.example.org/i/abc/"


def test_a_token_finds_its_invitation_and_a_wrong_one_finds_nothing(invitation, token):
    assert find_invitation(token) == invitation
    assert find_invitation(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert find_invitation("x" * 5000) is None


def test_the_invite_command_prints_only_the_link(settings):
    settings.SITE_BASE_URL = "http://127.0.0.1:8000"
    out = io.StringIO()
    call_command(
        "invite",
        "--name",
        "José-María Nguyễn",
        "--appointment",
        "2030-01-02",
        "--dob",
        "1970-05-06",
        "--email",
        "jm@example.org",
        stdout=out,
    )
    printed = out.getvalue()
    assert re.fullmatch(r"http://127\.0\.0\.1:8000/i/[A-Za-z0-9_-]{43}/\n", printed), printed
    token = printed.strip().rsplit("/", 2)[-2]
    invitation = find_invitation(token)
    assert invitation.patient_name == "José-María Nguyễn"
    assert invitation.date_of_birth == datetime.date(1970, 5, 6)
    assert invitation.email == "jm@example.org"


@pytest.mark.parametrize(
    "args",
    [
        ["--name", "A", "--appointment", "2030-02-30"],
        ["--name", "A", "--appointment", "2030-01-02", "--dob", "2031-01-01"],
        ["--name", "A", "--appointment", "2030-01-02", "--email", "not-an-address"],
        ["--name", " ", "--appointment", "2030-01-02"],
    ],
)
def test_the_invite_command_refuses_bad_input(args):
    with pytest.raises(CommandError):
        call_command("invite", *args, stdout=io.StringIO())
    assert not Invitation.objects.exists()


def test_progress_follows_the_patient(invitation, settings):
    def progress():
        loaded = (
            Invitation.objects.select_related("draft")
            .prefetch_related("submissions")
            .get(pk=invitation.pk)
        )
        return invitation_progress(loaded)

    assert progress().state == "not_opened"
    IntakeDraft.objects.create(invitation=invitation, completed_steps=["about", "visit"])
    assert progress().state == "in_progress"
    assert progress().step == 3
    assert progress().label == "Step 3 of 12"
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert progress().state == "expired"
