"""The clinic admin's staff-account pages. Every change is an audit event of its own.

The clinic admin may act on front-desk and physiotherapist accounts only: never on their
own account (no way to reactivate or re-enrol themself), another clinic admin, a superuser
or an admin-site account (accounts.may_manage). No page here sets is_superuser, is_staff,
a permission, or a role other than the two of ASSIGNABLE_ROLES.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.review import access, audit
from screening.security import accounts
from screening.security.staff_accounts.forms import NewStaffForm

ACCOUNT_TWO_FACTOR_RESET = "account_two_factor_reset"
ROLE_WORDS = {
    access.FRONT_DESK: gettext_lazy("Front desk"),
    access.PHYSIOTHERAPIST: gettext_lazy("Physiotherapist"),
    access.CLINIC_ADMIN: gettext_lazy("Clinic admin"),
}


def _manageable(request: HttpRequest, pk: int) -> User:
    """The account, if this clinic admin may change it; never their own."""
    target = get_object_or_404(User, pk=pk, is_superuser=False)
    if target.pk == request.user.pk or not accounts.may_manage(request.user, target):
        raise PermissionDenied
    return target


@access.staff_required(access.CLINIC_ADMIN)
def account_list(request: HttpRequest) -> HttpResponse:
    users = (
        User.objects.filter(is_superuser=False)
        .prefetch_related("groups")
        .order_by("-is_active", "username")
    )
    enrolled = set(
        TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True).distinct()
    )
    rows = []
    for user in users:
        roles = sorted(group.name for group in user.groups.all() if group.name in access.ROLES)
        rows.append(
            {
                "user": user,
                "roles": [str(ROLE_WORDS[role]) for role in roles],
                "enrolled": user.pk in enrolled,
                "is_me": user.pk == request.user.pk,
                "manageable": user.pk != request.user.pk
                and not user.is_staff
                and access.CLINIC_ADMIN not in roles,
            }
        )
    return render(request, "screening/security/staff_accounts.html", {"rows": rows})


@access.staff_required(access.CLINIC_ADMIN)
def account_new(request: HttpRequest) -> HttpResponse:
    form = NewStaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save(commit=False)
            # Whatever was posted: an in-app account is never staff (admin site) nor superuser.
            user.is_staff = False
            user.is_superuser = False
            user.save()
            user.groups.set([Group.objects.get(name=form.cleaned_data["role"])])
            accounts.record_account_change(request, user, {})
            accounts.record_password_set(request, user)
        messages.success(
            request,
            _(
                "Account %(username)s created. Give them the first password in person: they set "
                "up the two-step sign-in at their first sign-in."
            )
            % {"username": user.get_username()},
        )
        return redirect("staff_accounts:list")
    return render(request, "screening/security/staff_account_new.html", {"form": form})


@access.staff_required(access.CLINIC_ADMIN)
@require_POST
def account_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    """Deactivate (or reactivate) an account: it is never deleted, the audit trail keeps it."""
    target = _manageable(request, pk)
    before = accounts.account_state(target)
    target.is_active = request.POST.get("active") == "1"
    target.save(update_fields=["is_active"])
    accounts.record_account_change(request, target, before)
    if target.is_active:
        messages.success(request, _("%(username)s can sign in again.") % {"username": target})
    else:
        messages.success(
            request,
            _("%(username)s is deactivated: they are signed out and cannot sign in.")
            % {"username": target},
        )
    return redirect("staff_accounts:list")


@access.staff_required(access.CLINIC_ADMIN)
@require_POST
def account_reset_two_factor(request: HttpRequest, pk: int) -> HttpResponse:
    """A lost phone: remove the authenticator; the person enrols a new one at next sign-in.

    Removing the device also ends the second factor of their open sessions (django-otp
    finds no device for the session), so a found phone opens nothing.
    """
    target = _manageable(request, pk)
    removed, _detail = TOTPDevice.objects.filter(user=target).delete()
    audit.record(
        request,
        ACCOUNT_TWO_FACTOR_RESET,
        target,
        account=target.get_username(),
        devices_removed=removed,
    )
    messages.success(
        request,
        _(
            "Two-step sign-in reset for %(username)s: at their next sign-in they set it up "
            "again with their new phone."
        )
        % {"username": target},
    )
    return redirect("staff_accounts:list")
