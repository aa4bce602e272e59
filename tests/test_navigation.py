"""Navigation readers expect: go to N, next/previous, history drop-downs, group pages, outline,
and a bare number in the search box offering that recommendation first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QToolButton

from models.history import History


def test_go_to_number_dialog(window, qtbot):
    qtbot.keyClick(window.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QInputDialog, "goToNumberDialog")
    assert dialog is not None and dialog.isVisible()
    assert (dialog.intMinimum(), dialog.intMaximum()) == (1, 45)
    dialog.setIntValue(31)
    dialog.accept()
    assert window.detail.target == "rec:31"
    assert "建议 31" in window.detail.browser.toPlainText()


def test_next_and_previous_recommendation_keys(window, repo, qtbot):
    window.detail.show_target("rec:6")
    qtbot.keyClick(window.tree, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.target == "rec:7"
    qtbot.keyClick(window.tree, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.tree, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.target == "rec:5"
    window.detail.show_target("rec:45")
    window.actions_.next_rec.trigger()
    assert window.detail.target == "rec:45"  # the last one: nowhere further
    # with a filter, next skips what the tree does not show
    window.sidebar.toggle("clusters", "C")
    numbers = next(c.numbers for c in repo.clusters() if c.id == "C")
    window.detail.show_target("rec:2")
    window.actions_.next_rec.trigger()
    assert window.detail.target == f"rec:{numbers[0]}" != "rec:3"
    window.sidebar.clear_all()
    first, second = (r.number for r in repo.reviews()[:2])
    window.detail.show_target(f"review:{first}")
    window.actions_.next_rec.trigger()
    assert window.detail.target == f"review:{second}"  # Annex II steps through Annex II


def test_history_drop_down_lists(window):
    for n in (3, 9, 27):
        window.detail.show_target(f"rec:{n}")
    button = window.toolbar.widgetForAction(window.actions_.back)
    assert isinstance(button, QToolButton) and button.menu() is window.navigator.back_menu
    menu = window.navigator.back_menu
    menu.aboutToShow.emit()
    labels = [a.text() for a in menu.actions()]
    assert labels[0].startswith("9") and labels[1].startswith("3")  # nearest first, tree labels
    menu.actions()[1].trigger()
    assert window.detail.target == "rec:3"
    window.navigator.forward_menu.aboutToShow.emit()
    forward = window.navigator.forward_menu.actions()
    assert [a.text()[:2] for a in forward] == ["9 ", "27"]
    forward[1].trigger()
    assert window.detail.target == "rec:27"
    assert not window.actions_.forward.isEnabled()


def test_history_steps():
    h = History()
    for t in ("a", "b", "c", "d"):
        h.visit(t)
    assert h.back_items() == ["c", "b", "a"] and h.forward_items() == []
    assert h.go(-2) == "b"
    assert h.back_items() == ["a"] and h.forward_items() == ["c", "d"]
    assert h.go(5) is None and h.current == "b"


def test_annex2_and_cluster_nodes_list_their_children(window, repo):
    model = window.tree_model
    window.tree.setCurrentIndex(model.index_for("annex2"))
    assert window.detail.target == "annex2"
    html = window.detail.browser.toHtml()
    assert all(f'href="review:{r.number}"' in html for r in repo.reviews())
    assert "附件二" in window.detail.browser.toPlainText()
    window.tree.setCurrentIndex(model.index_for("cluster:C"))
    html = window.detail.browser.toHtml()
    cluster = next(c for c in repo.clusters() if c.id == "C")
    assert [n for n in range(1, 46) if f'href="rec:{n}"' in html] == list(cluster.numbers)
    assert cluster.title in window.detail.browser.toPlainText()
    window.actions_.group_by_sector.trigger()
    sector = repo.sectors()[0]
    window.tree.setCurrentIndex(model.index_for(f"sector:{sector}"))
    html = window.detail.browser.toHtml()
    members = {s.number for s in repo.summaries() if sector in s.sectors}
    assert {n for n in range(1, 46) if f'href="rec:{n}"' in html} == members


def test_outline_jumps_to_sections(window, qtbot):
    window.resize(1000, 500)
    window.detail.show_target("rec:6")
    menu = window.navigator.sections_menu
    menu.aboutToShow.emit()
    titles = [a.text() for a in menu.actions()]
    assert "亮点" in titles and "活动/成果" in titles
    assert window.detail.browser.verticalScrollBar().value() == 0
    menu.actions()[titles.index("活动/成果")].trigger()
    bar = window.detail.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    window.detail.show_target("overview")
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in menu.actions()] == [False]


def test_a_number_in_search_offers_that_recommendation_first(window, qtbot):
    window.sidebar.search.setFocus()
    qtbot.keyClicks(window.sidebar.search, "45")
    window.sidebar.apply_now()
    model = window.sidebar.results_model
    assert model.targets()[0] == "rec:45"
    assert "45" in model.index(0, 0).data()
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Return)
    assert window.detail.target == "rec:45"
    window.sidebar.set_query("建议 7")
    assert model.targets()[0] == "rec:7"
    window.sidebar.set_query("99")
    assert "rec:99" not in model.targets()
