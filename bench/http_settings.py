"""Production settings plus one bare view, for the HTTP benchmark's gunicorn (never deployed)."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.http_urls"
