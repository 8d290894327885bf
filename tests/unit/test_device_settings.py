"""The `devices` entries of settings.json: typed, checked in one place, refused by entry and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.config import Settings, load, save
from app.device_settings import (
    CameraScannerSettings,
    CameraSettings,
    DeviceSettingsError,
    IdReaderSettings,
    PhotoDecoderSettings,
    SdkReaderSettings,
    SerialScannerSettings,
    WedgeScannerSettings,
    parse_devices,
)

EVERY_KIND = [
    {"name": "读卡器", "kind": "idcard", "port": "COM3",
     "options": {"find_interval": 0.2, "photo_decoder": {"library": "C:/wlt/WltRS.dll", "flavour": "getbmp"}}},
    {"name": "扫码枪", "kind": "scanner-serial", "port": "/dev/ttyACM0", "options": {"baudrate": 115200, "stopbits": 1}},
    {"name": "键盘扫码枪", "kind": "scanner-wedge", "options": {"max_gap_ms": 120, "silence_ms": 150, "prefix": "#"}},
    {"name": "扫码摄像头", "kind": "scanner-camera", "source": "1", "options": {"absent_s": 1}},
    {"name": "保密室1", "kind": "camera", "source": "rtsp://10.0.0.5/stream"},
    {"name": "读卡器2", "kind": "idcard-sdk", "source": "C:/CVR100/sdtapi.dll", "options": {"port": 1001}},
]


def test_every_kind_is_read_into_its_own_typed_settings() -> None:
    reader, serial, wedge, camera_scanner, camera, sdk = parse_devices(EVERY_KIND)
    assert reader == IdReaderSettings("读卡器", "COM3", find_interval=0.2,
                                      photo_decoder=PhotoDecoderSettings("C:/wlt/WltRS.dll", "getbmp"))
    assert serial == SerialScannerSettings("扫码枪", "/dev/ttyACM0", baudrate=115200)
    assert wedge == WedgeScannerSettings("键盘扫码枪", max_gap_ms=120.0, silence_ms=150.0, prefix="#")
    assert camera_scanner == CameraScannerSettings("扫码摄像头", "1", absent_s=1.0)
    assert camera == CameraSettings("保密室1", "rtsp://10.0.0.5/stream")
    assert sdk == SdkReaderSettings("读卡器2", "C:/CVR100/sdtapi.dll", port=1001)
    assert reader.registry_entry() == ("读卡器", "idcard", "COM3", {
        "find_interval": 0.2, "photo_decoder": {"library": "C:/wlt/WltRS.dll", "flavour": "getbmp"}})


def test_a_vendor_sdk_reader_is_its_library_with_a_port_from_1001_to_1016_or_1_to_16() -> None:
    usb, serial, search = parse_devices([
        {"name": "华视", "kind": "idcard-sdk", "source": "C:/CVR100/sdtapi.dll",
         "options": {"port": 1016, "photo_bmp": "photo.bmp", "find_interval": 0.2}},
        {"name": "精伦", "kind": "idcard-sdk", "source": "/opt/idr210/libsdtapi.so", "options": {"port": 1}},
        {"name": "神思", "kind": "idcard-sdk", "source": "/opt/ss628/libsdtapi.so", "options": {"port": None}},
    ])
    assert usb == SdkReaderSettings("华视", "C:/CVR100/sdtapi.dll", port=1016, photo_bmp="photo.bmp",
                                    find_interval=0.2)
    assert usb.registry_entry() == ("华视", "idcard-sdk", "C:/CVR100/sdtapi.dll",
                                    {"port": 1016, "photo_bmp": "photo.bmp", "find_interval": 0.2})
    assert (serial.port, search.port) == (1, None)  # type: ignore[attr-defined]
    assert search.registry_entry()[3] == {}


def test_device_settings_round_trip_through_the_settings_file(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, devices=parse_devices(EVERY_KIND))
    assert load(save(settings, tmp_path / "settings.json")) == settings


@pytest.mark.parametrize(("entry", "code", "named"), [
    ({"name": "r", "kind": "idcard", "options": {"find_intervall": 0.2}}, "settings.device_unknown_option",
     "find_intervall"),
    ({"name": "r", "kind": "idcard", "options": {"find_interval": "fast"}}, "settings.device_positive", "find_interval"),
    ({"name": "r", "kind": "idcard", "options": {"find_interval": 0}}, "settings.device_positive", "find_interval"),
    ({"name": "r", "kind": "idcard", "options": {"read_fingerprint": 1}}, "settings.device_flag", "read_fingerprint"),
    ({"name": "r", "kind": "idcard", "options": {"baudrate": 9600.5}}, "settings.device_count", "baudrate"),
    ({"name": "r", "kind": "idcard", "options": {"photo_decoder": {"library": "x.so", "flavour": "guess"}}},
     "settings.device_decoder", "photo_decoder"),
    ({"name": "r", "kind": "idcard", "options": {"photo_decoder": "x.so"}}, "settings.device_decoder", "photo_decoder"),
    ({"name": "s", "kind": "scanner-serial"}, "settings.device_needs_source", "s"),
    ({"name": "s", "kind": "scanner-serial", "port": "COM4", "options": {"parity": "X"}}, "settings.device_choice",
     "parity"),
    ({"name": "s", "kind": "scanner-serial", "port": 4}, "settings.device_text", "source"),
    ({"name": "w", "kind": "scanner-wedge", "options": {"prefix": "##"}}, "settings.device_char_or_null", "prefix"),
    ({"name": "w", "kind": "scanner-wedge", "options": {"max_gap_ms": 200}}, "settings.device_at_least", "silence_ms"),
    ({"name": "c", "kind": "camera"}, "settings.device_needs_source", "c"),
    ({"name": "c", "kind": "printer"}, "settings.device_unknown_kind", "printer"),
    ({"name": "c", "kind": "camera", "source": "0", "colour": "red"}, "settings.device_unknown_key", "colour"),
    ({"name": "c", "kind": "camera", "source": "0", "options": ["x"]}, "settings.device_options", "c"),
    ({"name": "sdk", "kind": "idcard-sdk"}, "settings.device_needs_library", "sdk"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "COM3"}, "settings.device_library_not_port", "COM3"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "/dev/ttyUSB0"}, "settings.device_library_not_port", "ttyUSB0"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "1001"}, "settings.device_library_not_port", "1001"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "sdtapi.dll", "options": {"port": 17}},
     "settings.device_sdk_port", "port"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "sdtapi.dll", "options": {"port": 1017}},
     "settings.device_sdk_port", "port"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "sdtapi.dll", "options": {"port": 0}},
     "settings.device_sdk_port", "port"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "sdtapi.dll", "options": {"port": "1001"}},
     "settings.device_sdk_port", "port"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "sdtapi.dll", "options": {"port": True}},
     "settings.device_sdk_port", "port"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "sdtapi.dll", "options": {"baudrate": 115200}},
     "settings.device_unknown_option", "baudrate"),
    ({"name": "sdk", "kind": "idcard-sdk", "source": "sdtapi.dll", "options": {"photo_bmp": ""}},
     "settings.device_text", "photo_bmp"),
    ({"kind": "camera"}, "settings.device_no_name", "entry 1"),
    ("camera", "settings.device_not_object", "entry 1"),
])
def test_a_bad_entry_is_refused_naming_the_device_and_the_key(entry: object, code: str, named: str) -> None:
    with pytest.raises(DeviceSettingsError) as err:
        parse_devices([entry], "settings.json")
    assert err.value.code == code
    assert named in str(err.value) and "settings.json" in str(err.value)


def test_a_bad_entry_in_the_file_refuses_the_settings_instead_of_dropping_the_device(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"devices": [EVERY_KIND[0], {"name": "gate", "kind": "scanner-camera"}]}))
    with pytest.raises(DeviceSettingsError, match="gate") as err:
        load(path)
    assert err.value.code == "settings.device_needs_source"


def test_two_devices_with_one_name_are_refused() -> None:
    with pytest.raises(DeviceSettingsError, match="扫码枪") as err:
        parse_devices([EVERY_KIND[1], dict(EVERY_KIND[1], port="COM9")])
    assert err.value.code == "settings.device_duplicate"


def test_devices_must_be_a_list() -> None:
    with pytest.raises(DeviceSettingsError) as err:
        parse_devices({"name": "r", "kind": "idcard"})
    assert err.value.code == "settings.devices_not_list"
