"""In-app staff accounts (issue 11): the clinic admin lists, creates, deactivates and resets a
lost phone's two-step sign-in, each audited; no path grants superuser, admin-site access or
any role to the admin themself (issue 9, point 1).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import AuditEvent
from screening.review import access
from screening.security import accounts
from screening.security.staff_accounts.views import ACCOUNT_TWO_FACTOR_RESET
from tests.security.builders import staff_user

PASSWORD = "a-first-password-for-Dana-42"


@pytest.fixture
def admin_client(login_staff):
    access.ensure_roles()
    clinic_admin = staff_user(access.CLINIC_ADMIN, "ca-alex")
    client = Client(raise_request_exception=False)
    login_staff(client, clinic_admin)
    client.clinic_admin = clinic_admin
    return client


def new_account(client, **extra):
    data = {
        "username": "dana",
        "first_name": "Dana",
        "last_name": "Côté",
        "email": "dana@clinic.example",
        "role": access.FRONT_DESK,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(extra)
    return client.post(reverse("staff_accounts:new"), data)


@pytest.mark.django_db
def test_the_admin_lists_and_creates_a_front_desk_account_audited(admin_client):
    page = admin_client.get(reverse("staff_accounts:list"))
    assert page.status_code == 200 and "ca-alex" in page.content.decode()
    response = new_account(admin_client)
    assert response.status_code == 302
    dana = User.objects.get(username="dana")
    assert dana.check_password(PASSWORD)
    assert set(dana.groups.values_list("name", flat=True)) == {access.FRONT_DESK}
    assert not dana.is_staff and not dana.is_superuser
    created = AuditEvent.objects.get(action=accounts.ACCOUNT_CREATED)
    assert created.actor == admin_client.clinic_admin
    assert created.object_id == str(dana.pk)
    assert created.detail["after"]["roles"] == [access.FRONT_DESK]
    assert AuditEvent.objects.filter(action=accounts.ACCOUNT_PASSWORD_SET).count() == 1
    assert "Dana" in admin_client.get(reverse("staff_accounts:list")).content.decode()


@pytest.mark.django_db
def test_a_new_account_gets_no_superuser_admin_site_or_other_role_whatever_is_posted(
    admin_client,
):
    admin_group = str(Group.objects.get(name=access.CLINIC_ADMIN).pk)
    response = new_account(
        admin_client,
        role=access.PHYSIOTHERAPIST,
        is_superuser="on",
        is_staff="on",
        groups=[admin_group],
        user_permissions=["1", "2"],
    )
    assert response.status_code == 302
    user = User.objects.get(username="dana")
    assert not user.is_superuser and not user.is_staff
    assert set(user.groups.values_list("name", flat=True)) == {access.PHYSIOTHERAPIST}
    assert not user.user_permissions.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [access.CLINIC_ADMIN, "superuser", ""])
def test_only_the_two_roles_can_be_given(admin_client, role):
    response = new_account(admin_client, role=role)
    assert response.status_code == 200
    assert not User.objects.filter(username="dana").exists()
    assert not AuditEvent.objects.filter(action=accounts.ACCOUNT_CREATED).exists()


@pytest.mark.django_db
def test_deactivating_signs_the_person_out_and_is_audited(admin_client, login_staff):
    physio = staff_user(access.PHYSIOTHERAPIST, "physio-pat")
    physio_client = Client()
    login_staff(physio_client, physio)
    assert physio_client.get(reverse("review:today")).status_code == 200
    url = reverse("staff_accounts:set_active", kwargs={"pk": physio.pk})
    assert admin_client.post(url, {"active": "0"}).status_code == 302
    physio.refresh_from_db()
    assert not physio.is_active
    assert physio_client.get(reverse("review:today")).status_code == 302  # to the login page
    change = AuditEvent.objects.get(action=accounts.ACCOUNT_CHANGED)
    assert change.detail["before"] == {"is_active": True}
    assert change.detail["after"] == {"is_active": False}
    assert admin_client.post(url, {"active": "1"}).status_code == 302
    physio.refresh_from_db()
    assert physio.is_active


@pytest.mark.django_db
def test_a_lost_phone_reset_makes_the_person_enrol_again(admin_client, login_staff):
    desk = staff_user(access.FRONT_DESK, "desk-dana")
    desk_client = Client()
    login_staff(desk_client, desk)  # makes a confirmed device and a verified session
    assert TOTPDevice.objects.filter(user=desk).exists()
    url = reverse("staff_accounts:reset_two_factor", kwargs={"pk": desk.pk})
    assert admin_client.post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=desk).exists()
    # The open session loses its second factor: the next page asks for it, then enrolment.
    response = desk_client.get(reverse("review:today"))
    assert response.status_code == 302 and "two-factor" in response["Location"]
    verify = desk_client.get(response["Location"])
    assert verify.status_code == 302 and "setup" in verify["Location"]
    event = AuditEvent.objects.get(action=ACCOUNT_TWO_FACTOR_RESET)
    assert event.object_id == str(desk.pk) and event.actor == admin_client.clinic_admin


@pytest.mark.django_db
def test_the_admin_cannot_act_on_themself_another_admin_or_a_superuser(admin_client):
    me = admin_client.clinic_admin
    other_admin = staff_user(access.CLINIC_ADMIN, "ca-other")
    root = User.objects.create_superuser("root", password=PASSWORD)
    site_staff = staff_user(access.FRONT_DESK, "site-staff")
    site_staff.is_staff = True
    site_staff.save()
    TOTPDevice.objects.create(user=other_admin, name="phone", confirmed=True)
    for target in (me, other_admin, root, site_staff):
        for name, data in (("set_active", {"active": "0"}), ("reset_two_factor", {})):
            response = admin_client.post(
                reverse(f"staff_accounts:{name}", kwargs={"pk": target.pk}), data
            )
            assert response.status_code in (403, 404), (target.username, name)
    for user in (me, other_admin, root, site_staff):
        user.refresh_from_db()
        assert user.is_active
    assert TOTPDevice.objects.filter(user=other_admin).exists()
    assert TOTPDevice.objects.filter(user=me).exists()
    me.refresh_from_db()
    assert not me.is_superuser and not me.is_staff
    assert set(me.groups.values_list("name", flat=True)) == {access.CLINIC_ADMIN}
    assert not AuditEvent.objects.filter(
        action__in=[accounts.ACCOUNT_CHANGED, ACCOUNT_TWO_FACTOR_RESET]
    ).exists()


@pytest.mark.django_db
def test_other_roles_cannot_use_the_account_pages(login_staff):
    access.ensure_roles()
    for role in (access.FRONT_DESK, access.PHYSIOTHERAPIST):
        user = staff_user(role, f"user-{role}")
        client = Client()
        login_staff(client, user)
        assert client.get(reverse("staff_accounts:list")).status_code == 403
        assert new_account(client).status_code == 403
    assert not User.objects.filter(username="dana").exists()
