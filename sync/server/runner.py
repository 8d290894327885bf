"""Runs the reference server with uvicorn: in the foreground (`python -m sync.server serve`) or on
a background thread on a loopback port (tests, benchmarks)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from sync.server.app import create_app
from sync.server.faults import FaultSwitch
from sync.server.store import ServerStore


class ReferenceServer:
    def __init__(self, store: ServerStore, *, faults: FaultSwitch | None = None, host: str = "127.0.0.1",
                 port: int = 0, certfile: Path | None = None, keyfile: Path | None = None) -> None:
        self.store = store
        self.faults = faults
        self.tls = certfile is not None
        # proto IPPROTO_TCP, not 0: asyncio only sets TCP_NODELAY on connections accepted from such a
        # socket, and without it every answer on a kept-alive connection waits ~40 ms (Nagle against
        # the client's delayed ACK).
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = host, self._sock.getsockname()[1]
        config = uvicorn.Config(create_app(store, faults), log_level="warning", access_log=False,
                                ssl_certfile=str(certfile) if certfile else None,
                                ssl_keyfile=str(keyfile) if keyfile else None, timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.host}:{self.port}"

    def serve_forever(self) -> None:
        self._server.run(sockets=[self._sock])

    def start(self) -> ReferenceServer:
        self._thread = threading.Thread(target=self.serve_forever, name="sync-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the reference server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self._sock.close()

    def __enter__(self) -> ReferenceServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
