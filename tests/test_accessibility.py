"""Issue 11 item 12 (pytest-qt side; tools/atspi_check.sh drives the same through AT-SPI):
names for every control in both languages, tree rows that read well and say where they are,
the Annex I keyboard trap, searches started by assistive technology."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QToolButton,
    QWidget,
)

from models.tree_model import TargetRole
from ui.main_window import MainWindow

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QScrollBar)


@pytest.fixture
def window(make_window):
    """Windows at 1024×700, the smallest size the reader is laid out for."""

    def make(lang: str = "zh") -> MainWindow:
        w = make_window(lang)
        w.resize(1024, 700)
        return w

    return make


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    widgets = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and w.isVisible()]
    for combo in root.findChildren(QComboBox):
        widgets.append(combo.view())
    for w in widgets:
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None or not iface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}")
    return missing


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_control_has_an_accessible_name(window, qtbot, lang):
    w = window(lang)
    w.sidebar.set_query("TISC")  # the result view and the search box's clear button
    w.detail.show_target("rec:6")
    w.actions_.find.trigger()  # the find bar
    w.actions_.show_bookmarks.setChecked(True)  # the bookmarks panel (its sort combo)
    w.retranslate()
    missing = _unnamed(w)
    assert not missing, "\n".join(missing)
    ext = w.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # shown when the toolbar overflows
    assert ext is not None and ext.accessibleName() == ("更多工具栏按钮" if lang == "zh" else "More toolbar buttons")
    clear = w.sidebar.search.findChild(QToolButton)
    assert clear.accessibleName() == ("清除 搜索报告" if lang == "zh" else "Clear Search the report")


def test_tree_rows_read_as_words_with_level_and_parent(window):
    w = window("zh")
    index = w.tree_model.index_for("rec:1")
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("建议 1，需立即落实，产权组织的技术援助")
    assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "第 4 级，属于：A  技术援助和能力建设 (14)"
    joint = w.tree_model.index_for("rec:13").data(Qt.ItemDataRole.AccessibleTextRole)
    assert joint.startswith("建议 13，与 14、17 合并报告，")
    w.set_language("en")
    index = w.tree_model.index_for("rec:1")
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Recommendation 1, for immediate implementation, ")
    assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole).startswith("level 4, in A  Technical Assistance")


def test_result_view_header_is_named(window):
    w = window("zh")
    w.sidebar.set_query("TISC")
    header = w.sidebar.results_model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "搜索结果"


def test_down_arrow_walks_past_annex_one(window, qtbot):
    """The keyboard trap: Annex I opens the overview, which used to move the cursor back to the overview row."""
    w = window("zh")
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_Home)
    seen = [w.tree.currentIndex().data()]
    for _ in range(4):
        qtbot.keyClick(w.tree, Qt.Key.Key_Down)
        seen.append(w.tree.currentIndex().data())
    assert len(set(seen)) == 5, seen
    assert w.tree.currentIndex().data(TargetRole) == "rec:1"
    qtbot.keyClick(w.tree, Qt.Key.Key_Up)
    qtbot.keyClick(w.tree, Qt.Key.Key_Up)
    assert w.tree.currentIndex().data().startswith("附件一")
    assert w.detail.target == "overview"


def test_text_set_by_assistive_technology_starts_a_search(window, qtbot):
    w = window("zh")
    before = w.count_label.text()
    w.sidebar.search.setText("TISC")  # what AT-SPI EditableText.setTextContents does
    qtbot.waitUntil(lambda: w.count_label.text() != before, timeout=2000)
    assert w.sidebar.result.hits and w.sidebar.state.query == "TISC"
    w.sidebar.clear_all()
    assert w.count_label.text() == before and not w.sidebar.search.text()
