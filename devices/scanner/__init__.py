"""Admission-ticket barcode scanners (准考证扫码): keyboard wedge, serial (USB COM) and camera.

Each transport reports the same `Scan` event; `ticket.py` checks the code against the exam's
ticket-number pattern. Importing this package stays light (no pyserial, no Qt) because
`python -m devices` imports `devices.scanner.cli` for every command.
"""

from devices.scanner.scan import Scan, ScanSource

__all__ = ["Scan", "ScanSource"]
