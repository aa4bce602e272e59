"""Issue 10 "Performance": the first paint does no work twice and nothing it does not need."""

from __future__ import annotations

from ui.detail_pane import DetailPane


def test_the_first_page_is_rendered_once(repo, qtbot):
    pane = DetailPane(repo, lambda: None)  # built hidden, like the main window's pane at start-up
    qtbot.addWidget(pane)
    renders = []
    real = pane._render
    pane._render = lambda *a: renders.append(a[0]) or real(*a)
    pane.show_target("cover")
    pane.resize(900, 600)
    pane.show()  # showing must not render the page it has just rendered again
    qtbot.waitExposed(pane)
    assert renders == ["cover"]
    pane.apply_palette()  # a real change still re-renders
    assert renders == ["cover", "cover"]


def test_reading_measure_uses_the_viewport_width(repo, qtbot):
    pane = DetailPane(repo, lambda: None)
    qtbot.addWidget(pane)
    pane.show_target("rec:6")
    pane.resize(1600, 700)
    pane.show()
    qtbot.waitExposed(pane)
    browser = pane.browser
    assert browser.page_width() == browser.viewport().width()
    fmt = browser.document().rootFrame().frameFormat()
    line = browser.viewport().width() - fmt.leftMargin() - fmt.rightMargin()
    measure = browser.fontMetrics().horizontalAdvance("中" * 45)
    assert abs(line - measure) <= 2
