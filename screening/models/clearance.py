"""The clearance loop of a visit: letter requested -> returned letter received -> closed.

One clearance per visit. The returned letter is a health record: it is kept in a private
directory (settings.PRIVATE_FILES_ROOT), never under a static or media URL, and read only
through the audited staff view (screening/review/views/clearance.py).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _


class PrivateStorage(FileSystemStorage):
    """Files with no URL at all, under settings.PRIVATE_FILES_ROOT (read when used, so a
    test's override_settings applies)."""

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(settings.PRIVATE_FILES_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL: serve them through an audited view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


class Clearance(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Clearance requested")
        RECEIVED = "received", _("Clearance letter received")
        CLOSED = "closed", _("Closed by the physiotherapist's decision")

    class Method(models.TextChoices):
        PRINTED = "printed", _("Printed")
        EMAILED = "emailed", _("Emailed")

    visit = models.OneToOneField(
        "screening.Visit", on_delete=models.PROTECT, related_name="clearance"
    )
    # The screening whose findings the letter lists (the visit's current one at the time).
    submission = models.ForeignKey(
        "screening.Submission", on_delete=models.CASCADE, related_name="clearances"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    request_method = models.CharField(max_length=10, choices=Method.choices)
    received_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    letter = models.FileField(storage=private_storage, upload_to="clearances/", blank=True)
    letter_content_type = models.CharField(max_length=40, blank=True)
    letter_size = models.PositiveIntegerField(default=0)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closing_decision = models.ForeignKey(
        "screening.SubmissionEvent",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["requested_at", "pk"]

    def __str__(self) -> str:
        return f"Clearance #{self.pk} of visit #{self.visit_id}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED


@receiver(post_delete, sender=Clearance, dispatch_uid="clearance_letter_file_delete")
def _delete_letter_file(sender, instance: Clearance, **kwargs) -> None:
    # The retention purge deletes a screening and with it its clearance: the returned letter
    # (a health record) must not outlive the row on disk.
    if instance.letter:
        instance.letter.storage.delete(instance.letter.name)
