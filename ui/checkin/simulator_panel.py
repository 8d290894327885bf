"""Demo mode only: drive the simulated reader and scanner from beside the desk, so anyone can walk
through every verdict without hardware. Everything goes through the real drivers: the panel puts a
card on the simulated reader (pseudo-terminal, real frames) or sends a code from the simulated
serial scanner, and the desk hears it exactly as it would from the devices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain import DocumentType
from app.domain import Gender as AppGender
from app.services.demo_desk import DemoPerson
from devices.idcard.document import CardType, Gender, IdDocument
from devices.idcard.samples import sample_photo
from ui.devices.station import DemoDevices

CARD_TYPES = {
    DocumentType.RESIDENT_ID: CardType.RESIDENT,
    DocumentType.HKMT_PERMIT: CardType.HKMT_RESIDENCE_PERMIT,
    DocumentType.FOREIGN_PERMANENT_2017: CardType.FOREIGN_PERMANENT_2017,
    DocumentType.FOREIGN_PERMANENT_2023: CardType.FOREIGN_PERMANENT_2023,
}


def demo_card(person: DemoPerson, photos: dict[bytes, bytes], *, expired: bool = False) -> IdDocument:
    wlt = sample_photo(person.document_number)
    if person.photo:
        photos[wlt] = person.photo
    foreign = CARD_TYPES[person.document_type] in (CardType.FOREIGN_PERMANENT_2017, CardType.FOREIGN_PERMANENT_2023)
    return IdDocument(
        card_type=CARD_TYPES[person.document_type], name=person.name,
        gender=Gender.FEMALE if person.gender is AppGender.FEMALE else Gender.MALE,
        birth_date=date(1990, 1, 1), number=person.document_number, valid_from=date(2020, 1, 1),
        valid_until=date(2021, 1, 1) if expired else date(2040, 1, 1),
        english_name="DEMO CANDIDATE" if foreign else "", nation_code="01", address="演示地址",
        authority="演示签发机关", nationality="CAN" if foreign else "", photo_wlt=wlt)


class SimulatorPanel(QGroupBox):
    def __init__(self, devices: DemoDevices, load_people: Callable[[], list[DemoPerson]],
                 set_offset: Callable[[timedelta], None], minutes_to_start: Callable[[], float],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="SimulatorPanel")
        self._devices, self._load, self._set_offset, self._to_start = devices, load_people, set_offset, minutes_to_start
        self.people: list[DemoPerson] = []
        self.person = QComboBox()
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        actions = [("card", self.present_card), ("ticket", self.scan_ticket), ("other", self.present_other),
                   ("expired", self.present_expired), ("remove", self.remove_card), ("late", self.arrive_late),
                   ("on_time", self.back_on_time), ("unplug", self.unplug), ("replug", self.replug)]
        for i, (key, slot) in enumerate(actions):
            button = QPushButton(objectName="SimButton")
            button.clicked.connect(slot)
            self.buttons[key] = button
            grid.addWidget(button, i // 2, i % 2)
        self.note = QLabel(objectName="SimNote", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.person)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        self.retranslate()

    def reload(self) -> None:
        self.people = self._load()
        self.person.clear()
        for p in self.people:
            self.person.addItem(f"{p.name} · {p.room_code}-{p.seat_number} · {p.ticket_number}")

    def _chosen(self, offset: int = 0) -> DemoPerson | None:
        if not self.people:
            return None
        return self.people[(self.person.currentIndex() + offset) % len(self.people)]

    def _present(self, card: IdDocument) -> None:
        # A fresh presentation: the reader must see the field empty before the next card.
        self._devices.reader.remove()
        QTimer.singleShot(350, lambda: self._devices.reader.present(card))

    def present_card(self) -> None:
        person = self._chosen()
        if person:
            self._present(demo_card(person, self._devices.photos.images))

    def present_other(self) -> None:
        person = self._chosen(1)
        if person:
            self._present(demo_card(person, self._devices.photos.images))

    def present_expired(self) -> None:
        person = self._chosen()
        if person:
            self._present(demo_card(person, self._devices.photos.images, expired=True))

    def scan_ticket(self) -> None:
        person = self._chosen()
        if person:
            self._devices.scanner.scan(person.ticket_number)

    def remove_card(self) -> None:
        self._devices.reader.remove()

    def arrive_late(self) -> None:
        """Move the desk's clock to 6 minutes after the start (demo only)."""
        self._set_offset(timedelta(minutes=self._to_start() + 6))

    def back_on_time(self) -> None:
        self._set_offset(timedelta(0))

    def unplug(self) -> None:
        self._devices.reader.unplug()

    def replug(self) -> None:
        self._devices.reader.replug()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Simulated devices (demo)"))
        texts = {"card": self.tr("Present own ID card"), "ticket": self.tr("Scan ticket"),
                 "other": self.tr("Present someone else's card"), "expired": self.tr("Present an expired card"),
                 "remove": self.tr("Take the card away"), "late": self.tr("Arrive late (start + 6 min)"),
                 "on_time": self.tr("Back to real time"), "unplug": self.tr("Pull the reader's cable"),
                 "replug": self.tr("Plug the reader back in")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.note.setText(self.tr("Pick a candidate, then present their card and scan their ticket in either order."))
