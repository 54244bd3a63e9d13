"""The verification app."""

from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "verification"
    verbose_name = "Verification desk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from verification import logcontext

        from . import signals

        # Installed here as well as in the settings, so that a process configured another way tags too.
        logcontext.install()
        signals.connect()
