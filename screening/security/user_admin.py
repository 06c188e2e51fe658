"""The staff-account editor in Django's admin, cut down for the clinic admin (issue 9).

The stock UserAdmin lets anyone with `auth.change_user` tick "Superuser status", give
themself any group and any permission. Here a clinic admin (not a superuser) sees only the
name, e-mail, active and role fields; the roles offered are front desk and physiotherapist;
their own roles and active flag are read-only; superusers and other admins are out of reach.
The form is built from these fields only, so a hand-made POST with more is ignored.
"""

from __future__ import annotations

from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from screening.security import accounts

LIMITED_FIELDSETS = (
    (None, {"fields": ("username", "password")}),
    (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
    (_("Role"), {"fields": ("is_active", "groups")}),
)


class ClinicUserAdmin(UserAdmin):
    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return LIMITED_FIELDSETS

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser and obj is not None and obj.pk == request.user.pk:
            # Nobody gives a role to themself or reactivates themself.
            readonly += ("is_active", "groups")
        return readonly

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=accounts.ASSIGNABLE_ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and accounts.may_manage(request.user, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Accounts are deactivated, never deleted: the audit trail keeps pointing at them.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change) -> None:
        # Before state from the database, not from the form-modified instance.
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        request._account_before = accounts.account_state(stored)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        accounts.record_account_change(
            request, form.instance, getattr(request, "_account_before", {})
        )

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            if user is not None and not response.url.endswith("/password/"):
                accounts.record_password_set(request, user)
        return response
