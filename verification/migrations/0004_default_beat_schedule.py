"""The desk's default beat schedule, stored where operators can change it in the admin.

Kept in the database rather than in CELERY_BEAT_SCHEDULE because the database scheduler
re-applies that setting every time beat starts, which would undo an operator's edits.
"""

from django.db import migrations

DEFAULT_SCHEDULE = [
    # Evidence goes stale as documents arrive; re-run corroboration for tickets not checked lately.
    {
        "name": "corroborate-stale-tickets",
        "task": "verification.tasks.corroborate_stale_tickets",
        "every": 15,
        "period": "minutes",
        "description": "Re-run corroboration for open tickets whose evidence is stale.",
    },
]


def add_default_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for entry in DEFAULT_SCHEDULE:
        interval, _ = IntervalSchedule.objects.get_or_create(every=entry["every"], period=entry["period"])
        PeriodicTask.objects.get_or_create(
            name=entry["name"],
            defaults={"task": entry["task"], "interval": interval, "description": entry["description"]},
        )


def remove_default_schedule(apps, schema_editor):
    names = [entry["name"] for entry in DEFAULT_SCHEDULE]
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0003_protect_evidence_and_history"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(add_default_schedule, remove_default_schedule)]
