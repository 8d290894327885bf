"""Carries device callbacks (made on the drivers' I/O threads) onto the GUI thread.

Hand `bridge.sink` to a driver or to `DeviceRegistry(on_event=…)` and `registry.subscribe(…)`:
it may be called from any thread and never blocks. Whatever it receives comes out of
`status_changed` (a `DeviceStatus`) or `event_received` (anything else, e.g. a `Scan`), emitted
on the thread the bridge lives in (the GUI thread), so any slot or lambda connected there runs
there too. An internal queued signal does the crossing: a plain Python callable connected
directly to a signal emitted on an I/O thread would otherwise run on that I/O thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from devices.base import DeviceStatus


class DeviceBridge(QObject):
    event_received = Signal(object)
    status_changed = Signal(object)
    _relay = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def sink(self, event: object) -> None:
        """A `devices.base.EventSink`: call from any thread."""
        try:
            self._relay.emit(event)
        except RuntimeError:
            # The bridge was deleted while a driver was still reporting (shutdown): nobody listens.
            pass

    @Slot(object)
    def _deliver(self, event: object) -> None:
        if isinstance(event, DeviceStatus):
            self.status_changed.emit(event)
        else:
            self.event_received.emit(event)
