"""Staff sessions end after 15 idle minutes and 12 hours; patients' drafts are unaffected."""

import time

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from screening.security.session_limits import LAST_SEEN_KEY, SIGNED_IN_KEY


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("desk-clock", password="a-long-password-1")
    group, _ = Group.objects.get_or_create(name="front_desk")
    user.groups.add(group)
    client.post("/accounts/login/", {"username": "desk-clock", "password": "a-long-password-1"})
    return client


def shift_clock(client, key: str, seconds_ago: int) -> None:
    session = client.session
    session[key] = int(time.time()) - seconds_ago
    session.save()


@pytest.mark.django_db
def test_login_starts_the_staff_session_clock(staff_client):
    session = staff_client.session
    assert abs(session[SIGNED_IN_KEY] - time.time()) < 5
    assert abs(session[LAST_SEEN_KEY] - time.time()) < 5


@pytest.mark.django_db
def test_it_signs_staff_out_after_15_idle_minutes_and_says_why(staff_client):
    shift_clock(staff_client, LAST_SEEN_KEY, 15 * 60)
    response = staff_client.get("/session/status/", follow=False)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    login_page = staff_client.get(response["Location"])
    assert "15 minutes without activity" in login_page.content.decode()
    assert "_auth_user_id" not in staff_client.session


@pytest.mark.django_db
def test_it_keeps_staff_signed_in_at_14_idle_minutes(staff_client):
    shift_clock(staff_client, LAST_SEEN_KEY, 14 * 60)
    response = staff_client.get("/session/status/")
    assert response.status_code == 200
    data = response.json()
    assert data["signed_in"] is True
    assert 0 < data["seconds_left"] <= 60


@pytest.mark.django_db
def test_it_signs_staff_out_12_hours_after_login_even_when_active(staff_client):
    shift_clock(staff_client, SIGNED_IN_KEY, 12 * 3600)
    response = staff_client.get("/session/status/")
    assert response.status_code == 302
    assert "_auth_user_id" not in staff_client.session


@pytest.mark.django_db
def test_the_status_check_does_not_count_as_activity_but_keepalive_does(staff_client):
    shift_clock(staff_client, LAST_SEEN_KEY, 10 * 60)
    staff_client.get("/session/status/")
    assert time.time() - staff_client.session[LAST_SEEN_KEY] >= 10 * 60 - 5
    staff_client.post("/session/keepalive/")
    assert time.time() - staff_client.session[LAST_SEEN_KEY] < 5


@pytest.mark.django_db
@override_settings(STAFF_SESSION_IDLE_SECONDS=60)
def test_the_idle_limit_is_a_setting(staff_client):
    shift_clock(staff_client, LAST_SEEN_KEY, 61)
    assert staff_client.get("/session/status/").status_code == 302


@pytest.mark.django_db
def test_the_session_id_rotates_at_login(client, django_user_model):
    django_user_model.objects.create_user("rotating", password="a-long-password-1")
    client.get("/accounts/login/")
    before = client.cookies.get("sessionid")
    client.post("/accounts/login/", {"username": "rotating", "password": "a-long-password-1"})
    after = client.cookies["sessionid"].value
    assert after and (before is None or before.value != after)


@pytest.mark.django_db
def test_the_session_id_rotates_again_after_the_second_factor(client, django_user_model):
    """Issue 9, point 9: the password step rotates the key, and so does the TOTP step."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_user("rotating-2fa", password="a-long-password-1")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.post("/accounts/login/", {"username": "rotating-2fa", "password": "a-long-password-1"})
    after_password = client.cookies["sessionid"].value
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post("/accounts/two-factor/", {"token": code})
    assert response.status_code == 302
    after_code = client.cookies["sessionid"].value
    assert after_code and after_code != after_password
    # The old key is gone and the new one is the verified session.
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=after_password).exists()
    assert client.get("/accounts/password_change/").status_code == 200
