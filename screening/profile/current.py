"""The one place that says what the clinic's details are (the stored row, else the defaults)."""

from __future__ import annotations

from django.conf import settings

from screening.models import ClinicProfile

PROFILE_PK = 1


def clinic_profile() -> ClinicProfile:
    """Return the clinic's profile; before the admin saves one, the settings' defaults.

    One small query; callers on a page read it once (the context processor is lazy).
    """
    profile = ClinicProfile.objects.filter(pk=PROFILE_PK).first()
    return profile if profile is not None else default_profile()


def default_profile() -> ClinicProfile:
    """An unsaved profile holding the settings' values (CLINIC_NAME is the only one today)."""
    return ClinicProfile(pk=PROFILE_PK, name=settings.CLINIC_NAME)
