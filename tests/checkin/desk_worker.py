"""A desk in its own process, for the race and crash tests.

`python -m tests.checkin.desk_worker run URL KEYFILE JOBFILE` admits the job's candidates one by
one and prints `SHOWN <ticket> <verdict> <reason>` after each decision is committed — the moment a
real desk paints it.

`python -m tests.checkin.desk_worker zygote URL KEYFILE` imports everything once, then for each
`FORK JOBFILE OUTFILE` line on stdin forks a desk (single-threaded, so forking is safe) that writes
its SHOWN lines to OUTFILE, and answers with the child's pid: the crash test kills fifty desks
without paying fifty interpreter start-ups.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from app.db.engine import make_engine, make_session_factory
from app.domain import Role
from app.rules.checkin import CardPhoto, PresentedDocument, PresentedTicket, PresentedType
from app.security.auth import StaffSession
from app.security.crypto import DataKeys, PersonalDataCipher
from app.services.checkin import CheckinService, DeskSetup


def run_desk(url: str, keyfile: str, jobfile: str, emit: Callable[[str], None]) -> None:
    job = json.loads(Path(jobfile).read_text(encoding="utf-8"))
    cipher = PersonalDataCipher(DataKeys.from_text(Path(keyfile).read_text(encoding="utf-8")))
    engine = make_engine(url)
    now = datetime.fromisoformat(job["now"])
    service = CheckinService(make_session_factory(engine), cipher, lambda: now)
    desk = job["desk"]
    user = StaffSession(uuid.UUID(job["staff_id"]), "T-race", f"desk {desk}", Role.INVIGILATOR,
                        uuid.UUID(job["venue_id"]), desk, datetime.now(UTC))
    setup = DeskSetup(uuid.UUID(job["sitting_id"]), None, desk)
    emit("READY")
    for c in job["candidates"]:
        out = service.present(user, setup, ticket=PresentedTicket(c["ticket_number"]),
                              document=PresentedDocument(PresentedType(c["document_type"]), c["document_number"],
                                                         c["name"], card_photo=CardPhoto.DECODED))
        emit(f"SHOWN {c['ticket_number']} {out.verdict.value} {out.decision.reason.value}")
    engine.dispose()


def zygote(url: str, keyfile: str) -> None:
    for line in sys.stdin:
        _, jobfile, outfile = line.split()
        pid = os.fork()
        if pid == 0:
            fd = os.open(outfile, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

            def emit(text: str, fd: int = fd) -> None:
                os.write(fd, (text + "\n").encode())

            try:
                run_desk(url, keyfile, jobfile, emit)
            finally:
                os._exit(0)
        print(pid, flush=True)
        try:
            while os.waitpid(-1, os.WNOHANG) != (0, 0):
                pass
        except ChildProcessError:
            pass


def main(argv: list[str]) -> int:
    if argv[0] == "run":
        run_desk(argv[1], argv[2], argv[3], lambda text: print(text, flush=True))
    elif argv[0] == "zygote":
        zygote(argv[1], argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
