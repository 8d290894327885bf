"""SW3, the status byte of every reply, and what each value means (devices.md §1, SW3 table)."""

from __future__ import annotations

import enum


class Sw3(enum.IntEnum):
    SUCCESS = 0x90
    NO_SUCH_ITEM = 0x91
    CARD_FOUND = 0x9F
    HOST_CHECKSUM_ERROR = 0x10
    HOST_LENGTH_ERROR = 0x11
    COMMAND_ERROR = 0x21
    NOT_PERMITTED = 0x23
    UNRECOGNISED_ERROR = 0x24
    AUTHENTICATION_FAILED_1 = 0x31
    AUTHENTICATION_FAILED_2 = 0x32
    AUTHENTICATION_FAILED_3 = 0x33
    FINGERPRINT_ERROR = 0x37
    INFO_LENGTH_ERROR = 0x3F
    UNKNOWN_CARD_TYPE = 0x40
    READ_FAILED = 0x41
    RANDOM_NUMBER_FAILED = 0x47
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORISED = 0x66
    FIND_FAILED = 0x80
    SELECT_FAILED = 0x81


_MEANINGS: dict[int, str] = {
    0x90: "success",
    0x91: "card has no such item",
    0x9F: "card found",
    0x10: "checksum error in host data",
    0x11: "length error in host data",
    0x21: "command error",
    0x23: "operation not permitted",
    0x24: "unrecognised error",
    0x31: "card/SAM authentication failed",
    0x32: "card/SAM authentication failed",
    0x33: "card/SAM authentication failed",
    0x37: "fingerprint verification error",
    0x3F: "information length error",
    0x40: "unknown card type",
    0x41: "read failed",
    0x47: "random number failed",
    0x60: "SAM self-test failed",
    0x66: "SAM not authorised",
    0x80: "find failed (no card)",
    0x81: "select failed",
}

SAM_FAULTS = frozenset({Sw3.SAM_SELF_TEST_FAILED, Sw3.SAM_NOT_AUTHORISED})
"""Codes that say the reader itself is unusable, not the card: the device is reported FAILED."""


def sw3_meaning(code: int) -> str:
    """English technician text for an SW3 value; unknown values are named by their hex code."""
    return _MEANINGS.get(code, f"unknown status 0x{code:02X}")
