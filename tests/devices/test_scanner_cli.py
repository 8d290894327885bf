"""`python -m devices scanner …`: exit codes, errors naming the port, listen and simulate end to end."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from devices.__main__ import main
from devices.base import DeviceState
from devices.scanner import cli
from devices.scanner.serial_scanner import SerialScanner, SerialSettings
from devices.scanner.simulator import ScannerSimulator

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_listen_on_a_missing_port_exits_3_naming_the_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scanner", "listen", "--serial", "/dev/venue-missing-port"]) == cli.EXIT_PORT
    err = capsys.readouterr().err
    assert "/dev/venue-missing-port" in err and "no such port" in err


def test_listen_without_a_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scanner", "listen"]) == cli.EXIT_USAGE
    assert "--serial" in capsys.readouterr().err


def test_listen_with_an_impossible_baud_rate_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scanner", "listen", "--serial", "/dev/ttyS0", "--baud", "0"]) == cli.EXIT_USAGE
    assert "baud" in capsys.readouterr().err


def test_listen_json_prints_one_object_per_scan_as_it_arrives() -> None:
    with ScannerSimulator() as sim:
        proc = subprocess.Popen(
            [sys.executable, "-m", "devices", "scanner", "listen", "--serial", sim.path, "--json", "--count", "2",
             "--timeout", "10"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
        assert proc.stderr is not None and proc.stdout is not None
        assert "Listening on" in proc.stderr.readline()
        sim.scan("1234567890", "CR")
        first = json.loads(proc.stdout.readline())  # printed before the second code is even sent
        sim.scan("ZK20240001", "LF")
        out, _ = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert first == {"code": "1234567890", "source": "serial", "device": "cli", "at": first["at"]}
    assert json.loads(out)["code"] == "ZK20240001"


def test_simulate_prints_the_port_and_scans_each_stdin_line(tmp_path: Path) -> None:
    link = tmp_path / "scanner"
    proc = subprocess.Popen([sys.executable, "-m", "devices", "scanner", "simulate", "--link", str(link)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=ENV, cwd=ROOT)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == str(link)
        seen: list[object] = []
        scanner = SerialScanner("t", SerialSettings(str(link)), seen.append)
        scanner.start()
        try:
            _wait(lambda: any(getattr(e, "state", None) is DeviceState.CONNECTED for e in seen))
            proc.stdin.write("1234567890\n")
            proc.stdin.flush()
            _wait(lambda: any(getattr(e, "code", None) == "1234567890" for e in seen))
        finally:
            scanner.stop()
        proc.stdin.close()
        assert proc.wait(timeout=5) == 0
    finally:
        proc.kill()
    assert not link.exists()  # the simulator removes its link on the way out


def test_an_optional_command_module_that_does_not_exist_is_skipped() -> None:
    commands = argparse.ArgumentParser().add_subparsers()
    cli._register_optional(commands, "devices.scanner.no_such_cli")


def test_an_optional_command_module_with_a_broken_import_fails_loudly(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken_cli_for_test.py").write_text("import venue_no_such_dependency\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="venue_no_such_dependency"):
        cli._register_optional(argparse.ArgumentParser().add_subparsers(), "broken_cli_for_test")


def _wait(predicate: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError("timed out")
