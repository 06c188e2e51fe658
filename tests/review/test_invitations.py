"""Invitations from the staff side: the link is shown once, emailed without health details."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from screening.intake.invitations import find_invitation
from screening.models import AuditEvent, Invitation
from screening.review import access, audit
from tests.mail_worker import run_worker


def _new(client, **fields):
    data = {
        "patient_name": "Grace Kim",
        "last_name": "Kim",
        "appointment_date": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
        "appointment_time": "10:30",
        "email": "grace@example.com",
        "send_email": "on",
        **fields,
    }
    return client.post(reverse("review:invitations"), data)


def _shown_link(html: str) -> str:
    start = html.index('id="fresh-link"')
    value = html.index('value="', start) + len('value="')
    return html[value : html.index('"', value)]


def _token(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.django_db
def test_it_creates_an_invitation_and_shows_its_link_once(staff_client):
    client = staff_client(access.FRONT_DESK)
    response = _new(client, send_email="")
    assert response.status_code == 302
    first_view = client.get(reverse("review:invitations")).content.decode()
    link = _shown_link(first_view)
    invitation = Invitation.objects.get()
    assert (
        find_invitation(link.rsplit("/", 2)[-2] if link.endswith("/") else link.rsplit("/", 1)[-1])
        == invitation
    )
    assert 'id="fresh-link"' not in client.get(reverse("review:invitations")).content.decode()
    assert AuditEvent.objects.filter(
        action=audit.INVITATION_CREATED, object_id=str(invitation.pk)
    ).exists()
    run_worker()
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_the_email_says_only_that_a_form_is_waiting(staff_client):
    client = staff_client(access.FRONT_DESK)
    _new(client)
    run_worker()
    message = mail.outbox[0]
    assert message.to == ["grace@example.com"]
    link = _shown_link(client.get(reverse("review:invitations")).content.decode())
    assert link in message.body
    text = (message.subject + message.body).lower()
    for word in ("needl", "pregnan", "warfarin", "health", "grace", "kim"):
        assert word not in text


@pytest.mark.django_db
def test_a_new_link_replaces_the_old_one(staff_client):
    client = staff_client(access.FRONT_DESK)
    _new(client, send_email="")
    old = _shown_link(client.get(reverse("review:invitations")).content.decode())
    invitation = Invitation.objects.get()
    client.post(reverse("review:reissue_invitation", kwargs={"pk": invitation.pk}))
    new = _shown_link(client.get(reverse("review:invitations")).content.decode())
    assert new != old
    assert find_invitation(_token(new)) == invitation
    assert find_invitation(_token(old)) is None


@pytest.mark.django_db
def test_progress_shows_for_each_invitation(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    make_submission(name="Submitted Person")
    _new(client, patient_name="Not Opened Person", send_email="")
    html = client.get(reverse("review:invitations")).content.decode()
    assert "Not opened" in html
    assert "Submitted" in html


@pytest.mark.django_db
def test_a_past_appointment_date_gets_a_message_and_keeps_the_typed_name(staff_client):
    client = staff_client(access.FRONT_DESK)
    response = _new(client, appointment_date="2001-01-01")
    assert response.status_code == 200
    assert b"in the past" in response.content
    assert b'value="Grace Kim"' in response.content
    assert Invitation.objects.count() == 0
