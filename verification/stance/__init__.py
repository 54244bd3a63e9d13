"""Stance of a passage towards a claim, with the cues that decided it; pure Python."""

from .rules import StanceLabel, label_candidate, label_stance, polarity_cues

__all__ = ["StanceLabel", "label_candidate", "label_stance", "polarity_cues"]
