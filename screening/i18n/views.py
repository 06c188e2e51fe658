"""The language switch: a plain POST form in every page header, so it works without JavaScript."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from screening.i18n.languages import SESSION_LANGUAGE, supported
from screening.intake.access import SESSION_INVITATION
from screening.models import Invitation, StaffPreference


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """Remember the choice for this browser, and for the visit's draft or the staff account."""
    language = supported(request.POST.get("language"))
    if not language:
        return HttpResponseBadRequest("Unknown language.")
    request.session[SESSION_LANGUAGE] = language
    user = request.user
    if user.is_authenticated:
        StaffPreference.objects.update_or_create(user=user, defaults={"language": language})
    elif request.session.get(SESSION_INVITATION):
        # The visit's draft keeps it: the link opened later, on another phone, is in it too.
        Invitation.objects.filter(pk=request.session[SESSION_INVITATION]).update(language=language)
    translation.activate(language)
    response = redirect(_safe_next(request))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response
