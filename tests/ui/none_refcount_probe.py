"""Run by test_none_refcount.py in a child process (a leak of None's references ends in an abort,
which must fail the test, not kill the test run). Prints one JSON line: the drift of
`sys.getrefcount(None)` over N calls of each Qt call the screens make most."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


class _Emitter(QObject):
    fired = Signal(object)


def main(calls: int) -> dict[str, int]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QWidget()
    layout = QVBoxLayout(window)
    label = QLabel("—")
    layout.addWidget(label)
    window.resize(400, 200)
    window.show()
    app.processEvents()
    emitter, received = _Emitter(), []
    emitter.fired.connect(received.append)

    def restyle(i: int) -> None:
        label.setProperty("verdict", ("admit", "refuse", "check")[i % 3])
        label.style().unpolish(label)
        label.style().polish(label)

    def emit(i: int) -> None:
        emitter.fired.emit(None if i % 2 else i)
        received.clear()

    cases: dict[str, tuple[Callable[[int], object], int]] = {
        "setText": (lambda i: label.setText(f"还有 {i} 秒"), calls),
        "setProperty": (lambda i: label.setProperty("state", "ok" if i % 2 else "bad"), calls),
        "property_unset": (lambda i: label.property("never_set"), calls),
        "polish_unpolish": (restyle, calls),
        "processEvents": (lambda i: app.processEvents(), calls),
        "signal_none": (emit, calls),
        "paint": (lambda i: label.repaint(), calls // 20),  # a paint costs ~40 µs offscreen
    }
    drift = {}
    for name, (call, n) in cases.items():
        for i in range(100):  # warm up: caches fill with their first references
            call(i)
        gc.collect()
        before = sys.getrefcount(None)
        for i in range(n):
            call(i)
        gc.collect()
        drift[name] = sys.getrefcount(None) - before
    window.close()
    return drift


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))), flush=True)
