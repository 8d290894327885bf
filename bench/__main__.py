"""`python -m bench NAME [ARGS…]`: run one benchmark; `python -m bench all` runs them all.

Each benchmark is a module here with `run(argv: list[str]) -> list[Figure]`.
"""

from __future__ import annotations

import importlib
import sys

from bench.common import Figure

# Figure names are read back from issues: keep them stable.
BENCHES: dict[str, str] = {
    "import": "bench.import_package",
    "startup": "bench.startup",
    "idcard": "bench.idcard",
    "camera-scan": "bench.camera_scan",
    "camera-monitor": "bench.camera_monitor",
    "checkin": "bench.checkin",
    "paper-room": "bench.paper_room",
    "sync": "bench.sync",
    "engine": "bench.engine",
    "soak": "bench.soak",
    "custody": "bench.custody",
    "audit": "bench.audit",
    "audit-view": "bench.audit_view",
}


def run(name: str, argv: list[str]) -> list[Figure]:
    module = importlib.import_module(BENCHES[name])
    figures: list[Figure] = module.run(argv)
    return figures


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print("usage: python -m bench NAME [ARGS…] | all\nbenchmarks: " + ", ".join(BENCHES))
        return 0 if args else 2
    name, rest = args[0], args[1:]
    names = list(BENCHES) if name == "all" else [name]
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(f"unknown benchmark: {unknown[0]} (known: {', '.join(BENCHES)})", file=sys.stderr)
        return 2
    for n in names:
        for figure in run(n, rest):
            figure.emit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
