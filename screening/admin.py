"""Django admin: the audit trail is readable by clinic admins and never editable."""

from django.contrib import admin
from django.contrib.auth import get_user_model

from screening.models import AuditEvent
from screening.security.user_admin import ClinicUserAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "actor_username",
        "action",
        "object_type",
        "object_id",
        "ip_address",
    )
    list_filter = ("action", "object_type")
    search_fields = ("actor_username", "object_id")
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# The staff-account editor, limited for clinic admins (screening/security/user_admin.py).
admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), ClinicUserAdmin)
