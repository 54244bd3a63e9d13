"""Take the README's screenshot of a ticket with archived evidence and a known fact-check.

It builds the scene from nothing, in a throwaway state folder (its own embedded PostgreSQL and Redis):
a local web server publishes a feed of the two seed articles, the desk watches it as a source, polls
it, corroborates, imports one ClaimReview, and Chromium photographs the ticket page.

Usage: VERIFICATION_STATE_DIR=$(mktemp -d) .venv/bin/python docs/sources_screenshot.py
"""

import datetime as dt
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
# The demo's web server is on loopback: let the fetcher reach it, and only it.
os.environ["VERIFICATION_FETCH_ALLOWED_HOSTS"] = "127.0.0.1"
os.environ["VERIFICATION_FETCH_HOST_INTERVAL"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.browser import chromium_launch  # noqa: E402
from tests.local_web import article_html, feed_xml, seed_paragraphs  # noqa: E402
from verification import services  # noqa: E402
from verification.factchecks import FactCheckRecord  # noqa: E402
from verification.models import Ticket  # noqa: E402
from verification.services.accounts import reviewer_ensure  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WHEN = dt.datetime(2022, 4, 5, 8, 0, tzinfo=dt.UTC)
PORT = 8765
PAGES: dict[str, tuple[str, bytes]] = {}


class Publisher(BaseHTTPRequestHandler):
    """A newsroom's site: robots.txt, a feed and two article pages."""

    def do_GET(self):  # noqa: N802  (the name http.server calls)
        content_type, body = PAGES.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in PAGES else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def publish() -> str:
    """Start the publisher's site on a free loopback port; return its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Publisher)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    articles = [
        ("/2022/04/05/bucha-torture-room", "Ukraine says it found a 'torture room' in Bucha",
         "000_9afca7dae90c1c15.txt"),
        ("/2022/09/12/balakliya-torture-chamber", "Officials report a 'torture chamber' in Balakliya",
         "001_1f08442e5b047b61.txt"),
    ]  # fmt: skip
    for path, title, seed in articles:
        page = article_html(title=title, paragraphs=seed_paragraphs(seed))
        PAGES[path] = ("text/html; charset=utf-8", page.encode())
    PAGES["/robots.txt"] = ("text/plain", b"User-agent: *\nAllow: /\n")
    PAGES["/feed.xml"] = (
        "application/rss+xml",
        feed_xml(title="Kyiv Wire", items=[(t, base + p, WHEN) for p, t, _ in articles]).encode(),
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return base


def _wait_for_port(port: int, seconds: float = 120) -> None:
    """Return once something listens on the loopback port."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"the web server did not start on port {port}")


def main():
    call_command("migrate", verbosity=0)
    reviewer_ensure(username="reviewer", password="desk-demo-2026")
    base = publish()
    source = services.source_create(name="Kyiv Wire", url=f"{base}/feed.xml", poll_seconds=900)
    print(services.source_poll(source_id=source.pk).as_result())
    for ticket_id in Ticket.objects.values_list("pk", flat=True):
        services.ticket_corroborate(ticket_id=ticket_id)
    services.factchecks_import(
        records=[
            FactCheckRecord(
                claim_text="Ukrainian officials discovered a torture room in a town seized from retreating "
                "Russian troops",
                rating="Accurate",
                author="Example Check",
                url="https://factcheck.example.org/2022/04/bucha-torture-room",
                reviewed_on=dt.date(2022, 4, 7),
            )
        ]
    )
    ticket = Ticket.objects.filter(factcheck_matches__isnull=False).order_by(
        "-factcheck_matches__similarity"
    )[0]
    web = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=os.environ,
    )
    try:
        _wait_for_port(PORT)
        OUT.mkdir(exist_ok=True)
        with sync_playwright() as p:
            browser = chromium_launch(p)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(f"http://127.0.0.1:{PORT}/admin/login/")
            page.fill("#id_username", "reviewer")
            page.fill("#id_password", "desk-demo-2026")
            page.click("input[type=submit]")
            page.goto(f"http://127.0.0.1:{PORT}/admin/verification/ticket/{ticket.pk}/change/")
            page.screenshot(path=OUT / "ticket-archived-factcheck.png", full_page=True)
            browser.close()
    finally:
        web.terminate()
        web.wait(timeout=30)


if __name__ == "__main__":
    main()
