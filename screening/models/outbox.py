"""Emails waiting for the worker, and the clinic's own details (both read by screening.mail).

An OutboxEmail is written in the same transaction as the change that calls for it (a new
link, a new flagged form), so a mail server that is down can delay an email, never lose it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxEmail(models.Model):
    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation link")
        FINISH_LATER = "finish_later", _("Link to finish later")
        ALERT = "alert", _("New forms need action")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Not sent yet, retrying")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent: gave up")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    recipient = models.EmailField()
    subject = models.CharField(max_length=200, blank=True)
    # Holds the patient link until the email is sent or given up, then cleared: the token
    # is stored nowhere else (docs/decisions.md, "Email through the task queue").
    body = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    invitation = models.ForeignKey(
        "screening.Invitation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
    )
    # Alerts only: the arrivals counted run from the previous alert's cut-off to this one.
    alert_cutoff = models.DateTimeField(null=True, blank=True)
    alert_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "status"], name="outbox_kind_status")]

    def __str__(self) -> str:
        return f"Email #{self.pk} ({self.kind}, {self.status})"


class ClinicProfile(models.Model):
    """The one clinic's details (a single row, pk 1), edited by the clinic admin."""

    name = models.CharField(_("clinic name"), max_length=200)
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    alert_email = models.EmailField(
        _("alert email address"),
        blank=True,
        help_text=_("Told when new forms need action (a count and a link, never a name)."),
    )
    register_url = models.URLField(
        _("public register link"),
        blank=True,
        help_text=_("Where anyone can check the clinic's authorization for dry needling."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name
