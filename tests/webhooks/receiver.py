"""A real HTTP receiver on 127.0.0.1, in a thread: the client's side of a webhook."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Received:
    """One request the receiver got: its headers, its body, and the code it answered with."""

    headers: dict
    body: bytes
    answered: int


class Receiver:
    """Answer POSTs with the scripted codes in turn (then 200), recording every request."""

    def __init__(self, codes: list[int] | None = None):
        self.codes = list(codes or [])
        self.delay = 0.0  # seconds each answer takes: a slow receiver keeps an attempt in flight
        self.received: list[Received] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                time.sleep(receiver.delay)
                code = receiver.codes.pop(0) if receiver.codes else 200
                receiver.received.append(Received(dict(self.headers), body, code))
                self.send_response(code)
                self.end_headers()
                self.wfile.write(b"ok" if code == 200 else b"try later")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address
        return f"http://{host}:{port}/hooks/desk"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
