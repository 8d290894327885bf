"""Paper custody (试卷流转): the handover wizard, with the custody alerts and the latest handovers
beside it, and the end-of-day reconciliation (F9)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.changes import DataKind
from app.rules.alerts import Alert
from app.rules.custody import Reconciliation
from app.rules.timing import venue_time
from app.services.custody_reads import HandoverRecord, ItemChain
from devices.scanner.scan import Scan
from ui.custody.actions import CustodyActions
from ui.custody.names import alert_text, kind_name, place_name
from ui.custody.wizard import HandoverWizard
from ui.devices.bridge import DeviceBridge
from ui.messages import describe
from ui.runner import OpRunner
from ui.screen import Screen

DATA_KINDS = frozenset({DataKind.CUSTODY, DataKind.PACKAGE})


@dataclass
class CustodyOverview:
    alerts: list[Alert]
    handovers: list[HandoverRecord]


class CustodyScreen(Screen):
    DATA_KINDS = DATA_KINDS

    def __init__(self, runner: OpRunner, actions: CustodyActions, overview: Callable[[], CustodyOverview],
                 reconcile: Callable[[], Reconciliation], chain: Callable[[str], ItemChain], reports_dir: Path,
                 bridge: DeviceBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._overview, self._reconcile, self._chain = overview, reconcile, chain
        self.title = QLabel(objectName="ScreenTitle")
        self.wizard = HandoverWizard(runner, actions, reports_dir)
        self.alerts_title, self.handovers_title = QLabel(objectName="PanelTitle"), QLabel(objectName="PanelTitle")
        self.alerts, self.handovers = QListWidget(objectName="CustodyAlerts"), QListWidget()
        self.reconcile_button = QPushButton()
        self.reconcile_result = QLabel(wordWrap=True)
        self.chain_title = QLabel(objectName="PanelTitle")
        self.lookup = QLineEdit()
        self.chain_place = QLabel(objectName="ChainPlace", wordWrap=True)
        self.chain_steps = QListWidget()
        side = QVBoxLayout()
        for w in (self.alerts_title, self.alerts, self.handovers_title, self.handovers, self.chain_title,
                  self.lookup, self.chain_place, self.chain_steps, self.reconcile_button, self.reconcile_result):
            side.addWidget(w)
        body = QHBoxLayout()
        body.addWidget(self.wizard, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        if bridge is not None:  # the desk's scanners outlive the screen
            self.listen(bridge.event_received, self._device_event)
        self.reconcile_button.clicked.connect(self.reconcile)
        self.lookup.returnPressed.connect(self._lookup_typed)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, self.reconcile)
        self.retranslate()
        self.refresh()

    def _device_event(self, event: object) -> None:
        if isinstance(event, Scan) and self.isVisible():  # the desk's scanner serves the screen in front
            if self.wizard.current_step() == 1:
                self.wizard.on_scan(event.code)
            else:  # outside the scanning step a scan asks where that package is
                self.show_chain(event.code)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Paper custody"))
        self.alerts_title.setText(self.tr("Alerts"))
        self.handovers_title.setText(self.tr("Latest handovers"))
        self.reconcile_button.setText(self.tr("End-of-day reconciliation (F9)"))
        self.chain_title.setText(self.tr("Where is a package?"))
        self.lookup.setPlaceholderText(self.tr("Scan or type a package barcode"))

    def _lookup_typed(self) -> None:
        self.show_chain(self.lookup.text())

    def refresh(self) -> None:
        self.submit(self._overview, self._show, lambda exc: self.reconcile_result.setText(describe(exc)))

    def _show(self, data: CustodyOverview) -> None:
        self.alerts.clear()
        for a in data.alerts:
            self.alerts.addItem(f"{venue_time(a.at):%H:%M} {alert_text(a)}")
        if not data.alerts:
            self.alerts.addItem(self.tr("No custody alerts."))
        self.handovers.clear()
        for h in data.handovers:
            mark = "⚠" if h.status == "with_discrepancy" else "✔"
            self.handovers.addItem(f"{mark} {venue_time(h.at):%m-%d %H:%M} {place_name(h.from_place)} → "
                                   f"{place_name(h.to_place)} · {len(h.lines)}")

    def show_chain(self, barcode: str) -> None:
        code = barcode.strip()
        if code:
            chain = self._chain
            self.submit(lambda: chain(code), self._show_chain,
                                lambda exc: self.chain_place.setText(describe(exc)))

    def _show_chain(self, chain: ItemChain) -> None:
        state = self.tr("missing since a handover") if chain.missing else place_name(chain.place)
        self.chain_place.setText(self.tr("{barcode} ({kind}): {state}").format(
            barcode=chain.item.barcode, kind=kind_name(chain.item.kind), state=state))
        self.chain_steps.clear()
        for step in chain.steps:
            mark = "✔" if step.present else "✖"
            self.chain_steps.addItem(f"{mark} {venue_time(step.at):%m-%d %H:%M} {place_name(step.from_place)} → "
                                     f"{place_name(step.to_place)} · {', '.join(step.signers)}")
        if chain.gaps:
            self.chain_steps.addItem(self.tr("⚠ {n} gap(s) in the chain").format(n=chain.gaps))

    def reconcile(self) -> None:
        self.submit(self._reconcile, self._reconciled, lambda exc: self.reconcile_result.setText(describe(exc)))

    def _reconciled(self, result: Reconciliation) -> None:
        if result.complete:
            self.reconcile_result.setText(self.tr("All {n} packages received are accounted for.").format(
                n=result.received))
        else:
            self.reconcile_result.setText(self.tr("{bad} of {n} packages received are not accounted for: {codes}").format(
                bad=len(result.unaccounted), n=result.received,
                codes=", ".join(f"{a.item.barcode} ({place_name(a.place)})" for a in result.unaccounted[:8])))
