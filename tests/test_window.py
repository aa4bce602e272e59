"""The assembled window: navigation, history, find in page, citations, overview, persistence, language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor

from models.settings import Settings
from models.tree_model import BookmarkedRole, KindRole, NumberRole
from ui.i18n import Translations
from ui.main_window import MainWindow


def test_tree_selection_opens_detail_and_syncs(make_window):
    w = make_window()
    w.tree.setCurrentIndex(w.tree_model.index_for("rec:6"))
    assert w.detail.target == "rec:6"
    assert "建议 6" in w.detail.browser.toPlainText()
    w.detail.show_target("rec:16")
    assert w.tree.currentIndex().data(NumberRole) == 16


def test_cross_reference_and_back_forward(make_window, qtbot):
    w = make_window()
    w.detail.show_target("rec:1")
    w.detail.browser.anchorClicked.emit(QUrl("rec:16"))
    assert w.detail.target == "rec:16"
    assert w.actions_.back.isEnabled() and not w.actions_.forward.isEnabled()
    w.actions_.back.trigger()
    assert w.detail.target == "rec:1"
    assert w.actions_.forward.isEnabled()
    w.actions_.forward.trigger()
    assert w.detail.target == "rec:16"
    # Alt+Left (QKeySequence.Back) goes back, the mouse back button too
    qtbot.keyClick(w.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.detail.target == "rec:1"
    qtbot.mouseClick(w.detail.browser.viewport(), Qt.MouseButton.ForwardButton, pos=QPoint(10, 10))
    assert w.detail.target == "rec:16"
    qtbot.mouseClick(w.tree.viewport(), Qt.MouseButton.BackButton, pos=QPoint(10, 10))
    assert w.detail.target == "rec:1"
    qtbot.mouseClick(w.tree.viewport(), Qt.MouseButton.ForwardButton, pos=QPoint(10, 10))
    assert w.detail.target == "rec:16"
    assert w.tree.currentIndex().data(NumberRole) == 16


def test_real_cross_reference_links_navigate(make_window, repo):
    w = make_window()
    source = next(n for n in range(1, 46) if repo.recommendation(n).see_also)
    target = repo.recommendation(source).see_also[0]
    w.detail.show_target(f"rec:{source}")
    assert f'href="rec:{target}"' in w.detail.browser.toHtml()
    w.detail.browser.anchorClicked.emit(QUrl(f"rec:{target}"))
    assert w.detail.target == f"rec:{target}"
    assert source in repo.recommendation(target).cited_by


def test_document_link_filters_tree(make_window, repo):
    w = make_window()
    w.detail.show_target("rec:1")
    w.detail.browser.anchorClicked.emit(QUrl("doc:CDIP/33/3"))
    assert w.sidebar.state.documents == {"CDIP/33/3"}
    assert w.tree_model.shown_count() == repo.document_counts()["CDIP/33/3"]


def test_non_web_links_are_refused(make_window):
    w = make_window()
    w.detail.show_target("rec:1")
    messages = []
    w.detail.message.connect(messages.append)
    w.detail.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert messages and "http" in messages[-1]
    assert w.detail.target == "rec:1"


def test_find_in_page(make_window, qtbot):
    w = make_window()
    w.detail.show_target("rec:1")
    text = w.detail.browser.toPlainText()
    w.actions_.find.trigger()
    bar = w.detail.find_bar
    assert bar.isVisible()
    bar.edit.setText("产权组织")
    assert bar.match_count() == text.count("产权组织") > 2
    first = bar.current_match()
    bar.next()
    assert bar.current_match() == first % bar.match_count() + 1
    bar.previous()
    assert bar.current_match() == first
    assert "/" in bar.count.text()
    bar.edit.setText("不存在的词语组合")
    assert bar.match_count() == 0
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_no_match_clears_the_highlight_of_a_partial_match(make_window):
    w = make_window()
    w.detail.show_target("cover")
    w.actions_.find.trigger()
    bar, browser = w.detail.find_bar, w.detail.browser
    bar.edit.setText("技术")
    assert bar.match_count() >= 1 and browser.textCursor().selectedText() == "技术"
    bar.edit.setText("技术转让")  # typed on: no longer in the page
    assert bar.match_count() == 0
    assert browser.extraSelections() == [] and not browser.textCursor().hasSelection()
    bar.edit.setText("技术")  # back again: found where it was
    assert browser.textCursor().selectedText() == "技术"


def test_copy_citation_with_selection(make_window):
    w = make_window()
    w.detail.show_target("rec:6")
    doc = w.detail.browser.document()
    found = doc.find(
        w.detail.browser.toPlainText().split("亮点", 1)[1].strip().split("\n")[0][:6],
        w.detail.browser.toPlainText().index("亮点"),
    )
    assert not found.isNull()
    w.detail.browser.setTextCursor(found)
    w.actions_.copy_citation.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("CDIP/33/2，附件一，建议 6（亮点）：“")
    w.detail.browser.moveCursor(QTextCursor.MoveOperation.Start)
    w.actions_.copy_citation.trigger()
    assert QGuiApplication.clipboard().text() == "CDIP/33/2，附件一，建议 6"


def test_typing_a_number_jumps(make_window, qtbot):
    w = make_window()
    w.tree.setFocus()
    qtbot.keyClicks(w.tree, "42")
    assert w.detail.target == "rec:42"
    assert w.tree.currentIndex().data(KindRole) == "rec"


def test_overview_counts_equal_database(make_window, repo):
    w = make_window()
    w.detail.show_target("overview")
    page = w.overview
    assert w.detail.stack.currentWidget() is page
    for (cluster, sector), n in repo.cluster_sector_matrix().items():
        assert page.heat.value(sector, cluster) == n
    assert sum(page.heat._values.values()) == sum(repo.cluster_sector_matrix().values())
    countries = repo.country_counts()
    for name, n in page.country_chart.items():
        assert countries[name] == n
    assert page.country_chart.items()[0][1] == max(countries.values())
    docs = repo.document_counts()
    assert all(docs[d] == n for d, n in page.doc_chart.items())


def test_overview_cell_and_bar_apply_filters(make_window, repo, qtbot):
    w = make_window()
    w.detail.show_target("overview")
    page = w.overview
    page.heat.grab()  # lay out the cells
    rect, (sector, cluster) = next((r, k) for r, k in page.heat.cell_rects() if page.heat.value(*k))
    qtbot.mouseClick(page.heat, Qt.MouseButton.LeftButton, pos=rect.center())
    expected = set(repo.filter_numbers(clusters=[cluster], sectors=[sector]))
    assert w.tree_model.shown_count() == len(expected) == page.heat.value(sector, cluster)
    page.country_chart.grab()
    rect, country = page.country_chart.cell_rects()[0]
    qtbot.mouseClick(page.country_chart, Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.sidebar.state.countries == {country}
    assert w.tree_model.shown_count() == repo.country_counts()[country]
    # keyboard: focus the document chart, Enter applies the first bar
    page.doc_chart.grab()
    page.doc_chart.setFocus()
    qtbot.keyClick(page.doc_chart, Qt.Key.Key_Return)
    assert w.sidebar.state.documents == {page.doc_chart.items()[0][0]}


def test_zoom_geometry_splitter_persist(make_window, qtbot):
    w = make_window()
    w.resize(781, 513)
    w.splitter.setSizes([180, 120, 481])  # a readable page (ui.layout): these sizes are left alone
    sizes = w.splitter.sizes()
    w.actions_.zoom_in.trigger()
    w.actions_.zoom_in.trigger()
    w.actions_.zoom_out.trigger()
    assert w.detail.zoom() == 1
    w.close()
    again = make_window()
    assert again.detail.zoom() == 1
    assert (again.width(), again.height()) == (781, 513)
    assert again.splitter.sizes() == sizes
    again.actions_.zoom_reset.trigger()
    again.close()
    assert make_window().detail.zoom() == 0


def test_language_switch_at_run_time(make_window, qtbot):
    w = make_window("zh")
    assert w.file_menu.title() == "文件(&F)"
    assert "附件一" in w.tree_model.index(1, 0, w.tree_model.index(0, 0)).data()
    w.detail.show_target("rec:6")
    assert "亮点" in w.detail.browser.toPlainText()
    w.actions_.lang_en.trigger()
    assert w.file_menu.title() == "&File"
    qtbot.waitUntil(lambda: "Highlights" in w.detail.browser.toPlainText(), timeout=2000)
    assert "Annex I" in w.tree_model.index(1, 0, w.tree_model.index(0, 0)).data()
    assert w.sidebar.clear_button.text() == "Clear all"
    assert Settings().language() == "en"
    w.actions_.lang_zh.trigger()
    assert w.file_menu.title() == "文件(&F)"
    qtbot.waitUntil(lambda: w.sidebar.clear_button.text() == "全部清除", timeout=2000)


def test_status_bar_shows_edition_and_count(make_window, repo):
    w = make_window()
    doc = repo.document()
    assert w.edition_label.text() == f"{doc.symbol} · {doc.date} · 中文"  # not the raw code "zh"
    assert "45" in w.count_label.text()


def test_accessible_names_and_shortcuts(make_window):
    w = make_window()
    for widget in (
        w.sidebar.search,
        w.tree,
        w.detail.browser,
        w.sidebar.results,
        w.overview.heat,
        w.overview.country_chart,
        w.overview.doc_chart,
        w.detail.find_bar.edit,
    ):
        assert widget.accessibleName(), widget
    a = w.actions_
    for action in (
        a.find,
        a.zoom_in,
        a.zoom_out,
        a.back,
        a.forward,
        a.quit,
        a.print_summary,
        a.toggle_bookmark,
        a.copy_citation,
        a.focus_search,
    ):
        assert not action.shortcut().isEmpty(), action.text()


def test_bookmark_toggle_marks_tree_detail_and_facet(make_window, qtbot):
    w = make_window()
    assert w.bookmarks.available, w.bookmarks.error
    w.detail.show_target("rec:6")
    assert w.actions_.toggle_bookmark.isEnabled()
    w.actions_.toggle_bookmark.trigger()  # Ctrl+D / toolbar star
    assert w.bookmarks.is_bookmarked("rec:6")
    assert w.actions_.toggle_bookmark.isChecked()
    qtbot.waitUntil(lambda: w.tree_model.index_for("rec:6").data(BookmarkedRole), timeout=2000)
    w.sidebar.toggle("bookmarked", True)
    assert w.tree_model.shown_count() == 1
    assert w.sidebar.result.bookmarked == 1
    w.sidebar.clear_all()
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not w.bookmarks.is_bookmarked("rec:6")
    qtbot.waitUntil(lambda: not w.tree_model.index_for("rec:6").data(BookmarkedRole), timeout=2000)


def test_toolbar_icons_load(make_window):
    w = make_window()
    for action in (w.actions_.back, w.actions_.forward, w.actions_.toggle_bookmark, w.actions_.zoom_in):
        assert not action.icon().isNull()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform, showing a tooltip
def test_footnote_reference_tooltip_and_jump(make_window, repo, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    w = make_window()
    number, note = next(
        (n, fn)
        for n in range(1, 46)
        for fn in repo.recommendation(n).footnotes
        if f"[^{fn.number}]"
        in repo.recommendation(n).implementation
        + "".join(repo.recommendation(n).highlights)
        + repo.recommendation(n).activities
    )
    w.detail.show_target(f"rec:{number}")
    browser = w.detail.browser
    doc = browser.document()
    block, position = doc.begin(), None
    while block.isValid() and position is None:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == f"fn:{note.number}":
                position = fragment.position()
                break
            it += 1
        block = block.next()
    assert position is not None
    cursor = QTextCursor(doc)
    cursor.setPosition(position + 1)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    point = browser.cursorRect(cursor).center() - QPoint(2, 0)
    assert browser.anchorAt(point) == f"fn:{note.number}"
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == w.detail.footnote_text(note.number) == note.text
    browser.anchorClicked.emit(QUrl(f"fn:{note.number}"))
    assert w.detail.target == f"rec:{number}"  # a footnote link scrolls, it does not navigate


def test_run_app_reports_a_missing_database(qapp, monkeypatch, tmp_path):
    import argparse

    import ui.app
    from ui.app import run_app

    shown = []
    monkeypatch.setattr(ui.app, "show_content_error", lambda parent, exc, damaged=True: shown.append(str(exc)))
    monkeypatch.setenv("DA_NAVIGATOR_DB", str(tmp_path / "missing.sqlite"))
    code = run_app(argparse.Namespace(lang="en", open=None))
    assert code == 4
    assert shown and "missing.sqlite" in shown[0]


def test_print_actions_call_the_printing_module(repo, qtbot, monkeypatch):
    from ui import printing

    calls = []
    for name in ("print_summary", "export_summary_pdf", "export_briefing_pack"):
        monkeypatch.setattr(printing, name, lambda *args, _n=name, **kw: calls.append((_n, args, kw)))
    w = MainWindow(repo, Translations(), Settings())
    qtbot.addWidget(w)
    w.show()
    w.finish_startup()
    w.detail.show_target("rec:6")
    assert w.actions_.print_summary.isEnabled()
    w.actions_.print_summary.trigger()
    w.actions_.export_pdf.trigger()
    w.actions_.briefing_pack.trigger()
    assert [c[0] for c in calls] == ["print_summary", "export_summary_pdf", "export_briefing_pack"]
    parent, passed_repo, numbers, _store = calls[0][1]
    assert parent is w and passed_repo is repo and numbers == [6]
    assert calls[1][2]["status"] is w.statusBar()  # the status bar is handed over, not looked up
    w.detail.show_target("overview")
    assert not w.actions_.print_summary.isEnabled()


def test_bookmarks_panel_dock_opens_entries(make_window):
    w = make_window()
    assert w.extras.panel is not None, w.bookmarks.error
    assert w.actions_.show_bookmarks.isEnabled()
    w.actions_.show_bookmarks.trigger()
    assert w.extras.dock.isVisible()
    w.extras.panel.openRequested.emit("recommendation", 7)
    assert w.detail.target == "rec:7"
    w.extras.panel.openRequested.emit("review", 3)
    assert w.detail.target == "review:3"


def test_no_two_actions_share_a_shortcut(make_window):
    w = make_window()
    owners: dict[str, set[str]] = {}
    for action in w.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), set()).add(action.text())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_corrupt_bookmark_store_is_reported_in_a_message_box(make_window, isolated_user_state, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from models.paths import user_data_dir

    (user_data_dir() / "bookmarks.sqlite").write_bytes(b"not a database" * 500)
    w = make_window()
    box = w.findChild(QMessageBox, "bookmarkStoreProblem")
    assert box is not None and box.isVisible()
    assert "corrupt-" in box.text()  # says where the old file went
    assert w.bookmarks.available  # and a fresh store is in use
    box.close()


def test_garbage_collection_resumes_after_the_first_paint(window, monkeypatch) -> None:
    """main.py turns collection off for the window's start-up; the window's ``started`` (emitted after
    the first paint) turns it back on and freezes what start-up made; without main.py it does nothing."""
    import gc

    from ui.app import resume_collection

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    window.started.connect(resume_collection)
    window.started.emit()  # collection was never turned off (a test, not main.py): nothing to resume
    assert gc.isenabled() and frozen == []
    gc.disable()
    try:
        window.started.emit()
        assert gc.isenabled() and frozen == [True]
    finally:
        gc.enable()
