"""The bundled fonts (subsets built by tools/build_font.py): "DA Navigator CJK" and "DA Navigator Symbols".

``register_bundled_font()`` makes the app render and print Chinese on a machine with no Chinese
font: it registers the subsets with Qt and appends them to the application font's family list, so
each character the system's UI font lacks falls back to them (the system font is still used for
what it covers on screen). Printing puts them first (``print_families`` in ui/print_render.py), so
printed text copies back to the code points printed. Call it once the QGuiApplication exists.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from models.paths import FONT_FILES, resource

FAMILY = "DA Navigator CJK"
SYMBOLS_FAMILY = "DA Navigator Symbols"
FAMILIES = (FAMILY, SYMBOLS_FAMILY)

_registered: list[str] = []
_loaded: set[Path] = set()


def bundled_font_files() -> list[Path]:
    """The subsets' font files that exist (none in a development tree before `make font`)."""
    return [p for p in (resource("fonts", name) for name in FONT_FILES) if p.is_file()]


def bundled_families() -> list[str]:
    """The bundled families registered so far, CJK first."""
    return [f for f in FAMILIES if f in _registered]


def register_bundled_font(app: QGuiApplication | None = None) -> str | None:
    """Register the bundled fonts and make them the application font's fallback.

    Returns the CJK family's name, or None if its files are missing or unreadable (the app then
    relies on the system's fonts). Safe to call more than once.
    """
    app = app or QGuiApplication.instance()
    if app is None:
        raise RuntimeError("register_bundled_font() needs a QGuiApplication")
    for path in bundled_font_files():
        if path in _loaded:
            continue
        _loaded.add(path)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id != -1:
            _registered.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in _registered)
    if FAMILY not in _registered:
        return None
    font = QFont(app.font())
    chain = [f for f in font.families() or [font.family()] if f and f not in FAMILIES]
    font.setFamilies([*chain, *bundled_families()])
    app.setFont(font)
    return FAMILY

