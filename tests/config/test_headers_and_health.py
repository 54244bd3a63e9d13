"""A Content-Security-Policy the admin and the API docs pass, docs served offline, a health endpoint."""

import re

import pytest

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)


def scripts(html: str) -> list[str]:
    """Return the attributes of each <script> tag in a page."""
    return SCRIPT.findall(html)


@pytest.mark.parametrize("path", ["/admin/login/", "/api/docs/"])
def test_pages_forbid_inline_and_foreign_scripts_and_have_none(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    html = response.content.decode()
    tags = scripts(html)
    assert tags, "the page should load its scripts"
    for attributes in tags:
        assert "src=" in attributes, f"an inline script on {path} would be blocked: {attributes}"
        assert "http" not in attributes, f"{path} loads a script from another site: {attributes}"


def test_swagger_ui_comes_from_the_installed_package(client):
    html = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    # The start-up script the page names is served by the desk itself.
    script_url = re.search(r'<script src="([^"]*\?script=[^"]*)"', html)
    assert script_url is not None
    assert client.get(script_url.group(1).replace("&amp;", "&")).status_code == 200


def test_health_names_each_check_and_is_503_without_a_worker(client):
    response = client.get("/health/?format=json")
    body = response.json()
    assert response.status_code == 503, body
    by_name = {name.split("(")[0]: status for name, status in body.items()}
    assert by_name["Database"] == "OK"
    assert by_name["Redis"] == "OK"
    assert by_name["Ping"] != "OK"
