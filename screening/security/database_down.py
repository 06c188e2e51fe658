"""The database down: a 503 "try again in a minute, your answers are safe" page, not a 500
(issue 9, point 7).

Two places catch it. The middleware's process_exception catches a view's query; a failure
inside another middleware (loading the session, saving it) never reaches process_exception,
because Django turns it into a response at that layer, through handler500: so handler500
(`server_error`) looks at the exception being handled too. The page is rendered without the
request's context processors (they read the database) and names no error.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views import defaults

RETRY_AFTER_SECONDS = 60
DATABASE_ERRORS = (OperationalError, InterfaceError)

logger = logging.getLogger(__name__)


def unavailable_response() -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseDownMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        # The class only: a driver's message may hold the database host, never anything useful.
        logger.error("Database unavailable (%s): answered 503", type(exception).__name__)
        return unavailable_response()


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the 503 page when the error being handled is the database's."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return unavailable_response()
    return defaults.server_error(request)
