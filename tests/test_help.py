"""Issue 11 item 9: F1 and Help ▸ Keyboard Shortcuts open a shortcut sheet built from the real
actions; Help ▸ User Guide opens a short guide; both in the UI language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from ui.actions import plain_text


@pytest.mark.parametrize(
    ("lang", "title", "menu_entries", "guide_words"),
    [
        ("zh", "键盘快捷键", ["键盘快捷键(&K)", "使用指南(&U)"], ["19 项建议需立即落实", "可编辑文档（.odt）"]),
        ("en", "Keyboard shortcuts", ["&Keyboard Shortcuts", "&User Guide"], ["19 recommendations", "(.odt)"]),
    ],
)
def test_f1_opens_the_shortcut_sheet_and_the_guide(make_window, qtbot, lang, title, menu_entries, guide_words):
    w = make_window(lang)
    assert [a.text() for a in w.help_menu.actions()][:2] == menu_entries
    qtbot.keyClick(w, Qt.Key.Key_F1)
    dialog = w.help.dialog
    assert dialog is not None and dialog.isVisible() and dialog.tabs.currentIndex() == 0
    sheet = dialog.shortcuts.toPlainText()
    assert sheet.startswith(title)
    # every menu action with a key is listed with that key
    for menu in (w.file_menu, w.edit_menu, w.view_menu, w.go_menu):
        for action in menu.actions():
            if action.shortcuts():
                key = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
                assert key in sheet and plain_text(action.text()) in sheet, action.text()
    assert "F1" in sheet
    w.help.guide.trigger()
    dialog = w.help.dialog
    assert dialog.tabs.currentIndex() == 1
    guide = dialog.guide.toPlainText()
    assert all(word in guide for word in guide_words), guide[:200]
    dialog.close()
    QApplication.processEvents()
