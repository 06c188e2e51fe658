"""Staff account changes: what the clinic admin may grant, and the audit event of each change.

The clinic admin gives others the front-desk or physiotherapist role and nothing more: never a
role to themself, never superuser status, admin-site access or a loose permission (issue 9).
Every account or role change is an audit event of its own with the state before and after;
the admin's own log (django_admin_log) is not the audit trail.
"""

from __future__ import annotations

from django.http import HttpRequest

from screening.review import access, audit

# The roles a clinic admin may hand out (to other people only).
ASSIGNABLE_ROLES = (access.FRONT_DESK, access.PHYSIOTHERAPIST)

ACCOUNT_CREATED = "account_created"
ACCOUNT_CHANGED = "account_changed"
ACCOUNT_PASSWORD_SET = "account_password_set"  # noqa: S105  (an action name)


def account_state(user) -> dict:
    """What an account may do and who it is, without the password: the audit's before/after."""
    if user is None or user.pk is None:
        return {}
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "permissions": sorted(
            f"{p.content_type.app_label}.{p.codename}"
            for p in user.user_permissions.select_related("content_type")
        ),
    }


def record_account_change(request: HttpRequest, user, before: dict) -> None:
    """One audit event for a created or changed account: who, whose, what, before and after."""
    after = account_state(user)
    changed = sorted(key for key in after if before.get(key) != after.get(key))
    if before and not changed:
        return
    audit.record(
        request,
        ACCOUNT_CHANGED if before else ACCOUNT_CREATED,
        user,
        account=user.get_username(),
        changed=changed,
        before={key: before.get(key) for key in changed} if before else {},
        after={key: after[key] for key in changed} if before else after,
    )


def record_password_set(request: HttpRequest, user) -> None:
    audit.record(request, ACCOUNT_PASSWORD_SET, user, account=user.get_username())


def may_manage(actor, target) -> bool:
    """Whether `actor` may change `target`'s account (superusers may change any).

    A clinic admin changes staff below them: never a superuser, never another clinic admin
    (resetting their password would be a way into their account). Their own account they may
    read, and change only where `own_account_readonly` leaves it open.
    """
    if actor.is_superuser:
        return True
    if target is None:
        return True
    if target.pk == actor.pk:
        return True
    if target.is_superuser or target.is_staff:
        return False
    return not target.groups.filter(name=access.CLINIC_ADMIN).exists()
