"""Layout that holds at any size: the reading pane keeps ~30 CJK characters a line at 1024×700 with
the bookmarks panel open, lines stop at ~45 characters on wide windows, the tree shows whole
titles (wide windows, tooltips), and the print preview fits the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from models.tree_model import KindRole
from ui.layout import READING_CHARS, SIDEBAR_WIDTH, TREE_MIN
from ui.page_browser import MEASURE_CHARS


def _chars(browser, n: int) -> int:
    return browser.fontMetrics().horizontalAdvance("中" * n)


def _line_width(browser) -> float:
    """Width available to a line of text in the page (viewport less the page's side margins)."""
    fmt = browser.document().rootFrame().frameFormat()
    return browser.viewport().width() - fmt.leftMargin() - fmt.rightMargin()


def test_reading_pane_keeps_a_readable_width_with_the_bookmarks_panel_open(window, qtbot):
    window.resize(1024, 700)
    window.actions_.show_bookmarks.setChecked(True)
    window.detail.show_target("rec:13")
    browser = window.detail.browser
    qtbot.waitUntil(lambda: _line_width(browser) >= _chars(browser, READING_CHARS), timeout=3000)
    assert window.extras.dock.isVisible()
    side, tree, _reading = window.splitter.sizes()
    assert tree >= TREE_MIN  # the tree stays usable; the sidebar gave way first
    # Ctrl+K brings a collapsed search sidebar back
    if side == 0:
        window.actions_.focus_search.trigger()
        assert window.splitter.sizes()[0] > 0
    # more room again: nothing stays collapsed
    window.actions_.show_bookmarks.setChecked(False)
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] > 0, timeout=3000)


def test_small_restored_window_keeps_the_reading_pane(window, qtbot):
    window.resize(960, 456)
    window.detail.show_target("rec:6")
    browser = window.detail.browser
    qtbot.waitUntil(lambda: _line_width(browser) >= _chars(browser, READING_CHARS), timeout=3000)
    # no dock: all three fit, nothing stays collapsed
    qtbot.waitUntil(lambda: all(size > 0 for size in window.splitter.sizes()), timeout=3000)
    assert _line_width(browser) >= _chars(browser, READING_CHARS)


def test_lines_stop_at_the_measure_on_wide_windows(window, qtbot):
    screen = QGuiApplication.primaryScreen().availableGeometry()
    window.setMaximumSize(4000, 4000)
    window.resize(max(1920, screen.width()), 1080)
    window.detail.show_target("rec:13")
    browser = window.detail.browser
    qtbot.waitUntil(lambda: browser.viewport().width() > _chars(browser, MEASURE_CHARS) + 100, timeout=3000)
    qtbot.waitUntil(lambda: _line_width(browser) <= _chars(browser, MEASURE_CHARS) + 1, timeout=3000)
    assert _line_width(browser) >= _chars(browser, MEASURE_CHARS) - 1
    window.actions_.zoom_in.trigger()  # larger text: the measure follows the font
    assert _line_width(browser) <= _chars(browser, MEASURE_CHARS) + 1
    window.detail.show_target("rec:14")  # a new page keeps the margins
    assert _line_width(browser) <= _chars(browser, MEASURE_CHARS) + 1
    # the width the page cannot use goes to the tree, so whole titles show
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] >= 500, timeout=3000)


def test_tree_rows_show_their_whole_label_in_a_tooltip(window):
    model = window.tree_model
    rec = model.index_for("rec:13")
    tip = rec.data(Qt.ItemDataRole.ToolTipRole)
    assert "建议 13" in tip and window.repo.summaries()[12].title in tip
    cluster = model.index_for("cluster:B")
    assert cluster.data(KindRole) == "cluster"
    assert cluster.data(Qt.ItemDataRole.ToolTipRole) == cluster.data()


def test_print_preview_fits_the_screen(window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    sizes = []

    def fake_exec(dialog):
        sizes.append(dialog.size())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    window.detail.show_target("rec:6")
    window.actions_.print_summary.trigger()
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert sizes and sizes[0].height() <= area.height() and sizes[0].width() <= area.width()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sidebar_clips_nothing_and_scrolls_once(window, qtbot, lang):
    """A short window with a narrow sidebar (1280×800 at 150 % less title bar and taskbar): the
    help text shows whole (however far the facets are dragged up), or scrolls where even the facets'
    minimum leaves too little room (English, with the app's fonts); each facet page scrolls in one
    place only."""
    window.translations.switch(lang)
    window.resize(1280, 600)
    qtbot.waitExposed(window)
    window.splitter.setSizes([TREE_MIN, 400, 640])
    side = window.sidebar
    side.split.setSizes([40, 1000])  # the facets dragged up as far as they go
    hint, area = side.hint, side.hint_area

    def whole_or_scrolls() -> bool:  # more text than room: it scrolls, nothing is cut off
        if hint.height() < hint.heightForWidth(hint.width()):
            return False
        bar = area.verticalScrollBar()
        return hint.height() <= area.viewport().height() or (
            bar.isVisible() and bar.maximum() >= hint.height() - area.viewport().height())

    qtbot.waitUntil(whole_or_scrolls, timeout=2000)
    toolbox = side.facets.toolbox
    for i in range(toolbox.count()):
        toolbox.setCurrentIndex(i)
        page = toolbox.widget(i)
        area = page.parentWidget().parentWidget()
        qtbot.waitUntil(area.isVisible, timeout=2000)
        QGuiApplication.processEvents()
        bars = [area.verticalScrollBar().isVisible(), page.list.verticalScrollBar().isVisible()]
        assert bars.count(True) <= 1, (i, bars)
        if not bars[0]:  # the area does not scroll: the whole page fits in it
            assert page.height() <= area.viewport().height(), i


def test_collapsed_panels_come_back_from_the_view_menu_and_ctrl_k_keeps_the_tree(window, qtbot):
    """1024×700 with the bookmarks panel open: Ctrl+K shows the sidebar without collapsing the
    tree; the View menu's panel items show which panels are showing and bring them back."""
    a = window.actions_
    window.resize(1024, 700)
    window.actions_.show_bookmarks.setChecked(True)
    window.detail.show_target("rec:13")
    qtbot.waitUntil(lambda: window.extras.dock.isVisible(), timeout=3000)
    window.splitter.setSizes([0, 300, 500])  # the sidebar collapsed (by the fit or by hand)
    window.reading_first.fit()
    qtbot.waitUntil(lambda: not a.show_sidebar.isChecked(), timeout=2000)
    assert a.show_sidebar.isCheckable() and a.show_sidebar in window.view_menu.actions()
    a.focus_search.trigger()
    for _ in range(5):
        QGuiApplication.processEvents()
    side, tree, _reading = window.splitter.sizes()
    assert side > 0 and tree >= TREE_MIN, window.splitter.sizes()
    assert a.show_sidebar.isChecked() and a.show_tree.isChecked()
    a.show_tree.trigger()  # hide the tree: it stays hidden
    window.reading_first.fit()
    QGuiApplication.processEvents()
    assert window.splitter.sizes()[1] == 0 and not a.show_tree.isChecked()
    a.show_tree.trigger()  # and back
    QGuiApplication.processEvents()
    assert window.splitter.sizes()[1] >= TREE_MIN and a.show_tree.isChecked()


def test_wide_window_gives_the_tree_what_its_longest_title_needs(window, qtbot):
    """At 1920 px the page keeps its measure and modest margins; the rest widens the tree until
    every title shows whole, also with larger text (no fixed cap)."""
    font = window.tree.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    window.tree.setFont(font)
    need = window.tree.needed_width()
    assert need > 540  # wider than the old fixed cap
    window.setMaximumSize(4000, 4000)
    window.resize(1920, 1080)
    window.detail.show_target("rec:13")
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] >= need, timeout=3000)
    browser = window.detail.browser
    assert _line_width(browser) >= _chars(browser, MEASURE_CHARS) - 1  # the page keeps its measure
    assert window.splitter.sizes()[0] > SIDEBAR_WIDTH  # what is still spare widens the sidebar


def test_the_note_under_the_page_follows_the_text_margins(window, qtbot):
    """At 1920 px the page's lines stop at the measure with margins; the note editor under it
    lines up with the text instead of spanning the whole pane, at any width."""
    window.setMaximumSize(4000, 4000)
    window.detail.show_target("rec:13")
    browser, editor = window.detail.browser, window.note.note.editor
    side = lambda: browser.document().rootFrame().frameFormat().leftMargin()  # noqa: E731
    text_left = lambda: browser.viewport().mapTo(window, browser.viewport().rect().topLeft()).x() + side()  # noqa: E731
    note_left = lambda: editor.mapTo(window, editor.rect().topLeft()).x()  # noqa: E731
    for width, margin in ((1920, 60), (1024, 0)):
        window.resize(width, 1080 if width > 1500 else 700)
        qtbot.waitUntil(lambda least=margin: side() > least, timeout=3000)
        qtbot.waitUntil(lambda: abs(note_left() - text_left()) < 16, timeout=3000)
