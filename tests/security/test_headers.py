"""Security headers on every URL of the project, for every kind of visitor; no inline code.

Each URL pattern (django.urls.get_resolver) is filled with real objects and fetched over
HTTPS with the production security settings, as an anonymous visitor, as a patient (before
and after submitting) and as each staff role. Every response must carry the strict CSP,
HSTS, nosniff, a same-origin referrer policy, X-Frame-Options DENY and Cache-Control
no-store; every HTML page must be free of what that CSP blocks (inline scripts, <style>,
style= and on*= attributes).
"""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import AuditEvent
from tests.security.builders import (
    ROLES,
    make_invitation,
    make_submission,
    patient_link_path,
    staff_user,
)
from tests.security.url_walk import concrete_paths, fetch_all, inline_code

# The HTTPS settings production runs with (clinic/settings.py with HTTPS=1).
PRODUCTION_HTTPS = override_settings(
    SECURE_SSL_REDIRECT=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    SECURE_HSTS_SECONDS=31536000,
)
VISITORS = ("anonymous", "patient", "patient_after_submitting", "patient_on_the_day", *ROLES)
STRICT_REFERRER_POLICIES = {"same-origin", "no-referrer"}


@pytest.fixture
def world(db):
    """A submission, an open invitation, a staff user per role and an audit row to point at."""
    submission = make_submission()
    # On the appointment day the check-in pages open.
    today = make_submission("Dee Today", appointment=timezone.localdate())
    invitation, token = make_invitation("Sam Open")
    users = {role: staff_user(role) for role in ROLES}
    # The clinic admin reads the audit trail in Django's admin too (seed_demo does the same).
    users["clinic_admin"].is_staff = True
    users["clinic_admin"].save()
    AuditEvent.objects.create(action="x1_walk", object_type="system")
    TOTPDevice.objects.create(user=users["clinic_admin"], name="spare", confirmed=False)
    return {
        "submission": submission,
        "today": today,
        "invitation": invitation,
        "token": token,
        "users": users,
    }


def url_values(world: dict, visitor: str) -> dict[str, str]:
    submission, invitation = world["submission"], world["invitation"]
    # A patient's walk opens the patient's own link (opening another one would switch forms).
    own_token = {
        "patient_after_submitting": submission.patient_token,
        "patient_on_the_day": world["today"].patient_token,
    }.get(visitor, world["token"])
    return {
        "submissions:pk": str(submission.pk),
        "invitations:pk": str(invitation.pk),
        "totpdevice:pk": str(TOTPDevice.objects.first().pk),
        "pk": str(submission.pk),
        "user:object_id": str(world["users"]["front_desk"].pk),
        "auditevent:object_id": str(AuditEvent.objects.first().pk),
        "object_id": "1",
        "id": str(world["users"]["front_desk"].pk),
        "invitation_id": str(submission.invitation_id),
        "content_type_id": "1",
        "uidb64": "MQ",
        "reset:token": "set-password",
        "token": own_token,
        "name": "about",
        "app_label": "screening",
        "url": "nowhere/",
    }


def visitor_client(visitor: str, world: dict, login_staff) -> Client:
    # A crash becomes a 500 response in the report, instead of stopping the walk.
    client = Client(raise_request_exception=False)
    if visitor == "patient":
        client.get(patient_link_path(world["token"]), secure=True)
        # Past the privacy notice, so the question pages render instead of redirecting.
        client.post(reverse("intake:privacy"), secure=True)
    elif visitor == "patient_after_submitting":
        client.get(patient_link_path(world["submission"].patient_token), secure=True)
    elif visitor == "patient_on_the_day":
        client.get(patient_link_path(world["today"].patient_token), secure=True)
    elif visitor in ROLES:
        login_staff(client, world["users"][visitor])
    return client


def every_step_path() -> list[str]:
    """Each question step's page: the walk fills <name> once, the steps differ in content."""
    from screening.intake.forms import STEP_FORMS

    return [reverse("intake:step", kwargs={"name": name}) for name in STEP_FORMS]


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def header_problems(path: str, response) -> list[str]:
    problems = []
    csp = response.get("Content-Security-Policy", "")
    directives = csp_directives(csp)
    if not csp:
        problems.append("no Content-Security-Policy")
    else:
        if "'unsafe-inline'" in csp or "'unsafe-eval'" in csp:
            problems.append(f"CSP allows unsafe code: {csp}")
        for directive in ("script-src", "style-src", "default-src"):
            if directives.get(directive) != ["'self'"]:
                problems.append(f"CSP {directive} is {directives.get(directive)}, not 'self'")
        if directives.get("frame-ancestors") != ["'none'"]:
            problems.append("CSP frame-ancestors is not 'none'")
    hsts = response.get("Strict-Transport-Security", "")
    if "max-age=31536000" not in hsts or "includeSubDomains" not in hsts:
        problems.append(f"HSTS missing or short: {hsts!r}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if response.get("Referrer-Policy") not in STRICT_REFERRER_POLICIES:
        problems.append(f"Referrer-Policy is {response.get('Referrer-Policy')!r}")
    if response.get("X-Frame-Options") != "DENY":
        problems.append(f"X-Frame-Options is {response.get('X-Frame-Options')!r}")
    if "no-store" not in response.get("Cache-Control", ""):
        problems.append(f"Cache-Control is {response.get('Cache-Control')!r}, not no-store")
    if response.status_code >= 500:
        problems.append(f"server error {response.status_code}")
    return [f"{path} [{response.status_code}]: {problem}" for problem in problems]


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


@pytest.mark.parametrize("visitor", VISITORS)
@PRODUCTION_HTTPS
def test_every_url_sends_the_security_headers_and_no_code_the_csp_would_block(
    visitor, world, login_staff
):
    client = visitor_client(visitor, world, login_staff)
    paths = concrete_paths(url_values(world, visitor)) + every_step_path()
    responses = fetch_all(client, paths, secure=True)
    problems = [
        problem for path, response in responses for problem in header_problems(path, response)
    ]
    html_pages = [(path, r) for path, r in responses if is_html(r) and r.content]
    offenders = [
        f"{path} [{response.status_code}]: {offender}"
        for path, response in html_pages
        for offender in inline_code(response.content.decode())
    ]
    assert len(responses) > 40 and html_pages
    assert problems == []
    assert offenders == []


@PRODUCTION_HTTPS
def test_a_plain_http_request_is_sent_to_https(world):
    response = Client().get("/staff/", secure=False)
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_inline_code_finder_finds_what_the_csp_blocks():
    page = (
        '<p style="color:red" onclick="x()">a</p><style>p{}</style><script>alert(1)</script>'
        '<script src="/static/js/app.js"></script><script type="application/json">{}</script>'
        '<a href="javascript:alert(1)">b</a>'
    )
    found = inline_code(page)
    assert len(found) == 5
    assert inline_code('<p class="x">fine</p><script src="/s.js"></script>') == []
