"""Search and facets through the sidebar widget, checked against a plain scan of the content."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from ui_helpers import scan, type_text

from models.filters import FilterState, evaluate
from models.search import MAX_QUERY_CHARS, parse_query
from models.search_model import SectionRole, SnippetRole, TargetRole, section_label
from ui.main_window import MainWindow
from ui.search_results import HIT_INDENT


@pytest.fixture
def window(repo, qtbot):
    w = MainWindow(repo)
    qtbot.addWidget(w)
    w.show()
    w.finish_startup()
    return w


def _shown(window) -> set[int]:
    from models.tree_model import KindRole, NumberRole

    model = window.tree_model
    out, stack = set(), [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if index.data(KindRole) == "rec":
            out.add(index.data(NumberRole))
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return out


@pytest.mark.parametrize("term", ["专利", "版权", "中小企业", "TISC", "tisc"])
def test_search_matches_substring_scan(window, repo, qtbot, term):
    expected = scan(repo, term)
    assert expected, term
    type_text(window.sidebar.search, term)
    qtbot.waitUntil(lambda: window.sidebar.state.query == term, timeout=2000)
    assert _shown(window) == expected
    listed = {int(t.split(":")[1]) for t in window.sidebar.results_model.targets() if t.startswith("rec:")}
    assert listed == expected
    assert window.tree_model.shown_count() == len(expected)
    assert str(len(expected)) in window.count_label.text()


def test_multi_term_means_all(window, repo):
    window.sidebar.set_query("专利 版权")
    assert _shown(window) == scan(repo, "专利") & scan(repo, "版权")


def test_enter_opens_first_hit_with_highlight(window, qtbot):
    qtbot.keyClicks(window.sidebar.search, "TISC")
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Return)
    assert window.detail.target.startswith("rec:")
    assert window.detail.hit_count > 0
    assert "TISC" in window.detail.browser.toPlainText()


def test_facet_combinations(window, repo):
    sidebar = window.sidebar
    sidebar.toggle("clusters", "A")
    a = set(repo.filter_numbers(clusters=["A"]))
    assert _shown(window) == a == set(range(1, 15))
    sector = "区域和国家发展部门"
    sidebar.toggle("sectors", sector)
    both = {s.number for s in repo.summaries() if s.cluster == "A" and sector in s.sectors}
    assert _shown(window) == both
    assert sidebar.result.facets["clusters"] == {"A": len(both)}
    sidebar.toggle("immediate", True)
    imm = {n for n in both if repo.recommendation(n).immediate}
    assert _shown(window) == imm
    sidebar.set_query("专利")
    assert _shown(window) == imm & scan(repo, "专利")
    sidebar.toggle("immediate", True)  # off again
    sidebar.toggle("clusters", "A")
    assert _shown(window) == {s.number for s in repo.summaries() if sector in s.sectors} & scan(repo, "专利")
    # facet counts are counts over the current result
    result = sidebar.result
    for cluster, n in result.facets["clusters"].items():
        assert n == len([x for x in result.numbers if repo.recommendation(x).cluster == cluster])
    assert "(" in sidebar.facets.page("clusters").count_text("A")


def test_country_and_document_facets(window, repo):
    country = max(repo.country_counts(), key=repo.country_counts().get)
    window.sidebar.toggle("countries", country)
    assert _shown(window) == {n for n in range(1, 46) if country in repo.recommendation(n).countries}
    window.sidebar.clear_all()
    doc = "CDIP/33/3"
    window.sidebar.toggle("documents", doc)
    assert _shown(window) == {n for n in range(1, 46) if doc in repo.recommendation(n).documents}
    assert len(_shown(window)) == repo.document_counts()[doc]


def test_empty_result_says_so_and_clears(window, qtbot):
    window.actions_.focus_search.trigger()  # an 800 px offscreen screen: the sidebar may be collapsed
    window.sidebar.set_query("这个词不会出现在报告里")
    assert _shown(window) == set()
    assert window.sidebar.empty.isVisible()
    qtbot.mouseClick(window.sidebar.empty_button, Qt.MouseButton.LeftButton)
    assert window.sidebar.state.is_empty()
    assert len(_shown(window)) == 45
    assert not window.sidebar.empty.isVisible()


HOSTILE = [
    '"',
    "AND",
    "(",
    "*",
    ":",
    "-",
    "OR NOT",
    '"专利',
    "专利 AND (",
    "x" * 10_000,
    "😀",
    "专利😀",
    "\x00",
    "a\x00b",
    "NEAR(",
    "^",
    "'",
    "%",
    "_",
    "\\",
    "  ",
    "\u200b",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_raises_or_freezes(window, qtbot, text):
    start = time.monotonic()
    window.sidebar.search.setText(text)
    window.sidebar.apply_now()
    assert time.monotonic() - start < 5  # "never freezes": generous, not a benchmark
    assert window.sidebar.result is not None and window.sidebar.result.error == ""
    assert len(window.sidebar.result.query.text) <= MAX_QUERY_CHARS
    window.sidebar.clear_all()
    assert len(_shown(window)) == 45


def test_one_query_parser_for_search_and_highlights():
    assert parse_query("a\x00b").terms == ("a", "b")
    assert parse_query("  专利\u3000  版权 ").text == "专利 版权"
    assert len(parse_query("x" * 10_000).text) == MAX_QUERY_CHARS
    many = " ".join(f"t{i}" for i in range(20))
    # the detail pane highlights exactly the terms search matched (8, not 10)
    assert FilterState(query=many) and len(parse_query(many).terms) == 8


def test_evaluate_against_the_real_database(repo):
    result = evaluate(repo, FilterState(query="专利", chosen={"clusters": frozenset({"A"})}))
    assert result.numbers and all(repo.recommendation(n).cluster == "A" for n in result.numbers)
    assert result.reviews == set()  # facets hide Annex II
    result = evaluate(repo, FilterState(bookmarked_only=True), lambda: {3, 4})
    assert result.numbers == [3, 4] and result.bookmarked == 2


def test_facet_panel_built_once(window):
    from ui.facet_panel import FacetPanel

    window.sidebar.set_query("专利")
    window.sidebar.clear_all()
    window.finish_startup()
    assert len(window.sidebar.findChildren(FacetPanel)) == 1


def test_keyboard_from_search_box_to_results(window, qtbot):
    type_text(window.sidebar.search, "TISC")
    window.sidebar.apply_now()
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Down)
    results = window.sidebar.results
    assert results.currentIndex().isValid()  # Down moved into the list and selected the first hit
    qtbot.keyClick(results, Qt.Key.Key_Down)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.detail.target == results.currentIndex().data(TargetRole)


def test_highlights_follow_the_current_query(window, qtbot):
    """A new search, and clearing it, re-highlight the open page at once (issue 11, item 3)."""
    window.sidebar.set_query("TISC")
    window.sidebar.apply_now()
    window.detail.show_target("rec:8", window.sidebar.result.terms)
    assert window.detail.hit_count > 0
    window.sidebar.set_query("专利")
    window.sidebar.apply_now()
    assert window.detail.target == "rec:8"
    assert window.detail._terms == ["专利"]
    page = window.detail.browser.toPlainText()
    assert window.detail.hit_count == page.count("专利")
    window.sidebar.clear_all()
    assert window.detail._terms == [] and window.detail.hit_count == 0


def test_back_restores_scroll_and_current_highlights(window, qtbot):
    window.resize(900, 500)
    window.sidebar.set_query("专利")
    window.sidebar.apply_now()
    d = window.detail
    d.show_target("rec:8", window.sidebar.result.terms)
    bar = d.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=3000)
    bar.setValue(bar.maximum() // 2)
    left_at = bar.value()
    d.show_target("rec:31", window.sidebar.result.terms)
    assert bar.value() == 0
    d.back()
    assert d.target == "rec:8"
    assert bar.value() == left_at
    assert d.hit_count == d.browser.toPlainText().count("专利") > 0
    d.forward()
    assert d.target == "rec:31" and bar.value() == 0


def test_result_rows_show_snippets_long_enough_to_judge(window, qtbot):
    """At 1024×700 each hit shows about 40 characters of its snippet (wrapped), not ~10."""
    window.resize(1024, 700)
    window.sidebar.set_query("技术转让")
    window.sidebar.apply_now()
    view = window.sidebar.results
    qtbot.waitUntil(lambda: view.viewport().width() > 150, timeout=3000)
    model, delegate = view.model(), view.itemDelegate()
    hit = model.first_hit()
    snippet = hit.data(SnippetRole)
    room = view.visualRect(hit).width() - HIT_INDENT - 8
    runs = delegate._layout("文本  ", snippet, room, view.font())
    shown = "".join(r.text for r in runs[1:]).rstrip("…")
    plain = snippet.replace("\x02", "").replace("\x03", "")
    assert len(shown) >= min(len(plain), 30), (room, shown)
    assert view.visualRect(hit).height() > view.visualRect(model.index(0, 0)).height()  # a hit wraps


def test_a_short_hit_gets_no_blank_second_line(window, qtbot):
    """Search "45": recommendation 45's own text matches only by its number; its short snippet
    fits on one line, so its row is one line high (it used to get the room of a long snippet)."""
    window.resize(1024, 700)
    window.sidebar.set_query("45")
    window.sidebar.apply_now()
    view = window.sidebar.results
    qtbot.waitUntil(lambda: view.viewport().width() > 150, timeout=3000)
    model, delegate = view.model(), view.itemDelegate()
    first, second = model.group_rows()[:2]
    hits = [model.index(r, 0) for r in range(first + 1, second)]
    short = next(h for h in hits if "\x02" not in h.data(SnippetRole))
    long = next(h for h in hits if "\x02" in h.data(SnippetRole))
    room = view.visualRect(short).width() - HIT_INDENT - 8
    fm = view.fontMetrics()
    label = section_label(short.data(SectionRole)) + "  "
    assert fm.horizontalAdvance(label + short.data(SnippetRole)) < room  # it fits on one line
    assert view.visualRect(short).height() == fm.height() + 6
    runs = delegate._layout(section_label(long.data(SectionRole)) + "  ", long.data(SnippetRole), room, view.font())
    assert view.visualRect(long).height() == fm.lineSpacing() * runs[-1].line + fm.height() + 6


def test_rows_sized_but_not_shown_prepare_no_glyphs(window, qtbot):
    """The list sizes rows it never shows (the last page's, to set its scroll bar): their runs are laid out
    (line breaks, widths) but their glyphs are prepared only when a row is first drawn."""
    window.resize(1024, 700)
    window.sidebar.set_query("国")  # ~200 rows: the last page is far from the first
    view, model = window.sidebar.results, window.sidebar.results_model
    qtbot.waitUntil(lambda: view.viewport().width() > 150, timeout=3000)
    view.viewport().repaint()
    delegate = view.itemDelegate()
    last = model.index(model.rowCount() - 1, 0)
    assert not view.viewport().rect().intersects(view.visualRect(last))  # not on screen
    runs = delegate._layout(section_label(last.data(SectionRole)) + "  ", last.data(SnippetRole),
                            view.viewport().width() - HIT_INDENT - 8, view.font())
    assert runs and all(run._static is None for run in runs)
    first = model.first_hit()
    shown = delegate._layout(section_label(first.data(SectionRole)) + "  ", first.data(SnippetRole),
                             view.viewport().width() - HIT_INDENT - 8, view.font())
    assert all(run._static is not None for run in shown)  # drawn: prepared once, kept

