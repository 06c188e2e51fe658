"""Staff sign-in: lockout after 5 failures per username and address, and the TOTP step."""

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import AuditEvent

PASSWORD = "a-long-password-1"


@pytest.fixture
def physio(django_user_model):
    user = django_user_model.objects.create_user("physio-signin", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="physiotherapist")[0])
    return user


def sign_in(client, username: str, password: str, ip: str = "10.0.0.5"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.django_db
def test_an_unknown_user_and_a_wrong_password_get_the_same_message(client, physio):
    unknown = sign_in(client, "nobody-here", PASSWORD).content.decode()
    wrong = sign_in(client, "physio-signin", "wrong-password-1").content.decode()
    marker = "Please enter a correct username and password"
    assert marker in unknown and marker in wrong


@pytest.mark.django_db
def test_five_failures_lock_that_username_from_that_address_for_15_minutes(client, physio):
    for _ in range(5):
        sign_in(client, "physio-signin", "wrong-password-1")
    locked = sign_in(client, "physio-signin", PASSWORD)
    assert locked.status_code == 429
    assert "15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_lockout_does_not_lock_out_a_colleague_at_the_same_address(
    client, physio, django_user_model
):
    django_user_model.objects.create_user("colleague", password=PASSWORD)
    for _ in range(5):
        sign_in(client, "physio-signin", "wrong-password-1")
    response = sign_in(client, "colleague", PASSWORD)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_a_lockout_does_not_lock_the_same_user_at_another_address(client, physio):
    for _ in range(5):
        sign_in(client, "physio-signin", "wrong-password-1", ip="10.0.0.5")
    response = sign_in(client, "physio-signin", PASSWORD, ip="10.0.0.99")
    assert response.status_code == 302


@pytest.mark.django_db
def test_failed_logins_are_audited_without_the_password(client, physio):
    sign_in(client, "physio-signin", "wrong-password-1")
    event = AuditEvent.objects.filter(action="login_failed").latest("pk")
    assert "wrong-password-1" not in str(event.detail)


@pytest.mark.django_db
def test_staff_pages_need_the_second_factor_after_the_password(client, physio):
    sign_in(client, "physio-signin", PASSWORD)
    queue = client.get("/staff/")
    assert queue.status_code == 302
    assert queue["Location"].startswith("/accounts/two-factor/")


@pytest.mark.django_db
def test_a_new_staff_member_enrols_by_qr_code_then_reaches_the_queue(client, physio):
    sign_in(client, "physio-signin", PASSWORD)
    setup = client.get("/accounts/two-factor/", follow=True)
    page = setup.content.decode()
    assert "<svg" in page and "Set up two-step sign-in" in page
    device = TOTPDevice.objects.get(user=physio, confirmed=False)
    response = client.post(
        "/accounts/two-factor/setup/", {"token": current_code(device), "next": "/staff/"}
    )
    assert response.status_code == 302 and response["Location"] == "/staff/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/staff/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_with_a_clear_message(client, physio):
    TOTPDevice.objects.create(user=physio, name="phone", confirmed=True)
    sign_in(client, "physio-signin", PASSWORD)
    response = client.post("/accounts/two-factor/", {"token": "000000"})
    assert response.status_code == 200
    assert "That code did not work" in response.content.decode()
    assert client.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_the_code_step_never_redirects_off_site(client, physio):
    device = TOTPDevice.objects.create(user=physio, name="phone", confirmed=True)
    sign_in(client, "physio-signin", PASSWORD)
    response = client.post(
        "/accounts/two-factor/", {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")


@pytest.mark.django_db
def test_demo_totp_prints_a_code_the_device_accepts_and_refuses_without_debug(physio, settings):
    from io import StringIO

    from django.core.management import CommandError, call_command

    device = TOTPDevice.objects.create(user=physio, name="phone", confirmed=True)
    settings.DEBUG = True
    out = StringIO()
    call_command("demo_totp", "physio-signin", stdout=out)
    assert device.verify_token(out.getvalue().strip())
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_totp", "physio-signin")
