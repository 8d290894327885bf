"""The desk's devices as typed settings: the one place the `devices` entries of settings.json are read.

Each entry names a device and its kind, where it is (`source`, or `port` for the serial kinds) and
its `options`; every option is declared here with its type and default, so a typo or a wrong value
is refused with an error naming the entry and the key, never silently dropped or defaulted.

The core does not import the drivers: `registry_entry()` gives each device as plain values
(name, kind, source, options) that the composition root hands to `devices.registry`.

    {"name": "gate reader", "kind": "idcard", "port": "COM3",
     "options": {"find_interval": 0.3, "photo_decoder": {"library": "C:/wlt/WltRS.dll", "flavour": "getbmp"}}}
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from app.errors import VenueError


class DeviceSettingsError(VenueError):
    pass


class DeviceKindName(enum.StrEnum):
    """The kinds `devices.device_config.DeviceKind` knows, by the same values."""

    IDCARD = "idcard"
    IDCARD_SDK = "idcard-sdk"
    SCANNER_SERIAL = "scanner-serial"
    SCANNER_WEDGE = "scanner-wedge"
    SCANNER_CAMERA = "scanner-camera"
    CAMERA = "camera"


class Expect(enum.Enum):
    """What an option's value must be; each has its own translated sentence."""

    TEXT = "text"
    POSITIVE = "positive"  # a number > 0
    POSITIVE_OR_NULL = "positive_or_null"
    COUNT = "count"  # a whole number ≥ 1
    FLAG = "flag"
    CHAR_OR_NULL = "char_or_null"
    CHOICE = "choice"
    DECODER = "decoder"
    SDK_PORT = "sdk_port"  # 1001–1016 (USB), 1–16 (serial) or null


SDK_PORTS = (*range(1001, 1017), *range(1, 17))

PHOTO_FLAVOURS = ("unpack", "getbmp")
PARITIES = ("N", "E", "O", "M", "S")


@dataclass(frozen=True)
class PhotoDecoderSettings:
    """A vendor WLT decoder (devices/idcard/photo.py): the library's path and its entry-point flavour."""

    library: str
    flavour: str = "unpack"


@dataclass(frozen=True)
class DeviceSettings:
    name: str
    source: str = ""

    kind: ClassVar[DeviceKindName]
    needs_source: ClassVar[bool] = False
    options_spec: ClassVar[Mapping[str, Expect]] = {}
    choices: ClassVar[Mapping[str, tuple[str | int | float, ...]]] = {}

    def options(self) -> dict[str, Any]:
        """The options that differ from the defaults, as plain JSON values."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name in ("name", "source"):
                continue
            value = getattr(self, f.name)
            if value != f.default:
                out[f.name] = dataclasses.asdict(value) if isinstance(value, PhotoDecoderSettings) else value
        return out

    def registry_entry(self) -> tuple[str, str, str, dict[str, Any]]:
        """(name, kind, source, options) for `devices.device_config.DeviceConfig`."""
        return self.name, self.kind.value, self.source, self.options()

    def to_dict(self) -> dict[str, Any]:
        """The entry as settings.json holds it (read back by `parse_devices`)."""
        data: dict[str, Any] = {"name": self.name, "kind": self.kind.value}
        if self.source:
            data["source"] = self.source
        options = self.options()
        if options:
            data["options"] = options
        return data

    def check(self, fail: _Failer) -> None:
        """Rules between options (overridden where a kind has them)."""


@dataclass(frozen=True)
class IdReaderSettings(DeviceSettings):
    """An ID-card reader; an empty source finds the reader among the serial ports."""

    find_interval: float = 0.3
    status_interval: float = 3.0
    command_timeout: float = 5.0
    connect_timeout: float = 1.0
    baudrate: int = 115200
    read_fingerprint: bool = False
    absent_finds_to_clear: int = 1
    photo_decoder: PhotoDecoderSettings | None = None

    kind = DeviceKindName.IDCARD
    options_spec: ClassVar[Mapping[str, Expect]] = {"find_interval": Expect.POSITIVE, "status_interval": Expect.POSITIVE,
                    "command_timeout": Expect.POSITIVE, "connect_timeout": Expect.POSITIVE,
                    "baudrate": Expect.COUNT, "read_fingerprint": Expect.FLAG,
                    "absent_finds_to_clear": Expect.COUNT, "photo_decoder": Expect.DECODER}


@dataclass(frozen=True)
class SdkReaderSettings(DeviceSettings):
    """An ID-card reader through its vendor's sdtapi library: `source` is the library's file (.dll, .so);
    `port` null tries USB 1001–1016, then serial 1–16; `photo_bmp` is where the library writes the photo."""

    port: int | None = None
    find_interval: float = 0.3
    status_interval: float = 3.0
    read_fingerprint: bool = False
    absent_finds_to_clear: int = 1
    photo_bmp: str | None = None
    photo_decoder: PhotoDecoderSettings | None = None

    kind = DeviceKindName.IDCARD_SDK
    options_spec: ClassVar[Mapping[str, Expect]] = {"port": Expect.SDK_PORT, "find_interval": Expect.POSITIVE,
                    "status_interval": Expect.POSITIVE, "read_fingerprint": Expect.FLAG,
                    "absent_finds_to_clear": Expect.COUNT, "photo_bmp": Expect.TEXT, "photo_decoder": Expect.DECODER}

    def check(self, fail: _Failer) -> None:
        if not self.source:
            raise DeviceSettingsError("settings.device_needs_library", "Device {name} in {source}: give the path "
                                      "of its vendor library (sdtapi.dll or libsdtapi.so) as its source.",
                                      name=fail.name, source=fail.source)
        if re.fullmatch(r"(?i)com\d+|/dev/.*|\d+", self.source):
            raise DeviceSettingsError("settings.device_library_not_port", "Device {name} in {source}: {value} is a "
                                      "port, but this reader's source is its vendor library's file; the port goes "
                                      "in the option port.", name=fail.name, source=fail.source, value=self.source)


@dataclass(frozen=True)
class SerialScannerSettings(DeviceSettings):
    """A barcode scanner set to USB COM / serial mode: lines over a serial port."""

    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    terminators: str = "\r\n"
    silence: float | None = 0.1
    encoding: str = "utf-8"

    kind = DeviceKindName.SCANNER_SERIAL
    needs_source = True
    options_spec: ClassVar[Mapping[str, Expect]] = {"baudrate": Expect.COUNT, "bytesize": Expect.CHOICE, "parity": Expect.CHOICE,
                    "stopbits": Expect.CHOICE, "terminators": Expect.TEXT, "silence": Expect.POSITIVE_OR_NULL,
                    "encoding": Expect.TEXT}
    choices: ClassVar[Mapping[str, tuple[str | int | float, ...]]] = {"bytesize": (5, 6, 7, 8), "parity": PARITIES, "stopbits": (1, 1.5, 2)}


@dataclass(frozen=True)
class WedgeScannerSettings(DeviceSettings):
    """A keyboard-wedge scanner: told from typing by its pace (devices.md §2), in milliseconds."""

    min_length: int = 6
    max_median_gap_ms: float = 30.0
    max_gap_ms: float = 80.0
    silence_ms: float = 100.0
    terminators: str = "\r\n\t"
    prefix: str | None = None
    suffix: str | None = None

    kind = DeviceKindName.SCANNER_WEDGE
    options_spec: ClassVar[Mapping[str, Expect]] = {"min_length": Expect.COUNT, "max_median_gap_ms": Expect.POSITIVE, "max_gap_ms": Expect.POSITIVE,
                    "silence_ms": Expect.POSITIVE, "terminators": Expect.TEXT, "prefix": Expect.CHAR_OR_NULL,
                    "suffix": Expect.CHAR_OR_NULL}

    def check(self, fail: _Failer) -> None:
        if self.min_length < 2:
            raise fail.at_least("min_length", 2)
        if self.max_median_gap_ms > self.max_gap_ms:
            raise fail.at_least("max_gap_ms", "max_median_gap_ms")
        if self.silence_ms < self.max_gap_ms:
            raise fail.at_least("silence_ms", "max_gap_ms")


@dataclass(frozen=True)
class CameraScannerSettings(DeviceSettings):
    """Tickets read by a camera: a USB index, an rtsp:// address or a video file."""

    absent_frames: int = 8
    absent_s: float = 0.5

    kind = DeviceKindName.SCANNER_CAMERA
    needs_source = True
    options_spec: ClassVar[Mapping[str, Expect]] = {"absent_frames": Expect.COUNT, "absent_s": Expect.POSITIVE}


@dataclass(frozen=True)
class CameraSettings(DeviceSettings):
    """A monitoring camera (the secure paper room): a USB index, an rtsp:// address or a video file."""

    width: int | None = None
    height: int | None = None

    kind = DeviceKindName.CAMERA
    needs_source = True
    options_spec: ClassVar[Mapping[str, Expect]] = {"width": Expect.COUNT, "height": Expect.COUNT}


KINDS: dict[str, type[DeviceSettings]] = {
    cls.kind.value: cls
    for cls in (IdReaderSettings, SdkReaderSettings, SerialScannerSettings, WedgeScannerSettings, CameraScannerSettings, CameraSettings)
}
ENTRY_KEYS = ("name", "kind", "source", "port", "options")


class _Failer:
    """Builds the errors of one entry: each names the settings file, the device and the key."""

    def __init__(self, source: str, name: str) -> None:
        self.source, self.name = source, name

    def value(self, key: str, expect: Expect, value: object, choices: Sequence[str] = ()) -> DeviceSettingsError:
        p = {"name": self.name, "source": self.source, "key": key, "value": _shown(value), "choices": ", ".join(choices)}
        E = DeviceSettingsError  # each sentence a literal, for the translation catalogue
        if expect is Expect.TEXT:
            return E("settings.device_text", "Device {name} in {source}: {key} must be text, not {value}.", **p)
        if expect is Expect.POSITIVE:
            return E("settings.device_positive", "Device {name} in {source}: {key} must be a number above zero, "
                     "not {value}.", **p)
        if expect is Expect.POSITIVE_OR_NULL:
            return E("settings.device_positive_or_null", "Device {name} in {source}: {key} must be a number above "
                     "zero or null, not {value}.", **p)
        if expect is Expect.COUNT:
            return E("settings.device_count", "Device {name} in {source}: {key} must be a whole number above zero, "
                     "not {value}.", **p)
        if expect is Expect.FLAG:
            return E("settings.device_flag", "Device {name} in {source}: {key} must be true or false, not {value}.",
                     **p)
        if expect is Expect.CHAR_OR_NULL:
            return E("settings.device_char_or_null", "Device {name} in {source}: {key} must be a single character "
                     "or null, not {value}.", **p)
        if expect is Expect.CHOICE:
            return E("settings.device_choice", "Device {name} in {source}: {key} must be one of {choices}, not "
                     "{value}.", **p)
        if expect is Expect.SDK_PORT:
            return E("settings.device_sdk_port", "Device {name} in {source}: {key} must be 1001 to 1016 (a USB "
                     "reader) or 1 to 16 (a serial port), or null to try them all, not {value}.", **p)
        return E("settings.device_decoder", "Device {name} in {source}: {key} must be an object with library (a "
                 "path) and flavour (unpack or getbmp), not {value}.", **p)

    def at_least(self, key: str, other: object) -> DeviceSettingsError:
        return DeviceSettingsError("settings.device_at_least", "Device {name} in {source}: {key} must be at least "
                                   "{other}.", name=self.name, source=self.source, key=key, other=other)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_devices(raw: object, source: str = "settings") -> tuple[DeviceSettings, ...]:
    """The `devices` list of settings.json, every entry checked; the first bad one is refused by name."""
    if not isinstance(raw, list | tuple):
        raise DeviceSettingsError("settings.devices_not_list", "Setting devices in {source} must be a list of "
                                  "devices, not {value}.", source=source, value=_shown(raw))
    parsed: list[DeviceSettings] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw, start=1):
        device = parse_device(entry, source, index)
        if device.name in seen:
            raise DeviceSettingsError("settings.device_duplicate", "Two devices in {source} are called {name}.",
                                      source=source, name=device.name)
        seen.add(device.name)
        parsed.append(device)
    return tuple(parsed)


def parse_device(entry: object, source: str = "settings", index: int = 1) -> DeviceSettings:
    if isinstance(entry, DeviceSettings):
        return entry
    if not isinstance(entry, Mapping):
        raise DeviceSettingsError("settings.device_not_object", "Device entry {index} in {source} is not an "
                                  "object with a name and a kind.", index=index, source=source)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DeviceSettingsError("settings.device_no_name", "Device entry {index} in {source} has no name.",
                                  index=index, source=source)
    name = name.strip()
    fail = _Failer(source, name)
    for key in entry:
        if key not in ENTRY_KEYS:
            raise DeviceSettingsError("settings.device_unknown_key", "Device {name} in {source}: unknown setting "
                                      "{key}.", name=name, source=source, key=str(key))
    cls = KINDS.get(str(entry.get("kind")))
    if cls is None:
        raise DeviceSettingsError("settings.device_unknown_kind", "Device {name} in {source}: unknown kind {kind} "
                                  "(one of {kinds}).", name=name, source=source, kind=_shown(entry.get("kind")),
                                  kinds=", ".join(KINDS))
    where = entry.get("source", entry.get("port", ""))
    if where is None:
        where = ""
    if not isinstance(where, str):
        raise fail.value("source", Expect.TEXT, where)
    if cls.needs_source and not where.strip():
        raise DeviceSettingsError("settings.device_needs_source", "Device {name} in {source}: give its port or "
                                  "source.", name=name, source=source)
    options = entry.get("options", {})
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        raise DeviceSettingsError("settings.device_options", "Device {name} in {source}: options must be an "
                                  "object of names and values.", name=name, source=source)
    values: dict[str, Any] = {}
    for key, value in options.items():
        expect = cls.options_spec.get(str(key))
        if expect is None:
            raise DeviceSettingsError("settings.device_unknown_option", "Device {name} in {source}: unknown option "
                                      "{key} for a device of kind {kind}.", name=name, source=source, key=str(key),
                                      kind=cls.kind.value)
        values[str(key)] = _option(fail, cls, str(key), expect, value)
    device = cls(name=name, source=where.strip(), **values)
    device.check(fail)
    return device


def _option(fail: _Failer, cls: type[DeviceSettings], key: str, expect: Expect, value: object) -> object:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if expect is Expect.TEXT:
        if isinstance(value, str) and value:
            return value
    elif expect is Expect.POSITIVE:
        if number and value > 0:  # type: ignore[operator]
            return float(value)  # type: ignore[arg-type]
    elif expect is Expect.POSITIVE_OR_NULL:
        if value is None:
            return None
        if number and value > 0:  # type: ignore[operator]
            return float(value)  # type: ignore[arg-type]
    elif expect is Expect.COUNT:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    elif expect is Expect.FLAG:
        if isinstance(value, bool):
            return value
    elif expect is Expect.CHAR_OR_NULL:
        if value is None or (isinstance(value, str) and len(value) == 1):
            return value
    elif expect is Expect.CHOICE:
        allowed = cls.choices[key]
        if (isinstance(value, str) or number) and value in allowed:
            return value
        raise fail.value(key, expect, value, [str(a) for a in allowed])
    elif expect is Expect.DECODER:
        return _decoder(fail, key, value)
    elif expect is Expect.SDK_PORT:
        if value is None or (isinstance(value, int) and not isinstance(value, bool) and value in SDK_PORTS):
            return value
    raise fail.value(key, expect, value)


def _decoder(fail: _Failer, key: str, value: object) -> PhotoDecoderSettings | None:
    if value is None:
        return None
    if isinstance(value, Mapping) and set(value) <= {"library", "flavour"}:
        library, flavour = value.get("library"), value.get("flavour", "unpack")
        if isinstance(library, str) and library.strip() and flavour in PHOTO_FLAVOURS:
            return PhotoDecoderSettings(library.strip(), str(flavour))
    raise fail.value(key, Expect.DECODER, value)


def options_from_text(text: str, name: str, source: str = "settings") -> dict[str, Any]:
    """A device's options as a person types them on the devices screen: the object settings.json
    holds (`{"max_gap_ms": 90, "prefix": "~"}`); empty means the defaults. Each option is then
    checked by `parse_device` like any entry of the file."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise DeviceSettingsError("settings.device_options", "Device {name} in {source}: options must be an "
                                  "object of names and values.", name=name, source=source)
    return value


def options_as_text(options: Mapping[str, Any]) -> str:
    """The inverse of `options_from_text` ("" for none)."""
    return json.dumps(dict(options), ensure_ascii=False) if options else ""


D = TypeVar("D", bound=DeviceSettings)


def of_kind(devices: Sequence[DeviceSettings], cls: type[D]) -> list[D]:
    return [d for d in devices if isinstance(d, cls)]
