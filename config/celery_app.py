"""The Celery application, configured from the CELERY_* Django settings."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("verification")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


# import_modules comes first: beat's banner already opens the database scheduler, before beat_init.
@signals.import_modules.connect
@signals.worker_init.connect
@signals.beat_init.connect
def start_embedded_servers(**kwargs):
    """Start the embedded servers a worker or beat was left to use, before either connects."""
    from config import embedded

    embedded.start_for_settings()
