"""From what the devices report to what the check-in rules read."""

from __future__ import annotations

from dataclasses import dataclass

from app.rules.checkin import PresentedDocument, PresentedTicket, PresentedType
from devices.idcard.document import CardType, IdDocument
from devices.idcard.photo import PhotoDecoder, PhotoStatus
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


def from_card(doc: IdDocument, decoder: PhotoDecoder) -> ReadCard:
    result = decoder.decode(doc.photo_wlt) if doc.photo_wlt else None
    photo = result.bmp if result is not None and result.status is PhotoStatus.DECODED else None
    name = doc.name or doc.english_name
    return ReadCard(PresentedDocument(CARD_TYPES[doc.card_type], doc.number.strip().upper(), name.strip(),
                                      doc.valid_until, photo_decodable=photo is not None), photo)


def from_scan(scan: Scan) -> PresentedTicket:
    return PresentedTicket(normalise_ticket(scan.code))
