"""The reference provincial server's HTTP API (protocol v1), on FastAPI (Starlette + pydantic):
FastAPI generates the OpenAPI document of the protocol from the same models the code uses."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import FastAPI, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import VenueError
from sync.protocol import (
    PROTOCOL_VERSION,
    REVISION_HEADER,
    SERVER_TIME_HEADER,
    SHA256_HEADER,
    VENUE_HEADER,
    AuditHead,
    AuditVerdict,
    Batch,
    BatchAnswer,
    ErrorAnswer,
    FileState,
    PackageInfo,
    Status,
)
from sync.server.faults import FaultMiddleware, FaultSwitch
from sync.server.store import ServerError, ServerStore, now_text
from sync.server.usb_import import MAX_USB_FILE, import_usb

MAX_CHUNK = 16 * 1024 * 1024
MAX_FILE = 512 * 1024 * 1024

_ERRORS: dict[int | str, dict[str, Any]] = {401: {"model": ErrorAnswer}, 409: {"model": ErrorAnswer},
                                            422: {"model": ErrorAnswer}}


# Module level: FastAPI resolves these (postponed) annotations in the module's namespace.
Venue = Annotated[str | None, Header(alias=VENUE_HEADER)]
Auth = Annotated[str | None, Header()]


class ServerTimeMiddleware:
    """Every answer carries the server's time, so a venue always learns its clock skew."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []),
                                                  (SERVER_TIME_HEADER.lower().encode(), now_text().encode())]}
            await send(message)

        await self.app(scope, receive, stamped if scope["type"] == "http" else send)


def create_app(store: ServerStore, faults: FaultSwitch | None = None) -> ASGIApp:
    """The API wrapped in the fault switch (when given) and the server-time stamp."""
    app: ASGIApp = create_api(store)
    if faults is not None:
        app = FaultMiddleware(app, faults)
    return ServerTimeMiddleware(app)


def create_api(store: ServerStore) -> FastAPI:
    api = FastAPI(title="Venue Ops provincial sync", version=f"{PROTOCOL_VERSION}.0",
                  description="Protocol v1 between exam venues and the provincial server (docs/sync.md).")
    file_locks: dict[tuple[str, str], asyncio.Lock] = {}

    @api.exception_handler(ServerError)
    async def _refused(_request: Request, exc: ServerError) -> JSONResponse:
        body = ErrorAnswer(server_time=now_text(), error=exc.error, detail=exc.detail, offset=exc.offset)
        return JSONResponse(body.model_dump(), status_code=exc.status)

    def venue_of(x_venue: str | None, authorization: str | None) -> str:
        token = (authorization or "").removeprefix("Bearer ").strip()
        if not x_venue or not token or not store.authenticate(x_venue, token):
            raise ServerError(401, "credential", "unknown venue or wrong credential")
        return x_venue

    @api.get("/v1/status", response_model=Status, responses=_ERRORS)
    def status(x_venue: Venue = None, authorization: Auth = None) -> Status:
        venue = venue_of(x_venue, authorization)
        package = store.package_for(venue)
        return Status(server_time=now_text(), venue=venue, records=store.record_count(venue),
                      package_revision=package.revision if package else None,
                      audit_verified=store.audit_verified(venue))

    @api.post("/v1/batches", response_model=BatchAnswer, responses=_ERRORS)
    def batches(batch: Batch, x_venue: Venue = None, authorization: Auth = None) -> BatchAnswer:
        """Store a batch of records; acknowledged record by record. Resending a batch key returns
        the first answer (`replayed`); a record key already held is acknowledged as `duplicate`."""
        return store.receive_batch(venue_of(x_venue, authorization), batch)

    @api.get("/v1/files/{sha256}", response_model=FileState, responses=_ERRORS)
    def file_state(sha256: str, x_venue: Venue = None, authorization: Auth = None) -> FileState:
        """Where an evidence file's upload stands: the next chunk starts at `offset`."""
        venue = venue_of(x_venue, authorization)
        offset, complete = store.file_offset(venue, sha256)
        return FileState(server_time=now_text(), sha256=sha256, offset=offset, complete=complete)

    @api.put("/v1/files/{sha256}", response_model=FileState, responses=_ERRORS,
             openapi_extra={"requestBody": {"content": {"application/octet-stream": {"schema": {
                 "type": "string", "format": "binary"}}}}})
    async def file_chunk(sha256: str, offset: int, size: int, request: Request, x_venue: Venue = None,
                         authorization: Auth = None) -> FileState | JSONResponse:
        """Append a chunk at `offset` (must equal the server's offset, else 409 with the right one)
        to a file of `size` bytes. Bytes that arrive before a cut are kept."""
        venue = await run_in_threadpool(venue_of, x_venue, authorization)
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256) or not 0 < size <= MAX_FILE:
            raise ServerError(422, "bad_request", "sha256 must be 64 hex digits and size positive")
        lock = file_locks.setdefault((venue, sha256), asyncio.Lock())
        async with lock:
            have, complete = store.file_offset(venue, sha256)
            if complete:
                return FileState(server_time=now_text(), sha256=sha256, offset=have, size=size, complete=True)
            if offset != have:
                raise ServerError(409, "offset_mismatch", "resume at the server's offset", offset=have)
            part = store.file_path(venue, sha256).with_suffix(".part")
            received = have
            with part.open("ab") as f:
                try:
                    async for chunk in request.stream():
                        if received + len(chunk) > size or received + len(chunk) - have > MAX_CHUNK:
                            raise ServerError(422, "bad_request", "more bytes than the declared size")
                        f.write(chunk)
                        received += len(chunk)
                except ClientDisconnect:
                    f.flush()
                    return JSONResponse({"error": "cut"}, status_code=400)
            if received == size:
                await run_in_threadpool(store.finish_file, venue, sha256, size)
            return FileState(server_time=now_text(), sha256=sha256, offset=received, size=size,
                             complete=received == size)

    @api.post("/v1/audit-head", response_model=AuditVerdict, responses=_ERRORS)
    def audit_head(head: AuditHead, x_venue: Venue = None, authorization: Auth = None) -> AuditVerdict:
        """Verify the venue's audit-trail head against the audit events it sent (kind audit_event)."""
        return store.verify_audit(venue_of(x_venue, authorization), head)

    @api.post("/v1/usb-imports", responses={400: {"model": ErrorAnswer}, **_ERRORS},
              openapi_extra={"requestBody": {"content": {"application/octet-stream": {"schema": {
                  "type": "string", "format": "binary"}}}}})
    async def usb_import(request: Request, x_venue: Venue = None, authorization: Auth = None) -> dict[str, object]:
        """Import the venue's USB results file (the body), exactly as `import-usb FILE` does; a file
        that is not an authentic export of this venue is refused with 400 and nothing stored."""
        venue = await run_in_threadpool(venue_of, x_venue, authorization)
        blob = bytearray()
        async for chunk in request.stream():
            blob += chunk
            if len(blob) > MAX_USB_FILE:
                raise ServerError(400, "bad_request", "the results file is too large")
        try:
            return await run_in_threadpool(import_usb, store, bytes(blob), venue_must_be=venue)
        except VenueError as exc:
            raise ServerError(400, "bad_request", exc.english_text()) from exc

    @api.get("/v1/package/info", response_model=PackageInfo, responses={404: {"model": ErrorAnswer}, **_ERRORS})
    def package_info(x_venue: Venue = None, authorization: Auth = None) -> PackageInfo:
        package = store.package_for(venue_of(x_venue, authorization))
        if package is None:
            raise ServerError(404, "no_package", "no exam package is published for this venue yet")
        return PackageInfo(server_time=now_text(), revision=package.revision, sha256=package.sha256,
                           size=package.size)

    @api.get("/v1/package", responses={200: {"content": {"application/octet-stream": {}}},
                                       404: {"model": ErrorAnswer}, **_ERRORS})
    def package(x_venue: Venue = None, authorization: Auth = None) -> FileResponse:
        """The newest signed exam package for this venue, with its revision and SHA-256 in headers."""
        found = store.package_for(venue_of(x_venue, authorization))
        if found is None:
            raise ServerError(404, "no_package", "no exam package is published for this venue yet")
        return FileResponse(found.path, media_type="application/octet-stream",
                            headers={REVISION_HEADER: str(found.revision), SHA256_HEADER: found.sha256})

    return api
