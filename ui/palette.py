"""The app's light and dark palettes and page colours, each pair at least WCAG AA (4.5:1).

Chosen from the system's colour scheme (or, when the platform does not say, the lightness of its
palette). tests/test_contrast.py computes every pair's contrast, and that of the stylesheets' colours.

The stylesheets (resources/style) are applied to the few widgets they style (``apply_stylesheet``),
never to the whole application: an application stylesheet makes Qt route every widget through its
style-sheet style, which cost ~50 ms of the first paint. The widgets of the first paint (tree, search
box, status bar) set their few paddings and sizes in code instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

R = QPalette.ColorRole

#: role -> colour, for the active and inactive groups; DISABLED below for the disabled group.
LIGHT: dict[QPalette.ColorRole, str] = {
    R.Window: "#f2f3f5",
    R.WindowText: "#1f1f1f",
    R.Base: "#ffffff",
    R.AlternateBase: "#f5f6f8",
    R.Text: "#1f1f1f",
    R.Button: "#e8eaed",
    R.ButtonText: "#1f1f1f",
    R.Highlight: "#1f5fbf",
    R.HighlightedText: "#ffffff",
    R.PlaceholderText: "#60646b",
    R.Link: "#1a56b0",
    R.LinkVisited: "#6a3fa0",
    R.ToolTipBase: "#ffffe8",
    R.ToolTipText: "#1f1f1f",
}
DARK: dict[QPalette.ColorRole, str] = {
    R.Window: "#202124",
    R.WindowText: "#e8eaed",
    R.Base: "#2a2b2f",
    R.AlternateBase: "#303136",
    R.Text: "#e8eaed",
    R.Button: "#303136",
    R.ButtonText: "#e8eaed",
    R.Highlight: "#2f6bc4",
    R.HighlightedText: "#ffffff",
    R.PlaceholderText: "#9aa0a6",
    R.Link: "#8ab4f8",
    R.LinkVisited: "#c58af9",
    R.ToolTipBase: "#303136",
    R.ToolTipText: "#e8eaed",
}
#: Disabled text, still legible (4.5:1 on the base and window colours).
DISABLED = {"light": "#5c6067", "dark": "#9aa0a6"}

#: Text/background pairs that are read; the contrast test checks each one.
PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.PlaceholderText, R.Base),
    (R.Link, R.Base),
    (R.LinkVisited, R.Base),
    (R.ToolTipText, R.ToolTipBase),
)

#: The detail pane's own colours (links, muted meta lines, section headings and ★), on its Base.
PAGE = {
    "light": {"link": "#1a56b0", "muted": "#5f6368", "accent": "#8a5a00"},
    "dark": {"link": "#8ab4f8", "muted": "#a0a0a0", "accent": "#e6b800"},
}


def system_is_dark() -> bool:
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return QGuiApplication.palette().color(R.Window).lightness() < 128


def make_palette(dark: bool) -> QPalette:
    palette = QPalette()
    for role, colour in (DARK if dark else LIGHT).items():
        palette.setColor(role, QColor(colour))  # active, inactive and disabled
    disabled = QColor(DISABLED["dark" if dark else "light"])
    for role in (R.Text, R.WindowText, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def stylesheet(dark: bool) -> str:
    """The base stylesheet plus the light or dark variant."""
    from models.paths import resource

    parts = []
    for name in ("base.qss", "dark.qss" if dark else "light.qss"):
        path = resource("style", name)
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def apply_stylesheet(widget) -> None:
    """Style ``widget`` and its children with the stylesheet matching the application's palette."""
    dark = QGuiApplication.palette().color(R.Window).lightness() < 128
    widget.setStyleSheet(stylesheet(dark))


def page_colours(palette: QPalette) -> dict[str, str]:
    return PAGE["dark" if palette.color(R.Window).lightness() < 128 else "light"]


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def ink_for(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (always at least 4.58:1)."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, background) >= contrast(white, background) else white
