"""The handover wizard (交接): route → packages → confirmations → recorded.

1. From → to, and the sitting; the expected packages are loaded.
2. Packages are scanned (serial scanner through the device bridge, or typed / a wedge scanner into
   the barcode field): each turns green when it matches, red when it does not belong here. Count
   and seal are checked per package (the count cell is editable; the seal cell is a check box).
3. Each of the giving staff confirms with their own credential, then each of the receiving staff.
4. Recorded: complete, or "with discrepancy" in red with what was missing or extra; the handover
   form can be printed (PDF).

All logic is in `app.rules.custody` and `app.services.custody`; this class only shows it.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.rules.custody import SIGN_ORDER, LineProblem, ManifestItem, Scanned, Side, next_signer
from app.security.auth import StaffSession
from app.services.custody import HandoverDraft, HandoverResult
from app.services.custody_reads import HandoverRecord
from ui.custody.actions import CustodyActions
from ui.custody.done import HandoverDone
from ui.custody.form import write_handover_form
from ui.custody.guarded import GuardedRunner
from ui.custody.names import place_name, summarise
from ui.custody.packages import COL_STATUS, PackageModel
from ui.custody.route import HandoverRoute
from ui.messages import describe
from ui.restyle import restyle
from ui.runner import OpRunner


class HandoverWizard(QWidget):
    recorded = Signal(object)  # HandoverResult

    def __init__(self, runner: OpRunner, actions: CustodyActions, reports_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actions, self._reports_dir = GuardedRunner(runner, self), actions, reports_dir
        self.packages = PackageModel(self)
        self._signers: list[StaffSession] = []
        self._result: HandoverResult | None = None
        self.last_form: Path | None = None
        self.pages = QStackedWidget()
        self.message = QLabel(objectName="CustodyMessage", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self.route_page = HandoverRoute()
        self.route_page.route_next.clicked.connect(self.load_manifest)
        self.pages.addWidget(self.route_page)
        self._build_packages()
        self._build_confirm()
        self.done_page = HandoverDone()
        self.done_page.print_button.clicked.connect(self.print_form)
        self.done_page.new_button.clicked.connect(self.restart)
        self.pages.addWidget(self.done_page)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.restart)
        self.retranslate()
        self._load_choices()

    # --- building ---------------------------------------------------------------------------------

    def _build_packages(self) -> None:
        page = QWidget()
        self.packages_title = QLabel(objectName="StepTitle")
        self.barcode = QLineEdit()
        self.table = QTableView()
        self.table.setModel(self.packages)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Column widths are measured when the list is loaded, not on every scan (ResizeToContents
        # would measure all rows again for each changed one).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(objectName="CustodySummary", wordWrap=True)
        self.packages_back, self.packages_next = QPushButton(), QPushButton(objectName="Primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.packages_back)
        buttons.addStretch()
        buttons.addWidget(self.packages_next)
        v = QVBoxLayout(page)
        v.addWidget(self.packages_title)
        v.addWidget(self.barcode)
        v.addWidget(self.table, 1)
        v.addWidget(self.summary)
        v.addLayout(buttons)
        self.barcode.returnPressed.connect(self._typed)
        self.packages.counts_changed.connect(self._show_counts)
        self.packages.rowsInserted.connect(self._fit_columns)
        self.packages_back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.packages_next.clicked.connect(self.to_confirm)
        self.pages.addWidget(page)

    def _build_confirm(self) -> None:
        page = QWidget()
        self.confirm_title = QLabel(objectName="StepTitle")
        self.discrepancy = QLabel(objectName="CustodyDiscrepancy", wordWrap=True)
        self.signed = QLabel(objectName="CustodySigned", wordWrap=True)
        self.prompt = QLabel(objectName="CustodyPrompt")
        self.staff_number, self.credential = QLineEdit(), QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.sign_button, self.record_button = QPushButton(), QPushButton(objectName="Primary")
        self.confirm_back = QPushButton()
        form = QFormLayout()
        self._number_label, self._credential_label = QLabel(), QLabel()
        form.addRow(self._number_label, self.staff_number)
        form.addRow(self._credential_label, self.credential)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_back)
        buttons.addStretch()
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.record_button)
        v = QVBoxLayout(page)
        for w in (self.confirm_title, self.discrepancy, self.signed, self.prompt):
            v.addWidget(w)
        v.addLayout(form)
        v.addLayout(buttons)
        v.addStretch()
        self.staff_number.returnPressed.connect(self.credential.setFocus)
        self.credential.returnPressed.connect(self.confirm_signer)
        self.sign_button.clicked.connect(self.confirm_signer)
        self.record_button.clicked.connect(self.record)
        self.confirm_back.clicked.connect(self._back_to_packages)
        self.pages.addWidget(page)

    def retranslate(self) -> None:
        self.route_page.retranslate()
        self.barcode.setPlaceholderText(self.tr("Scan a package barcode (or type it and press Enter)"))
        self.packages.set_headers([
            self.tr("Barcode"), self.tr("Kind"), self.tr("Room"), self.tr("Expected"), self.tr("Counted"),
            self.tr("Seal intact"), self.tr("Check")])
        self.packages_back.setText(self.tr("Back"))
        self.packages_next.setText(self.tr("Next: confirmations"))
        self.confirm_title.setText(self.tr("3 · Both sides confirm, each with their own credential"))
        self._number_label.setText(self.tr("Staff number"))
        self._credential_label.setText(self.tr("Credential"))
        self.sign_button.setText(self.tr("Confirm"))
        self.record_button.setText(self.tr("Record handover"))
        self.confirm_back.setText(self.tr("Back"))
        self.done_page.retranslate()
        self.packages.retranslate()
        self._show_counts()
        self._show_signers()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- step 1: route ----------------------------------------------------------------------------

    def _load_choices(self) -> None:
        actions = self._actions  # jobs hold no reference to the widget

        def load() -> tuple[list[tuple[uuid.UUID, str]], list[str]]:
            return actions.sittings(), actions.rooms()

        self._runner.submit(load, self._show_choices, self._failed)

    def _show_choices(self, choices: tuple[list[tuple[uuid.UUID, str]], list[str]]) -> None:
        self.route_page.show_choices(*choices)

    def choose(self, from_place: str, to_place: str, sitting_id: uuid.UUID | None) -> None:
        """Select a route (for tests and for a caller that knows it, e.g. a scheduled handover)."""
        self.route_page.choose(from_place, to_place, sitting_id)

    def route(self) -> tuple[str, str, uuid.UUID | None]:
        return self.route_page.route()

    def load_manifest(self) -> None:
        from_place, to_place, sitting = self.route()
        self.message.clear()
        expected = self._actions.expected
        self._runner.submit(lambda: expected(from_place, to_place, sitting),
                            self._show_manifest, self._failed)

    def _show_manifest(self, items: list[ManifestItem]) -> None:
        self.packages.reset(items)
        self._fit_columns()
        self._signers = []
        from_place, to_place, _ = self.route()
        self.packages_title.setText(self.tr("2 · Scan packages: {src} → {dst}").format(
            src=place_name(from_place), dst=place_name(to_place)))
        self.pages.setCurrentIndex(1)
        self.barcode.setFocus()

    # --- step 2: packages -------------------------------------------------------------------------

    def on_scan(self, code: str) -> None:
        """A scanned barcode (from the device bridge, a wedge scanner or typed)."""
        code = code.strip()
        if not code or self.pages.currentIndex() != 1:
            return
        line = self.packages.line(code)
        if line is not None and line.scanned is not None:
            self.message.setText(self.tr("{code} is already scanned.").format(code=code))
            return
        if line is not None and line.item is not None:
            self.packages.set_scanned(code, Scanned(code, line.item.expected_count))
            self._show_row(code)
            return
        lookup = self._actions.lookup
        self._runner.submit(lambda: lookup(code), lambda item: self._add_extra(code, item), self._failed)

    def _add_extra(self, code: str, item: ManifestItem | None) -> None:
        if self.packages.add_extra(code, item):
            self._show_row(code)

    def _show_row(self, code: str) -> None:
        """The scanned package's row comes into view: the staff see it turn green or red. (Not selected:
        a selection change repaints the whole table, and the barcode field keeps the focus.)"""
        row = self.packages.row_of(code)
        if row is None:
            return
        index = self.packages.index(row, 0)
        if not self.table.viewport().rect().contains(self.table.visualRect(index)):
            # At the top, so the next packages in manifest order are in view without scrolling each time.
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def _typed(self) -> None:
        code = self.barcode.text()
        self.barcode.clear()
        self.on_scan(code)

    def set_count(self, code: str, count: int) -> None:
        line = self.packages.line(code)
        if line is not None and line.scanned is not None:
            got = line.scanned
            self.packages.set_scanned(code, Scanned(code, count, got.seal_intact, got.seal_number))

    def set_seal_intact(self, code: str, intact: bool) -> None:
        line = self.packages.line(code)
        if line is not None and line.scanned is not None:
            got = line.scanned
            self.packages.set_scanned(code, Scanned(code, got.count, intact, got.seal_number))

    def row_colour(self, code: str) -> str:
        """"green", "red" or "" (not scanned yet): what the row shows."""
        line = self.packages.line(code)
        return "" if line is None else line.colour()

    def _fit_columns(self, *_args: object) -> None:
        for col in range(COL_STATUS):
            self.table.resizeColumnToContents(col)

    def _show_counts(self) -> None:
        lines = self.packages.lines()
        scanned = sum(1 for line in lines if line.scanned is not None)
        expected = sum(1 for line in lines if line.expected)
        bad = sum(1 for line in lines if line.scanned is not None and line.problems())
        self.summary.setText(self.tr("Scanned {scanned} · expected {expected} · problems {bad}").format(
            scanned=scanned, expected=expected, bad=bad))

    def scanned(self) -> tuple[Scanned, ...]:
        return tuple(line.scanned for line in self.packages.lines() if line.scanned is not None)

    def discrepancy_lines(self) -> list[tuple[str, tuple[LineProblem, ...]]]:
        return [(line.barcode, line.problems()) for line in self.packages.lines() if line.problems()]

    # --- step 3: confirmations --------------------------------------------------------------------

    def to_confirm(self) -> None:
        if not self.scanned():
            self.message.setText(self.tr("Scan at least one package first."))
            return
        problems = self.discrepancy_lines()
        if problems:
            self.discrepancy.setText(self.tr("Will be recorded WITH DISCREPANCY: {lines}").format(
                lines=summarise(problems)))
        else:
            self.discrepancy.setText(self.tr("Every package matches the manifest."))
        self.discrepancy.setProperty("bad", bool(problems))
        restyle(self.discrepancy)
        self.message.clear()
        self.pages.setCurrentIndex(2)
        self._show_signers()
        self.staff_number.setFocus()

    def _back_to_packages(self) -> None:
        self._signers = []
        self.pages.setCurrentIndex(1)

    def _show_signers(self) -> None:
        giving = [s.name for s in self._signers[:2]]
        receiving = [s.name for s in self._signers[2:]]
        self.signed.setText(self.tr("Giving: {giving}\nReceiving: {receiving}").format(
            giving=", ".join(f"✔ {n}" for n in giving) or "—", receiving=", ".join(f"✔ {n}" for n in receiving) or "—"))
        signer = next_signer(len(self._signers))
        done = signer is None
        if signer is None:
            self.prompt.setText(self.tr("All four have confirmed. Record the handover."))
        else:
            side, n = signer
            self.prompt.setText(self.tr("Giving staff {n} confirms").format(n=n) if side is Side.GIVING
                                else self.tr("Receiving staff {n} confirms").format(n=n))
        for w in (self.staff_number, self.credential, self.sign_button):
            w.setEnabled(not done)
        self.sign_button.setVisible(not done)
        self.record_button.setVisible(done)
        self.record_button.setEnabled(done)
        if done:
            self.record_button.setFocus()

    def confirm_signer(self) -> None:
        if len(self._signers) >= len(SIGN_ORDER):
            return
        number, credential = self.staff_number.text().strip(), self.credential.text()
        side = SIGN_ORDER[len(self._signers)]
        self.credential.clear()
        if any(s.staff_number == number for s in self._signers):
            self.message.setText(self.tr("Each confirmation must come from a different staff member."))
            return
        self.sign_button.setEnabled(False)
        sign = self._actions.sign
        self._runner.submit(lambda: sign(number, credential, side), self._signed, self._sign_failed)

    def _signed(self, person: StaffSession) -> None:
        self._signers.append(person)
        self.staff_number.clear()
        self.message.clear()
        self._show_signers()
        if len(self._signers) < len(SIGN_ORDER):
            self.staff_number.setFocus()

    def _sign_failed(self, exc: BaseException) -> None:
        self._show_signers()
        self.credential.setFocus()
        self.message.setText(describe(exc))

    def record(self) -> None:
        from_place, to_place, sitting = self.route()
        draft = HandoverDraft(from_place, to_place, sitting, self.scanned())
        givers, receivers = self._signers[:2], self._signers[2:]
        self.record_button.setEnabled(False)
        record = self._actions.record
        self._runner.submit(lambda: record(draft, givers, receivers), self._recorded, self._failed)

    # --- step 4: done -----------------------------------------------------------------------------

    def _recorded(self, result: HandoverResult) -> None:
        self._result = result
        self.done_page.show_result(result)
        self.pages.setCurrentIndex(3)
        self.done_page.print_button.setFocus()
        self.recorded.emit(result)

    def print_form(self) -> None:
        if self._result is None:
            return
        handover_id = self._result.handover_id
        record_of = self._actions.record_of
        self._runner.submit(lambda: record_of(handover_id), self._write_form, self._failed)

    def _write_form(self, record: HandoverRecord) -> None:
        try:
            path = write_handover_form(record, self._reports_dir)
        except OSError as exc:
            self.message.setText(self.tr("The form could not be written: {detail}").format(detail=str(exc)))
            return
        self.last_form = path
        self.message.setText(self.tr("Handover form saved: {path}").format(path=str(path)))

    def restart(self) -> None:
        self._signers, self._result = [], None
        self.packages.reset([])
        self.message.clear()
        self.pages.setCurrentIndex(0)
        self.route_page.from_box.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.record_button.setEnabled(len(self._signers) >= len(SIGN_ORDER))
        self.message.setText(describe(exc))

    def current_step(self) -> int:
        return self.pages.currentIndex()

    def signer_names(self) -> list[str]:
        return [s.name for s in self._signers]

    def line_codes(self) -> list[str]:
        return self.packages.codes()
