"""Tell the clinic's alert address that new forms need action: a count and a link, no more.

Batched: the first flagged form opens a window (ALERT_BATCH_MINUTES); forms arriving while
it is open ride along, and the email, built when the window closes, counts every form that
arrived since the previous alert's cut-off and still needs action (docs/decisions.md).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from screening.care.current import only_current
from screening.i18n.languages import clinic_default
from screening.mail.outbox import queue_email
from screening.models import OutboxEmail, Submission
from screening.profile.current import clinic_profile


def note_new_submission(submission: Submission) -> None:
    """Call in the transaction that stores a submission: open an alert window if it needs
    action (the queue's own definition, action_rank 0) and none is open yet."""
    if not Submission.objects.filter(pk=submission.pk, action_rank=0).exists():
        return
    if not clinic_profile().alert_email:
        return
    collecting = OutboxEmail.objects.filter(
        kind=OutboxEmail.Kind.ALERT,
        status=OutboxEmail.Status.QUEUED,
        alert_cutoff__isnull=True,
    )
    if collecting.exists():
        return  # the open window's email will count this form too
    queue_email(
        kind=OutboxEmail.Kind.ALERT,
        recipient=clinic_profile().alert_email,
        subject="",
        body="",
        delay=timedelta(minutes=settings.ALERT_BATCH_MINUTES),
    )


def prepare_alert(email: OutboxEmail) -> bool:
    """In the clinic's language: the front desk's shared inbox has no one person's choice."""
    with translation.override(clinic_default()):
        return _prepare_alert(email)


def _prepare_alert(email: OutboxEmail) -> bool:
    """Fill in the alert's count and text when its window closes (a retry keeps them).

    Returns False, and drops the email, when nothing is left to tell.
    """
    if email.alert_cutoff is not None:
        return True
    previous = (
        OutboxEmail.objects.filter(kind=OutboxEmail.Kind.ALERT, alert_cutoff__isnull=False)
        .order_by("-alert_cutoff")
        .values_list("alert_cutoff", flat=True)
        .first()
    )
    cutoff = timezone.now()
    arrived = Submission.objects.filter(submitted_at__lte=cutoff)
    if previous is not None:
        arrived = arrived.filter(submitted_at__gt=previous)
    count = only_current(arrived).filter(action_rank=0).count()
    profile = clinic_profile()
    if count == 0 or not profile.alert_email:
        email.delete()
        return False
    headline = ngettext(
        "%(count)s new form needs action", "%(count)s new forms need action", count
    ) % {"count": count}
    email.alert_cutoff = cutoff
    email.alert_count = count
    email.recipient = profile.alert_email
    email.subject = _("%(clinic)s: %(headline)s") % {"clinic": profile.name, "headline": headline}
    email.body = render_to_string(
        "screening/mail/alert.txt",
        {
            "headline": headline,
            "link": settings.SITE_BASE_URL.rstrip("/") + reverse("review:today"),
            "clinic": profile,
        },
    )
    email.save()
    return True
