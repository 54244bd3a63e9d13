"""Declare the oversee_all_webhooks permission and create the Operator role that holds it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from verification.roles import ensure_group

# Frozen here as the role was when it was created; later changes come in later migrations.
OPERATOR = "Operator"
OPERATOR_PERMISSIONS = [
    ("verification", "view_document"),
    ("verification", "view_passage"),
    ("verification", "view_ticket"),
    ("verification", "view_candidatesource"),
    ("verification", "view_appearance"),
    ("verification", "view_ticketevent"),
    ("verification", "view_jobrun"),
    ("verification", "add_document"),
    ("verification", "change_ticket"),
    ("verification", "change_candidatesource"),
    ("verification", "assign_ticket"),
    ("django_celery_beat", "view_periodictask"),
    ("django_celery_beat", "change_periodictask"),
    ("django_celery_beat", "add_periodictask"),
    ("django_celery_beat", "view_intervalschedule"),
    ("django_celery_beat", "add_intervalschedule"),
    ("django_celery_beat", "view_crontabschedule"),
    ("django_celery_beat", "add_crontabschedule"),
    ("verification", "view_webhookendpoint"),
    ("verification", "change_webhookendpoint"),
    ("verification", "delete_webhookendpoint"),
    ("verification", "view_webhookdelivery"),
    ("verification", "change_webhookdelivery"),
    ("verification", "oversee_all_webhooks"),
]


def create_operator_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        name=OPERATOR,
        permissions=OPERATOR_PERMISSIONS,
    )


def remove_operator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=OPERATOR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0010_prune_job_runs"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="webhookendpoint",
            options={
                "ordering": ["-id"],
                "permissions": [
                    ("oversee_all_webhooks", "Can see and manage every client's webhook endpoints")
                ],
            },
        ),
        migrations.RunPython(create_operator_group, remove_operator_group),
    ]
