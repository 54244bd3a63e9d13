#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import contextlib
import os
import sys


def main():
    """Run administrative tasks."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from config import embedded

    # A settings error is reported by the command itself, as Django does for any.
    with contextlib.suppress(ImproperlyConfigured):
        embedded.start_for_settings()

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
