"""Take the README's screenshots from a running demo (`make demo`) with Debian's Chromium.

Usage: .venv/bin/python docs/screenshots.py [BASE_URL]   (needs `pip install playwright`, no browser download)
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere; the browser settings live with the e2e tests

from tests.e2e.browser import chromium_launch  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = ROOT / "docs" / "screenshots"
USER, PASSWORD = os.environ.get("DEMO_USER", "reviewer"), os.environ.get("DEMO_PASSWORD", "desk-demo-2026")
CLAIM = "Ukrainian officials say that they have discovered"


def main():
    """Log in as the demo reviewer, then capture the queue, a ticket page and the reviewed ticket."""
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = chromium_launch(p)
        page = browser.new_page(viewport={"width": 1680, "height": 1000})
        page.goto(f"{BASE}/admin/login/")
        page.fill("#id_username", USER)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.goto(f"{BASE}/admin/verification/ticket/")
        if page.locator("#nav-sidebar").is_visible():
            page.click("#toggle-nav-sidebar")  # the admin remembers it collapsed: more room for the queue
            page.reload()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=OUT / "queue.png", full_page=False)
        page.get_by_role("link", name=CLAIM).first.click()
        page.screenshot(path=OUT / "ticket.png", full_page=True)
        page.locator("tr.vd-stance-supports button", has_text="Accept").first.click()
        page.locator("#vd-move-corroborated summary").click()
        page.fill(
            "#vd-rationale-corroborated",
            "Balakliya account of a torture chamber matches; two towns, two publishers.",
        )
        page.click("button[name=transition][value=corroborated]")
        page.screenshot(path=OUT / "ticket-corroborated.png", full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
