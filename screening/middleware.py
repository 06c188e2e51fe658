"""Response headers every page of the app needs."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class NoStoreMiddleware:
    """Forbid caching of every page the app renders: most of them show health information.

    Static files never reach this middleware (WhiteNoise answers them first), so they
    keep their long cache lifetimes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
