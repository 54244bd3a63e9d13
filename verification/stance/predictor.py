"""Which stance reader corroboration uses: the learned model when installed and switched on, else none."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.conf import settings


def stance_predictor() -> Callable[[Sequence[tuple[str, str]]], Sequence] | None:
    """Return the stance model's batch predictor, or None when it is switched off or not installed."""
    if not getattr(settings, "VERIFICATION_STANCE_USE_MODEL", True):
        return None
    try:
        from verification.stance.model import stance_predict
    except ImportError:  # the model's runtime is an extra; without it the event check and rules decide
        return None
    return stance_predict
