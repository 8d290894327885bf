"""The ID-card frame protocol, byte for byte as devices.md §1 gives it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.idcard.errors import Fault, FrameError, IdCardDecodeError
from devices.idcard.frames import PREAMBLE, Command, Frame, FrameParser, command_frame, encode_frame
from devices.idcard.replies import encode_read_reply, parse_read_data, parse_reply
from devices.idcard.status import Sw3, sw3_meaning
from devices.idcard.textblock import decode_text_block


def frames_of(data: bytes, chunk: int | None = None) -> list[Frame | FrameError]:
    parser = FrameParser()
    pieces = [data] if chunk is None else [data[i : i + chunk] for i in range(0, len(data), chunk)]
    items = [item for piece in pieces for item in parser.feed(piece)]
    return items + list(parser.finish())


@pytest.mark.parametrize(
    ("command", "literal"),
    [
        (Command.SAM_STATUS, "AA AA AA 96 69 00 03 11 FF ED"),
        (Command.SAM_RESET, "AA AA AA 96 69 00 03 10 FF EC"),
        (Command.READ_SAM_ID, "AA AA AA 96 69 00 03 12 FF EE"),
        (Command.FIND_CARD, "AA AA AA 96 69 00 03 20 01 22"),
        (Command.SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21"),
        (Command.READ, "AA AA AA 96 69 00 03 30 01 32"),
        (Command.READ_WITH_FINGERPRINT, "AA AA AA 96 69 00 03 30 10 23"),
    ],
)
def test_command_frames_are_the_documented_bytes(command: Command, literal: str) -> None:
    assert command_frame(command) == bytes.fromhex(literal)


@pytest.mark.parametrize(
    ("literal", "sw3", "data"),
    [
        ("AA AA AA 96 69 00 04 00 00 90 94", 0x90, ""),  # status OK
        ("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", 0x9F, "00000000"),  # find OK
        ("AA AA AA 96 69 00 04 00 00 80 84", 0x80, ""),  # find failed (no card)
        ("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", 0x90, "00" * 8),  # select OK
        ("AA AA AA 96 69 00 04 00 00 81 85", 0x81, ""),  # select failed
        ("AA AA AA 96 69 00 04 00 00 41 45", 0x41, ""),  # read failed
    ],
)
def test_documented_short_replies_parse_to_their_status(literal: str, sw3: int, data: str) -> None:
    (frame,) = frames_of(bytes.fromhex(literal))
    assert isinstance(frame, Frame)
    reply = parse_reply(frame)
    assert (reply.sw1, reply.sw2, reply.sw3, reply.data) == (0, 0, sw3, bytes.fromhex(data))


def test_read_reply_is_1295_bytes_with_the_documented_header_and_text_at_offset_14() -> None:
    text, photo = bytes(range(256)), bytes(1024)
    wire = encode_read_reply(text, photo)
    assert len(wire) == 1295
    assert wire[:14] == bytes.fromhex("AA AA AA 96 69 05 08 00 00 90 01 00 04 00")
    assert wire[14:270] == text
    (frame,) = frames_of(wire)
    assert isinstance(frame, Frame)
    data = parse_read_data(parse_reply(frame).data)
    assert (data.text, data.photo, data.fingerprint) == (text, photo, None)


def test_read_with_fingerprint_adds_a_third_length_and_text_starts_at_offset_16() -> None:
    text, photo, prints = b"T" * 256, b"P" * 1024, b"F" * 1024
    wire = encode_read_reply(text, photo, prints)
    assert wire[10:16] == bytes.fromhex("0100 0400 0400")
    assert wire[16:272] == text
    (frame,) = frames_of(wire)
    assert isinstance(frame, Frame)
    data = parse_read_data(parse_reply(frame).data)
    assert (data.text, data.photo, data.fingerprint) == (text, photo, prints)


def test_read_reply_whose_lengths_do_not_fill_it_is_rejected() -> None:
    data = bytes.fromhex("0100 0400") + bytes(256 + 1000)
    with pytest.raises(IdCardDecodeError) as caught:
        parse_read_data(data)
    assert caught.value.fault is Fault.UNEXPECTED_REPLY


@pytest.mark.parametrize(
    ("code", "meaning"),
    [
        (0x90, "success"),
        (0x91, "card has no such item"),
        (0x9F, "card found"),
        (0x10, "checksum error in host data"),
        (0x11, "length error in host data"),
        (0x21, "command error"),
        (0x23, "operation not permitted"),
        (0x24, "unrecognised error"),
        (0x31, "card/SAM authentication failed"),
        (0x32, "card/SAM authentication failed"),
        (0x33, "card/SAM authentication failed"),
        (0x37, "fingerprint verification error"),
        (0x3F, "information length error"),
        (0x40, "unknown card type"),
        (0x41, "read failed"),
        (0x47, "random number failed"),
        (0x60, "SAM self-test failed"),
        (0x66, "SAM not authorised"),
        (0x80, "find failed (no card)"),
        (0x81, "select failed"),
    ],
)
def test_every_sw3_code_of_the_table_has_its_meaning(code: int, meaning: str) -> None:
    assert Sw3(code) == code
    assert sw3_meaning(code) == meaning


def test_unknown_sw3_is_named_by_its_hex_code() -> None:
    assert sw3_meaning(0x5A) == "unknown status 0x5A"


def test_garbage_before_a_frame_is_reported_and_the_frame_still_found() -> None:
    items = frames_of(b"\x00\xaa\x13noise\xaa\xaa" + command_frame(Command.FIND_CARD))
    assert items == [
        FrameError(Fault.GARBAGE, "skipped 10 bytes that belong to no frame"),
        Frame(payload=Command.FIND_CARD.value, size=10),
    ]


def test_bad_checksum_is_named_and_the_next_good_frame_is_recovered() -> None:
    bad = command_frame(Command.FIND_CARD)[:-1] + b"\x00"
    items = frames_of(bad + command_frame(Command.READ))
    assert [type(i) for i in items] == [FrameError, Frame]
    assert isinstance(items[0], FrameError) and items[0].fault is Fault.BAD_CHECKSUM
    assert "0x00 where 0x22 was due" in items[0].detail
    assert items[1] == Frame(Command.READ.value, 10)


def test_impossible_length_is_a_bad_length_fault_not_a_wait_for_64k_bytes() -> None:
    items = frames_of(PREAMBLE + b"\xff\xff\x00\x00" + command_frame(Command.SAM_STATUS))
    assert isinstance(items[0], FrameError) and items[0].fault is Fault.BAD_LENGTH
    assert items[-1] == Frame(Command.SAM_STATUS.value, 10)


def test_frame_cut_short_is_reported_as_truncated_with_counts() -> None:
    items = frames_of(encode_read_reply(bytes(256), bytes(1024))[:700])
    assert items == [FrameError(Fault.TRUNCATED, "frame cut short: 700 of 1295 bytes received")]


def test_frame_fed_one_byte_at_a_time_is_reassembled() -> None:
    wire = encode_read_reply(bytes(256), bytes(1024))
    assert [i for i in frames_of(wire, chunk=1) if isinstance(i, Frame)] == [Frame(wire[7:-1], 1295)]


def test_parser_asks_for_exactly_the_rest_of_the_frame() -> None:
    parser = FrameParser()
    list(parser.feed(encode_read_reply(bytes(256), bytes(1024))[:100]))
    assert parser.wanted() == 1195


@given(payload=st.binary(min_size=2, max_size=3000), chunk=st.integers(min_value=1, max_value=400))
def test_any_payload_survives_encode_and_chunked_parse(payload: bytes, chunk: int) -> None:
    assert frames_of(encode_frame(payload), chunk) == [Frame(payload, len(payload) + 8)]


@given(
    parts=st.lists(
        st.tuples(
            st.binary(max_size=40).filter(lambda b: b"\xaa" not in b), st.binary(min_size=2, max_size=60)
        ),
        max_size=6,
    ),
    chunk=st.integers(min_value=1, max_value=64),
)
def test_frames_between_garbage_are_all_recovered_in_order(
    parts: list[tuple[bytes, bytes]], chunk: int
) -> None:
    stream = b"".join(junk + encode_frame(payload) for junk, payload in parts)
    found = [i.payload for i in frames_of(stream, chunk) if isinstance(i, Frame)]
    assert found == [payload for _, payload in parts]


@given(stream=st.binary(max_size=4000), chunk=st.integers(min_value=1, max_value=2000))
def test_arbitrary_bytes_never_crash_the_parser_and_never_yield_a_document(stream: bytes, chunk: int) -> None:
    for item in frames_of(stream, chunk):
        if isinstance(item, FrameError):
            assert item.fault in {Fault.GARBAGE, Fault.BAD_CHECKSUM, Fault.BAD_LENGTH, Fault.TRUNCATED}
            continue
        with pytest.raises(IdCardDecodeError):
            data = parse_read_data(parse_reply(item).data)
            decode_text_block(data.text, data.photo)


@given(stream=st.binary(max_size=600).map(lambda b: PREAMBLE + b))
def test_arbitrary_bytes_after_a_preamble_never_crash_the_parser(stream: bytes) -> None:
    for item in frames_of(stream, 7):
        assert isinstance(item, (Frame, FrameError))
