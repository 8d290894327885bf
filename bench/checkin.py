"""`python -m bench checkin [--postgres URL] [--samples N]`: with 100,000 candidates loaded, the
time from an input (ticket and card) to its verdict committed, on SQLite and on PostgreSQL over
loopback; and, on the real desk screen offscreen, from the end of a keyboard-wedge burst to the
verdict painted.

Figures: `sqlite_p99_ms` (≤ 5), `postgres_p99_ms` (≤ 15, when a server is given with --postgres or
VENUE_TEST_POSTGRES_URL), `wedge_to_verdict_p95_ms` (≤ 50). Beside them `disk_commit_p99_ms`: the
floor under `sqlite_p99_ms` on this disk, a bare sqlite3 transaction (no SQLAlchemy, no rules)
writing as many WAL pages as an admission does (counted: `admission_wal_pages`) into a file beside
the database, with the same journal (WAL) and synchronous=FULL.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import make_url

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import Candidate, Exam, Room, Seat, SeatAssignment, Sitting, Staff, Venue
from app.domain import DocumentType, EmployerType, Gender, Role, RoomKind, SittingMode
from app.package.state import DOCUMENT_CONTEXT
from app.rules.checkin import CardPhoto, PresentedDocument, PresentedTicket, PresentedType
from app.rules.identity import check_character
from app.security.auth import StaffSession
from app.security.checkpoint_key import CheckpointSigner
from app.security.crypto import DataKeys, PersonalDataCipher, mask_document_number
from app.services import audit_anchor
from app.services.checkin import CheckinService, DeskSetup
from bench.common import Figure, note, percentile

CANDIDATES = 100_000
SEATS_PER_ROOM = 30


@dataclass(frozen=True)
class Loaded:
    sitting_id: uuid.UUID
    venue_id: uuid.UUID
    starts_at: datetime
    people: list[tuple[str, str, str]]  # (ticket, document number, name)
    staff_id: uuid.UUID  # the invigilator at the desk: a real row, since every decision checks the session


def _number(i: int) -> str:
    first17 = f"320102{1970 + i % 40:04d}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
    return first17 + check_character(first17)


def load(engine: Engine, cipher: PersonalDataCipher, n: int = CANDIDATES) -> Loaded:
    """A venue with `n` candidates seated in one sitting, bulk-inserted (no package needed)."""
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    exam_id, venue_id, sitting_id, staff_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    people = []
    with engine.begin() as conn:
        conn.execute(insert(Exam), [{"id": exam_id, "code": "BENCH", "name": "bench exam", "ticket_pattern": r"^\d+$"}])
        conn.execute(insert(Venue), [{"id": venue_id, "code": "B1", "name": "bench venue", "district": "", "address": ""}])
        conn.execute(insert(Staff), [{"id": staff_id, "venue_id": venue_id, "staff_number": "B0001", "name": "bench",
                                      "role": Role.INVIGILATOR, "employer_type": EmployerType.PUBLIC_INSTITUTION,
                                      "credential_hash": "", "trained": True}])
        conn.execute(insert(Sitting), [{"id": sitting_id, "exam_id": exam_id, "code": "S1", "subject": "bench",
                                        "starts_at": starts, "ends_at": starts + timedelta(hours=2),
                                        "mode": SittingMode.PAPER, "early_seal_release": False}])
        rooms = (n + SEATS_PER_ROOM - 1) // SEATS_PER_ROOM
        room_ids = [uuid.uuid4() for _ in range(rooms)]
        conn.execute(insert(Room), [{"id": rid, "venue_id": venue_id, "code": f"{r + 1:04d}", "name": f"room {r + 1}",
                                     "kind": RoomKind.PAPER, "capacity": SEATS_PER_ROOM} for r, rid in enumerate(room_ids)])
        seat_ids = [[uuid.uuid4() for _ in range(SEATS_PER_ROOM)] for _ in room_ids]
        conn.execute(insert(Seat), [{"id": seat_ids[r][k], "room_id": rid, "number": k + 1}
                                    for r, rid in enumerate(room_ids) for k in range(SEATS_PER_ROOM)])
        for start in range(0, n, 5000):
            cands, seats = [], []
            for i in range(start, min(n, start + 5000)):
                cid, number, ticket, name = uuid.uuid4(), _number(i), f"26{i:010d}", f"考生{i:06d}"
                people.append((ticket, number, name))
                cands.append({"id": cid, "exam_id": exam_id, "ticket_number": ticket, "name": name,
                              "gender": Gender.FEMALE, "document_type": DocumentType.RESIDENT_ID,
                              "document_number_enc": cipher.encrypt_text(number, DOCUMENT_CONTEXT),
                              "document_number_hash": cipher.blind_index(number),
                              "document_number_masked": mask_document_number(number), "phone_enc": None,
                              "photo_enc": None, "withdrawn": False})
                r, k = divmod(i, SEATS_PER_ROOM)
                seats.append({"id": uuid.uuid4(), "candidate_id": cid, "sitting_id": sitting_id,
                              "room_id": room_ids[r], "seat_id": seat_ids[r][k]})
            conn.execute(insert(Candidate), cands)
            conn.execute(insert(SeatAssignment), seats)
    return Loaded(sitting_id, venue_id, starts, people, staff_id)


def _desk_clock(loaded: Loaded) -> datetime:
    return loaded.starts_at - timedelta(minutes=10)  # entry open


def _service(engine: Engine, cipher: PersonalDataCipher, loaded: Loaded) -> tuple[CheckinService, StaffSession, DeskSetup]:
    now = _desk_clock(loaded)
    sessions = make_session_factory(engine)
    audit_anchor.attach(sessions, CheckpointSigner.from_keys(DataKeys.generate()))  # as the desk signs
    service = CheckinService(sessions, cipher, lambda: now)
    user = StaffSession(loaded.staff_id, "B0001", "bench", Role.INVIGILATOR, loaded.venue_id, "bench", now)
    return service, user, DeskSetup(loaded.sitting_id, None, "bench-desk")


def _decision_people(n: int, samples: int) -> list[int]:
    """Which candidates decisions_ms admits (the first 50 warm the caches)."""
    step = max(1, n // samples)
    return [(j * step + j) % n for j in range(samples + 50)]


def decisions_ms(engine: Engine, cipher: PersonalDataCipher, loaded: Loaded, samples: int) -> list[float]:
    service, user, setup = _service(engine, cipher, loaded)
    times = []
    for j, index in enumerate(_decision_people(len(loaded.people), samples)):
        ticket, number, name = loaded.people[index]
        started = time.perf_counter()
        out = service.present(user, setup, ticket=PresentedTicket(ticket),
                              document=PresentedDocument(PresentedType.RESIDENT_ID, number, name, card_photo=CardPhoto.DECODED))
        elapsed = (time.perf_counter() - started) * 1000
        if out.admission_id is None:
            raise SystemExit(f"bench: expected an admission, got {out.decision.reasons}")
        if j >= 50:
            times.append(elapsed)
    return times


def admission_wal_pages(engine: Engine, cipher: PersonalDataCipher, loaded: Loaded, n: int = 5) -> int:
    """WAL pages one admission writes (the median of `n`), counted from the WAL's size after
    emptying it before each one. Its candidates are 75 past a multiple of 101: neither
    decisions_ms's (0 or 91) nor wedge_ms's (50)."""
    import sqlite3

    database = Path(str(engine.url.database))
    wal = database.with_name(database.name + "-wal")
    service, user, setup = _service(engine, cipher, loaded)
    pages = []
    for j in range(600, 600 + n):
        ticket, number, name = loaded.people[(101 * j + 75) % len(loaded.people)]
        with sqlite3.connect(database) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = db.execute("PRAGMA page_size").fetchone()[0]
        service.present(user, setup, ticket=PresentedTicket(ticket),
                        document=PresentedDocument(PresentedType.RESIDENT_ID, number, name, card_photo=CardPhoto.DECODED))
        frames = wal.stat().st_size // (size + 24) if wal.exists() else 0
        pages.append(frames)
    return sorted(pages)[len(pages) // 2]


def disk_commit_ms(folder: Path, pages: int, samples: int) -> list[float]:
    """Bare sqlite3 commits of `pages` WAL pages each (one row into each of `pages - 1` tables, the
    last page SQLite's own), WAL, synchronous=FULL and the background checkpoint as make_engine
    sets them up."""
    import sqlite3

    from app.db.engine import WalCheckpointer

    db = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    checkpoints = WalCheckpointer(folder / "floor.sqlite")  # off the writer's path, as make_engine does
    tables = max(1, pages - 1)
    for t in range(tables):
        db.execute(f"CREATE TABLE t{t} (id INTEGER PRIMARY KEY, v TEXT)")
    times = []
    for i in range(samples + 50):
        started = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        checkpoints.wrote()
        for t in range(tables):
            db.execute(f"INSERT INTO t{t} (v) VALUES (?)", (f"row {i}",))
        db.execute("COMMIT")
        if i >= 50:
            times.append((time.perf_counter() - started) * 1000)
    db.close()
    return times


# The offscreen platform says this at every window geometry change: thousands of lines per run.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen() -> None:
    """Drop that one Qt message; every other message goes where it went before."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if text == OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(kind, context, text)
        else:
            sys.stderr.write(qFormatLogMessage(kind, context, text) + "\n")

    previous = qInstallMessageHandler(handler)


def wedge_ms(engine: Engine, cipher: PersonalDataCipher, loaded: Loaded, samples: int,
             decided: int | None = None) -> list[float]:
    """The real desk screen offscreen; a wedge burst typed into it; the time from the burst's last
    key (the terminator) to the panel painting the verdict."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _quiet_offscreen()
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from ui.app import make_application, pump_until
    from ui.checkin.cues import Cues
    from ui.checkin.ports import DeskPorts
    from ui.checkin.screen import CheckinScreen
    from ui.runner import OpRunner

    app, _ = make_application("zh_CN")
    service, user, _setup = _service(engine, cipher, loaded)

    def unused(*_a: object) -> object:
        raise RuntimeError("not used by the benchmark")

    ports = DeskPorts(service, user, "bench-desk", lambda: _desk_clock(loaded), unused, unused,  # type: ignore[arg-type]
                      Path(tempfile.gettempdir()))
    runner = OpRunner()
    screen = CheckinScreen(runner, ports, cues=Cues(enabled=False))
    screen.resize(1366, 700)
    screen.show()
    pump_until(lambda: screen.info is not None, 10)

    class Paints(QObject):
        count = 0

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints()
    screen.panel.installEventFilter(paints)
    clock_ms = 1_000_000
    times = []
    # Never one decisions_ms took: it ran with `decided` samples (this run may take fewer).
    taken = set(_decision_people(len(loaded.people), decided or samples))
    fresh = (i for i in ((101 * j + 50) % len(loaded.people) for j in range(len(loaded.people))) if i not in taken)
    for j in range(samples + 10):
        ticket, number, name = loaded.people[next(fresh)]
        # The card first (a waiting verdict), then the ticket by wedge: the burst completes the candidate.
        waiting: list[object] = []
        screen.outcome_shown.connect(waiting.append)
        screen.present_document(PresentedDocument(PresentedType.RESIDENT_ID, number, name, card_photo=CardPhoto.DECODED))
        if not pump_until(lambda waiting=waiting: bool(waiting), 10):
            raise SystemExit("bench: the desk did not take the card")
        screen.outcome_shown.disconnect(waiting.append)
        for ch in ticket:
            clock_ms += 4
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                ev = QKeyEvent(kind, ord(ch), Qt.KeyboardModifier.NoModifier, ch)
                ev.setTimestamp(clock_ms)
                QApplication.sendEvent(screen, ev)
        shown: list[Any] = []
        screen.outcome_shown.connect(shown.append)
        clock_ms += 4
        before = paints.count
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ev = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
            ev.setTimestamp(clock_ms)
            QApplication.sendEvent(screen, ev)
        deadline = time.perf_counter() + 10
        while not (shown and paints.count > before):  # a tight loop: pump_until sleeps 10 ms a turn
            app.processEvents()
            time.sleep(0.0002)
            if time.perf_counter() > deadline:
                raise SystemExit("bench: the desk did not paint a verdict")
        elapsed = (time.perf_counter() - started) * 1000
        screen.outcome_shown.disconnect(shown.append)
        if shown[0].admission_id is None:
            raise SystemExit(f"bench: expected an admission, got {shown[0].decision.reasons}")
        clock_ms += 2000  # a pause between candidates
        if j >= 10:
            times.append(elapsed)
    runner.wait()
    screen.close()
    app.processEvents()
    return times


def run(argv: list[str]) -> list[Figure]:
    samples = int(argv[argv.index("--samples") + 1]) if "--samples" in argv else 1000
    pg = argv[argv.index("--postgres") + 1] if "--postgres" in argv else os.environ.get("VENUE_TEST_POSTGRES_URL")
    figures = []
    cipher = PersonalDataCipher(DataKeys.generate())
    with tempfile.TemporaryDirectory(prefix="bench-checkin-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'venue.sqlite'}")
        upgrade(engine)
        started = time.perf_counter()
        loaded = load(engine, cipher)
        note(f"sqlite: {CANDIDATES} candidates loaded in {time.perf_counter() - started:.1f} s")
        ms = decisions_ms(engine, cipher, loaded, samples)
        note(f"sqlite: median {percentile(ms, 50):.2f} ms, p99 {percentile(ms, 99):.2f} ms over {len(ms)}")
        figures.append(Figure("checkin", "sqlite_p99_ms", round(percentile(ms, 99), 2), "ms", "<= 5"))
        pages = admission_wal_pages(engine, cipher, loaded)
        floor = disk_commit_ms(Path(tmp), pages, samples)
        note(f"disk: a bare sqlite3 commit of {pages} WAL pages (an admission's): median {percentile(floor, 50):.2f} ms, "
             f"p99 {percentile(floor, 99):.2f} ms over {len(floor)}")
        figures.append(Figure("checkin", "admission_wal_pages", pages, "pages", "-"))
        figures.append(Figure("checkin", "disk_commit_p99_ms", round(percentile(floor, 99), 2), "ms", "-"))
        wedge = wedge_ms(engine, cipher, loaded, min(samples, 200), decided=samples)
        note(f"wedge: median {percentile(wedge, 50):.1f} ms, p95 {percentile(wedge, 95):.1f} ms over {len(wedge)}")
        figures.append(Figure("checkin", "wedge_to_verdict_p95_ms", round(percentile(wedge, 95), 1), "ms", "<= 50"))
        engine.dispose()
    if pg:
        name = f"bench_checkin_{uuid.uuid4().hex[:8]}"
        admin = make_engine(pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(pg).set(database=name).render_as_string(hide_password=False)
        try:
            engine = make_engine(url)
            upgrade(engine)
            loaded = load(engine, cipher)
            ms = decisions_ms(engine, cipher, loaded, samples)
            note(f"postgres: median {percentile(ms, 50):.2f} ms, p99 {percentile(ms, 99):.2f} ms over {len(ms)}")
            figures.append(Figure("checkin", "postgres_p99_ms", round(percentile(ms, 99), 2), "ms", "<= 15"))
            engine.dispose()
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    else:
        note("postgres: no server given (--postgres URL or VENUE_TEST_POSTGRES_URL); postgres_p99_ms not measured")
    return figures
