"""Where Debian's Chromium is and the flags it runs with headless, for the e2e tests and the screenshots."""

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# No sandbox (CI runs as root), no GPU, and nothing that reaches out to the network by itself.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_launch(playwright):
    """Launch Debian's Chromium headless through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
