"""The serial ports the devices screen offers are pyserial's own list, with what each names itself."""

from __future__ import annotations

from serial.tools import list_ports

from devices.serial_ports import SerialPortInfo, serial_ports


def test_the_listing_is_pyserials_with_vendor_and_product_where_known() -> None:
    listed = {p.device: p for p in serial_ports()}
    assert set(listed) == {p.device for p in list_ports.comports()}
    for port in list_ports.comports():
        mine = listed[port.device]
        assert mine.manufacturer == (port.manufacturer or "") and mine.product == (port.product or "")
        assert (mine.vid, mine.pid) == (port.vid, port.pid)


def test_a_usb_id_is_shown_as_vendor_colon_product_in_hex() -> None:
    assert SerialPortInfo("COM3", vid=0x1A86, pid=0x7523).usb_id == "1A86:7523"
    assert SerialPortInfo("/dev/ttyS0").usb_id == ""
