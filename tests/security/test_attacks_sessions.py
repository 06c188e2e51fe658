"""Sessions: secure cookies in production, a fresh session id per patient link, no lost answers.

A stolen or planted session id must not carry over into a patient's form (session fixation),
and a patient whose session is gone (new phone, cleared cookies) loses nothing: the answers
are in the database, behind the date-of-birth check.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.builders import make_invitation, patient_link_path, staff_user
from tests.security.patient_flow import post_step, start, step_posts
from tests.security.test_headers import PRODUCTION_HTTPS

MARKER = "KEEP-5a0e"


@pytest.mark.django_db
@PRODUCTION_HTTPS
def test_session_and_csrf_cookies_are_secure_and_hidden_from_scripts_in_production():
    user = staff_user("physiotherapist")
    client = Client()
    client.get(reverse("login"), secure=True)
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    response = client.post(
        reverse("login"), {"username": user.username, "password": "p" * 16}, secure=True
    )
    assert response.status_code == 302
    session = client.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"].lower() in ("lax", "strict")


@pytest.mark.django_db
def test_opening_a_patient_link_starts_a_new_session_id():
    _invitation, token = make_invitation("Fixation Patient")
    client = Client()
    planted = client.session
    planted["planted"] = True
    planted.save()
    client.cookies["sessionid"] = planted.session_key
    client.get(patient_link_path(token))
    assert client.cookies["sessionid"].value != planted.session_key


@pytest.mark.django_db
def test_a_patient_whose_session_is_gone_loses_no_answers_and_must_prove_who_they_are():
    _invitation, token = make_invitation("Returning Patient")
    first_phone = Client()
    start(first_phone, token)
    posts = step_posts(MARKER)
    for name in ("about", "visit", "consent"):
        assert post_step(first_phone, name, posts[name]).status_code == 302
    second_phone = Client()
    second_phone.get(patient_link_path(token))
    # The saved answers are behind the date-of-birth check.
    for url in (reverse("intake:review"), reverse("intake:step", kwargs={"name": "consent"})):
        response = second_phone.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("intake:gate")
    wrong = second_phone.post(
        reverse("intake:gate"),
        {"date_of_birth_day": "1", "date_of_birth_month": "1", "date_of_birth_year": "1990"},
    )
    assert wrong.status_code in (400, 429) and MARKER not in wrong.content.decode()
    right = second_phone.post(
        reverse("intake:gate"),
        {"date_of_birth_day": "12", "date_of_birth_month": "4", "date_of_birth_year": "1988"},
    )
    assert right.status_code == 302
    assert MARKER in second_phone.get(reverse("intake:review")).content.decode()
    assert second_phone.get(reverse("intake:home"))["Location"] == reverse(
        "intake:step", kwargs={"name": "pregnancy"}
    )


@pytest.mark.django_db
def test_the_raw_link_token_is_not_kept_in_the_session_store(settings):
    """Issue 9, point 4: django_session holds the invitation id only, never the raw token,
    and "Save and finish later" still shows the link (from the patient's own browser)."""
    from django.contrib.sessions.models import Session

    invitation, token = make_invitation(email="")
    client = Client()
    response = client.get(patient_link_path(token))
    assert response.status_code == 302
    for row in Session.objects.all():
        decoded = row.get_decoded()
        assert token not in row.session_data and token not in str(decoded)
        assert token not in repr(decoded)
    assert token in client.get(reverse("intake:later")).content.decode()
    # A cookie that does not match the session's invitation shows no link.
    client.cookies["intake_link"] = "not-" + token
    assert token not in client.get(reverse("intake:later")).content.decode()
