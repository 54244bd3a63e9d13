"""The seed articles, and texts built to make the rules slow or wrong, for the extraction tests."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_BUCHA = "000_9afca7dae90c1c15.txt"
SEED_BALAKLIYA = "001_1f08442e5b047b61.txt"


def read_seed(name: str) -> str:
    """Return the text of one of the project's seed articles."""
    return (SEEDS / name).read_text(encoding="utf-8")


def adversarial_texts() -> list[str]:
    """Return long texts that once were, or could be, quadratic for the splitter or the rules."""
    seeds = read_seed(SEED_BUCHA) + "\n\n" + read_seed(SEED_BALAKLIYA)
    return [
        (seeds + "\n\n") * 40,  # ~180 000 characters of real prose
        "“" * 50_000,
        '"a. B' * 20_000,
        "Mr. " * 30_000,
        ". " * 50_000,
        "word " * 60_000,
        "x\n" * 50_000,
        "Aa-" * 50_000,  # once quadratic in the credit-line patterns
        "AB/" * 50_000,
        "“They said. He said,” he said. " * 5_000,
        "The Independent has not verified the claims. Officials said five died. " * 3_000,
        "1.\n" * 30_000,  # list markers
    ]


ADVERSARIAL = adversarial_texts()
