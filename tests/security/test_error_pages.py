"""The pages nobody asks for: errors, refusals and forms sent back with mistakes.

They must carry the same security headers as every other page and hold nothing the strict
CSP would block (Django's own CSRF failure page, for one, ships a <style> block).
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.builders import make_invitation, patient_link_path, staff_user
from tests.security.test_headers import PRODUCTION_HTTPS, header_problems, is_html
from tests.security.url_walk import inline_code


def problems_of(label: str, response) -> list[str]:
    found = header_problems(label, response)
    if is_html(response):
        found += [f"{label}: {o}" for o in inline_code(response.content.decode())]
    return found


@pytest.mark.django_db
@PRODUCTION_HTTPS
def test_error_and_refusal_pages_have_the_headers_and_no_inline_code(login_staff):
    client = Client(raise_request_exception=False)
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    pages = {
        "csrf failure": strict.post("/accounts/login/", {"username": "a"}, secure=True),
        "not found": client.get("/no-such-page/", secure=True),
        "disallowed host": client.get("/accounts/login/", secure=True, HTTP_HOST="evil.example"),
        "wrong password": client.post(
            "/accounts/login/", {"username": "nobody", "password": "wrong"}, secure=True
        ),
        "unknown patient link": client.get(patient_link_path("not-a-real-token"), secure=True),
        "no patient session": client.get(reverse("intake:home"), secure=True),
    }
    for attempt in range(6):
        pages["locked out"] = client.post(
            "/accounts/login/", {"username": "locked", "password": f"wrong{attempt}"}, secure=True
        )
    assert pages["locked out"].status_code == 429
    assert pages["csrf failure"].status_code == 403
    assert pages["disallowed host"].status_code == 400
    assert pages["not found"].status_code == 404
    problems = [p for label, response in pages.items() for p in problems_of(label, response)]
    assert problems == []


@pytest.mark.django_db
@PRODUCTION_HTTPS
def test_forms_sent_back_with_errors_have_the_headers_and_no_inline_code(login_staff):
    staff = Client(raise_request_exception=False)
    user = staff_user("front_desk")
    staff.force_login(user)
    pages = {"two-factor, wrong code": None}
    login_staff(staff, user)
    staff_session_unverified = Client(raise_request_exception=False)
    staff_session_unverified.force_login(user)
    pages["two-factor, wrong code"] = staff_session_unverified.post(
        reverse("two_factor_verify"), {"token": "000000"}, secure=True
    )
    pages["invitation form, empty"] = staff.post(
        reverse("review:invitations"), {"patient_name": ""}, secure=True
    )
    patient = Client(raise_request_exception=False)
    _invitation, token = make_invitation("Pat Errors")
    patient.get(patient_link_path(token), secure=True)
    patient.post(reverse("intake:privacy"), secure=True)
    from screening.intake.forms import STEP_FORMS

    for name in STEP_FORMS:
        pages[f"step {name}, empty"] = patient.post(
            reverse("intake:step", kwargs={"name": name}), {"action": "next"}, secure=True
        )
    assert pages["invitation form, empty"].status_code in (200, 400)
    assert "is required" in pages["invitation form, empty"].content.decode()
    assert pages["step about, empty"].status_code == 400
    problems = [p for label, response in pages.items() for p in problems_of(label, response)]
    assert problems == []


@pytest.mark.django_db
def test_the_front_door_explains_the_link_and_offers_staff_sign_in(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "open the link the clinic sent you" in page
    assert 'href="/accounts/login/"' in page
