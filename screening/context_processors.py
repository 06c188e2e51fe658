"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def clinic(request: HttpRequest) -> dict[str, str]:
    return {"clinic_name": settings.CLINIC_NAME}
