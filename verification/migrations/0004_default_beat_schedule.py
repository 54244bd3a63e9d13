"""The desk's first default beat entry, stored where operators can change it in the admin.

The entries are defined once, in verification/schedule.py, which says why they live in the database.
"""

from django.db import migrations

from verification.schedule import schedule_ensure, schedule_remove

NAMES = ["corroborate-stale-tickets"]


def add_default_schedule(apps, schema_editor):
    schedule_ensure(apps, names=NAMES)


def remove_default_schedule(apps, schema_editor):
    schedule_remove(apps, names=NAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0003_protect_evidence_and_history"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(add_default_schedule, remove_default_schedule)]
