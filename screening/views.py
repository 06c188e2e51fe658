"""Site-wide error views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Explain a stale form kindly; the reason is technical and stays out of the page."""
    return render(request, "403_csrf.html", status=403)
