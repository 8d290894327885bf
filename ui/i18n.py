"""Translations: decided before the first string is shown, switchable while running.

Sources are English in the code (`tr()`), translated in `resources/translations/venue_ops_<lang>.ts`
(Qt Linguist), compiled to `.qm`. Qt's own translations (buttons of standard dialogs) are
installed too. `python -m ui.i18n update` refreshes the .ts files from the code;
`python -m ui.i18n compile` builds the .qm files.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
CATALOG = "venue_ops"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_file(lang: str) -> Path:
    return translations_dir() / f"{CATALOG}_{lang}.ts"


def qm_file(lang: str) -> Path:
    return translations_dir() / f"{CATALOG}_{lang}.qm"


class Translations:
    """Owns the installed translators so the language can be switched without restarting."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._data: list[bytes] = []  # the catalogs' bytes, alive as long as their translators
        self.language = "en"

    def apply(self, lang: str) -> bool:
        """Install `lang`; returns False (and keeps English) when its catalog cannot be loaded."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = lang
        QLocale.setDefault(QLocale(lang))
        if lang == "en":
            return True
        ok = True
        ours = QTranslator(self._app)
        # Loaded from bytes we keep, not from the file: Qt maps a .qm file into memory, and a file
        # replaced while the desk runs (an update, a rebuilt catalog) would crash it on the next
        # translated string.
        try:
            data = qm_file(lang).read_bytes()
        except OSError:
            data = b""
        self._data = [data]
        if data and ours.load(data):
            self._app.installTranslator(ours)
            self._installed.append(ours)
        else:
            log.warning("translation catalog for %s not found at %s", lang, qm_file(lang))
            ok = False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase", "qt"):
            qt = QTranslator(self._app)
            if qt.load(f"{name}_{lang}", qt_dir):
                self._app.installTranslator(qt)
                self._installed.append(qt)
                break
        return ok


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6")
    return found


def sources() -> list[Path]:
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def update() -> None:
    from ui import device_cli, error_catalog

    error_catalog.write()
    device_cli.write()
    for lang in LANGUAGES:
        args = [_tool("lupdate"), *map(str, sources()), "-ts", str(ts_file(lang))]
        if lang != "en":
            args[1:1] = ["-target-language", lang]
        subprocess.run([*args, "-no-obsolete", "-locations", "none"], check=True)


def compile_all() -> None:
    for lang in LANGUAGES:
        if ts_file(lang).exists():
            subprocess.run(
                [_tool("lrelease"), "-silent", str(ts_file(lang)), "-qm", str(qm_file(lang))], check=True
            )


def translate(table: Path, lang: str = "zh_CN") -> list[str]:
    """Refresh the catalogs from the code, then fill `lang` from a JSON table
    ({"source": "translation"} or {"Context": {"source": "translation"}}). Runs under a file lock,
    so several people can translate their own screens at once. Returns what is still untranslated."""
    import fcntl
    import json
    import xml.etree.ElementTree as ET

    data = json.loads(table.read_text(encoding="utf-8"))
    with open(translations_dir() / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        update()
        ts = ts_file(lang)
        tree = ET.parse(ts)
        missing: list[str] = []
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            scoped = data.get(name) if isinstance(data.get(name), dict) else {}
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                tr = message.find("translation")
                assert tr is not None
                text = scoped.get(source) or (data.get(source) if isinstance(data.get(source), str) else None)
                if text:
                    tr.text = text
                    tr.attrib.pop("type", None)
                elif not tr.text or tr.get("type") == "unfinished":
                    missing.append(f"{name}: {source}")
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        compile_all()
    return missing


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "translate":
        still = translate(Path(sys.argv[2]))
        print("\n".join(still) if still else "all translated")
    elif command in ("update", "compile"):
        {"update": update, "compile": compile_all}[command]()
    else:
        print("usage: python -m ui.i18n update | compile | translate TABLE.json\n"
              "  update     refresh the .ts catalogs from the code (lupdate)\n"
              "  compile    build the .qm files (lrelease)\n"
              "  translate  update, then fill zh_CN from a JSON table {source: translation} or\n"
              "             {context: {source: translation}}; prints what is still untranslated")
        raise SystemExit(0 if command in ("-h", "--help") else 2)
