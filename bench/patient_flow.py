"""One simulated patient: the whole intake as a browser without JavaScript does it.

Link -> date-of-birth check -> privacy notice -> every question step (GET, then POST with
the CSRF token and the page's draft version) -> review -> consent and signature ->
confirmation. Redirects are followed by hand so that every request is timed on its own.
"""

from __future__ import annotations

import html
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION_INPUT = re.compile(r'name="version" value="(\d+)"')
FIELD_ERROR = re.compile(r'class="[^"]*invalid-feedback[^"]*"[^>]*>(.*?)</', re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Sample:
    label: str  # "GET step/about", "POST sign", ...
    status: int
    seconds: float
    size: int
    started: float
    cpu_ms: float = float("nan")  # CPU time inside the worker (bench/cpu_header.py)


class FlowError(Exception):
    """The patient could not go on: an error status or an unexpected page."""


def label_for(method: str, path: str) -> str:
    """A stable name per page: the token and the query string are left out."""
    path = path.split("?")[0]
    if path.startswith("/i/"):
        return f"{method} open link"
    name = path.removeprefix("/intake/").strip("/") or "home"
    return f"{method} {name}"


def _error_text(body: str) -> str:
    errors = [" ".join(TAG.sub("", e).split()) for e in FIELD_ERROR.findall(body)]
    return html.unescape("; ".join(e for e in errors if e)[:300])


class Patient:
    def __init__(
        self,
        base_url: str,
        record: Callable[[Sample], None],
        think: float = 0.0,
        deadline: float = float("inf"),
    ):
        self.base_url = base_url
        self.record = record
        self.think = think
        self.deadline = deadline  # time.perf_counter() after which the patient gives up
        self.session = requests.Session()

    def request(self, method: str, path: str, data: dict | None = None) -> requests.Response:
        started = time.perf_counter()
        if started > self.deadline:
            raise FlowError(f"time limit reached before {label_for(method, path)}")
        response = self.session.request(
            method, self.base_url + path, data=data, allow_redirects=False, timeout=60
        )
        seconds = time.perf_counter() - started
        label = label_for(method, path)
        cpu_ms = float(response.headers.get("X-Bench-CPU-Ms", "nan"))
        self.record(
            Sample(label, response.status_code, seconds, len(response.content), started, cpu_ms)
        )
        if response.status_code >= 400:
            detail = _error_text(response.text)
            raise FlowError(f"{label} -> {response.status_code} {detail}".strip())
        return response

    def go(self, method: str, path: str, data: dict | None = None) -> tuple[str, str]:
        """Send, follow every redirect, and return (final path, final page)."""
        if self.think:
            # Reading and typing time, spread so that patients drift out of step.
            time.sleep(random.uniform(0.5, 1.5) * self.think)
        response = self.request(method, path, data)
        for _hop in range(10):
            if not response.is_redirect:
                return path, response.text
            location = urlsplit(response.headers["Location"])
            path = location.path + (f"?{location.query}" if location.query else "")
            response = self.request("GET", path)
        raise FlowError(f"too many redirects after {label_for(method, path)}")

    @staticmethod
    def expect(path: str, wanted: str) -> None:
        if path.split("?")[0] != wanted:
            raise FlowError(f"expected {wanted}, reached {path.split('?')[0]}")

    @staticmethod
    def csrf(page: str) -> str:
        match = CSRF_INPUT.search(page)
        if not match:
            raise FlowError("no CSRF token on the page")
        return match.group(1)


def complete_intake(
    patient: Patient,
    token: str,
    gate_answers: dict[str, str],
    steps: list[tuple[str, dict]],
    signature: str,
) -> None:
    """The whole intake; raises FlowError (or a requests error) when the patient is stuck."""
    path, page = patient.go("GET", f"/i/{token}/")
    patient.expect(path, "/intake/check/")
    path, page = patient.go(
        "POST", "/intake/check/", {"csrfmiddlewaretoken": patient.csrf(page), **gate_answers}
    )
    patient.expect(path, "/intake/privacy/")
    path, page = patient.go("POST", "/intake/privacy/", {"csrfmiddlewaretoken": patient.csrf(page)})
    for name, answers in steps:
        patient.expect(path, f"/intake/step/{name}/")
        version = VERSION_INPUT.search(page)
        payload = {
            "csrfmiddlewaretoken": patient.csrf(page),
            "version": version.group(1) if version else "0",
            "action": "next",
            **answers,
        }
        path, page = patient.go("POST", f"/intake/step/{name}/", payload)
    patient.expect(path, "/intake/review/")
    if 'href="/intake/sign/"' not in page:
        raise FlowError("the review page offers no way to the signature")
    path, page = patient.go("GET", "/intake/sign/")
    patient.expect(path, "/intake/sign/")
    path, page = patient.go(
        "POST",
        "/intake/sign/",
        {"csrfmiddlewaretoken": patient.csrf(page), "agree": "on", "signature": signature},
    )
    patient.expect(path, "/intake/done/")


def bare_requests(patient: Patient, path: str, count: int) -> None:
    for _n in range(count):
        patient.request("GET", path)
