"""The left half of the desk: one glance tells the verdict. The whole panel takes the verdict's
colour, the word is the largest text, the reason the second largest, the two photos side by side."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain import Gender
from app.rules.checkin import CardPhoto
from app.services.checkin import CandidateView, Outcome
from ui.checkin.texts import next_step, reasons_text, verdict_word
from ui.restyle import restyle

PHOTO_SIZE = (204, 252)  # twice the card's 102×126; the smallest a photo is shown
MAX_PHOTO_HEIGHT = 504


def gender_name(gender: Gender) -> str:
    return {Gender.MALE: QCoreApplication.translate("Checkin", "Male"),
            Gender.FEMALE: QCoreApplication.translate("Checkin", "Female")}.get(gender, "")


class Photo(QLabel):
    """A photo at the card's proportions; `scale_to(height)` lets a large screen show it larger."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="Photo")
        self.setFixedSize(*PHOTO_SIZE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self._image = QPixmap()

    def show_image(self, data: bytes | None, missing: str) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self._image = pixmap
            self._paint_image()
        else:
            self._image = QPixmap()
            self.setPixmap(QPixmap())
            self.setText(missing)

    def scale_to(self, height: int) -> None:
        width = height * PHOTO_SIZE[0] // PHOTO_SIZE[1]
        if (width, height) != (self.width(), self.height()):
            self.setFixedSize(width, height)
            if not self._image.isNull():
                self._paint_image()

    def _paint_image(self) -> None:
        self.setPixmap(self._image.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class VerdictPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="VerdictPanel")
        self.setProperty("verdict", "ready")
        self.registration = Photo()
        self.card = Photo()
        self.registration_caption = QLabel(objectName="PhotoCaption", alignment=Qt.AlignmentFlag.AlignCenter)
        self.card_caption = QLabel(objectName="PhotoCaption", alignment=Qt.AlignmentFlag.AlignCenter)
        self.word = QLabel(objectName="VerdictWord", wordWrap=True)
        self.reason = QLabel(objectName="VerdictReason", wordWrap=True)
        self.step = QLabel(objectName="VerdictStep", wordWrap=True)  # what Enter and Esc do now
        self.name = QLabel(objectName="CandidateName")
        self.identity = QLabel(objectName="CandidateLine")
        self.ticket = QLabel(objectName="CandidateLine")
        self.place = QLabel(objectName="CandidatePlace")
        self.other = QLabel(objectName="CandidateLine", wordWrap=True)

        photos = QGridLayout()
        photos.setHorizontalSpacing(12)
        photos.addWidget(self.registration, 0, 0)
        photos.addWidget(self.card, 0, 1)
        photos.addWidget(self.registration_caption, 1, 0)
        photos.addWidget(self.card_caption, 1, 1)
        facts = QVBoxLayout()
        for w in (self.name, self.identity, self.ticket, self.place, self.other):
            facts.addWidget(w)
        facts.addStretch()
        below = QHBoxLayout()
        below.addLayout(photos)
        below.addSpacing(20)
        below.addLayout(facts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.word)
        layout.addWidget(self.reason)
        layout.addWidget(self.step)
        layout.addSpacing(10)
        layout.addLayout(below)
        layout.addStretch()
        self._outcome: Outcome | None = None
        self._card_photo: bytes | None = None
        self._message: tuple[str, str] | None = None
        self.show_ready()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Photos grow with the panel on a large screen (the invigilator compares two faces from a
        step away), never past what leaves room for the verdict and the candidate's facts."""
        super().resizeEvent(event)
        by_width = int((self.width() * 0.55 - 12) / 2 * PHOTO_SIZE[1] / PHOTO_SIZE[0])
        height = max(PHOTO_SIZE[1], min(self.height() - 280, by_width, MAX_PHOTO_HEIGHT))
        for photo in (self.registration, self.card):
            photo.scale_to(height)

    # -- states ------------------------------------------------------------------------------

    def show_ready(self) -> None:
        self._outcome, self._message = None, None
        self._paint("ready")
        self.word.setText(self.tr("Next candidate"))
        self.reason.setText(self.tr("Scan the admission ticket or place the identity card on the reader"))
        self._step("")
        self._candidate(None)

    def show_busy(self) -> None:
        self.reason.setText(self.tr("Checking…"))

    def show_problem(self, title: str, detail: str) -> None:
        """The desk cannot decide (e.g. the database is unreachable); what was presented is kept."""
        self._message = (title, detail)
        self._paint("problem")
        self.word.setText(title)
        self.reason.setText(detail)
        self._step("")

    def show_outcome(self, outcome: Outcome, card_photo: bytes | None) -> None:
        self._outcome, self._card_photo, self._message = outcome, card_photo, None
        self._paint(outcome.verdict.value)
        self.word.setText(verdict_word(outcome.verdict))
        self.reason.setText(reasons_text(outcome))
        self._step(next_step(outcome))
        self._candidate(outcome.candidate, card_photo,
                        outcome.document.card_photo if outcome.document is not None else None)
        if outcome.other is not None:
            self.other.setText(self.tr("The document belongs to: {name}, ticket {ticket}")
                               .format(name=outcome.other.name, ticket=outcome.other.ticket_number))

    def _step(self, text: str) -> None:
        self.step.setText(text)
        self.step.setVisible(bool(text))

    def _paint(self, state: str) -> None:
        self.setProperty("verdict", state)
        restyle(self, *self.findChildren(QLabel))

    def _candidate(self, c: CandidateView | None, card_photo: bytes | None = None,
                   card_state: CardPhoto | None = None) -> None:
        self.registration_caption.setText(self.tr("Registration photo"))
        self.card_caption.setText(self.tr("Card photo"))
        self.other.setText("")
        if c is None:
            self.registration.show_image(None, "")
            self.card.show_image(card_photo, "")
            for w in (self.name, self.identity, self.ticket, self.place):
                w.setText("")
            return
        self.registration.show_image(c.photo, self.tr("No registration photo"))
        self.card.show_image(card_photo, self._no_card_photo(card_state))
        self.name.setText(f"{c.name}　{gender_name(c.gender)}")
        self.identity.setText(c.document_masked)
        self.ticket.setText(self.tr("Ticket {ticket}").format(ticket=c.ticket_number))
        if c.room_code is not None:
            self.place.setText(self.tr("Room {room}  Seat {seat}").format(room=c.room_code, seat=c.seat_number))
        else:
            self.place.setText(self.tr("No seat in this sitting"))

    def _no_card_photo(self, state: CardPhoto | None) -> str:
        if state is None:
            return self.tr("No card read yet")
        if state is CardPhoto.NOT_HERE:
            return self.tr("The chip photo cannot be shown at this desk: compare the face with the registration photo")
        return self.tr("The card's chip photo could not be decoded")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self._outcome is not None:
                self.show_outcome(self._outcome, self._card_photo)
            elif self._message is not None:
                self.show_problem(*self._message)
            else:
                self.show_ready()
        super().changeEvent(event)

    @property
    def verdict(self) -> str:
        return str(self.property("verdict"))

