"""Issue 9, point 1: the clinic admin cannot raise their own rights through the admin.

Attacks go through the real /admin/ POSTs a clinic admin could send, with the second factor.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from screening.models import AuditEvent
from screening.review import access
from tests.security.builders import staff_user


def change_form_post(user, **overrides) -> dict:
    """Every field the stock user editor posts, plus what the attacker adds."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
        "_save": "Save",
    }
    data.update(overrides)
    return data


@pytest.fixture
def admin_client(login_staff):
    access.ensure_roles()
    clinic_admin = staff_user(access.CLINIC_ADMIN, "ca-mallory")
    clinic_admin.is_staff = True
    clinic_admin.save()
    client = Client(raise_request_exception=False)
    login_staff(client, clinic_admin)
    client.clinic_admin = clinic_admin
    return client


def group_id(name: str) -> str:
    return str(Group.objects.get(name=name).pk)


@pytest.mark.django_db
def test_clinic_admin_cannot_make_themself_superuser_or_physiotherapist(admin_client):
    me = admin_client.clinic_admin
    assert admin_client.get("/admin/auth/user/").status_code == 200
    page = admin_client.get(f"/admin/auth/user/{me.pk}/change/")
    assert page.status_code == 200 and b"is_superuser" not in page.content
    any_perm = Permission.objects.get(codename="record_decision")
    response = admin_client.post(
        f"/admin/auth/user/{me.pk}/change/",
        change_form_post(
            me,
            is_superuser="on",
            is_staff="on",
            groups=[group_id(access.PHYSIOTHERAPIST), group_id(access.CLINIC_ADMIN)],
            user_permissions=[str(any_perm.pk)],
        ),
    )
    assert response.status_code in (200, 302, 403)
    me.refresh_from_db()
    assert not me.is_superuser
    assert set(me.groups.values_list("name", flat=True)) == {access.CLINIC_ADMIN}
    assert not me.user_permissions.exists()
    assert not me.has_perm("screening.view_submission")


@pytest.mark.django_db
def test_clinic_admin_gives_others_only_the_two_roles_and_each_change_is_audited(admin_client):
    colleague = staff_user(access.FRONT_DESK, "desk-dana")
    any_perm = Permission.objects.get(codename="change_user")
    response = admin_client.post(
        f"/admin/auth/user/{colleague.pk}/change/",
        change_form_post(
            colleague,
            is_superuser="on",
            is_staff="on",
            groups=[group_id(access.CLINIC_ADMIN)],
            user_permissions=[str(any_perm.pk)],
        ),
    )
    assert response.status_code == 200  # the form refuses the clinic-admin role
    colleague.refresh_from_db()
    assert not colleague.is_superuser and not colleague.is_staff
    assert set(colleague.groups.values_list("name", flat=True)) == {access.FRONT_DESK}

    response = admin_client.post(
        f"/admin/auth/user/{colleague.pk}/change/",
        change_form_post(
            colleague,
            is_superuser="on",
            is_staff="on",
            groups=[group_id(access.PHYSIOTHERAPIST)],
            user_permissions=[str(any_perm.pk)],
        ),
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_superuser and not colleague.is_staff
    assert not colleague.user_permissions.exists()
    assert set(colleague.groups.values_list("name", flat=True)) == {access.PHYSIOTHERAPIST}
    event = AuditEvent.objects.get(action="account_changed", object_id=str(colleague.pk))
    assert event.actor_username == "ca-mallory"
    assert event.detail["account"] == "desk-dana"
    assert event.detail["before"]["roles"] == [access.FRONT_DESK]
    assert event.detail["after"]["roles"] == [access.PHYSIOTHERAPIST]


@pytest.mark.django_db
def test_clinic_admin_cannot_touch_a_superuser_or_another_admin(admin_client):
    root = get_user_model().objects.create_superuser("root", password="r" * 16)
    other_admin = staff_user(access.CLINIC_ADMIN, "ca-other")
    for target in (root, other_admin):
        for path in (
            f"/admin/auth/user/{target.pk}/change/",
            f"/admin/auth/user/{target.pk}/password/",
        ):
            response = admin_client.post(
                path, {"password1": "x" * 20, "password2": "x" * 20, **change_form_post(target)}
            )
            assert response.status_code in (302, 403, 404), path
            if response.status_code == 302:
                assert response.url.rstrip("/").endswith(("/admin", "/admin/auth/user")), path
        target.refresh_from_db()
        assert target.check_password("x" * 20) is False


@pytest.mark.django_db
def test_a_new_account_and_a_password_set_are_audit_events(admin_client):
    response = admin_client.post(
        "/admin/auth/user/add/",
        {
            "username": "new-physio",
            "usable_password": "true",
            "password1": "Zq8!" * 5,
            "password2": "Zq8!" * 5,
        },
    )
    assert response.status_code == 302
    new = get_user_model().objects.get(username="new-physio")
    assert not new.is_staff and not new.is_superuser
    created = AuditEvent.objects.get(action="account_created", object_id=str(new.pk))
    assert created.actor_username == "ca-mallory"
    assert created.detail["after"]["is_superuser"] is False
    response = admin_client.post(
        f"/admin/auth/user/{new.pk}/password/",
        {"usable_password": "true", "password1": "Yw7?" * 5, "password2": "Yw7?" * 5},
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="account_password_set", object_id=str(new.pk)).exists()
