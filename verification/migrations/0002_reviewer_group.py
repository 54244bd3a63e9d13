"""Create the Reviewer group: staff who read everything and decide on tickets and evidence."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from verification.roles import ensure_group

# Frozen here as they were when the group was created; later changes come in later migrations.
REVIEWER_PERMISSIONS = [
    ("verification", "view_document"),
    ("verification", "add_document"),
    ("verification", "view_passage"),
    ("verification", "view_ticket"),
    ("verification", "change_ticket"),
    ("verification", "view_candidatesource"),
    ("verification", "change_candidatesource"),
    ("verification", "view_appearance"),
    ("verification", "view_ticketevent"),
]

def create_reviewer_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        name="Reviewer",
        permissions=REVIEWER_PERMISSIONS,
    )


def remove_reviewer_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Reviewer").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_reviewer_group, remove_reviewer_group)]
