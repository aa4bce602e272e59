"""Issue 11 item 12: every text colour of the light and dark palettes, the detail pane and the
stylesheets has WCAG AA contrast (4.5:1); the keyboard-focused link has a visible focus ring."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from models.markdown_html import HIGHLIGHT_STYLE
from models.paths import resource
from ui.palette import DISABLED, PAGE, PAIRS, make_palette

AA = 4.5


def luminance(colour: QColor) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(fg: QColor, bg: QColor) -> float:
    if fg.alpha() < 255:  # blend a translucent colour onto its background first
        a = fg.alphaF()
        fg = QColor.fromRgbF(*(a * f + (1 - a) * b for f, b in zip(fg.getRgbF()[:3], bg.getRgbF()[:3], strict=True)))
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_palette_pairs_meet_aa(dark):
    palette = make_palette(dark)
    low = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg, bg in PAIRS:
            ratio = contrast(palette.color(group, fg), palette.color(group, bg))
            if ratio < AA:
                low.append(f"{group.name} {fg.name}/{bg.name} {ratio:.2f}")
    disabled = QColor(DISABLED["dark" if dark else "light"])
    for bg in (QPalette.ColorRole.Base, QPalette.ColorRole.Window, QPalette.ColorRole.Button):
        ratio = contrast(disabled, palette.color(QPalette.ColorGroup.Disabled, bg))
        if ratio < AA:
            low.append(f"disabled text/{bg.name} {ratio:.2f}")
    assert not low, low


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_detail_pane_colours_meet_aa(scheme):
    base = make_palette(scheme == "dark").color(QPalette.ColorRole.Base)
    low = {k: round(contrast(QColor(v), base), 2) for k, v in PAGE[scheme].items() if contrast(QColor(v), base) < AA}
    assert not low, low
    fg, bg = (
        re.search(rf"(?<![-\w]){k}:(#[0-9a-f]{{6}})", HIGHLIGHT_STYLE).group(1) for k in ("color", "background-color")
    )
    assert contrast(QColor(fg), QColor(bg)) >= AA  # search highlights


def _rules(qss: str) -> list[tuple[str, dict[str, str]]]:
    out = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", qss, flags=re.S)):
        props = dict(re.findall(r"([a-z-]+)\s*:\s*([^;]+);", body))
        out.append((selector.strip(), {k: v.strip() for k, v in props.items()}))
    return out


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_stylesheet_colours_meet_aa(scheme):
    palette = make_palette(scheme == "dark")
    rules = _rules(resource("style", "base.qss").read_text() + resource("style", f"{scheme}.qss").read_text())
    low, checked = [], 0
    for selector, props in rules:
        if "color" not in props:
            continue
        fg = QColor(props["color"])
        bg = QColor(props.get("background", props.get("background-color", palette.color(QPalette.ColorRole.Window))))
        checked += 1
        if contrast(fg, bg) < AA:
            low.append(f"{selector}: {props['color']} on {bg.name()} {contrast(fg, bg):.2f}")
    assert checked >= 2 and not low, low


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_heat_map_numbers_meet_aa_on_every_fill(dark):
    from ui.charts import _ink, _mix

    palette = make_palette(dark)
    base, accent = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight)
    for step in range(101):  # every fill the heat map can use: base mixed towards the accent
        fill = _mix(base, accent, 0.12 + 0.88 * step / 100)
        assert contrast(_ink(fill), fill) >= AA, (fill.name(), _ink(fill).name())


def test_keyboard_focused_link_has_a_visible_ring(repo, qtbot):
    from PySide6.QtWidgets import QApplication

    from ui.detail_pane import DetailPane

    QApplication.setPalette(make_palette(False))
    pane = DetailPane(repo, lambda: None)
    qtbot.addWidget(pane)
    pane.resize(600, 500)
    pane.show()
    pane.show_target("rec:16")
    browser = pane.browser
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    cursor = browser.textCursor()
    assert cursor.hasSelection()
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    image = browser.viewport().grab().toImage()
    ring = QColor(make_palette(False).color(QPalette.ColorRole.Highlight)).rgb()
    near = [
        image.pixel(x, y)
        for x in range(0, image.width())
        for y in range(max(0, rect.top() - 4), min(image.height(), rect.bottom() + 4))
    ]
    assert sum(p == ring for p in near) > 20  # a solid ring in the highlight colour, not a faint dotted box
