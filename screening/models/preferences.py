"""A staff member's own settings; today only the language of the staff pages and the PDF."""

from django.conf import settings
from django.db import models


class StaffPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    # A code of settings.LANGUAGES; blank = the clinic default (no choices here, so a new
    # language needs no migration).
    language = models.CharField(max_length=10, blank=True)

    def __str__(self) -> str:
        return f"Preferences of user #{self.user_id}"
