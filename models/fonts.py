"""The bundled Chinese font (a subset of Noto Sans CJK SC built by tools/build_font.py).

``register_bundled_font()`` makes the app render and print Chinese on a machine with no Chinese
font: it registers the subset with Qt and appends it to the application font's family list, so
each character the system's UI font lacks falls back to it (the system font is still used for
what it covers). Call it once, after the QGuiApplication exists.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from models.paths import resource

FAMILY = "DA Navigator CJK"
FONT_FILES = ("DANavigatorCJK.otf", "DANavigatorCJK-Bold.otf")


def bundled_font_files() -> list[Path]:
    """The subset's font files that exist (none in a development tree before `make font`)."""
    return [p for p in (resource("fonts", name) for name in FONT_FILES) if p.is_file()]


def register_bundled_font(app: QGuiApplication | None = None) -> str | None:
    """Register the bundled CJK font and make it the application font's fallback.

    Returns the registered family name, or None if the font files are missing or unreadable
    (the app then relies on the system's fonts). Safe to call more than once.
    """
    app = app or QGuiApplication.instance()
    if app is None:
        raise RuntimeError("register_bundled_font() needs a QGuiApplication")
    families: list[str] = []
    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id != -1:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if FAMILY not in families:
        return None
    font = QFont(app.font())
    chain = [f for f in font.families() or [font.family()] if f and f != FAMILY]
    font.setFamilies([*chain, FAMILY])
    app.setFont(font)
    return FAMILY


def cjk_font(point_size: float | None = None) -> QFont:
    """A font for explicit use (e.g. printing): the application font, with the CJK fallback."""
    font = QFont(QGuiApplication.font())
    if point_size:
        font.setPointSizeF(point_size)
    return font
