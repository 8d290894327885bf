"""HTTPS to the provincial server: certificate verification (optionally against a pinned CA),
the venue's credential on every request, retries with exponential backoff and full jitter, the
server's clock read from every answer, and every failure turned into a sentence for the user."""

from __future__ import annotations

import random
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from app.errors import VenueError
from sync.protocol import SERVER_TIME_HEADER, VENUE_HEADER

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_ANSWER_BYTES = 1024 * 1024  # a batch's answer is ~100 bytes per record: 250 records are ~25 kB
M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


def cancelled() -> VenueError:
    return VenueError("sync.cancelled",
                      "Sync was cancelled. What the server acknowledged stays sent; the rest stays queued.")


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.hostname:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and parts.hostname in _LOOPBACK:
        return url.strip().rstrip("/")  # the reference server on this very PC (development, benchmarks)
    raise VenueError("sync.bad_url", "The provincial server address must start with https:// ({url}).", url=url)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6
    base_seconds: float = 0.5
    cap_seconds: float = 10.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: anywhere up to the exponential step, so many venues retrying after the
        same outage do not hammer the server in step."""
        return rng.uniform(0, min(self.cap_seconds, self.base_seconds * 2 ** attempt))


class _Retry(Exception):
    def __init__(self, detail: str, status: int | None = None, malformed: bool = False) -> None:
        super().__init__(detail)
        self.detail, self.status, self.malformed = detail, status, malformed


class MalformedAnswer(Exception):
    """An answer that is not the protocol's shape; `str()` says how, for the log and the sentence."""


def parse_answer(body: bytes, model: type[M], check: Callable[[M], bool] | None = None) -> M:
    """`body` as `model`, or `MalformedAnswer`. Never anything else, whatever the bytes."""
    if len(body) > MAX_ANSWER_BYTES:
        raise MalformedAnswer(f"{len(body)} bytes, more than {MAX_ANSWER_BYTES}")
    try:
        value = model.model_validate_json(body)
    except ValidationError as exc:
        raise MalformedAnswer(f"not a {model.__name__}: {exc.error_count()} problems") from exc
    except (ValueError, RecursionError) as exc:
        raise MalformedAnswer(f"not a {model.__name__}") from exc
    if check is not None and not check(value):
        raise MalformedAnswer(f"a {model.__name__} that does not fit the request")
    return value


def _is_certificate_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class Transport:
    def __init__(self, url: str, venue: str, credential: str, *, ca_file: Path | None = None,
                 timeout: float = 30.0, retry: RetryPolicy | None = None, cancel: threading.Event | None = None,
                 rng: random.Random | None = None, clock: Callable[[], datetime] | None = None) -> None:
        self.url = check_url(url)
        self.venue = venue
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self._rng = rng or random.Random()
        self._clock = clock or (lambda: datetime.now(UTC))
        verify: ssl.SSLContext | bool = True
        if ca_file is not None:
            if not Path(ca_file).is_file():
                raise VenueError("sync.ca_missing", "The pinned certificate authority file {path} does not exist.",
                                 path=str(ca_file))
            # Pinned: only this CA is trusted, not the system's store.
            verify = ssl.create_default_context(cafile=str(ca_file))
        self._http = httpx.Client(base_url=self.url, verify=verify, timeout=timeout,
                                  headers={VENUE_HEADER: venue, "Authorization": f"Bearer {credential.strip()}"})
        self.skew_seconds: float | None = None
        self.requests = 0

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, accept: Iterable[int] = (200,), **kwargs: Any) -> httpx.Response:
        """One request, retried on what a retry can cure (no connection, timeouts, cuts, 5xx, 429)."""
        return self._with_retries(method, path, set(accept), lambda response: response, **kwargs)

    def answer(self, method: str, path: str, model: type[M], *, accept: Iterable[int] = (200,),
               check: Callable[[M], bool] | None = None, **kwargs: Any) -> M:
        """The server's answer read as `model`. An answer that is not that shape (not JSON, wrong
        types, larger than MAX_ANSWER_BYTES, or failing `check`) is retried like a server error:
        nothing is taken from it, and if it stays malformed the caller gets `sync.bad_answer`."""
        def read(response: httpx.Response) -> M:
            return parse_answer(response.content, model, check)

        return self._with_retries(method, path, set(accept), read, **kwargs)

    def _with_retries(self, method: str, path: str, wanted: set[int], read: Callable[[httpx.Response], R],
                      **kwargs: Any) -> R:
        last: _Retry | None = None
        for attempt in range(self.retry.attempts):
            if self.cancel.is_set():
                raise cancelled()
            if attempt:
                if self.cancel.wait(self.retry.delay(attempt - 1, self._rng)):
                    raise cancelled()
            try:
                response = self._once(method, path, wanted, **kwargs)
            except _Retry as exc:
                last = exc
                continue
            try:
                return read(response)
            except MalformedAnswer as exc:
                last = _Retry(str(exc), malformed=True)
        assert last is not None
        if last.malformed:
            raise VenueError("sync.bad_answer",
                             "The provincial server answered {attempts} times with something that is not a valid "
                             "answer ({detail}). Nothing was marked as sent: the results stay queued and are "
                             "sent next time.", attempts=self.retry.attempts, detail=last.detail)
        if last.status is not None:
            raise VenueError("sync.server_error",
                             "The provincial server failed (HTTP {status}) {attempts} times in a row. Nothing is "
                             "lost: the results stay queued and are sent next time.",
                             status=last.status, attempts=self.retry.attempts)
        raise VenueError("sync.unreachable",
                         "The provincial server at {url} cannot be reached ({detail}). Nothing is lost: the "
                         "results stay queued and are sent next time.", url=self.url, detail=last.detail)

    def _once(self, method: str, path: str, wanted: set[int], **kwargs: Any) -> httpx.Response:
        sent = self._clock()
        self.requests += 1
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise _Retry("no answer in time") from exc
        except httpx.ConnectError as exc:
            if _is_certificate_problem(exc):
                raise VenueError(
                    "sync.certificate",
                    "The server at {url} did not present a certificate this venue trusts, so nothing was sent "
                    "({detail}). Check the server address and the configured certificate authority.",
                    url=self.url, detail=str(exc)) from exc
            raise _Retry(str(exc) or "connection refused") from exc
        except httpx.TransportError as exc:  # connection cut mid-request or mid-answer
            raise _Retry(f"connection lost: {exc}" if str(exc) else "connection lost") from exc
        self._note_time(response, sent)
        if response.status_code in wanted:
            return response
        if response.status_code == 401:
            raise VenueError("sync.credential_refused",
                             "The provincial server refused this venue's credential (venue {venue}). Enter the "
                             "credential the provincial agency issued; nothing was lost.", venue=self.venue)
        if response.status_code >= 500 or response.status_code in (408, 429):
            raise _Retry(f"HTTP {response.status_code}", response.status_code)
        raise VenueError("sync.refused", "The provincial server refused the request (HTTP {status}: {detail}).",
                         status=response.status_code, detail=_detail(response))

    def _note_time(self, response: httpx.Response, sent: datetime) -> None:
        stamp = response.headers.get(SERVER_TIME_HEADER)
        if not stamp:
            return
        try:
            server = datetime.fromisoformat(stamp)
        except ValueError:
            return
        received = self._clock()
        midpoint = sent + (received - sent) / 2
        self.skew_seconds = (midpoint - server).total_seconds()


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("error") or body)[:200]
    return str(body)[:200]
