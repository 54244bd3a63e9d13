"""WSGI entry point."""

import os

from django.core.wsgi import get_wsgi_application

from config import embedded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
# Production names real servers; a local run of this entry point gets the embedded ones.
embedded.start_for_settings()
