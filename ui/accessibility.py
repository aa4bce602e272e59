"""Accessible names for the controls Qt creates on its own (line-edit clear buttons, the toolbar's
overflow button, combo-box popups, scroll bars), so that every control a screen reader reaches is named."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QScrollBar, QToolButton, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def name_qt_controls(root: QWidget) -> None:
    """Name the unnamed helper controls under ``root`` in the current UI language (call again after a
    language change or when new widgets appear)."""
    for button in root.findChildren(QToolButton):
        parent = button.parentWidget()
        if isinstance(parent, QLineEdit):
            owner = parent.accessibleName() or parent.placeholderText()
            button.setAccessibleName(tr("Clear %1").replace("%1", owner) if owner else tr("Clear text"))
        elif button.objectName() == "qt_toolbar_ext_button":
            button.setAccessibleName(tr("More toolbar buttons"))
            button.setToolTip(tr("More toolbar buttons"))
        elif button.objectName() == "qt_menubar_ext_button":
            button.setAccessibleName(tr("More menus"))
    for combo in root.findChildren(QComboBox):
        combo.view().setAccessibleName(
            tr("%1: choices").replace("%1", combo.accessibleName()) if combo.accessibleName() else tr("Choices")
        )
    for bar in root.findChildren(QScrollBar):
        vertical = bar.orientation() == Qt.Orientation.Vertical
        bar.setAccessibleName(tr("Vertical scroll bar") if vertical else tr("Horizontal scroll bar"))
