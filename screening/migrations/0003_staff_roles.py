"""Create the three staff roles as groups with their permissions (screening/review/access.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen copy of access.ROLE_PERMISSIONS at the time of this migration.
ROLE_PERMISSIONS = {
    "front_desk": [
        "screening.view_submission",
        "screening.change_submission",
        "screening.view_submissionevent",
        "screening.add_submissionevent",
        "screening.view_invitation",
        "screening.add_invitation",
        "screening.change_invitation",
    ],
    "physiotherapist": [
        "screening.view_submission",
        "screening.change_submission",
        "screening.view_submissionevent",
        "screening.add_submissionevent",
        "screening.record_decision",
        "screening.view_invitation",
        "screening.add_invitation",
        "screening.change_invitation",
    ],
    "clinic_admin": [
        "screening.view_auditevent",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); make them now.
    for label in ("auth", "screening"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("screening", "0002_record_decision_permission"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
