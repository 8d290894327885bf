"""The drivers this package ships, each built from a `DeviceConfig` by a factory that imports its
driver only when used (importing this module opens no port and loads neither pyserial nor OpenCV)."""

from __future__ import annotations

from collections.abc import Mapping

from devices.base import Device, EventSink
from devices.device_config import DeviceConfig, DeviceKind, DriverFactory


def default_factories() -> dict[str, DriverFactory]:
    """Factories for the drivers this package ships; each imports its driver only when used.
    Monitoring cameras are not among them: the paper-room recorder owns those (one owner per camera)."""
    return {DeviceKind.SCANNER_SERIAL: serial_scanner_factory, DeviceKind.IDCARD: idcard_factory,
            DeviceKind.IDCARD_SDK: sdk_idcard_factory,
            DeviceKind.SCANNER_CAMERA: camera_scanner_factory, DeviceKind.SCANNER_WEDGE: wedge_factory}


def idcard_factory(config: DeviceConfig, sink: EventSink) -> Device:
    from devices.idcard.driver import IdCardReader, ReaderSettings
    from devices.idcard.photo import decoder_maker

    options = dict(config.options)
    decoder = options.pop("photo_decoder", None)
    return IdCardReader(sink, config.source or None, name=config.name,
                        settings=ReaderSettings.from_options(options),
                        photo_decoder=decoder_maker(decoder if isinstance(decoder, Mapping) else None))


def sdk_idcard_factory(config: DeviceConfig, sink: EventSink) -> Device:
    """Options: `port` (1001–1016 USB, 1–16 serial; absent: the first that opens), `photo_bmp` (the
    file the library writes the decoded photo to), `photo_decoder`, and the serial reader's polling
    options that apply (find_interval, status_interval, read_fingerprint, absent_finds_to_clear)."""
    from devices.idcard.driver import IdCardReader, ReaderSettings
    from devices.idcard.photo import decoder_maker
    from devices.idcard.sdk_link import SdkConnector
    from devices.idcard.sdtapi import ALL_PORTS

    if not config.source:
        raise ValueError("idcard-sdk: the source must be the path of the vendor's sdtapi library")
    options = dict(config.options)
    port, bmp, decoder = options.pop("port", None), options.pop("photo_bmp", None), options.pop("photo_decoder", None)
    if port is not None and (not isinstance(port, int) or isinstance(port, bool) or port not in ALL_PORTS):
        raise ValueError(f"idcard-sdk: port {port!r} is neither 1001–1016 (USB) nor 1–16 (serial)")
    if bmp is not None and not isinstance(bmp, str):
        raise ValueError("idcard-sdk: photo_bmp must be a file path")
    unused = set(options) & {"baudrate", "command_timeout", "connect_timeout"}  # the library's own business
    if unused:
        raise ValueError(f"idcard-sdk: option {sorted(unused)[0]!r} does not apply to a reader driven by its SDK")
    settings = ReaderSettings.from_options(options)
    connector = SdkConnector(config.source, port, fingerprint=settings.read_fingerprint, photo_bmp=bmp or None)
    return IdCardReader(sink, name=config.name, settings=settings, connector=connector, kind=config.kind.value,
                        photo_decoder=decoder_maker(decoder if isinstance(decoder, Mapping) else None))


def serial_scanner_factory(config: DeviceConfig, sink: EventSink) -> Device:
    from devices.scanner.serial_scanner import SerialScanner, SerialSettings

    settings = SerialSettings.from_options(config.source, config.options)
    return SerialScanner(config.name, settings, sink, kind=config.kind.value)


def camera_scanner_factory(config: DeviceConfig, sink: EventSink) -> Device:
    from devices.camera.source import parse_source
    from devices.scanner.camera import CameraScanner, CameraScannerConfig
    from devices.scanner.ticket import DEFAULT_TICKET_PATTERN

    absent_frames = config.options.get("absent_frames", 8)
    absent_s = config.options.get("absent_s", 0.5)
    pattern = config.options.get("ticket_pattern") or DEFAULT_TICKET_PATTERN
    if not isinstance(absent_frames, int) or not isinstance(absent_s, int | float):
        raise ValueError("camera scanner: absent_frames must be a whole number and absent_s a number")
    if not isinstance(pattern, str):
        raise ValueError("camera scanner: ticket_pattern must be a regular expression")
    # ticket_pattern: the exam's rule; a read outside it is reported only when both decoders agree.
    return CameraScanner(config.name, parse_source(config.source), sink,
                         CameraScannerConfig(absent_frames=absent_frames, absent_s=float(absent_s),
                                             ticket_pattern=pattern))


def wedge_factory(config: DeviceConfig, sink: EventSink) -> Device:
    from devices.scanner.wedge_device import KeyboardWedge, wedge_config

    return KeyboardWedge(config.name, wedge_config(config.options), sink)
