"""Give the Operator role the watched sources, their archived pages and the known fact-checks."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OPERATOR = "Operator"
# Frozen here as the change was made; later changes come in later migrations.
SOURCE_PERMISSIONS = [
    ("verification", "view_source"),
    ("verification", "add_source"),
    ("verification", "change_source"),
    ("verification", "delete_source"),
    ("verification", "view_archivedpage"),
    ("verification", "view_knownfactcheck"),
]


def _permissions(apps):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    permission = apps.get_model("auth", "Permission")
    return [
        permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in SOURCE_PERMISSIONS
    ]


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=OPERATOR).first()
    if group is not None:
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=OPERATOR).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0015_four_stances_corrections"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
