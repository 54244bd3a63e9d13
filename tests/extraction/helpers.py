"""Access to the seed articles for the extraction tests."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_BUCHA = "000_9afca7dae90c1c15.txt"
SEED_BALAKLIYA = "001_1f08442e5b047b61.txt"


def read_seed(name: str) -> str:
    """Return the text of one of the project's seed articles."""
    return (SEEDS / name).read_text(encoding="utf-8")
