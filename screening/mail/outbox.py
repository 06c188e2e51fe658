"""The outbox: queue an email with the change that calls for it; the worker sends it.

`queue_email` writes an OutboxEmail row in the caller's transaction and enqueues the send
task only once that transaction commits (`transaction.on_commit`), so the worker never
looks for a row that is not there, and a rolled-back change sends nothing. `deliver` runs
in the worker: an SMTP failure is counted and the task put back on the queue later; a
request never waits for, nor fails because of, a mail server.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from screening.models import OutboxEmail

logger = logging.getLogger(__name__)

# Minutes to wait before each retry: about a day in all, then the email is given up and
# staff see "not sent" beside the invitation (a patient link is still shown to them).
RETRY_DELAYS_MINUTES = (1, 5, 15, 30, 60, 120, 240, 480, 720)
MAX_ATTEMPTS = len(RETRY_DELAYS_MINUTES) + 1
# What a down, refusing or misconfigured mail server raises.
SEND_ERRORS = (OSError, smtplib.SMTPException)


def queue_email(
    *, kind: str, recipient: str, subject: str, body: str, invitation=None, delay=None
) -> OutboxEmail:
    """Store the email and have the worker send it after the current transaction commits."""
    email = OutboxEmail.objects.create(
        kind=kind,
        recipient=recipient,
        subject=subject,
        body=body,
        invitation=invitation,
        next_attempt_at=timezone.now() + delay if delay else None,
    )
    enqueue_after_commit(email)
    return email


def enqueue_after_commit(email: OutboxEmail) -> None:
    pk, when = email.pk, email.next_attempt_at
    transaction.on_commit(lambda: _enqueue(pk, when))


def _enqueue(pk: int, run_after=None) -> None:
    (deliver.using(run_after=run_after) if run_after else deliver).enqueue(pk)


@task()
def deliver(email_pk: int) -> str:
    """Send one queued email; on failure count the attempt and enqueue a later retry."""
    with transaction.atomic():
        email = OutboxEmail.objects.select_for_update().filter(pk=email_pk).first()
        if email is None or email.status in (OutboxEmail.Status.SENT, OutboxEmail.Status.FAILED):
            return "done"
        if email.kind == OutboxEmail.Kind.ALERT:
            # Imported here: alerts builds its text from the outbox (no import cycle).
            from screening.mail.alerts import prepare_alert

            if not prepare_alert(email):
                return "nothing to say"
        email.attempts += 1
        try:
            EmailMultiAlternatives(
                subject=email.subject,
                body=email.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[email.recipient],
            ).send()
        except SEND_ERRORS as exc:
            # The kind of error only: the message of an SMTP error may echo the address.
            logger.warning(
                "Email #%s not sent (attempt %s): %s", email.pk, email.attempts, type(exc).__name__
            )
            _schedule_retry(email)
            return email.status
        email.status = OutboxEmail.Status.SENT
        email.sent_at = timezone.now()
        email.next_attempt_at = None
        email.body = ""  # the link is not kept once it has left
        email.save()
        return email.status


def _schedule_retry(email: OutboxEmail) -> None:
    if email.attempts >= MAX_ATTEMPTS:
        email.status = OutboxEmail.Status.FAILED
        email.next_attempt_at = None
        email.body = ""
        email.save()
        return
    email.status = OutboxEmail.Status.RETRYING
    email.next_attempt_at = timezone.now() + timedelta(
        minutes=RETRY_DELAYS_MINUTES[email.attempts - 1]
    )
    email.save()
    enqueue_after_commit(email)


def latest_for(invitation) -> OutboxEmail | None:
    """The invitation's most recent email (what staff see beside it)."""
    return invitation.emails.order_by("-created_at", "-pk").first()
