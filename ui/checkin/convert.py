"""From what the devices report to what the check-in rules read."""

from __future__ import annotations

from dataclasses import dataclass

from app.rules.checkin import CardPhoto, PresentedDocument, PresentedTicket, PresentedType
from devices.idcard.document import CardType
from devices.idcard.events import CardRead
from devices.idcard.photo import PhotoResult, PhotoStatus
from devices.scanner.scan import Scan
from devices.scanner.ticket import normalise_ticket

CARD_TYPES = {
    CardType.RESIDENT: PresentedType.RESIDENT_ID,
    CardType.HKMT_RESIDENCE_PERMIT: PresentedType.HKMT_PERMIT,
    CardType.FOREIGN_PERMANENT_2017: PresentedType.FOREIGN_PERMANENT_2017,
    CardType.FOREIGN_PERMANENT_2023: PresentedType.FOREIGN_PERMANENT_2023,
}


@dataclass(frozen=True)
class ReadCard:
    document: PresentedDocument
    photo: bytes | None  # decoded image bytes (BMP or other QImage-readable), None when not decodable


def card_photo(result: PhotoResult | None) -> CardPhoto:
    """None: the reader has no decoder; NOT_DECODABLE: nothing here can decode it (the demo's
    stand-in for other cards)."""
    if result is None or result.status is PhotoStatus.NOT_DECODABLE:
        return CardPhoto.NOT_HERE
    if result.status is PhotoStatus.DECODED and result.bmp:
        return CardPhoto.DECODED
    return CardPhoto.FAILED


def from_card(event: CardRead) -> ReadCard:
    """The reader decoded the photo on its own thread (event.photo); nothing is decoded here."""
    doc, state = event.document, card_photo(event.photo)
    photo = event.photo.bmp if state is CardPhoto.DECODED and event.photo is not None else None
    name = doc.name or doc.english_name
    return ReadCard(PresentedDocument(CARD_TYPES[doc.card_type], doc.number.strip().upper(), name.strip(),
                                      doc.valid_until, card_photo=state), photo)


def from_scan(scan: Scan) -> PresentedTicket:
    return PresentedTicket(normalise_ticket(scan.code))
