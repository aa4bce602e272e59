"""Search and facets through the sidebar widget, checked against a plain scan of the content."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from ui_helpers import scan, type_text

from models.filters import MAX_QUERY, FilterState, clean_query, evaluate
from models.search_model import TargetRole
from ui.main_window import MainWindow


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
    assert window.sidebar.result is not None
    assert len(window.sidebar.state.query) <= MAX_QUERY
    window.sidebar.clear_all()
    assert len(_shown(window)) == 45


def test_clean_query():
    assert clean_query("a\x00b") == "a b"
    assert clean_query("  专利   版权 ") == "专利 版权"
    assert len(clean_query("x" * 10_000)) == MAX_QUERY


def test_evaluate_with_fake_repo():
    from fake_repo import FakeRepository

    repo = FakeRepository()
    result = evaluate(repo, FilterState(query="专利", chosen={"clusters": frozenset({"A"})}))
    assert all(repo.recommendation(n).cluster == "A" for n in result.numbers)
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
    assert results.hasFocus() or results.currentIndex().isValid()
    qtbot.keyClick(results, Qt.Key.Key_Down)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.detail.target == results.currentIndex().data(TargetRole)
