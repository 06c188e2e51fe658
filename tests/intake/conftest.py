"""Fixtures for the intake tests: an invitation, a patient's browser, filling in steps."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.intake.invitations import create_invitation
from screening.intake.steps import QUESTION_STEPS
from tests.intake.posts import HEALTHY


@pytest.fixture
def appointment() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=3)


@pytest.fixture
def invitation_and_token(db, appointment):
    return create_invitation(patient_name="Siobhán O'Brien", appointment_date=appointment)


@pytest.fixture
def invitation(invitation_and_token):
    return invitation_and_token[0]


@pytest.fixture
def token(invitation_and_token):
    return invitation_and_token[1]


def open_link(client: Client, token: str):
    return client.get(reverse("intake:open", args=[token]))


@pytest.fixture
def patient(client, token) -> Client:
    """A browser that opened the link and acknowledged the privacy notice."""
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    return client


def post_step(client: Client, name: str, data: dict, **extra):
    from screening.models import IntakeDraft

    version = IntakeDraft.objects.order_by("-pk").values_list("version", flat=True).first() or 0
    payload = {"version": str(version), "action": "next", **data, **extra}
    return client.post(reverse("intake:step", args=[name]), payload)


def fill_all_steps(client: Client, posts: dict | None = None) -> None:
    for step in QUESTION_STEPS:
        response = post_step(client, step.name, (posts or HEALTHY)[step.name])
        assert response.status_code == 302, (step.name, response.content[:3000])


@pytest.fixture
def filled(patient) -> Client:
    fill_all_steps(patient)
    return patient


def sign(client: Client, name: str = "Siobhán O'Brien", **extra):
    return client.post(reverse("intake:sign"), {"agree": "on", "signature": name, **extra})
