"""Email through the task queue: sent by the real worker, retried when SMTP refuses, never
an error page nor a lost link; the front desk's alert is a batched count (issue 9.3, 11)."""

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from screening.models import ClinicProfile, Invitation, OutboxEmail
from screening.review import access
from tests.mail_worker import run_worker

# Nothing listens on port 9 of loopback: every connection is refused, as a down server's.
SMTP_DOWN = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9,
    EMAIL_USE_TLS=False,
    EMAIL_TIMEOUT=2,
)


def _invite(client, **extra):
    data = {
        "patient_name": "Grace Kim",
        "appointment_date": (dt.date.today() + dt.timedelta(days=3)).isoformat(),
        "email": "grace@example.com",
        "send_email": "on",
        **extra,
    }
    return client.post(reverse("review:invitations"), data)


@pytest.mark.django_db
def test_a_down_mail_server_gives_no_error_shows_the_link_and_retries(staff_client):
    client = staff_client(access.FRONT_DESK)
    with SMTP_DOWN:
        assert _invite(client).status_code == 302
        page = client.get(reverse("review:invitations")).content.decode()
        assert 'id="fresh-link"' in page  # the link is shown whatever the mail server does
        run_worker()
    email = OutboxEmail.objects.get()
    assert email.status == OutboxEmail.Status.RETRYING
    assert email.attempts == 1
    assert email.body  # kept for the retry
    assert "Not sent yet, retrying" in client.get(reverse("review:invitations")).content.decode()
    # The server is back: the retry, due a minute later, goes out.
    run_worker(later_by=dt.timedelta(minutes=2))
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert email.body == ""  # the link is not kept once sent
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["grace@example.com"]


@pytest.mark.django_db
def test_email_a_new_link_with_the_server_down_keeps_a_working_link_shown(staff_client):
    client = staff_client(access.FRONT_DESK)
    _invite(client, send_email="")
    client.get(reverse("review:invitations"))
    invitation = Invitation.objects.get()
    with SMTP_DOWN:
        response = client.post(reverse("review:email_invitation", kwargs={"pk": invitation.pk}))
        assert response.status_code == 302
        page = client.get(reverse("review:invitations")).content.decode()
        run_worker()
    assert 'id="fresh-link"' in page
    assert OutboxEmail.objects.get().status == OutboxEmail.Status.RETRYING


@pytest.mark.django_db
def test_it_gives_up_after_the_last_retry_and_forgets_the_link(staff_client):
    client = staff_client(access.FRONT_DESK)
    with SMTP_DOWN:
        _invite(client)
        for _ in range(12):
            run_worker(later_by=dt.timedelta(days=1))
    email = OutboxEmail.objects.get()
    assert email.status == OutboxEmail.Status.FAILED
    assert email.body == ""
    assert "Not sent" in client.get(reverse("review:invitations")).content.decode()


@pytest.mark.django_db
def test_alerts_batch_forms_into_one_count_with_no_names(make_submission):
    ClinicProfile.objects.create(pk=1, name="Riverbend", alert_email="desk@clinic.example")
    # create_submission notes each arrival; two flagged forms and one clear one.
    make_submission("ex02-warfarin-inr-above-cap", name="Alice Zed")
    make_submission("ex02-warfarin-inr-above-cap", name="Bob Yew")
    make_submission("ex01-healthy-adult", name="Carl Xu")
    run_worker()
    assert mail.outbox == []  # the window is still open
    assert OutboxEmail.objects.filter(kind=OutboxEmail.Kind.ALERT).count() == 1
    run_worker(later_by=dt.timedelta(minutes=10))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@clinic.example"]
    assert "2 new forms need action" in message.subject + message.body
    assert reverse("review:today") in message.body
    for word in ("Alice", "Bob", "Zed", "Yew", "arfarin", "INR"):
        assert word not in message.subject + message.body
    # The next flagged form opens a new window and counts only itself.
    make_submission("ex02-warfarin-inr-above-cap", name="Dee Vo")
    run_worker(later_by=dt.timedelta(minutes=10))
    assert "1 new form needs action" in mail.outbox[1].subject


@pytest.mark.django_db
def test_no_alert_without_an_alert_address(make_submission):
    make_submission("ex02-warfarin-inr-above-cap")
    run_worker(later_by=dt.timedelta(minutes=10))
    assert mail.outbox == []


@pytest.mark.django_db
def test_finish_later_with_the_mail_server_down_saves_shows_the_link_and_retries(client):
    """Issue 9, point 3: "Save and finish later" answered 500 when the mail server was down."""
    from screening.intake.invitations import create_invitation
    from screening.models import IntakeDraft
    from tests.intake.conftest import open_link, post_step
    from tests.intake.posts import HEALTHY

    _invitation, token = create_invitation(
        patient_name="Grace Kim",
        appointment_date=dt.date.today() + dt.timedelta(days=3),
        email="grace@example.com",
    )
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    with SMTP_DOWN:
        response = post_step(client, "about", HEALTHY["about"], action="later")
        assert response.status_code == 302 and response["Location"] == reverse("intake:later")
        assert token in client.get(reverse("intake:later")).content.decode()
        run_worker()
    assert "about" in IntakeDraft.objects.get().completed_steps  # the answers are saved
    email = OutboxEmail.objects.get()
    assert email.status == OutboxEmail.Status.RETRYING and email.attempts == 1
    run_worker(later_by=dt.timedelta(minutes=2))
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT and len(mail.outbox) == 1
