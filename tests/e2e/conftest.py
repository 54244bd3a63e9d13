"""A real browser for the admin: Debian's Chromium driven by Playwright against a live server.

Without Chromium these tests fail when CI is set (so a broken CI image is seen) and skip otherwise,
so that a developer without a browser can still run everything else.
"""

import os

import pytest

from .browser import CHROMIUM, chromium_launch

PASSWORD = "desk-e2e-2026"


@pytest.fixture(scope="module")
def browser():
    """Start Chromium for one module; Playwright's event loop runs only while it is open."""
    if not CHROMIUM.exists():
        message = f"Chromium is not at {CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django refuses ORM calls
    # under a running loop; the tests' own ORM calls are plain synchronous ones, so allow them here only.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = chromium_launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def session(browser, live_server):
    """Return a function opening a logged-in browser page for a username (each its own session)."""
    contexts = []

    def open_as(username):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        return page

    yield open_as
    for context in contexts:
        context.close()
