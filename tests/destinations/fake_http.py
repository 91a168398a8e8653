"""A real HTTP server on 127.0.0.1 for a fake API: requests recorded, answers scripted, and
outages (the port closed: connection refused) on demand."""

from __future__ import annotations

import json
import socket
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, data: Any, **headers: str) -> Answer:
        return cls(
            status, json.dumps(data).encode(), {"Content-Type": "application/json", **headers}
        )

    @classmethod
    def text(cls, status: int, text: str, **headers: str) -> Answer:
        return cls(status, text.encode(), {"Content-Type": "text/html", **headers})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return None  # a client that gave up (a timeout test) is not the server's problem


class FakeApi:
    """Subclasses implement :meth:`handle`; tests script answers with :meth:`then`."""

    def __init__(self) -> None:
        self.port = free_port()
        self.requests: list[Request] = []
        self._script: deque[Answer] = deque()
        self._server: ThreadingHTTPServer | None = None
        self._lock = threading.Lock()
        self.on_request: Callable[[Request], None] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def then(self, *answers: Answer) -> FakeApi:
        """The next requests get these answers (before any checks), in order."""
        self._script.extend(answers)
        return self

    def handle(self, request: Request) -> Answer:
        raise NotImplementedError

    def _dispatch(self, request: Request) -> Answer:
        with self._lock:
            self.requests.append(request)
            if self.on_request is not None:
                self.on_request(request)
            if self._script:
                return self._script.popleft()
            return self.handle(request)

    # -- up and down ---------------------------------------------------------------------------

    def up(self) -> FakeApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    self.command,
                    parts.path,
                    parse_qs(parts.query),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                answer = api._dispatch(request)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.send_header("Connection", "close")  # down() then refuses every request
                self.end_headers()
                self.close_connection = True
                self.wfile.write(answer.body)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = _QuietServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def down(self) -> None:
        """Close the port: connections are refused until :meth:`up`."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeApi:
        return self.up()

    def __exit__(self, *exc: object) -> None:
        self.down()
