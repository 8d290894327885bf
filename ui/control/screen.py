"""Control room (考务指挥): every room of the current sitting at a glance, for the chief examiner.

One tile per room (phase, the countdown that matters now, expected / admitted / absent, open
incidents), an alerts list (most urgent first), and per-room actions by keyboard: arrows move
between rooms, D draws the invigilators (A prints the draw), C signs the checklist, O opens the room, H records a hand-in (an emergency exit while sealed),
P records papers collected, T shows the
full-screen timer. Countdowns run every second from the anchored clock; data reloads every few
seconds and whenever a change to rooms or incidents is announced."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.changes import DataKind
from app.rules.assignment import AssignmentImpossible
from app.rules.lifecycle import countdowns
from app.rules.timing import may_hand_in, venue_time
from app.services.assignment import DrawSheet
from app.services.control import ControlView, RoomTile
from app.services.control_alerts import grouped, tile_state
from app.services.room_record import RoomRecord
from ui.control.action_bar import ControlBar
from ui.control.actions import ControlActions
from ui.control.checklist import ChecklistDialog
from ui.control.draw import DrawDialog, impossible_text, write_draw_sheet
from ui.control.hand_in import HandInDialog
from ui.control.texts import alert_text
from ui.control.tiles import SPACING, RoomTileWidget, fitting_grid
from ui.custody.names import alert_text as venue_alert_text
from ui.incidents.categories import category_label
from ui.messages import describe
from ui.overview.screen import mode_name
from ui.reports.room_record import write_room_record
from ui.runner import OpRunner
from ui.screen import Screen
from ui.tables import TextList
from ui.timer.view import TimerView

DATA_KINDS = frozenset({DataKind.ROOMS, DataKind.INCIDENTS, DataKind.CHECKIN, DataKind.ATTENDANCE, DataKind.ASSIGNMENT})
RELOAD_EVERY_TICKS = 5


class ControlRoomScreen(Screen):
    """Reloads every RELOAD_EVERY_TICKS seconds from its own tick (which also watches the clock)."""

    DATA_KINDS = DATA_KINDS

    def __init__(
        self,
        runner: OpRunner,
        load: Callable[[datetime], ControlView | None],
        clock: Callable[[], datetime],
        actions: ControlActions,
        *,
        tick_ms: int = 1000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._load, self._clock, self._actions = load, clock, actions
        self._view: ControlView | None = None
        self._tiles: list[RoomTileWidget] = []
        self._ticks = 0
        self._loading = False
        self._laid_out: tuple[int, bool] = (0, False)
        self.timer_window: TimerView | None = None
        self._header_width = 0

        self.header = QLabel(objectName="ControlHeader")  # one line, elided (the full text is its tooltip)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clock_label = QLabel(objectName="ControlClock")
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.clock_label)
        self.grid = QGridLayout()
        self.grid.setSpacing(SPACING)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid_box = QWidget(objectName="TileGrid")
        grid_box.setLayout(self.grid)
        self.scroll = QScrollArea(objectName="TileScroll", widgetResizable=True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(grid_box)
        self.alerts_title = QLabel(objectName="SectionTitle")
        self.alerts = TextList(objectName="AlertList")
        self.alerts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.alerts.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.status = QLabel(objectName="ControlStatus", wordWrap=True)
        self.bar = ControlBar()
        for button, handler in ((self.bar.draw_button, self.draw), (self.bar.sheet_button, self.save_draw_sheet),
                                (self.bar.checklist_button, self.sign_checklist),
                                (self.bar.open_button, self.open_room), (self.bar.collect_button, self.collect_papers),
                                (self.bar.hand_in_button, self.hand_in), (self.bar.sign_button, self.sign_record),
                                (self.bar.record_button, self.save_record), (self.bar.timer_button, self.show_timer)):
            button.clicked.connect(handler)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.alerts_title)
        layout.addWidget(self.alerts)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        for key, handler in (("D", self.draw), ("A", self.save_draw_sheet), ("C", self.sign_checklist), ("O", self.open_room), ("P", self.collect_papers),
                             ("H", self.hand_in), ("S", self.sign_record), ("R", self.save_record), ("T", self.show_timer),
                             ("F5", self.refresh)):
            QShortcut(QKeySequence(key), self, handler, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(tick_ms)
        self.retranslate()
        self.refresh()

    # --- data ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        now = self._clock()
        load = self._load  # the job captures the callable, never the widget (it may outlive it on a worker)
        self.submit(lambda: load(now), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        self.status.setText(describe(exc))

    def _show(self, view: ControlView | None) -> None:
        self._loading = False
        self._view = view
        tiles = view.tiles if view else ()
        while len(self._tiles) < len(tiles):
            self._tiles.append(RoomTileWidget())
        for w in self._tiles[len(tiles):]:
            w.hide()
        columns, compact = self._laid_out = self._fit(len(tiles))
        for i, tile in enumerate(tiles):
            w = self._tiles[i]
            w.tile = tile
            w.set_compact(compact)
            self.grid.addWidget(w, i // columns, i % columns)
            w.show()
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        if tiles and self.isVisible() and not any(w.hasFocus() for w in self._tiles):
            self._tiles[0].setFocus()
        self._fit_bar()
        self.tick(reload=False)

    def _fit(self, count: int) -> tuple[int, bool]:
        viewport = self.scroll.viewport()
        width = viewport.width() if self.scroll.isVisible() else self.width() - 48
        height = viewport.height() if self.scroll.isVisible() else self.height() // 2
        return fitting_grid(count, width, height)

    def _columns(self) -> int:
        return self._laid_out[0] or 2

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bar()
        self._refit()

    def _refit(self) -> bool:
        """Lays the tiles out again when the space they have now calls for other tiles (the window
        was resized, the alerts grew or shrank); True when it did."""
        if self._view is None or self._fit(len(self._view.tiles)) == self._laid_out:
            return False
        self._show(self._view)
        return True

    def _fit_bar(self) -> None:
        """One row of action buttons where their labels fit (a wide screen, short labels), else two."""
        self.bar.fit(self.width() - 48)

    # --- every second -----------------------------------------------------------------------------

    def tick(self, reload: bool = True) -> None:
        now = self._clock()
        if not self.isVisible() and reload:
            return  # another screen is showing: keep watching the clock, read nothing
        self.clock_label.setText(f"{venue_time(now):%H:%M:%S}")
        view = self._view
        if view is None:
            self.header.setText(self.tr("No sitting today in this venue's package."))
        else:
            self._paint(view, now)
        if reload:
            self._refit()
            self._ticks += 1
            if self._ticks % RELOAD_EVERY_TICKS == 0:
                self.refresh()

    def _paint(self, view: ControlView, now: datetime) -> None:
        s = view.schedule
        header = self.tr("{exam} · {sitting} {subject} · {start}–{end} · {mode} · sealed until {sealed}").format(
            exam=view.exam_name, sitting=view.sitting_code, subject=view.subject,
            start=f"{venue_time(s.starts_at):%H:%M}", end=f"{venue_time(s.ends_at):%H:%M}",
            mode=mode_name(s.mode), sealed=f"{venue_time(view.sealing_ends_at):%H:%M}")
        if self.header.toolTip() != header or self.header.width() != self._header_width:
            self._header_width = self.header.width()
            self.header.setToolTip(header)
            self.header.setText(self.header.fontMetrics().elidedText(
                header, Qt.TextElideMode.ElideRight, max(50, self.header.width())))
        alerts, c = list(view.alerts), countdowns(s, now)
        for w in self._tiles:
            if w.tile is None or not w.isVisible():
                continue
            ph = w.tile.phase(s, now)
            w.show_room(w.tile, ph, c, tile_state(w.tile, ph, alerts))
        texts = [venue_alert_text(a) for a in view.venue_alerts]
        texts += [alert_text(a, now, category_label(a.category)) for a in grouped(alerts)]
        texts = texts or [self.tr("No alerts.")]
        lines_before = self.alerts.count()
        self.alerts.show_rows([(t, None) for t in texts])  # a model: a report-now line changes every second
        if self.alerts.count() != lines_before:
            # As tall as its lines, at most four: the rooms keep the screen; more alerts scroll.
            lines = min(4, max(1, self.alerts.count()))
            row = max(self.alerts.sizeHintForRow(0), self.alerts.fontMetrics().height() + 4)
            self.alerts.setFixedHeight(lines * row + 2 * self.alerts.frameWidth() + 4)
            self.layout().activate()  # the rooms take back what the alerts gave up, now

    # --- actions ------------------------------------------------------------------------------------

    def selected(self) -> RoomTile | None:
        for w in self._tiles:
            if w.hasFocus() and w.tile is not None:
                return w.tile
        return None

    def _act(self, fn: Callable[[], object], done: str) -> None:
        self.status.setText("")
        self.submit(fn, lambda _r: self.status.setText(done), self._show_error)

    def sign_checklist(self) -> None:
        tile, view = self.selected(), self._view
        if tile is None or view is None:
            return
        dialog = ChecklistDialog(tile.code, tile.computer_based, self)
        if dialog.exec():
            checklist = dialog.checklist()
            sign = self._actions.sign_checklist
            self._act(lambda: sign(view.sitting_id, tile.room_id, checklist),
                      self.tr("Room {room}: checklist signed off.").format(room=tile.code))

    def open_room(self) -> None:
        tile, view = self.selected(), self._view
        if tile is not None and view is not None:
            open_room = self._actions.open_room
            self._act(lambda: open_room(view.sitting_id, tile.room_id),
                      self.tr("Room {room} is open.").format(room=tile.code))

    def collect_papers(self) -> None:
        tile, view = self.selected(), self._view
        if tile is not None and view is not None:
            collect = self._actions.collect_papers
            self._act(lambda: collect(view.sitting_id, tile.room_id),
                      self.tr("Room {room}: papers collected.").format(room=tile.code))

    def draw(self) -> None:
        view, draw = self._view, self._actions.draw
        if view is None or draw is None:
            return
        redraw = any(t.invigilators for t in view.tiles)
        dialog = DrawDialog(redraw, self)
        if dialog.exec():
            number, credential, reason = dialog.values()
            self.status.setText("")
            self.submit(lambda: draw(view.sitting_id, number, credential, reason),
                                lambda _r: self.status.setText(self.tr("Invigilators drawn and recorded.")),
                                self._draw_failed)

    def _draw_failed(self, exc: BaseException) -> None:
        self.status.setText(impossible_text(exc) if isinstance(exc, AssignmentImpossible) else describe(exc))

    def save_draw_sheet(self) -> None:
        view, load = self._view, self._actions.load_draw
        if view is None or load is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save invigilator assignment"), f"invigilators-{view.sitting_code}.pdf", "PDF (*.pdf)")
        if path:
            self.write_draw_sheet(lambda: load(view.sitting_id), Path(path))

    def write_draw_sheet(self, load: Callable[[], DrawSheet | None], path: Path) -> None:
        def written(sheet: DrawSheet | None) -> None:
            if sheet is None:
                self.status.setText(self.tr("No invigilators drawn yet for this sitting."))
                return
            write_draw_sheet(sheet, path)
            self.status.setText(self.tr("Invigilator assignment saved: {path}").format(path=str(path)))

        self.submit(load, written, self._show_error)

    def hand_in(self) -> None:
        tile, view, record = self.selected(), self._view, self._actions.hand_in
        if tile is None or view is None or record is None:
            return
        now = self._clock()
        sealed = None if may_hand_in(view.schedule, now) else f"{venue_time(view.sealing_ends_at):%H:%M}"
        dialog = HandInDialog(tile.code, sealed, self)
        if dialog.exec():
            self.submit_hand_in(tile, *dialog.values())

    def submit_hand_in(self, tile: RoomTile, ticket: str, emergency_reason: str) -> None:
        view, record = self._view, self._actions.hand_in
        if view is None or record is None:
            return
        self.status.setText("")
        self.submit(lambda: record(view.sitting_id, tile.room_id, ticket, emergency_reason),
                            lambda _r: self.status.setText(self.tr("Room {room}: {ticket} recorded as handed in.")
                                                           .format(room=tile.code, ticket=ticket.strip())),
                            self._show_error)

    def sign_record(self) -> None:
        tile, view, sign = self.selected(), self._view, self._actions.sign_record
        if tile is not None and view is not None and sign is not None:
            self._act(lambda: sign(view.sitting_id, tile.room_id),
                      self.tr("Room {room}: your signature is on the room record.").format(room=tile.code))

    def save_record(self) -> None:
        """The room record as an A4 PDF (printable); built in the background, written here."""
        tile, view, load = self.selected(), self._view, self._actions.load_record
        if tile is None or view is None or load is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save room record"), f"room-record-{view.sitting_code}-{tile.code}.pdf", "PDF (*.pdf)")
        if path:
            self.write_record(lambda: load(view.sitting_id, tile.room_id), Path(path))

    def write_record(self, load: Callable[[], RoomRecord], path: Path) -> None:
        def written(record: RoomRecord) -> None:
            write_room_record(record, path)
            self.status.setText(self.tr("Room record saved: {path}").format(path=str(path)))

        self.submit(load, written, self._show_error)

    def show_timer(self) -> None:
        tile, view = self.selected(), self._view
        if view is None:
            return
        self.timer_window = TimerView(self._clock, view.schedule, view.exam_name, view.subject,
                                      tile.code if tile else "")
        self.timer_window.showFullScreen()

    # --- keyboard and language ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -self._columns(),
                 Qt.Key.Key_Down: self._columns()}
        step = moves.get(Qt.Key(event.key()))
        visible = [w for w in self._tiles if w.isVisible()]
        if step is not None and visible:
            current = next((i for i, w in enumerate(visible) if w.hasFocus()), 0)
            visible[max(0, min(len(visible) - 1, current + step))].setFocus()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.alerts_title.setText(self.tr("Alerts"))
        self.bar.retranslate()
        self._fit_bar()
        self.tick(reload=False)

