"""The address guard: internal addresses refused, the checked address reached, nothing followed."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from verification.fetching import (
    HostNotFound,
    ResponseTooLarge,
    UnsafeAddress,
    fetch_allowed_hosts,
    guarded_request,
    public_target,
)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:1/",
        "http://localhost:5432/",
        "http://192.168.1.10/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[2002:a00:1::]/",  # 6to4 wrapping 10.0.0.1
        "http://[fe80::1]/",
    ],
)
def test_internal_addresses_are_refused_with_what_to_do(url):
    with pytest.raises(UnsafeAddress, match="VERIFICATION_FETCH_ALLOWED_HOSTS"):
        public_target(url)


@pytest.mark.parametrize(
    "url", ["ftp://example.org/", "file:///etc/passwd", "http:///nohost", "http://user:pw@8.8.8.8/", "http://[::1"]
)
def test_urls_that_are_not_plain_http_are_refused(url):
    with pytest.raises(UnsafeAddress):
        public_target(url)


def test_a_name_that_does_not_resolve_is_a_failure_to_try_again_not_a_refusal():
    with pytest.raises(HostNotFound, match="does not resolve"):
        public_target("https://no-such-host.invalid/")


def test_a_public_address_passes_with_its_parts():
    target = public_target("https://8.8.8.8/hook?x=1")
    parts = (target.scheme, target.host, target.port, target.path_and_query)
    assert parts == ("https", "8.8.8.8", 443, "/hook?x=1")
    assert target.addresses == ("8.8.8.8",)


def test_a_listed_host_is_let_through():
    target = public_target("http://localhost:5432/", allowed_hosts={"LOCALHOST"})
    assert "127.0.0.1" in target.addresses


def test_allowed_hosts_come_from_the_setting(settings):
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = ["Receiver.internal", " "]
    assert fetch_allowed_hosts() == frozenset({"receiver.internal"})


class Handler(BaseHTTPRequestHandler):
    """Answers by path: /redirect sends elsewhere, /big sends more than the tests accept."""

    seen: list[tuple[str, str | None]] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.seen.append((self.path, self.headers.get("Host")))
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path.startswith("/big"):
            body = b"x" * 5000
            self.send_response(200)
            # /big-unannounced leaves out the length, so only the streamed count can catch it.
            if self.path == "/big":
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(200)
            self.send_header("Content-Length", "5")
            self.end_headers()
            self.wfile.write(b"hello")

    def log_message(self, *args):
        """Keep the test output quiet."""


@pytest.fixture
def local_server() -> Iterator[int]:
    Handler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_local_server_is_reached_only_when_allowed(local_server):
    url = f"http://localhost:{local_server}/ping"
    with pytest.raises(UnsafeAddress):
        guarded_request("GET", url, timeout=5, max_bytes=1000)
    assert Handler.seen == []

    response = guarded_request("GET", url, allowed_hosts={"localhost"}, timeout=5, max_bytes=1000)
    assert (response.status, response.body, response.url) == (200, b"hello", url)
    # The connection went to the checked address, but the server was asked for the name given.
    assert Handler.seen[-1] == ("/ping", f"localhost:{local_server}")


def test_a_redirect_is_returned_not_followed(local_server):
    url = f"http://127.0.0.1:{local_server}/redirect"
    response = guarded_request("GET", url, allowed_hosts={"127.0.0.1"}, timeout=5, max_bytes=1000)
    assert response.status == 302
    assert response.headers["Location"] == "http://169.254.169.254/latest/"
    assert [path for path, _ in Handler.seen] == ["/redirect"]


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_an_oversized_body_is_refused(local_server, path):
    with pytest.raises(ResponseTooLarge, match="1000 bytes"):
        guarded_request(
            "GET",
            f"http://127.0.0.1:{local_server}{path}",
            allowed_hosts={"127.0.0.1"},
            timeout=5,
            max_bytes=1000,
        )
