"""Every active filter is visible as a removable chip above the tree; how filters combine is said;
clear all clears everything, including the facet lists' own filter boxes; one facet definition."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from models.facets import FACETS
from models.filters import FilterState


def test_chips_show_query_and_each_value_and_remove_one(window):
    chips, sidebar = window.chips, window.sidebar
    assert chips.chips() == [] and chips.label.text() == "筛选条件：无" and not chips.rule.isVisible()
    sidebar.set_query("专利")
    sidebar.toggle("clusters", "A")
    sidebar.toggle("clusters", "B")
    sidebar.toggle("sectors", "专利和技术部门")
    assert chips.isVisible()
    assert chips.chips() == [("query", "专利"), ("clusters", "A"), ("clusters", "B"), ("sectors", "专利和技术部门")]
    text = chips.label.text()
    assert "专利" in text and "组别: A" in text and "产权组织部门: 专利和技术部门" in text
    assert "（或）" in chips.rule.text() and "（且）" in chips.rule.text() and chips.rule.isVisible()
    chips.label.linkActivated.emit("chip:1")  # the ✕ of cluster A
    assert sidebar.state.clusters == {"B"} and sidebar.state.query == "专利"
    assert ("clusters", "A") not in chips.chips()
    chips.remove(0)  # the query
    assert sidebar.search.text() == "" and chips.chips()[0] == ("clusters", "B")
    chips.label.linkActivated.emit("clear")
    assert sidebar.state.is_empty() and chips.chips() == [] and chips.label.text() == "筛选条件：无"
    assert chips.label.accessibleName() == "没有筛选条件"


def test_the_first_filter_does_not_move_the_tree(window, qtbot):
    """The chip line is always there, so typing the first key does not push the tree down (which
    made Qt lay out and repaint all of it on every first keystroke)."""
    tree_top = window.tree.mapTo(window, window.tree.rect().topLeft())
    window.sidebar.set_query("权")
    qtbot.wait(20)  # the layout passes a new text takes
    assert window.chips.chips() == [("query", "权")]
    assert window.tree.mapTo(window, window.tree.rect().topLeft()) == tree_top


def test_heat_map_cell_and_document_link_add_visible_chips(window, qtbot):
    window.detail.show_target("overview")
    heat = window.overview.heat
    heat.grab()
    rect, (sector, cluster) = next((r, k) for r, k in heat.cell_rects() if heat.value(*k))
    qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.chips.isVisible()
    assert set(window.chips.chips()) == {("clusters", cluster), ("sectors", sector)}  # the cluster too
    window.detail.show_target("rec:2")
    window.detail.browser.anchorClicked.emit(QUrl("doc:WO/PBC/37/7"))
    assert ("documents", "WO/PBC/37/7") in window.chips.chips()
    assert "引用的文件: WO/PBC/37/7" in window.chips.label.text()


def test_clear_all_also_clears_the_facet_filter_boxes(window, qtbot):
    sidebar = window.sidebar
    window.actions_.focus_search.trigger()  # an 800 px offscreen screen: the sidebar may be collapsed
    countries = sidebar.facets.page("countries")
    countries.search.setText("阿尔")
    first = next(iter(window.repo.country_counts()))
    sidebar.toggle("countries", first)
    assert any(countries.list.item(i).isHidden() for i in range(countries.list.count()))
    qtbot.mouseClick(sidebar.clear_button, Qt.MouseButton.LeftButton)
    assert sidebar.state.is_empty()
    assert countries.search.text() == ""
    assert not any(countries.list.item(i).isHidden() for i in range(countries.list.count()))


def test_bookmarked_switch_is_a_chip_too(window):
    window.sidebar.toggle("bookmarked", True)
    assert window.chips.chips() == [("bookmarked", True)]
    window.chips.remove(0)
    assert not window.sidebar.state.bookmarked_only


def test_one_facet_definition_drives_state_sql_and_panel(window, repo):
    """A facet exists once (models.facets): the panel has its page, the state its values, the
    repository its SQL; every facet's counts equal a plain check over the entries."""
    panel = window.sidebar.facets
    assert [panel.toolbox.itemText(i) for i in range(panel.toolbox.count())] == [
        f.translated_title() for f in FACETS
    ]
    everything = repo.facets(range(1, 46))
    assert set(everything) == {f.key for f in FACETS}
    for facet in FACETS:
        value = next(iter(everything[facet.key]))
        state = FilterState().toggled(facet.key, value)
        assert getattr(state, facet.key) == {value}
        numbers = repo.filter_numbers(**{facet.key: [value]})
        assert len(numbers) == everything[facet.key][value], facet.key
        assert panel.page(facet.key).item(value) is not None
    assert repo.filter_numbers(immediate=[True, False]) == list(range(1, 46))  # OR within a facet
    with pytest.raises(KeyError):
        FilterState().toggled("colour", "red")


def test_a_filter_leaving_few_rows_keeps_the_trees_width(window, qtbot):
    """The tree's scroll bar stays when the rows fit: its rows keep their width, so a filter paints the
    tree once, with the labels already laid out at that width (a bar that went made Qt paint it twice)."""
    before = window.tree.viewport().width()
    window.sidebar.set_query("TISC")  # 9 recommendations: every row fits
    qtbot.wait(20)
    assert window.tree_model.shown_count() == 9 and window.tree.viewport().width() == before


def test_the_search_boxs_clear_button(window, qtbot):
    """The clear button is named for screen readers, inert and drawn as nothing while the box is empty,
    and a click on it clears the search (it appears at once: Qt's own faded in over 160 ms)."""
    from PySide6.QtWidgets import QToolButton

    sidebar = window.sidebar
    action = sidebar.clear_search
    (button,) = [b for b in sidebar.search.findChildren(QToolButton) if b.defaultAction() is action]
    assert action.text() == "清除搜索" and not action.isEnabled()
    sidebar.set_query("TISC")
    assert action.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sidebar.search.text() == "" and sidebar.state.query == "" and not action.isEnabled()
