"""The recommendation tree and search-result models: structure, filtering, grouping, model checks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from models.search_model import IsGroupRole, SearchResultModel, SectionRole, TargetRole
from models.tree_model import BookmarkedRole, KindRole, NumberRole, RecommendationTreeModel


def make_model(repo) -> RecommendationTreeModel:
    return RecommendationTreeModel(
        repo.document(), repo.clusters(), repo.summaries(), repo.reviews(), repo.sectors()
    )


def children(model, parent=QModelIndex()):
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def walk(model, parent=QModelIndex()):
    for index in children(model, parent):
        yield index
        yield from walk(model, index)


def by_kind(model, kind):
    return [i for i in walk(model) if i.data(KindRole) == kind]


def test_structure(repo, qtmodeltester):
    model = make_model(repo)
    qtmodeltester.check(model)
    (doc,) = children(model)
    assert doc.data(KindRole) == "document"
    kinds = [i.data(KindRole) for i in children(model, doc)]
    assert kinds == ["cover", "annex1", "annex2"]
    clusters = by_kind(model, "cluster")
    assert [c.data(Qt.ItemDataRole.DisplayRole)[0] for c in clusters] == list("ABCDEF")
    recs = by_kind(model, "rec")
    assert sorted(r.data(NumberRole) for r in recs) == list(range(1, 46))
    for cluster in clusters:
        numbers = [i.data(NumberRole) for i in children(model, cluster)]
        assert f"({len(numbers)})" in cluster.data()
        assert all(model.index_for(f"rec:{n}").parent() == cluster for n in numbers)
    assert sorted(r.data(NumberRole) for r in by_kind(model, "review")) == [3, 7, 8, 9, 10, 12]
    assert "★" in model.index_for("rec:1").data()


def test_real_cluster_membership(repo):
    model = make_model(repo)
    expected = {
        "A": range(1, 15),
        "B": range(15, 24),
        "C": range(24, 33),
        "D": range(33, 39),
        "E": range(39, 45),
    }
    for cluster, numbers in expected.items():
        for n in numbers:
            assert model.index_for(f"rec:{n}").parent().data().startswith(cluster)
    assert "[⇄14、17]" in model.index_for("rec:13").data()


def test_filter_keeps_clusters_and_updates_counts(repo, qtmodeltester):
    model = make_model(repo)
    model.set_visible({1, 2, 16, 45})
    qtmodeltester.check(model)
    clusters = by_kind(model, "cluster")
    assert len(clusters) == 6
    counts = {c.data()[0]: model.rowCount(c) for c in clusters}
    assert counts == {"A": 2, "B": 1, "C": 0, "D": 0, "E": 0, "F": 1}
    assert "(2/14)" in clusters[0].data()
    assert model.shown_count() == 4
    assert not model.index_for("rec:3").isValid()
    model.set_visible(None)
    assert model.shown_count() == 45


def test_a_filter_that_keeps_every_row_relabels_the_groups_without_a_reset(repo, qtmodeltester):
    """A first keystroke that all 45 recommendations match changes only the group counts: the view keeps
    its rows (a reset lays out and repaints the whole tree), and the labels still follow the filter."""
    model = make_model(repo)
    qtmodeltester.check(model)
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda a, b, roles: changed.append(a.data(KindRole)))
    a, (annex1,) = model.index_for("cluster:A"), by_kind(model, "annex1")
    assert a.data().endswith("(14)") and annex1.data().endswith("(45/45)")
    model.set_visible(set(range(1, 46)), {3, 7, 8, 9, 10, 12})
    assert resets == [] and sorted(set(changed)) == ["annex1", "cluster"]
    assert a.isValid() and a.data().endswith("(14/14)")
    assert annex1.isValid() and annex1.data().endswith("(45/45)")
    model.set_visible(set(range(1, 45)), {3, 7, 8, 9, 10, 12})  # one row fewer: the rows change
    assert resets == [True] and not model.index_for("rec:45").isValid()
    qtmodeltester.check(model)


def test_sector_grouping(repo, qtmodeltester):
    model = make_model(repo)
    model.set_grouping("sector")
    qtmodeltester.check(model)
    groups = by_kind(model, "sector")
    assert [g.data().rsplit(" (", 1)[0] for g in groups] == repo.sectors()
    for s in repo.summaries():
        parents = {i.parent().data().rsplit(" (", 1)[0] for i in model.indexes_for(f"rec:{s.number}")}
        assert parents == set(s.sectors)
    model.set_visible({1})
    qtmodeltester.check(model)
    assert sum(model.rowCount(g) for g in by_kind(model, "sector")) == len(repo.recommendation(1).sectors)


def test_bookmark_mark(repo):
    model = make_model(repo)
    seen = []
    model.dataChanged.connect(lambda a, b, roles: seen.append(a.data(TargetRole)))
    model.set_bookmarks({"rec:6", "review:3"})
    assert model.index_for("rec:6").data(BookmarkedRole) and model.index_for("review:3").data(BookmarkedRole)
    assert not model.index_for("rec:7").data(BookmarkedRole)
    assert set(seen) == {"rec:6", "review:3"}
    # The mark is an icon the delegate draws, never a glyph in the (elided) label; it is still said.
    assert not any(ch in model.index_for("rec:6").data() for ch in "⚑🔖")
    said = model.index_for("rec:6").data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.endswith(("bookmarked", "已加书签"))
    assert "★" in model.index_for("rec:6").data()  # ★ keeps one meaning: immediate implementation


def test_search_result_model(repo, qtmodeltester):
    """One flat list: each recommendation's header row, then its hits, every hit under its own group."""
    model = SearchResultModel()
    model.set_titles({f"rec:{s.number}": s.title for s in repo.summaries()})
    hits = repo.search("专利")
    model.set_hits(hits)
    qtmodeltester.check(model)
    assert model.group_count() > 5
    targets = model.targets()
    assert len(targets) == len(set(targets)), "one group per recommendation"
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    headers = [i for i in rows if i.data(IsGroupRole)]
    assert [i.row() for i in headers] == model.group_rows()
    assert [i.data(TargetRole) for i in headers] == targets
    assert model.rowCount() == len(hits) + len(headers) and model.hit_count() == len(hits)
    group = None
    for index in rows:
        assert model.rowCount(index) == 0 and not index.parent().isValid()
        if index.data(IsGroupRole):
            group = index
            assert model.hit_at(index) is None
            continue
        assert group is not None, "a hit before any group header"
        assert index.data(TargetRole) == group.data(TargetRole)
        assert index.data(SectionRole) == model.hit_at(index).section
        assert "\x02" not in index.data()
    assert model.first_hit().row() == 1 and not model.first_hit().data(IsGroupRole)
    model.set_hits([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and not model.first_hit().isValid()


def test_a_tree_repainted_with_the_same_rows_only_copies_their_pixmaps(window, monkeypatch):
    """Each row's pixmaps, and where they go, are kept per row: painting the same rows again (after a
    keystroke that changed other rows, say) makes no pixmap and looks no label part up."""
    delegate, viewport = window.tree.itemDelegate(), window.tree.viewport()
    window.tree_model.set_bookmarks({"rec:1"})  # a marked row too
    viewport.repaint()
    calls = []
    for name in ("text_pixmap", "bookmark_pixmap", "split", "_pieces"):
        original = getattr(delegate, name)
        monkeypatch.setattr(delegate, name, lambda *a, _o=original, _n=name: calls.append(_n) or _o(*a))
    viewport.repaint()
    assert calls == []
    delegate.reset()  # a new font or style: everything is drawn again
    viewport.repaint()
    assert {"text_pixmap", "bookmark_pixmap", "_pieces"} <= set(calls)


def test_the_trees_expand_arrows_look_as_qt_draws_them(window, qtbot):
    """The tree draws its rows' expand arrows from cached pixmaps (RecommendationTree.drawBranches), where
    Qt's own asks the model about every ancestor of every row: the tree looks the same, pixel for pixel,
    expanded or collapsed, selected or not, filtered or not."""
    tree, model = window.tree, window.tree_model
    viewport, arrows = tree.viewport(), tree._arrows
    assert arrows is not None  # the fast delegate is in (after the first paint), under Fusion

    def looks_as_qt() -> bool:
        tree._arrows = None
        qt = viewport.grab().toImage()
        tree._arrows = arrows
        return viewport.grab().toImage() == qt

    annex = model.index(1, 0, model.index(0, 0))
    cluster = model.index(0, 0, annex)
    assert model.rowCount(cluster) and tree.isExpanded(cluster)
    assert looks_as_qt()
    tree.collapse(cluster)
    tree.setCurrentIndex(annex)
    assert looks_as_qt()
    window.sidebar.set_query("专利")
    qtbot.wait(10)
    assert looks_as_qt()


def test_a_group_rows_count_is_drawn_apart_from_its_title(window):
    """The delegate draws a group's count (" (8/14)") apart from its title: filtering changes only the
    count, and an elided title keeps its count in view. A recommendation's title stays whole."""
    delegate = window.tree.itemDelegate()
    assert delegate.split("A  技术援助和能力建设 (8/14)") == ("A  技术援助和能力建设", " (8/14)")
    assert delegate.split("附件二 · 独立审查 (6)") == ("附件二 · 独立审查", " (6)")
    title = "15★  [⇄21、44] 准则制定活动应：(a) 有包容性，并受成员国驱动"
    assert delegate.split(title) == (title, "")
