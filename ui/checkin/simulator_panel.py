"""Demo mode only: drive the simulated reader and scanner from beside the desk, so anyone can walk
through every verdict without hardware. Everything goes through the real drivers: the panel puts a
card on the simulated reader (pseudo-terminal, real frames) or sends a code from the simulated
serial scanner, and the desk hears it exactly as it would from the devices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

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


EXPIRED_ON = date(2021, 1, 1)  # the "expired card" button's card: what the desk must show


def demo_card(person: DemoPerson, photos: dict[bytes, bytes], *, expired: bool = False) -> IdDocument:
    """The card a candidate of the demo carries, in its own type's layout: each layout has its
    own fields and slot sizes (a 2017 foreign card carries a 4-character authority code, not a
    name), so a card that fits one layout would not encode in another."""
    wlt = sample_photo(person.document_number)
    if person.photo:
        photos[wlt] = person.photo
    card_type = CARD_TYPES[person.document_type]
    common = {
        "card_type": card_type, "name": person.name, "number": person.document_number,
        "gender": Gender.FEMALE if person.gender is AppGender.FEMALE else Gender.MALE,
        "birth_date": date(1990, 1, 1), "valid_from": date(2020, 1, 1),
        "valid_until": EXPIRED_ON if expired else date(2040, 1, 1), "photo_wlt": wlt,
    }
    if card_type is CardType.RESIDENT:
        return IdDocument(**common, nation_code="01", address="演示地址", authority="演示市公安局")
    if card_type is CardType.HKMT_RESIDENCE_PERMIT:
        return IdDocument(**common, address="演示地址", authority="演示市公安局", pass_number="H01234567",
                          issue_count=1)
    nationality = person.document_number[:3] if person.document_number[:3].isalpha() else "CAN"
    if card_type is CardType.FOREIGN_PERMANENT_2017:
        return IdDocument(**common, english_name="DEMO, CANDIDATE", nationality=nationality, authority="1500",
                          card_version="01")
    return IdDocument(**common, english_name="DEMO, CANDIDATE", nationality=nationality, issue_count=0)


class SimulatorPanel(QGroupBox):
    """`load_people(room_id)`: the candidates of the desk's sitting seated in that room (None: the
    desk's own door); `rooms()`: every room (id, code), so a candidate of another room can be
    presented at this door (the wrong-room verdict)."""

    def __init__(self, devices: DemoDevices, load_people: Callable[[object | None], list[DemoPerson]],
                 set_offset: Callable[[timedelta], None], minutes_to_start: Callable[[], float],
                 rooms: Callable[[], list[tuple[object, str]]] = list, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="SimulatorPanel")
        self._devices, self._load, self._set_offset, self._to_start = devices, load_people, set_offset, minutes_to_start
        self._rooms = rooms
        self.people: list[DemoPerson] = []
        self.room = QComboBox()
        self.room.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.room.setMinimumContentsLength(12)
        self.room.currentIndexChanged.connect(lambda _i: self._load_people())
        self.person = QComboBox()
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person.setMinimumContentsLength(12)
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
        # One timer for every presentation, not QTimer.singleShot(350, …): in PySide6 6.10 and 6.11
        # each timed singleShot with a Python callable keeps three references to None for good.
        self._card: IdDocument | None = None
        self._put_down = QTimer(self, singleShot=True, interval=350)
        self._put_down.timeout.connect(self._put_card)
        layout = QVBoxLayout(self)
        layout.addWidget(self.room)
        layout.addWidget(self.person)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        self.retranslate()

    def reload(self) -> None:
        """The desk chose a sitting and door: list the rooms again, then that door's candidates."""
        self.room.blockSignals(True)
        self.room.clear()
        self.room.addItem(self.tr("Candidates of this door"), None)
        for room_id, code in self._rooms():
            self.room.addItem(self.tr("Candidates of room {room}").format(room=code), room_id)
        self.room.blockSignals(False)
        self._load_people()

    def choose_room(self, code: str | None) -> None:
        """Pick the candidates of room `code` (None: this door's), as the invigilator would."""
        label = self.tr("Candidates of room {room}").format(room=code) if code else self.room.itemText(0)
        self.room.setCurrentIndex(max(0, self.room.findText(label)))

    def _load_people(self) -> None:
        self.people = self._load(self.room.currentData())
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
        self._card = card
        self._put_down.start()

    def _put_card(self) -> None:
        if self._card is not None:
            self._devices.reader.present(self._card)

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
        """Back to real time: the absences marked while late are withdrawn (the wiring does)."""
        self._set_offset(timedelta(0))

    def unplug(self) -> None:
        self._devices.reader.unplug()

    def replug(self) -> None:
        self._devices.reader.replug()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Simulated devices (demo)"))
        texts = {"card": self.tr("Own ID card"), "ticket": self.tr("Scan ticket"),
                 "other": self.tr("Someone else's card"), "expired": self.tr("Expired card"),
                 "remove": self.tr("Remove card"), "late": self.tr("Late (start + 6 min)"),
                 "on_time": self.tr("Back to real time"), "unplug": self.tr("Unplug reader"),
                 "replug": self.tr("Plug reader in")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.note.setText(self.tr("Pick a candidate, then present their card and scan their ticket in either order."))


class SimulatorScroll(QScrollArea):
    """Holds the panel beside the desk: as wide as the panel's buttons need, as tall as there is
    room for (it scrolls), so the demo never pushes the desk past a 1366×768 window."""

    def __init__(self, panel: SimulatorPanel) -> None:
        super().__init__(objectName="SimulatorScroll", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        panel = self.widget()
        if panel is not None:
            hint.setWidth(panel.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2)
        return hint
