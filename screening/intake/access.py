"""Which invitation a patient's browser session belongs to, and the guard for every page.

The token arrives once, in the link; `open_link` moves it into the session and redirects to
a token-free URL, so it never shows in later URLs, in a Referer or in the page. The session
(django_session) keeps only the invitation's id. So that "Save and finish later" can show and
email the link again, the raw token goes back to the browser that brought it, in an HttpOnly,
SameSite=Strict cookie limited to the intake pages; it is used only while it still matches
the session's invitation, and the server never stores it (issue 9, point 4).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from screening.i18n.languages import SESSION_LANGUAGE, supported
from screening.intake.invitations import is_expired
from screening.models import IntakeDraft, Invitation, hash_token

SESSION_INVITATION = "intake_invitation_id"
# Sessions written before issue 9 held the raw token under this key: it is dropped on sight.
LEGACY_SESSION_TOKEN = "intake_token"  # noqa: S105  (a session key name, not a secret)
LINK_COOKIE = "intake_link"
LINK_COOKIE_PATH = "/intake/"
SESSION_VERIFIED = "intake_verified_id"
# Set when the front desk opened the check-in on a clinic tablet: cleared when it is done.
SESSION_KIOSK = "intake_kiosk"


def start_patient_session(request: HttpRequest, invitation: Invitation) -> None:
    """Bind this browser to one invitation (a new session key: no fixation)."""
    request.session.cycle_key()
    if request.session.get(SESSION_INVITATION) != invitation.pk:
        request.session.pop(SESSION_VERIFIED, None)
        request.session.pop(SESSION_KIOSK, None)
    request.session.pop(LEGACY_SESSION_TOKEN, None)
    request.session[SESSION_INVITATION] = invitation.pk
    # The language chosen for this visit before (on any device) comes back with the link.
    if supported(invitation.language):
        request.session[SESSION_LANGUAGE] = supported(invitation.language)


def end_patient_session(request: HttpRequest) -> None:
    for key in (SESSION_INVITATION, LEGACY_SESSION_TOKEN, SESSION_VERIFIED, SESSION_KIOSK):
        request.session.pop(key, None)


def remember_link(response: HttpResponse, invitation: Invitation, token: str) -> HttpResponse:
    """Hand the raw token back to the patient's own browser (never to the server's store)."""
    response.set_cookie(
        LINK_COOKIE,
        token,
        expires=invitation.expires_at,
        path=LINK_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def forget_link(response: HttpResponse) -> HttpResponse:
    response.delete_cookie(LINK_COOKIE, path=LINK_COOKIE_PATH, samesite="Strict")
    return response


def remembered_token(request: HttpRequest, invitation: Invitation) -> str:
    """The link token this browser brought, if it is the session's invitation's; else ""."""
    token = request.COOKIES.get(LINK_COOKIE, "")
    if token and hash_token(token) == invitation.token_hash:
        return token
    return ""


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
