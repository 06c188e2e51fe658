"""Activate the language a person chose, after Django's LocaleMiddleware has guessed one.

LocaleMiddleware reads the browser's Accept-Language (then settings.LANGUAGE_CODE, the
clinic's default). A choice made with the switch, a patient's visit language or a staff
member's preference is kept in the session and wins over that guess. Staff who never chose
read the clinic's language, not their browser's (issue 14: "default the clinic's").
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from screening.i18n.languages import SESSION_LANGUAGE, clinic_default, supported


class ChosenLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = supported(request.session.get(SESSION_LANGUAGE))
        user = getattr(request, "user", None)
        if not chosen and user is not None and user.is_authenticated:
            chosen = clinic_default()
        if chosen:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)
