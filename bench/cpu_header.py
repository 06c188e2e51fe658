"""Bench-only middleware: the CPU time this worker spent on the request, as a header.

A sync gunicorn worker serves one request at a time, so the process CPU clock measures this
request alone: a per-page cost that does not depend on how busy the shared machine is.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEADER = "X-Bench-CPU-Ms"


class CpuTimeHeader:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.process_time()
        response = self.get_response(request)
        response[HEADER] = f"{(time.process_time() - started) * 1000:.2f}"
        return response
