"""Keys and mnemonics: no key bound twice (on one action or across actions), no mnemonic shared
within a menu, the menu bar or the toolbar, in either language; Ctrl+Q really quits.

Run under offscreen by ``make test`` and again under the xcb platform on Xvfb by
``tools/ci/xcb_tests.sh`` (X11's key bindings differ: there ``QKeySequence.Quit`` is Ctrl+Q)."""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from ui.actions import plain_text


def test_platform_is_the_one_asked_for(qapp):
    """The xcb run must really be xcb (not a silent fall-back to offscreen)."""
    wanted = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    assert QGuiApplication.platformName() == wanted


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _duplicates(texts: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for text in texts:
        if key := _mnemonic(text):
            seen.setdefault(key, []).append(text)
    return {k: v for k, v in seen.items() if len(v) > 1}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_key_or_mnemonic_is_shared(make_window, lang):
    w = make_window(lang)
    keys: dict[str, list[str]] = {}
    for action in w.findChildren(QAction):
        own = [k.toString() for k in action.shortcuts()]
        assert len(own) == len(set(own)), f"{action.text()} lists a key twice: {own}"
        for key in own:
            keys.setdefault(key, []).append(action.text())
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
    bar = w.menuBar()
    assert _duplicates([a.text() for a in bar.actions()]) == {}
    menus = [a.menu() for a in bar.actions() if a.menu()]
    while menus:
        menu = menus.pop()
        menu.aboutToShow.emit()  # menus filled on demand (history, sections)
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert _duplicates(texts) == {}, menu.title()
        menus += [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
    for button in w.toolbar.findChildren(QToolButton):
        text = button.text()
        assert "&" not in text and not re.search(r"\([A-Z]\)", text), text  # no dead mnemonics shown


def test_plain_text_drops_mnemonics():
    assert plain_text("后退(&B)") == "后退"
    assert plain_text("打印摘要(&P)…") == "打印摘要"
    assert plain_text("Zoom O&ut") == "Zoom Out"
    assert plain_text("Fish && &Chips") == "Fish & Chips"


def test_ctrl_q_quits(make_window, qtbot):
    w = make_window("zh")
    qtbot.keyClick(w.tree, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=2000)
    assert [k.toString() for k in w.actions_.quit.shortcuts()].count("Ctrl+Q") == 1
