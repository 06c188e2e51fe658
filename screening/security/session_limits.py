"""Staff session limits: sign out after 15 idle minutes, and 12 hours after signing in.

A patient never has an account: their answers live in the database (IntakeDraft), so the
limits here touch staff sessions only, and a patient loses nothing when a session ends.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

LAST_SEEN_KEY = "staff_last_seen"
SIGNED_IN_KEY = "staff_signed_in_at"
# Writing the session on every request costs a database write; a minute's precision is enough.
TOUCH_INTERVAL_SECONDS = 60


@receiver(user_logged_in)
def start_staff_session_clock(sender, request: HttpRequest, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_KEY] = now
        request.session[LAST_SEEN_KEY] = now


def session_expiry_reason(session, now: int) -> str | None:
    """Return why a staff session has ended, or None while it is still good."""
    signed_in = session.get(SIGNED_IN_KEY)
    last_seen = session.get(LAST_SEEN_KEY)
    if signed_in is None or last_seen is None:
        return None
    if now - signed_in >= settings.STAFF_SESSION_ABSOLUTE_SECONDS:
        return _("For your security you were signed out after 12 hours. Please sign in again.")
    if now - last_seen >= settings.STAFF_SESSION_IDLE_SECONDS:
        return _(
            "For your security you were signed out after 15 minutes without activity. "
            "Please sign in again."
        )
    return None


class StaffSessionLimitMiddleware:
    """Sign a staff member out when the idle or the absolute limit has passed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            reason = session_expiry_reason(request.session, now)
            if reason:
                logout(request)
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path())
            # The idle clock is reset by real use, not by the warning script's check.
            if request.path != "/session/status/" and (
                now - request.session.get(LAST_SEEN_KEY, 0) >= TOUCH_INTERVAL_SECONDS
            ):
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


def session_status(request: HttpRequest) -> JsonResponse:
    """Seconds left before the idle sign-out, for the warning on staff pages."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False, "seconds_left": 0})
    now = int(time.time())
    idle_left = settings.STAFF_SESSION_IDLE_SECONDS - (
        now - request.session.get(LAST_SEEN_KEY, now)
    )
    absolute_left = settings.STAFF_SESSION_ABSOLUTE_SECONDS - (
        now - request.session.get(SIGNED_IN_KEY, now)
    )
    return JsonResponse({"signed_in": True, "seconds_left": max(0, min(idle_left, absolute_left))})


@require_POST
def session_keepalive(request: HttpRequest) -> JsonResponse:
    """'Stay signed in': counts as activity and resets the idle clock."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False}, status=401)
    request.session[LAST_SEEN_KEY] = int(time.time())
    return JsonResponse({"signed_in": True})
