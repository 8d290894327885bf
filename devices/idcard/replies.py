"""Replies of the reader: SW1 SW2 SW3 [DATA], and the layout of the read reply's data.

The read reply (devices.md §1) carries, after SW3, big-endian lengths of the text (0x0100) and the
photo (0x0400), then the text block and the WLT photo; the fingerprint variant (`30 10`) adds a third
length (fingerprints) so that the text starts at frame offset 16 instead of 14.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.idcard.errors import Fault, IdCardDecodeError
from devices.idcard.frames import Frame, encode_frame
from devices.idcard.photo import PhotoResult
from devices.idcard.status import Sw3, sw3_meaning

TEXT_SIZE = 0x0100
PHOTO_SIZE = 0x0400
FIND_OK_DATA = bytes(4)
SELECT_OK_DATA = bytes(8)


@dataclass(frozen=True)
class Reply:
    sw1: int
    sw2: int
    sw3: int
    data: bytes

    @property
    def meaning(self) -> str:
        return sw3_meaning(self.sw3)


@dataclass(frozen=True)
class ReadData:
    text: bytes
    photo: bytes
    fingerprint: bytes | None
    """None when the reply had no fingerprint length (a `30 01` read); b"" when it had one of 0."""
    sdk_photo: PhotoResult | None = None
    """The photo as a vendor SDK decoded it itself (its BMP), or why the BMP it should have written is
    not there; None when the reader gave only the WLT bytes (`photo`)."""


def parse_reply(frame: Frame) -> Reply:
    if len(frame.payload) < 3:
        raise IdCardDecodeError(
            Fault.UNEXPECTED_REPLY, f"reply payload of {len(frame.payload)} bytes has no SW1 SW2 SW3"
        )
    payload = frame.payload
    return Reply(sw1=payload[0], sw2=payload[1], sw3=payload[2], data=bytes(payload[3:]))


def parse_read_data(data: bytes) -> ReadData:
    """Split a successful read reply's data. The lengths decide whether fingerprints are present:
    2 lengths + text + photo must fill the data exactly, otherwise a third length is expected."""
    if len(data) < 4:
        raise IdCardDecodeError(
            Fault.UNEXPECTED_REPLY, f"read reply data of {len(data)} bytes has no lengths"
        )
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    if text_len != TEXT_SIZE:
        raise IdCardDecodeError(Fault.UNEXPECTED_REPLY, f"text length {text_len}, expected {TEXT_SIZE}")
    if 4 + text_len + photo_len == len(data):
        body = data[4:]
        return ReadData(text=body[:text_len], photo=body[text_len:], fingerprint=None)
    if len(data) < 6:
        raise IdCardDecodeError(Fault.UNEXPECTED_REPLY, "read reply lengths do not match its size")
    finger_len = int.from_bytes(data[4:6], "big")
    if 6 + text_len + photo_len + finger_len != len(data):
        raise IdCardDecodeError(
            Fault.UNEXPECTED_REPLY,
            f"read reply of {len(data)} data bytes does not hold text {text_len} + photo {photo_len}"
            f" (+ fingerprint {finger_len})",
        )
    body = data[6:]
    return ReadData(
        text=body[:text_len],
        photo=body[text_len : text_len + photo_len],
        fingerprint=body[text_len + photo_len :],
    )


def encode_reply(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    return encode_frame(bytes([sw1, sw2, sw3]) + data)


def encode_read_reply(text: bytes, photo: bytes, fingerprint: bytes | None = None) -> bytes:
    """A successful read reply as a reader sends it (1295 bytes without fingerprints)."""
    lengths = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
    if fingerprint is not None:
        lengths += len(fingerprint).to_bytes(2, "big")
    return encode_reply(Sw3.SUCCESS, lengths + text + photo + (fingerprint or b""))
