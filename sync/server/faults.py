"""The fault-injection switch: makes the reference server misbehave on purpose, for tests and
benchmarks. Off unless armed (from a test, or `python -m sync.server serve --fault …`).

Faults, each for the next `times` matching requests (path starting with `path`):
- "error": answer HTTP 500 without doing anything;
- "timeout": do the work, then hold the answer for `delay` seconds (longer than the client waits);
- "slow": wait `delay` seconds, then do the work and answer (within the client's patience);
- "cut_request": read half of the request body, then drop the connection (what arrived is kept);
- "cut_response": do the work, then drop the connection halfway through the answer;
- "duplicate_ack": do the work, then send every acknowledgement twice.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

FAULTS = ("error", "timeout", "slow", "cut_request", "cut_response", "duplicate_ack")


@dataclass
class Fault:
    kind: str
    path: str = "/v1/"
    times: int = 1
    delay: float = 2.0
    skip: int = 0  # let this many matching requests through first

    def __post_init__(self) -> None:
        if self.kind not in FAULTS:
            raise ValueError(f"unknown fault {self.kind!r} (known: {', '.join(FAULTS)})")

    @classmethod
    def parse(cls, text: str) -> Fault:
        """"kind[:path[:times[:delay[:skip]]]]", e.g. "error:/v1/batches:3"."""
        parts = text.split(":")
        return cls(parts[0], parts[1] if len(parts) > 1 and parts[1] else "/v1/",
                   int(parts[2]) if len(parts) > 2 else 1, float(parts[3]) if len(parts) > 3 else 2.0,
                   int(parts[4]) if len(parts) > 4 else 0)


class FaultSwitch:
    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self.injected: dict[str, int] = {}

    def arm(self, *faults: Fault) -> None:
        with self._lock:
            self._faults.extend(faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self.injected.clear()

    def take(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if path.startswith(fault.path):
                    if fault.skip > 0:
                        fault.skip -= 1
                        return None
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    self.injected[fault.kind] = self.injected.get(fault.kind, 0) + 1
                    return fault
        return None


class _Cut(Exception):
    """Raised after a partial answer: the ASGI server then drops the connection."""


class FaultMiddleware:
    def __init__(self, app: ASGIApp, switch: FaultSwitch) -> None:
        self.app = app
        self.switch = switch

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        fault = self.switch.take(scope["path"]) if scope["type"] == "http" else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        if fault.kind == "error":
            body = b'{"error":"injected","detail":"fault injection: HTTP 500"}'
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        if fault.kind == "slow":
            await asyncio.sleep(fault.delay)
            await self.app(scope, receive, send)
            return
        if fault.kind == "cut_request":
            await self.app(scope, _half_body(scope, receive), _discard)
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})
            await send({"type": "http.response.body", "body": b"{", "more_body": True})
            raise _Cut("fault injection: connection cut in the middle of the upload")
        start, body = await _buffer(self.app, scope, receive)
        if fault.kind == "timeout":
            await asyncio.sleep(fault.delay)
        elif fault.kind == "cut_response":
            await send(start)
            await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
            raise _Cut("fault injection: connection cut in the middle of the answer")
        elif fault.kind == "duplicate_ack":
            body = _duplicate_acks(body)
            start = {**start, "headers": [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
                     + [(b"content-length", str(len(body)).encode())]}
        await send(start)
        await send({"type": "http.response.body", "body": body})


async def _discard(message: Message) -> None:
    return None


def _half_body(scope: Scope, receive: Receive) -> Receive:
    length = int(dict(scope["headers"]).get(b"content-length", b"0") or 0)
    state = {"passed": 0, "done": False}

    async def wrapped() -> Message:
        if state["done"]:
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] != "http.request":
            return message
        body: bytes = message.get("body", b"")
        room = max(0, length // 2 - state["passed"])
        if len(body) >= room or not message.get("more_body", False):
            state["done"] = True
            # Drain the rest, so the connection stays readable until we cut it.
            more = message.get("more_body", False)
            while more:
                rest = await receive()
                more = rest.get("more_body", False)
            return {"type": "http.request", "body": body[:room], "more_body": True}
        state["passed"] += len(body)
        return {**message, "more_body": True}

    return wrapped


async def _buffer(app: ASGIApp, scope: Scope, receive: Receive) -> tuple[Message, bytes]:
    start: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def capture(message: Message) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, capture)
    return start, b"".join(chunks)


def _duplicate_acks(body: bytes) -> bytes:
    try:
        answer = json.loads(body)
    except ValueError:
        return body
    if isinstance(answer, dict) and isinstance(answer.get("acks"), list):
        answer["acks"] = [a for a in answer["acks"] for _ in (0, 1)]
        return json.dumps(answer).encode()
    return body
