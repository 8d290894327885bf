"""The sentences `python -m devices …` prints, in one catalog: a stable key and its English text.

devices/ imports no Qt, so it cannot translate; it says which sentence and its values, and whoever
runs the command line may pass a `translate` that turns the English text into the user's language.
`python -m devices` prints English; `venue-ops devices …` (the app's composition root) passes the
GUI's translator, whose catalog holds these sentences in context "DeviceCLI"
(`ui/device_cli_texts.py`, generated from `TEXTS` by `python -m ui.device_cli`).

Values stay as they are (paths, codes, a driver's English detail for technicians); only the
sentence around them is translated. Placeholders are `str.format` names.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str], str]
"""English sentence → the same sentence in the user's language (unchanged when none is known)."""

TEXTS: dict[str, str] = {
    # the command line itself
    "usage": "{prog}: {problem}. '{prog} --help' lists the commands and their options.",
    "interrupted": "Stopped.",
    "failed": "The command could not complete: {detail}",
    "state.connecting": "connecting",
    "state.connected": "connected",
    "state.disconnected": "disconnected",
    "state.failed": "failed",
    "state.stopped": "stopped",
    "state_line": "[{state}] {detail}",
    # --help's own words (argparse's), around the commands' help texts (those are translated as written)
    "help.usage": "usage: ",
    "help.positionals": "positional arguments",
    "help.options": "options",
    # files
    "file_missing": "Cannot read image {path}: there is no such file.",
    "file_not_image": "Cannot read image {path}: it is not an image OpenCV can read.",
    "file_unreadable": "Cannot read image {path}: it is a folder, or this account may not read it.",
    # ID-card reader
    "idcard.no_ports": "No serial ports found.",
    "idcard.no_reader_answered": "No ID-card reader answered on {count} port(s).",
    "idcard.reader": "reader",
    "idcard.photo_decoder_unusable": "The photo decoder cannot be used: {detail}",
    "idcard.where_port": "port {port}",
    "idcard.where_any": "any serial port",
    "idcard.no_usable_reader": "No usable ID-card reader on {where}: {detail}",
    "idcard.no_card": "No card was presented on {where} within {seconds} s.",
    "idcard.library_problem": "The reader's library cannot be used: {detail}",
    "idcard.ready": "Reader ready on {where}; present a card…",
    "idcard.read_failed": "Read failed: {meaning} (SW3 0x{code} on {command})",
    "idcard.protocol_error": "Protocol error [{fault}]: {detail}",
    "idcard.simulating": "Simulated ID-card reader on {path} (-> {slave}) with {card}; Ctrl-C to stop.",
    "idcard.sim_no_card": "no card",
    "idcard.sim_card": "a {card_type} card",
    "idcard.type.resident": "resident ID card (居民身份证)",
    "idcard.type.hkmt": "HK/Macao/Taiwan residence permit (港澳台居民居住证)",
    "idcard.type.foreign2017": "foreigner's permanent residence card 2017 (外国人永久居留证)",
    "idcard.type.foreign2023": "foreigner's permanent residence ID card 2023 (外国人永久居留身份证)",
    # scanners
    "scanner.bad_settings": "The serial scanner's settings are not usable: {detail}",
    "scanner.port_failed": "Serial port {port}: {detail}",
    "scanner.listening": "Listening on {port} at {baud} baud; Ctrl+C to stop.",
    "scanner.sim_port_failed": "Cannot create the simulated port at {path}: {detail}",
    "scanner.sim_ready": "Type a code and Enter to scan it; end input (Ctrl+D) to stop.",
    "scanner.bad_pattern": "The ticket pattern is not usable: {detail}",
    "scanner.no_code": "{path}: no Code 128 or QR code found.",
    "scanner.refused": "{path}: {code} is not reported: only {decoders} read it and it does not match "
                       "the ticket pattern, or the two decoders read this code differently.",
    # cameras
    "camera.bad_source": "The camera source is not usable: {detail}",
    "camera.open_failed": "Cannot open camera source {source}.",
    "camera.opened": "{index}: opened, {width}x{height}",
    "camera.none_at": "{index}: no camera",
    "camera.none_found": "No USB camera opened at indexes 0..{last}.",
    "camera.minutes": "--minutes must be at least 1.",
    "camera.codec_missing": "This FFmpeg build (PyAV) cannot write {codec} video.",
}


class Say:
    """`say(key, **values)`: the catalog's sentence for `key`, translated, with its values filled in."""

    def __init__(self, translate: Translate | None = None) -> None:
        self._translate = translate

    def __call__(self, key: str, **values: object) -> str:
        english = TEXTS[key]
        text = self._translate(english) if self._translate else english
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return english.format(**values)

    def text(self, english: str) -> str:
        """Any English text the catalog lists without a key (a command's --help text), translated."""
        return self._translate(english) if self._translate else english

    def state(self, state: object) -> str:
        """A device state's word (`DeviceState.value`)."""
        key = f"state.{getattr(state, 'value', state)}"
        return self(key) if key in TEXTS else str(getattr(state, "value", state))


ENGLISH = Say()
