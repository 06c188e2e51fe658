"""Which invitation a patient's browser session belongs to, and the guard for every page.

The token arrives once, in the link; `open_link` moves it into the session and redirects to
a token-free URL, so it never shows in later URLs, in a Referer or in the page. The raw token
stays in the session only so "Save and finish later" can show the link again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from screening.intake.invitations import is_expired
from screening.models import IntakeDraft, Invitation

SESSION_INVITATION = "intake_invitation_id"
SESSION_TOKEN = "intake_token"  # noqa: S105  (a session key name, not a secret)
SESSION_VERIFIED = "intake_verified_id"
# Set when the front desk opened the check-in on a clinic tablet: cleared when it is done.
SESSION_KIOSK = "intake_kiosk"


def start_patient_session(request: HttpRequest, invitation: Invitation, token: str = "") -> None:
    """Bind this browser to one invitation (a new session key: no fixation)."""
    request.session.cycle_key()
    if request.session.get(SESSION_INVITATION) != invitation.pk:
        request.session.pop(SESSION_VERIFIED, None)
        request.session.pop(SESSION_KIOSK, None)
    request.session[SESSION_INVITATION] = invitation.pk
    request.session[SESSION_TOKEN] = token


def end_patient_session(request: HttpRequest) -> None:
    for key in (SESSION_INVITATION, SESSION_TOKEN, SESSION_VERIFIED, SESSION_KIOSK):
        request.session.pop(key, None)


def mark_verified(request: HttpRequest, invitation: Invitation) -> None:
    request.session[SESSION_VERIFIED] = invitation.pk


def saved_date_of_birth(invitation: Invitation) -> str:
    """The date of birth the gate checks: the clinic's, else the patient's saved answer."""
    if invitation.date_of_birth:
        return invitation.date_of_birth.isoformat()
    draft = IntakeDraft.objects.filter(invitation=invitation).only("answers").first()
    if draft is None:
        return ""
    return str(draft.answers.get("about", {}).get("date_of_birth", ""))


def needs_gate(request: HttpRequest, invitation: Invitation) -> bool:
    if request.session.get(SESSION_VERIFIED) == invitation.pk:
        return False
    return bool(saved_date_of_birth(invitation))


def session_invitation(request: HttpRequest) -> Invitation | None:
    invitation_id = request.session.get(SESSION_INVITATION)
    if not invitation_id:
        return None
    return Invitation.objects.filter(pk=invitation_id).first()


def patient_required(view: Callable) -> Callable:
    """Give the view the session's invitation; send others to the right explanation page."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        invitation = session_invitation(request)
        if invitation is None:
            return render(request, "screening/intake/no_link.html", status=403)
        if is_expired(invitation):
            return render(request, "screening/intake/expired.html", status=410)
        if needs_gate(request, invitation):
            return redirect("intake:gate")
        return view(request, invitation, *args, **kwargs)

    return wrapper
