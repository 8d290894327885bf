"""One venue clock (issue 12, item 3): nothing in the core reads the PC's clock behind the venue
clock's back. The venue clock (app.engine.clock.VenueClock) is anchored once; a service that falls
back to `utcnow()` when no `now` is handed in stamps records with the PC's wall clock, which a
clumsy admin (or a candidate's accomplice) can set back to reopen entry (art. 30(二)).

An AST scan of app/: wall-clock reads only where they are the clock itself or name a file; no
`now: datetime | None` parameter and no `now or …` in the services and the package import."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

# Where reading the PC's clock is the point, and why.
ALLOWED = {
    "engine/clock.py": "the venue clock itself (system_wall, read at the anchor)",
    "db/types.py": "utcnow() itself (for sync's reference server and tests; nothing in app/ calls it)",
    "db/migrate.py": "the safety copy's file name before a schema upgrade (feeds no rule)",
    "db/backup.py": "automatic backups' file names (BackupScheduler's default clock; feeds no rule)",
    "demo_folder.py": "the age of a stale demo folder against its mtime (feeds no rule)",
}
WALL_READS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
              ("time", "time"), ("time", "time_ns")}
NOW_NAMES = {"now", "at", "when"}


def _sources(*folders: str) -> list[tuple[str, ast.Module]]:
    roots = [APP / f for f in folders] if folders else [APP]
    return [(p.relative_to(APP).as_posix(), ast.parse(p.read_text(encoding="utf-8"), str(p)))
            for root in roots for p in sorted(root.rglob("*.py"))]


def wall_clock_reads(tree: ast.AST) -> list[tuple[int, str]]:
    """Each `utcnow` (called, or handed over as a column default or a default clock) and each
    `datetime.now` / `time.time` / `date.today` in `tree`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "utcnow":
            found.append((node.lineno, "utcnow"))
        elif isinstance(node, ast.Attribute):
            if node.attr == "utcnow" and not (isinstance(node.value, ast.Name) and node.value.id == "datetime"):
                found.append((node.lineno, "utcnow"))
            base = node.value.id if isinstance(node.value, ast.Name) else getattr(node.value, "attr", None)
            if (base, node.attr) in WALL_READS:
                found.append((node.lineno, f"{base}.{node.attr}"))
    return found


def _is_optional_datetime(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    text = ast.unparse(annotation).replace(" ", "")
    return text in {"datetime|None", "None|datetime", "Optional[datetime]", "datetime.datetime|None"}


def optional_nows(tree: ast.AST) -> list[tuple[int, str]]:
    """Parameters named now/at/when that may be left out (typed `datetime | None` or defaulting to
    None), and `now or …` expressions: the two shapes of a fallback to the wall clock."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            positional = args.posonlyargs + args.args
            defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
            pairs = list(zip(positional, defaults, strict=True)) + list(zip(args.kwonlyargs, args.kw_defaults,
                                                                            strict=True))
            for arg, default in pairs:
                if arg.arg not in NOW_NAMES:
                    continue
                none_default = isinstance(default, ast.Constant) and default.value is None
                if _is_optional_datetime(arg.annotation) or none_default:
                    shown = ast.unparse(arg.annotation) if arg.annotation is not None else "= None"
                    found.append((node.lineno, f"{node.name}({arg.arg}: {shown})"))
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            first = node.values[0]
            if isinstance(first, ast.Name) and first.id in NOW_NAMES:
                found.append((node.lineno, ast.unparse(node)))
    return found


def test_art30_no_wall_clock_read_in_the_core_outside_the_venue_clock() -> None:
    offenders = [f"app/{path}:{line} {what}" for path, tree in _sources()
                 if path not in ALLOWED for line, what in wall_clock_reads(tree)]
    assert offenders == [], "read the venue clock (a service's injected clock, or the caller's now):\n" + \
        "\n".join(offenders)


def test_art30_services_and_the_package_import_take_a_required_now() -> None:
    offenders = [f"app/{path}:{line} {what}" for path, tree in _sources("services", "package")
                 for line, what in optional_nows(tree)]
    assert offenders == [], "make `now` required (no fallback to the PC's clock):\n" + "\n".join(offenders)


def test_the_scan_finds_each_shape_of_fallback() -> None:
    """The scan is not blind: each way a fallback was written in this code base is found."""
    sample = ast.parse(
        "from datetime import UTC, datetime\n"
        "import time\n"
        "from app.db.types import utcnow\n"
        "def a(now: datetime | None = None):\n"
        "    at = now or utcnow()\n"
        "def b(s, *, at=None): ...\n"
        "def c(now: Optional[datetime]): ...\n"
        "created = mapped_column(default=utcnow)\n"
        "x = datetime.now(UTC)\n"
        "y = time.time()\n"
        "z = types.utcnow()\n"
        "def fine(now: datetime, since: datetime | None = None): ...\n"
    )
    assert sorted(line for line, _ in wall_clock_reads(sample)) == [5, 8, 9, 10, 11]
    assert sorted(line for line, _ in optional_nows(sample)) == [4, 5, 6, 7]


def test_the_allowed_files_exist() -> None:
    """A renamed file must not keep its exemption by accident."""
    missing = [path for path in (*ALLOWED, *PROBES) if not (APP / path).is_file()]
    assert missing == []


# The set-up wizard's probes of a database URL it was given (their own engine, before any core
# exists, writing nothing): functions by nature.
PROBES = {"services/setup.py": {"check_database", "database_state"}}
SESSION_OPENERS = {"sessions", "_sessions", "Session", "begin", "connect", "sessionmaker"}


def session_openers(tree: ast.Module) -> list[str]:
    """Module-level functions of `tree` that open a session or a transaction, or read a clock."""
    found = []
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for call in ast.walk(node):
            if not isinstance(call, ast.Call):
                continue
            name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
            if name in SESSION_OPENERS or name in {"clock", "_clock"}:
                found.append(node.name)
                break
    return found


def test_art30_services_open_their_transactions_in_service_methods_only() -> None:
    """A use case that opens a transaction is a method of a service constructed with the session
    factory and the venue clock; module-level functions run inside their caller's transaction."""
    offenders = [f"app/{path}: {name}" for path, tree in _sources("services", "package")
                 for name in session_openers(tree)
                 if name not in PROBES.get(path, set())]
    assert offenders == [], "make these methods of a service class:\n" + "\n".join(offenders)


def test_the_session_scan_finds_a_function_that_opens_one() -> None:
    sample = ast.parse(
        "def a(sessions):\n    with sessions() as s, s.begin():\n        pass\n"
        "def b(engine):\n    with Session(engine) as s:\n        pass\n"
        "def c(clock):\n    return clock()\n"
        "def inside(s, now):\n    s.flush()\n"
        "class Service:\n    def m(self):\n        with self._sessions() as s:\n            pass\n"
    )
    assert session_openers(sample) == ["a", "b", "c"]
