"""Issue 9, point 2: only the account views the product offers, each behind the second factor.

A stolen password alone changed the password at /accounts/password_change/, and the whole of
django.contrib.auth.urls (password reset included) was routed.
"""

from __future__ import annotations

import pytest
from django.test import Client

from screening.models import AuditEvent
from tests.security.builders import staff_user

OLD, NEW = "p" * 16, "Fresh-horse-battery-71"


@pytest.mark.django_db
def test_a_password_alone_does_not_change_the_password():
    user = staff_user("front_desk")
    client = Client(raise_request_exception=False)
    client.force_login(user)  # the password step only
    for path in ("/accounts/password_change/", "/accounts/password_change/done/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/two-factor/"), path
    response = client.post(
        "/accounts/password_change/",
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(OLD)


@pytest.mark.django_db
def test_with_the_second_factor_the_password_change_works_and_is_audited(login_staff):
    user = staff_user("front_desk")
    client = Client(raise_request_exception=False)
    login_staff(client, user)
    assert client.get("/accounts/password_change/").status_code == 200
    response = client.post(
        "/accounts/password_change/",
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert AuditEvent.objects.filter(action="account_password_set", object_id=str(user.pk)).exists()
    # The session stays signed in and verified (update_session_auth_hash keeps the device).
    assert client.get("/accounts/password_change/done/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/accounts/password_reset/",
        "/accounts/password_reset/done/",
        "/accounts/reset/MQ/set-password/",
        "/accounts/reset/done/",
    ],
)
def test_the_unoffered_auth_views_are_not_routed(path):
    client = Client(raise_request_exception=False)
    assert client.get(path).status_code == 404
    assert client.post(path, {"email": "someone@example.com"}).status_code == 404


@pytest.mark.django_db
def test_sign_in_and_out_still_work():
    user = staff_user("physiotherapist")
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", {"username": user.username, "password": OLD})
    assert response.status_code == 302
    assert client.post("/accounts/logout/").status_code == 302
