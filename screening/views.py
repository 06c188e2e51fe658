"""Site-wide views: the landing page and the error views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from screening.intake.access import session_invitation


def landing(request: HttpRequest) -> HttpResponse:
    """The site's front door: a patient with a form in progress goes back to it."""
    if session_invitation(request) is not None:
        return redirect("intake:home")
    return render(request, "screening/landing.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Explain a stale form kindly; the reason is technical and stays out of the page."""
    return render(request, "403_csrf.html", status=403)
