"""Template context shared by every page."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from screening.profile.current import clinic_profile


def clinic(request: HttpRequest) -> dict:
    """The clinic profile as `clinic` (read once per page, and only if a template uses it)."""
    profile = SimpleLazyObject(clinic_profile)
    return {"clinic": profile, "clinic_name": SimpleLazyObject(lambda: profile.name)}
